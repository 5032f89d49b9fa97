/**
 * Fast start (issue 11): each entry loads only what it uses. The files Node loads are recorded by a
 * module hook; code is recognised by names only it holds (ncc's minifier keeps function names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT, loadRecorder, type LoadRecorder } from '../helpers/dist-loads.js';

let recorder: LoadRecorder;
beforeAll(() => {
  recorder = loadRecorder();
});
afterAll(() => recorder?.dispose());

/** Runs a dist/ entry and returns the dist files it loaded, relative to dist/. */
function loaded(script: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): string[] {
  const r = recorder.run(script, args, env, cwd);
  if (r.status === null) throw new Error(`${script} did not finish: ${r.stderr}`);
  return r.files;
}

/** Whether any of the loaded files holds `marker`. */
function anyHolds(files: string[], marker: string): boolean {
  return files.some((f) => fs.readFileSync(path.join(DIST, f), 'utf8').includes(marker));
}

// Code only the action's GitHub client, init, the source mapper and the engine hold.
const GITHUB_CLIENT = 'octokit';
const INIT = 'function runInit(';
const ENGINE = 'function runChecks(';

describe('the bundle loads per entry', () => {
  it('--version and --help load the front file alone', () => {
    expect(loaded('cli.js', ['--version'])).toEqual(['cli.js', 'lib/index.js']);
    expect(loaded('cli.js', ['--help'])).toEqual(['cli.js', 'lib/index.js']);
  });

  it('a CLI check loads the engine but never the GitHub client or init', () => {
    const files = loaded('cli.js', ['check', 'fixtures/sites/cli-pass', '--icp', '京ICP备2023012345号-1', '--site-name', '示例技术笔记']);
    expect(anyHolds(files, ENGINE)).toBe(true);
    expect(anyHolds(files, GITHUB_CLIENT)).toBe(false);
    expect(anyHolds(files, INIT)).toBe(false);
  });

  it('a clean check loads the front, the check bundle and the engine-only page process only', () => {
    const files = loaded('cli.js', ['check', 'fixtures/sites/cli-pass', '--icp', '京ICP备2023012345号-1', '--site-name', '示例技术笔记']);
    expect(files).toEqual(['check/index.js', 'cli.js', 'lib/index.js', 'worker.js', 'worker/index.js']);
  });

  it('init loads init, and a check with findings the source mapper, on demand', () => {
    expect(loaded('cli.js', ['init', '--help'])).toEqual(['cli.js', 'init/index.js', 'lib/index.js']);
    const demo = loaded('cli.js', ['check', '--config', 'fixtures/demo/beian.config.json']);
    expect(demo).toEqual(['check/index.js', 'cli.js', 'lib/index.js', 'sourcemap/index.js', 'worker.js', 'worker/index.js']);
    expect(anyHolds(demo, 'function attachSourceLocations(')).toBe(true);
  });

  it('the action loads the GitHub client but never init', () => {
    const workspace = fs.mkdtempSync(path.join(recorder.dir, 'ws-'));
    fs.cpSync(path.join(ROOT, 'fixtures/sites/cli-pass'), path.join(workspace, 'public'), { recursive: true });
    const out = path.join(workspace, 'out.txt');
    fs.writeFileSync(out, '');
    const files = loaded('index.js', [], {
      'INPUT_ICP': '京ICP备2023012345号-1',
      'INPUT_SITE-NAME': '示例技术笔记',
      'INPUT_COMMENT': 'never',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: out,
    }, workspace);
    expect(fs.readFileSync(out, 'utf8')).toContain('passed');
    expect(files).toEqual(['action/index.js', 'index.js', 'worker.js', 'worker/index.js']);
    expect(anyHolds(files, ENGINE)).toBe(true);
    expect(anyHolds(files, GITHUB_CLIENT)).toBe(true);
    expect(anyHolds(files, INIT)).toBe(false);
  });

  it('a page process loads the engine alone', () => {
    const files = loaded('cli.js', ['check', 'fixtures/demo/site', '--icp', '京ICP备2023012345号-1', '--site-name', 'x', '--workers', '1', '--scope', 'all', '--no-source-map']);
    expect(files).toEqual(['check/index.js', 'cli.js', 'lib/index.js', 'worker.js', 'worker/index.js']);
    const worker = ['worker/index.js'];
    expect(anyHolds(worker, ENGINE)).toBe(false);
    expect(anyHolds(worker, 'function checkFile(')).toBe(true);
    expect(anyHolds(worker, GITHUB_CLIENT) || anyHolds(worker, INIT) || anyHolds(worker, 'function formatSarif(')).toBe(false);
  });

  it('each bundle is a single file', () => {
    for (const folder of ['lib', 'check', 'sourcemap', 'init', 'action', 'worker']) {
      expect(fs.readdirSync(path.join(DIST, folder)).filter((f) => f.endsWith('.js'))).toEqual(['index.js']);
    }
  });
});
