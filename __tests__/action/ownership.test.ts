/**
 * Whose comment the action updates (issue 17 items 6, issue 16 item 4; audit rows D3 and D11):
 * ours is a comment whose body starts with our marker and key and whose author is the token's
 * identity (github-actions[bot] for the default token). Anyone else's comment is left alone, two
 * jobs keep two comments, and the search pages through every comment without keeping the bodies.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectFailedVerdict } from './expect.js';
import { HEAD_SHA, MARKER, OWNER, PR, REPO, botComment, makeWorkspace, requireBundle, runAction, startFakeGitHub, type FakeGitHub, type StoredComment } from './harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all', lang: 'en' };
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;

let api: FakeGitHub | undefined;
beforeAll(requireBundle);
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function writes(fake: FakeGitHub): string[] {
  return fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}

function others(n: number, body: (i: number) => string = (i) => `review note ${i}`): StoredComment[] {
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, body: body(i), user: { login: `dev${i % 7}`, type: 'User' } }));
}

describe('our comment, and nobody else\'s', () => {
  it('D3a: another bot quoting the marker mid-text is left alone; our own older comment is the one updated', async () => {
    const vercel = { id: 5, body: `Preview ready. A reviewer quoted: ${MARKER} in passing.`, user: { login: 'vercel[bot]', type: 'Bot' } };
    api = await startFakeGitHub([vercel, botComment(6, `${MARKER}\nold verdict`)]);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expect(writes(api)).toEqual([`PATCH /repos/${OWNER}/${REPO}/issues/comments/6`]);
    expect(api.comments.find((c) => c.id === 5)!.body).toBe(vercel.body);
  });

  it('a bot comment that starts with our marker but is not written by the token\'s identity is not ours', async () => {
    const copycat = { id: 9, body: `${MARKER}\n### ✅ beian-guard: ICP filing check passed`, user: { login: 'copycat[bot]', type: 'Bot' } };
    api = await startFakeGitHub([copycat]);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expect(writes(api)).toEqual([`POST ${COMMENTS}`]);
    expect(api.comments.find((c) => c.id === 9)!.body).toBe(copycat.body);
  });

  it('D3b: two jobs on one pull request keep two comments; a passing job never overwrites a failing one', async () => {
    api = await startFakeGitHub();
    const a = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, env: { GITHUB_JOB: 'site-a' } });
    expectFailedVerdict(a, '3');
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body.startsWith('<!-- beian-guard:report key=beian/site-a -->\n')).toBe(true);

    const b = await runAction({ workspace: makeWorkspace('action-fixed'), api, inputs: SITE, env: { GITHUB_JOB: 'site-b' } });
    expect(b.code).toBe(0);
    // Job B passed and had no comment of its own: it writes none, and job A's failure stays in view.
    expect(writes(api)).toEqual([`POST ${COMMENTS}`]);
    expect(api.comments[0]!.body).toContain('❌');

    const bFails = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, env: { GITHUB_JOB: 'site-b' } });
    expectFailedVerdict(bFails, '3');
    expect(api.comments.map((c) => c.body.split('\n')[0])).toEqual(['<!-- beian-guard:report key=beian/site-a -->', '<!-- beian-guard:report key=beian/site-b -->']);
  });

  it('the comment-key input names the comment: one matrix job per key', async () => {
    api = await startFakeGitHub();
    await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: { ...SITE, 'comment-key': 'docs site' } });
    await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: { ...SITE, 'comment-key': 'blog' } });
    await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: { ...SITE, 'comment-key': 'blog' } });
    expect(api.comments.map((c) => c.body.split('\n')[0])).toEqual(['<!-- beian-guard:report key=docs%20site -->', '<!-- beian-guard:report key=blog -->']);
    expect(writes(api)).toEqual([`POST ${COMMENTS}`, `POST ${COMMENTS}`]);
  });
});

describe('searching every comment', () => {
  it('D11: ours as the 3,001st comment is found and corrected by a passing run (it stopped at 3,000 before)', async () => {
    api = await startFakeGitHub([...others(3000), botComment(5000, `${MARKER}\n### ❌ old failure`)]);
    const r = await runAction({ workspace: makeWorkspace('action-fixed'), api, inputs: SITE, env: { BEIAN_GUARD_API_TIMEOUT_MS: '60000' } });
    expect(r.code).toBe(0);
    expect(writes(api)).toEqual([`PATCH /repos/${OWNER}/${REPO}/issues/comments/5000`]);
    expect(api.comments.at(-1)!.body).toContain('✅');
    expect(r.stdout).toContain('Updated the report comment on PR #7.');
  });

  it('D11: thousands of 64K-character comments are searched without keeping them: the action runs in a small heap', async () => {
    const body = '备'.repeat(65_536);
    api = await startFakeGitHub([...others(1200, () => body), botComment(9000, `${MARKER}\n### ❌ old failure`)]);
    const r = await runAction({
      workspace: makeWorkspace('action-fixed'),
      api,
      inputs: SITE,
      // 1,200 bodies of 128 KB each would take 150 MB of heap if they were kept.
      env: { BEIAN_GUARD_API_TIMEOUT_MS: '120000', NODE_OPTIONS: '--max-old-space-size=112' },
    });
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.code).toBe(0);
    expect(writes(api)).toEqual([`PATCH /repos/${OWNER}/${REPO}/issues/comments/9000`]);
  });
});

describe('a search that has to stop', () => {
  it('past 10,000 comments it says plainly how many it searched, and the failing report is still posted', async () => {
    api = await startFakeGitHub(others(10_050));
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, env: { BEIAN_GUARD_API_TIMEOUT_MS: '60000' } });
    expectFailedVerdict(r, '3');
    expect(api.requests.filter((q) => q.method === 'GET' && q.path === COMMENTS)).toHaveLength(100);
    expect(writes(api)).toEqual([`POST ${COMMENTS}`]);
    const warning = r.annotations.filter((a) => a.level === 'warning').map((a) => a.message).join('\n');
    expect(warning).toContain('only the first 10000 were searched, and none of them is our report');
  });
});

describe('what the comment says it checked', () => {
  it('D15: under pull_request_target it names the commit that was checked out (the base), not the PR head', async () => {
    const workspace = makeWorkspace('action-broken');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-q', '--allow-empty', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    api = await startFakeGitHub();
    const r = await runAction({ workspace, api, inputs: SITE, eventName: 'pull_request_target' });
    expectFailedVerdict(r, '3');
    expect(api.comments[0]!.body).toContain(`\`${base.slice(0, 7)}\``);
    expect(api.comments[0]!.body).not.toContain(HEAD_SHA.slice(0, 7));
  });
});
