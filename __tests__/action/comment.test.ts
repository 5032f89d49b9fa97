import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectFailedVerdict, expectNoTokenLeak } from './expect.js';
import {
  HEAD_SHA,
  MARKER,
  OWNER,
  PR,
  REPO,
  botComment,
  makeWorkspace,
  pullRequestEvent,
  requireBundle,
  runAction,
  startFakeGitHub,
  type FakeGitHub,
} from './harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all' };
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

function eventFor(sha: string): unknown {
  const event = pullRequestEvent() as { pull_request: { head: { sha: string } } };
  event.pull_request.head.sha = sha;
  return event;
}

describe('the sticky PR comment', () => {
  it('is created on the first run, updated in place on the next, and left alone when nothing changed', async () => {
    api = await startFakeGitHub();
    const first = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(first, '3');
    expectNoTokenLeak(first);
    expect(writes(api)).toEqual([`POST ${COMMENTS}`]);
    expect(api.comments).toHaveLength(1);
    const body = api.comments[0]!.body;
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain('❌');
    expect(body).toContain(`\`${HEAD_SHA.slice(0, 7)}\``);
    expect(body).toContain('[icp-link](https://github.example.com/beian-guard/beian-guard/blob/v1/docs/rules/icp-link.md)');
    expect(body).toContain('https://github.example.com/octo-org/notes-site/actions/runs/4242');
    // The request carried the token as GitHub expects, to the API address of the environment.
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(post.headers.authorization).toMatch(/^token ghs_/);
    expect(post.headers['user-agent']).toMatch(/^beian-guard\//);

    const second = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, event: eventFor('0123456789abcdef0123456789abcdef01234567') });
    expectFailedVerdict(second, '3');
    expect(writes(api)).toEqual([`POST ${COMMENTS}`, `PATCH /repos/${OWNER}/${REPO}/issues/comments/1000`]);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toContain('`0123456`');

    const third = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, event: eventFor('0123456789abcdef0123456789abcdef01234567') });
    expectFailedVerdict(third, '3');
    expect(writes(api)).toHaveLength(2);
  });

  it('flips to a passing report once the site is fixed, instead of keeping the old failure', async () => {
    api = await startFakeGitHub();
    await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expect(api.comments[0]!.body).toContain('❌');

    const fixed = await runAction({ workspace: makeWorkspace('action-fixed'), api, inputs: SITE });
    expect(fixed.code).toBe(0);
    expect(fixed.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0', pages: '2' });
    expect(writes(api)).toEqual([`POST ${COMMENTS}`, `PATCH /repos/${OWNER}/${REPO}/issues/comments/1000`]);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toContain('✅ beian-guard：备案检查通过');
    expect(api.comments[0]!.body).not.toContain('❌');
    expectNoTokenLeak(fixed);
  });

  it('creates no comment for a passing site that never had one', async () => {
    api = await startFakeGitHub();
    const r = await runAction({ workspace: makeWorkspace('action-fixed'), api, inputs: { ...SITE, lang: 'en' } });
    expect(r.code).toBe(0);
    expect(writes(api)).toEqual([]);
    expect(r.stdout).toContain('The check passed and the PR has no earlier comment of ours');
  });

  it('ignores a person quoting our marker and finds its own comment on the second page', async () => {
    const others = Array.from({ length: 140 }, (_, i) => ({ id: i + 1, body: `review note ${i}`, user: { login: `dev${i}`, type: 'User' } }));
    others[3] = { id: 4, body: `${MARKER}\nquoted by a reviewer`, user: { login: 'alice', type: 'User' } };
    const ours = botComment(777, `${MARKER}\nan old report`);
    api = await startFakeGitHub([...others.slice(0, 120), ours, ...others.slice(120)]);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expect(writes(api)).toEqual([`PATCH /repos/${OWNER}/${REPO}/issues/comments/777`]);
    expect(api.comments.find((c) => c.id === 4)!.body).toBe(`${MARKER}\nquoted by a reviewer`);
    const pages = api.requests.filter((q) => q.method === 'GET' && q.path === COMMENTS).map((q) => q.query.get('page'));
    expect(pages).toEqual(['1', '2']);
  });

  it('matches by login when the token can name its user (a personal token)', async () => {
    api = await startFakeGitHub([
      { id: 5, body: `${MARKER}\nsomeone else's bot`, user: { login: 'other-bot[bot]', type: 'Bot' } },
      { id: 6, body: `${MARKER}\nmine`, user: { login: 'release-manager', type: 'User' } },
    ]);
    api.override = (req) => (req.path === '/user' ? { status: 200, body: { login: 'release-manager', type: 'User' } } : undefined);
    await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expect(writes(api)).toEqual([`PATCH /repos/${OWNER}/${REPO}/issues/comments/6`]);
  });

  it('stays off the API with comment: never, and on push events with comment: auto', async () => {
    api = await startFakeGitHub();
    const never = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: { ...SITE, comment: 'never' } });
    expectFailedVerdict(never, '3');
    const push = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, eventName: 'push', event: { ref: 'refs/heads/main' } });
    expectFailedVerdict(push, '3');
    expect(api.requests).toEqual([]);
  });

  it('with comment: always, comments from an issue_comment event on a pull request', async () => {
    api = await startFakeGitHub();
    const r = await runAction({
      workspace: makeWorkspace('action-broken'),
      api,
      inputs: { ...SITE, comment: 'always' },
      eventName: 'issue_comment',
      event: { issue: { number: PR, pull_request: { url: 'x' } }, comment: { body: '/check' } },
    });
    expectFailedVerdict(r, '3');
    expect(writes(api)).toEqual([`POST ${COMMENTS}`]);
  });

  it('updates an existing comment to say the check could not run when the input is wrong', async () => {
    api = await startFakeGitHub([botComment(31, `${MARKER}\n### ✅ old pass`)]);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: { ...SITE, 'site-name': '', lang: 'en' } });
    expect(r.code).not.toBe(0);
    expect(r.outputs.passed).toBe('false');
    expect(api.comments[0]!.body).toContain('the check could not run');
    expect(api.comments[0]!.body).not.toContain('old pass');
  });
});
