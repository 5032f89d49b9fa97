/**
 * The action side of "nothing one page does can take the run down" (issue 17, audit row D1a):
 * the page that used to kill Node left no `passed` output, an empty summary, no annotation and an
 * earlier "passed" PR comment standing. Now it is a finding like any other, and `passed=false` is
 * written before checking starts, so even a run killed from outside never reads as a pass.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { botComment, MARKER, requireBundle, runAction, startFakeGitHub, type FakeGitHub } from './harness.js';

const ICP = '粤ICP备2022012345号-1';
const NAME = '留言板';
const FOOT = `<footer><a href="https://beian.miit.gov.cn/">${ICP}</a></footer>`;
const INPUTS = { path: 'public', icp: ICP, 'site-name': NAME, lang: 'en' };

let api: FakeGitHub | undefined;
beforeAll(requireBundle);
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-action-isolation-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'public', rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'public', rel), text);
  }
  return dir;
}

/**
 * A page over its memory budget. The audit's D1a page (1,700 links to one huge stylesheet) no longer
 * costs memory: the CSS caps of issue 13 stop reading it. 190,000 elements in 1.9 MB still need
 * more heap than the 32 MB the test allows (BEIAN_GUARD_PAGE_MEMORY_MB), as a crafted page of any
 * future kind might: the mechanism is the same whatever the page does.
 */
function heavySite(): Record<string, string> {
  return { 'index.html': `<title>${NAME}</title>${'<i>京</i>'.repeat(190_000)}${FOOT}` };
}

describe('a hostile entry page through the action', () => {
  it('D1a: fails the step with a finding for the page: outputs, annotation, summary, and the old passing comment corrected', async () => {
    api = await startFakeGitHub([botComment(41, `${MARKER}\n### ✅ beian-guard: ICP filing check passed`)]);
    const r = await runAction({ workspace: workspace(heavySite()), api, inputs: INPUTS, env: { BEIAN_GUARD_PAGE_MEMORY_MB: '32' } });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/Fatal|FATAL|at .*\.js:\d+/);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '1', pages: '1' });
    const errors = r.annotations.filter((a) => a.level === 'error' && a.properties.startsWith('title=file-skipped'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties).toContain('file=public/index.html');
    expect(r.summary).toContain('### ❌ beian-guard: ICP filing check failed');
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toContain('❌');
    expect(api.comments[0]!.body).toContain('file-skipped');
  });

  it('a run killed while it checks leaves passed=false, never a pass or an empty output', async () => {
    // Killed the moment it wrote its first output: that output must be passed=false, written before any page is read.
    const r = await runAction({ workspace: workspace(heavySite()), inputs: { ...INPUTS, comment: 'never' }, killAtFirstOutput: true });
    expect(r.code).toBeNull();
    expect(r.outputs).toEqual({ passed: 'false' });
  });
});
