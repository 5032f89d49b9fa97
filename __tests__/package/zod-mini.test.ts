/**
 * The config is validated with zod/mini (src/config/schema.ts, live-schema.ts, render.ts): a check
 * never loads classic zod, whose every method is built at start-up whether used or not. The files
 * a real check loads from dist/ are recorded by a module hook, and zod's schema classes are
 * recognised by the names they register under (the minifier keeps string literals).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, loadRecorder, type LoadRecorder } from '../helpers/dist-loads.js';

/** Classic zod registers `ZodString`, `ZodObject`…; zod/mini `ZodMiniString`, `ZodMiniObject`…. */
const CLASSIC = /["'`]Zod(?:String|Object|Array)["'`]/;
const MINI = /["'`]ZodMini(?:String|Object|Array)["'`]/;
let recorder: LoadRecorder;
beforeAll(() => {
  recorder = loadRecorder();
});
afterAll(() => recorder?.dispose());

/** The dist/ files a CLI run loads, page processes included, with their text. */
function loaded(args: string[]): { file: string; text: string }[] {
  const r = recorder.run('cli.js', args);
  expect(r.status, r.stderr).toBe(0);
  return r.files.map((file) => ({ file, text: fs.readFileSync(path.join(DIST, file), 'utf8') }));
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
