/**
 * Where the action writes and what it reads (issue 17 item 9; audit rows D14, F8, F10, F11, I11):
 * `sarif-file`, `json-file` and `comment-file` stay inside the workspace, never go through a link
 * or into .git, never replace a file that is not one of our reports, and never name the same file
 * twice; the config file is not read through a link out of the workspace, so nothing of what it
 * points at can reach the log, the summary or the PR comment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unescapeCommand } from './expect.js';
import { makeWorkspace, requireBundle, runAction, startFakeGitHub, botComment, MARKER, type FakeGitHub, type RunResult } from './harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all', lang: 'en' };

let api: FakeGitHub | undefined;
beforeAll(requireBundle);
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function refused(r: RunResult, text: string): void {
  expect(r.code).toBe(2);
  expect(r.outputs.passed).toBe('false');
  const errors = r.annotations.filter((a) => a.level === 'error').map((a) => unescapeCommand(a.message));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(text);
}

describe('report files', () => {
  it('F10: a page of the site, .git/config and a path out of the workspace are refused, and left as they were', async () => {
    const workspace = makeWorkspace('action-broken');
    fs.mkdirSync(path.join(workspace, '.git'));
    fs.writeFileSync(path.join(workspace, '.git/config'), '[core]\n');
    const page = fs.readFileSync(path.join(workspace, 'public/index.html'), 'utf8');
    const cases: [Record<string, string>, string][] = [
      [{ 'sarif-file': 'public/index.html' }, 'input "sarif-file": cannot write public/index.html: it exists and is not a beian-guard sarif report'],
      [{ 'json-file': '.git/config' }, 'input "json-file": cannot write .git/config: beian-guard never writes into a .git folder'],
      [{ 'comment-file': '../../comment.md' }, 'input "comment-file": cannot write ../../comment.md: the path leads outside the workspace'],
      [{ 'sarif-file': 'out/r.json', 'json-file': 'out/r.json' }, 'inputs "sarif-file" and "json-file" name the same file (out/r.json)'],
    ];
    for (const [inputs, text] of cases) refused(await runAction({ workspace, inputs: { ...SITE, ...inputs } }), text);
    expect(fs.readFileSync(path.join(workspace, 'public/index.html'), 'utf8')).toBe(page);
    expect(fs.readFileSync(path.join(workspace, '.git/config'), 'utf8')).toBe('[core]\n');
    expect(fs.existsSync(path.join(workspace, 'out'))).toBe(false);
  });

  it('F11: comment-file in a folder that is a symlink out of the checkout is refused; nothing is written there', async () => {
    const workspace = makeWorkspace('action-broken');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-outside-'));
    fs.symlinkSync(outside, path.join(workspace, 'beian'));
    refused(await runAction({ workspace, inputs: { ...SITE, 'comment-file': 'beian/comment.md' } }), 'a folder on the way is a link out of the workspace');
    fs.symlinkSync(path.join(outside, 'x.sarif'), path.join(workspace, 'x.sarif'));
    refused(await runAction({ workspace, inputs: { ...SITE, 'sarif-file': 'x.sarif' } }), 'it is a symbolic link');
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('I11: a path with a line break cannot print a workflow command; it is an input error', async () => {
    const workspace = makeWorkspace('action-broken');
    const r = await runAction({ workspace, inputs: { ...SITE, 'sarif-file': 'x\n::warning title=injected::owned' } });
    refused(r, 'the path holds a line break or another control character');
    expect(r.annotations.filter((a) => a.properties.includes('injected'))).toEqual([]);
  });

  it('its own reports are replaced run after run, and an absolute path is the user\'s choice', async () => {
    const workspace = makeWorkspace('action-broken');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-outside-'));
    const inputs = { ...SITE, 'sarif-file': 'r/beian.sarif', 'json-file': path.join(outside, 'beian.json'), 'comment-file': 'r/comment.md' };
    for (let i = 0; i < 2; i++) expect((await runAction({ workspace, inputs })).code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(outside, 'beian.json'), 'utf8'))).toHaveProperty('findings');
    expect(fs.readFileSync(path.join(workspace, 'r/comment.md'), 'utf8').startsWith(MARKER)).toBe(true);
  });
});

describe('the config file', () => {
  it('F8: a beian.config.json that links out of the workspace is not read: no byte of it in the log, summary or comment', async () => {
    const workspace = makeWorkspace('action-broken');
    const secret = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bg-secret-')), 'creds');
    fs.writeFileSync(secret, '"SECRET_TOK_abcdef" not json');
    fs.symlinkSync(secret, path.join(workspace, 'beian.config.json'));
    api = await startFakeGitHub([botComment(8, `${MARKER}\nold`)]);
    const r = await runAction({ workspace, api, inputs: { lang: 'en' } });
    refused(r, 'beian.config.json: the config file leads outside the workspace');
    for (const text of [r.stdout, r.stderr, r.summary, api.comments[0]!.body]) expect(text).not.toContain('SECRET');
    expect(api.comments[0]!.body).toContain('the check could not run');
  });
});
