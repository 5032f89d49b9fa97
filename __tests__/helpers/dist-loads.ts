/**
 * Which files of dist/ a real run loads, page processes included: a module hook appends every
 * dist/ URL Node loads to a log. Passed through NODE_OPTIONS rather than an argument, because page
 * processes are forked with their own execArgv and what they load must be seen too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'dist');

export interface LoadRun {
  readonly status: number | null;
  readonly stderr: string;
  /** The dist/ files loaded, relative to dist/, each once, sorted. */
  readonly files: string[];
}

export interface LoadRecorder {
  /** A scratch folder, removed by dispose(). */
  readonly dir: string;
  run(script: string, args: readonly string[], env?: Record<string, string>, cwd?: string): LoadRun;
  dispose(): void;
}

const HOOK = "import fs from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.includes('/dist/')) fs.appendFileSync(process.env.BG_LOADED_LOG, url + '\\n');\n  return next(url, context);\n}\n";

export function loadRecorder(): LoadRecorder {
  if (!fs.existsSync(path.join(DIST, 'cli.js'))) throw new Error('dist/ is missing: run "npm run bundle" first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-loads-'));
  fs.writeFileSync(path.join(dir, 'hooks.mjs'), HOOK);
  fs.writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`);
  const register = pathToFileURL(path.join(dir, 'register.mjs')).href;
  let runs = 0;
  return {
    dir,
    run(script, args, env = {}, cwd = ROOT) {
      const log = path.join(dir, `${runs++}.log`);
      fs.writeFileSync(log, '');
      const r = spawnSync(process.execPath, [path.join(DIST, script), ...args], {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', BG_LOADED_LOG: log, NODE_OPTIONS: `--import=${register}`, ...env },
      });
      const urls = new Set(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean));
      return { status: r.status, stderr: r.stderr, files: [...urls].map((u) => path.relative(DIST, new URL(u).pathname)).sort() };
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
