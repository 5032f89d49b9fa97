/**
 * The config is validated with zod/mini (src/config/schema.ts, live-schema.ts, render.ts): a check
 * never loads classic zod, whose every method is built at start-up whether used or not. The files
 * a real check loads from dist/ are recorded by a module hook, and zod's schema classes are
 * recognised by the names they register under (the minifier keeps string literals).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
/** Classic zod registers `ZodString`, `ZodObject`…; zod/mini `ZodMiniString`, `ZodMiniObject`…. */
const CLASSIC = /["'`]Zod(?:String|Object|Array)["'`]/;
const MINI = /["'`]ZodMini(?:String|Object|Array)["'`]/;
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'cli.js'))) throw new Error('dist/ is missing: run "npm run bundle" first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-zod-'));
  fs.writeFileSync(
    path.join(dir, 'hooks.mjs'),
    "import fs from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.includes('/dist/')) fs.appendFileSync(process.env.BG_LOADED_LOG, url + '\\n');\n  return next(url, context);\n}\n",
  );
  fs.writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The dist/ files a CLI run loads, page processes included, with their text. */
function loaded(args: string[]): { file: string; text: string }[] {
  const log = path.join(dir, `${Math.random().toString(36).slice(2)}.log`);
  fs.writeFileSync(log, '');
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', BG_LOADED_LOG: log, NODE_OPTIONS: `--import=${pathToFileURL(path.join(dir, 'register.mjs')).href}` },
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = [...new Set(fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean))];
  return urls.map((u) => ({ file: path.relative(DIST, new URL(u).pathname), text: fs.readFileSync(new URL(u), 'utf8') }));
}

describe('a check loads zod/mini only', () => {
  it('validates a config file with zod/mini and never loads classic zod, in the main process or a page process', () => {
    const files = loaded(['check', '--config', 'fixtures/sites/blog-post-ad/beian.config.json', '--no-source-map', '--fail-on', 'never']);
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['check/index.js', 'worker/index.js']));
    expect(files.filter((f) => MINI.test(f.text)).map((f) => f.file)).toContain('check/index.js');
    expect(files.filter((f) => CLASSIC.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it('the markers tell the two apart: the action, which parses GitHub’s answers with classic zod, holds both', () => {
    const action = fs.readFileSync(path.join(DIST, 'action/index.js'), 'utf8');
    expect(CLASSIC.test(action)).toBe(true);
    expect(MINI.test(action)).toBe(true);
  });
});
