/**
 * How the action treats the GitHub API when it misbehaves (issue 17 item 7; audit rows D9, D10,
 * T3–T4, A3, A5): no second POST after a 5xx that may have written the comment, Retry-After is
 * honoured only within the time budget, nothing keeps the process alive past the deadline, and an
 * error body that echoes the token never reaches the log.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectFailedVerdict, expectNoTokenLeak, warningsOf } from './expect.js';
import { OWNER, PR, REPO, TOKEN, makeWorkspace, requireBundle, runAction, startFakeGitHub, type FakeGitHub, type RunResult } from './harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all', lang: 'en' };
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;

let api: FakeGitHub | undefined;
beforeAll(requireBundle);
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function countOf(fake: FakeGitHub, method: string, path: string): number {
  return fake.requests.filter((q) => q.method === method && q.path === path).length;
}

/** No 8 characters of the token's secret part anywhere the runner shows or keeps. */
function expectNoTokenFragment(r: RunResult): void {
  expectNoTokenLeak(r);
  const secret = TOKEN.slice('ghs_'.length);
  const shown = [r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), r.stderr, r.summary].join('\n');
  for (let i = 0; i + 8 <= secret.length; i++) expect(shown).not.toContain(secret.slice(i, i + 8));
}

async function timed(run: Promise<RunResult>): Promise<RunResult & { ms: number }> {
  const started = performance.now();
  const r = await run;
  return { ...r, ms: performance.now() - started };
}

describe('error text from the API', () => {
  it('D9: a 422 that echoes the Authorization header after 255 characters leaves no piece of the token in the log', async () => {
    api = await startFakeGitHub();
    // Placed so that a cut at 300 characters would keep all but the last two characters of the token.
    const echo = (auth: string) => `${'x'.repeat(260 - 'authorization: token '.length)} authorization: ${auth}`;
    api.override = (req) => (req.method === 'POST' ? { status: 422, body: { message: echo(String(req.headers.authorization)) } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expectNoTokenFragment(r);
    const warning = warningsOf(r)[0]!;
    expect(warning).toContain('GitHub rejected the request (422)');
    expect(warning).toContain('[…]');
  });

  it('T3: a 418 body quoting the token in its text (no header name) has the token removed and the rest cut', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.method === 'POST' ? { status: 418, body: { message: `teapot says ${TOKEN.slice(0, 12)} and Bearer ${TOKEN} was sent` } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expectNoTokenFragment(r);
    expect(warningsOf(r)[0]).toContain('GitHub API error: teapot says […]');
  });
});

describe('writes and waits', () => {
  it('a POST that answers 502 after writing the comment is not sent again: the comment is looked up and found', async () => {
    api = await startFakeGitHub();
    const fake = api;
    api.override = (req) => {
      if (req.method !== 'POST') return undefined;
      fake.comments.push({ id: 3000, body: String((req.body as { body: string }).body), user: { login: 'github-actions[bot]', type: 'Bot' } });
      return { status: 502, body: { message: 'Bad Gateway' } };
    };
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expect(countOf(api, 'POST', COMMENTS)).toBe(1);
    expect(api.comments).toHaveLength(1);
    expect(warningsOf(r)).toEqual([]);
    expect(r.stdout).toContain('Posted the report as a comment on PR #7.');
  });

  it('a POST that answers 502 without writing is not repeated either: one warning, no duplicate later', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.method === 'POST' ? { status: 502, body: { message: 'Bad Gateway' } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expect(countOf(api, 'POST', COMMENTS)).toBe(1);
    expect(warningsOf(r)[0]).toContain('server error (502)');
  });

  it('D10: a 429 asking to wait 3,600 s past a 30 s budget gives up at once with a warning, and the POST is not retried', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.method === 'POST' ? { status: 429, headers: { 'retry-after': '3600' }, body: { message: 'You have exceeded a secondary rate limit.' } } : undefined);
    const r = await timed(
      runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, env: { BEIAN_GUARD_RETRY_BASE_MS: '1000', BEIAN_GUARD_API_TIMEOUT_MS: '30000' } }),
    );
    expectFailedVerdict(r, '3');
    expect(countOf(api, 'POST', COMMENTS)).toBe(1);
    expect(warningsOf(r)[0]).toContain('GitHub asked to wait 3600 s, past this run\'s time budget');
    // Before, the POST went out again at +1, +5 and +14 s. A net, not a speed claim.
    expect(r.ms).toBeLessThan(12_000);
  });

  it('a 403 with x-ratelimit-remaining 0 and a reset within the budget is waited out, then the write goes through', async () => {
    api = await startFakeGitHub();
    api.override = (req, n) =>
      req.method === 'POST' && n === 0
        ? { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 2) }, body: { message: 'API rate limit exceeded' } }
        : undefined;
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectFailedVerdict(r, '3');
    expect(countOf(api, 'POST', COMMENTS)).toBe(2);
    expect(api.comments).toHaveLength(1);
    expect(warningsOf(r)).toEqual([]);
  });

  it('A5: after the deadline no back-off timer keeps the process alive', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.path === COMMENTS ? { status: 503, body: { message: 'Unavailable' } } : undefined);
    const r = await timed(
      runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, env: { BEIAN_GUARD_RETRY_BASE_MS: '1000', BEIAN_GUARD_API_TIMEOUT_MS: '10000' } }),
    );
    expectFailedVerdict(r, '3');
    expect(warningsOf(r)[0]).toContain('server error (503)');
    // Before, the retry plugin's back-off timer (+14 s) held the process past the 10 s budget; now a
    // back-off that would end past the deadline is not started. A net, not a speed claim.
    expect(r.ms).toBeLessThan(12_000);
  });
});
