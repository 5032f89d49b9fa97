/**
 * `check` starts its first page process as soon as its arguments are read (issue 18). These run
 * the CLI from the sources with a stand-in page script that records its own start, so they see
 * what the front starts, when, and what becomes of it; the page process itself is the built one
 * (dist/worker.js) where a site is really checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli/main.js';
import { stillRunning } from '../helpers/processes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKER = path.join(ROOT, 'dist/worker.js');
const ICP = '京ICP备2023012345号-1';
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-early-'));
  temps.push(dir);
  return dir;
}

/**
 * A page script that appends its pid to `starts` and then either runs the real page process
 * (`real`) or idles until it is ended.
 */
function recordingScript(dir: string, real: boolean): { script: URL; starts: () => number[] } {
  const starts = path.join(dir, 'starts.txt');
  const body = real
    ? `await import(${JSON.stringify(pathToFileURL(WORKER).href)});`
    : `process.on('disconnect', () => undefined); setInterval(() => undefined, 1000);`;
  const file = path.join(dir, 'page.mjs');
  fs.writeFileSync(file, `import fs from 'node:fs';\nfs.appendFileSync(${JSON.stringify(starts)}, process.pid + '\\n');\n${body}\n`);
  return {
    script: pathToFileURL(file),
    starts: () => (fs.existsSync(starts) ? fs.readFileSync(starts, 'utf8').split('\n').filter(Boolean).map(Number) : []),
  };
}

async function run(argv: string[], script: URL, cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    workerScript: script,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Live processes whose command line names `script`. */
function running(script: URL): number[] {
  const file = script.pathname;
  return fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(file) && stillRunning(pid);
      } catch {
        return false;
      }
    });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  for (let waited = 0; waited < ms && !check(); waited += 50) await sleep(50);
}

describe('the first page process of a check', () => {
  it.skipIf(!fs.existsSync(WORKER))('is the one that checks the pages: a small site starts exactly one', async () => {
    const dir = tempDir();
    const page = recordingScript(dir, true);
    const r = await run(['check', 'fixtures/sites/cli-pass', '--icp', ICP, '--site-name', '示例技术笔记', '--format', 'json'], page.script);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.pages).toBe(1);
    expect(page.starts()).toHaveLength(1);
  });

  it.skipIf(process.platform !== 'linux')('is ended when the configuration is wrong, and the error comes at once', async () => {
    const dir = tempDir();
    const page = recordingScript(dir, false);
    const started = performance.now();
    const r = await run(['check', '--config', path.join(dir, 'missing.json'), '--lang', 'en'], page.script);
    const took = performance.now() - started;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.json/);
    // Waiting for the process to load (or to end) is not part of answering a usage error.
    expect(took).toBeLessThan(3000);
    // It may be ended before it even ran a line of its script: look for it by its command line.
    await waitFor(() => running(page.script).length === 0);
    expect(running(page.script)).toEqual([]);
  });

  it.each([
    [['--version']],
    [['--help']],
    [['check', '--list-rules']],
    [['check', '--print-config', '--icp', ICP, 'fixtures/sites/cli-pass']],
    [['check', '--frmat', 'json']],
    [['merge', '--lang', 'en']],
    [['live', '--lang', 'en']],
    [['init', '--lang', 'en']],
  ])('is never started by %j', async (argv) => {
    const dir = tempDir();
    const page = recordingScript(dir, false);
    await run(argv, page.script);
    await sleep(300);
    expect(page.starts()).toEqual([]);
    expect(running(page.script)).toEqual([]);
  });
});

describe('--no-source-map', () => {
  function printedSources(argv: string[], sources: boolean): Promise<boolean> {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'site'));
    fs.writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify({ icp: ICP, siteName: '示例技术笔记', root: 'site', sources: { enabled: sources } }));
    return run(['check', '--print-config', ...argv], new URL('file:///nowhere/page.mjs'), dir).then((r) => JSON.parse(r.stdout).sources.enabled as boolean);
  }

  it("turns source locations off; without it the config's sources.enabled decides", async () => {
    expect(await printedSources([], false)).toBe(false);
    expect(await printedSources([], true)).toBe(true);
    expect(await printedSources(['--no-source-map'], true)).toBe(false);
  });
});
