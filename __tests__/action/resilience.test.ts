import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectFailedVerdict, expectNoTokenLeak, warningsOf } from './expect.js';
import { OWNER, PR, REPO, makeWorkspace, requireBundle, runAction, startFakeGitHub, type FakeGitHub, type RunResult } from './harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all', lang: 'en' };
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;

let api: FakeGitHub | undefined;
beforeAll(requireBundle);
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Whatever the API did, the report reached every runner-side sink and the verdict stands. */
function expectReportIntact(r: RunResult): void {
  expectFailedVerdict(r, '3');
  expect(r.outputs).toMatchObject({ errors: '3', warnings: '0', pages: '2' });
  expect(r.summary).toContain('### ❌ beian-guard: ICP filing check failed');
  expect(r.annotations.filter((a) => a.level === 'error' && a.properties.startsWith('title=icp-link'))).toHaveLength(1);
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  expectNoTokenLeak(r);
}

function countOf(fake: FakeGitHub, method: string, path: string): number {
  return fake.requests.filter((q) => q.method === method && q.path === path).length;
}

describe('GitHub API failures never change the verdict', () => {
  it('a 403 on the write (a fork PR with a read-only token) becomes one warning', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.method === 'POST' ? { status: 403, body: { message: 'Resource not accessible by integration' } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    // 403 is not retried: it will not change by asking again.
    expect(countOf(api, 'POST', COMMENTS)).toBe(1);
    const warnings = warningsOf(r);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Could not update the PR comment: GitHub refused the write (403)');
    expect(warnings[0]).toContain('docs/github-action.md');
  });

  it('5xx answers are retried and then the comment is written', async () => {
    api = await startFakeGitHub();
    api.override = (req, n) => (req.method === 'GET' && req.path === COMMENTS && n < 2 ? { status: 502, body: { message: 'Bad Gateway' } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    expect(countOf(api, 'GET', COMMENTS)).toBe(3);
    expect(api.comments).toHaveLength(1);
    expect(warningsOf(r)).toEqual([]);
  });

  it('a 5xx that does not go away ends as a warning after the retries', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.method === 'GET' && req.path === COMMENTS ? { status: 503, body: { message: 'Unavailable' } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    expect(countOf(api, 'GET', COMMENTS)).toBe(4);
    expect(warningsOf(r)[0]).toContain('server error (503)');
  });

  it('a 429 secondary rate limit with Retry-After is waited out and retried', async () => {
    api = await startFakeGitHub();
    api.override = (req, n) =>
      req.method === 'POST' && n === 0
        ? { status: 429, headers: { 'retry-after': '2' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } }
        : undefined;
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    expect(countOf(api, 'POST', COMMENTS)).toBe(2);
    expect(api.comments).toHaveLength(1);
    expect(warningsOf(r)).toEqual([]);
  });

  it('a server that never answers is cut off by the overall timeout', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.path === COMMENTS ? 'hang' : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, env: { BEIAN_GUARD_API_TIMEOUT_MS: '1500' } });
    expectReportIntact(r);
    expect(warningsOf(r)[0]).toContain('The GitHub API did not finish within 1.5 s');
  });

  it('a connection reset is retried, then reported as unreachable', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.path === COMMENTS ? 'reset' : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    expect(countOf(api, 'GET', COMMENTS)).toBe(4);
    expect(warningsOf(r)[0]).toContain('Could not reach the GitHub API');
  });

  it('malformed JSON is a warning, not a crash', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.path === COMMENTS ? { status: 200, raw: '[{"id": 1, "body": "<!-- beian' } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    expect(warningsOf(r)[0]).toContain('could not be read');
    expect(countOf(api, 'POST', COMMENTS)).toBe(0);
  });

  it('an HTML error page where JSON was expected is a warning too', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.path === COMMENTS ? { status: 200, raw: '<html><body>proxy login</body></html>', headers: { 'content-type': 'text/html' } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    expect(warningsOf(r)[0]).toContain('could not be read');
  });

  it('404 and 422 answers are explained', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.path === COMMENTS ? { status: 404, body: { message: 'Not Found' } } : undefined);
    const notFound = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(notFound);
    expect(warningsOf(notFound)[0]).toContain('(404)');

    api.override = (req) =>
      req.method === 'POST' ? { status: 422, body: { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] } } : undefined;
    const invalid = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(invalid);
    expect(warningsOf(invalid)[0]).toContain('GitHub rejected the request (422)');
  });

  it('a 401 names the token as the problem', async () => {
    api = await startFakeGitHub();
    api.override = (req) => (req.path === COMMENTS ? { status: 401, body: { message: 'Bad credentials' } } : undefined);
    const r = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE });
    expectReportIntact(r);
    expect(warningsOf(r)[0]).toContain('check github-token');
  });

  it('a passing site stays passing when the API is down', async () => {
    api = await startFakeGitHub();
    api.override = () => ({ status: 500, body: { message: 'boom' } });
    const r = await runAction({ workspace: makeWorkspace('action-fixed'), api, inputs: SITE });
    expect(r.code).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(warningsOf(r)[0]).toContain('server error (500)');
    expectNoTokenLeak(r);
  });
});
