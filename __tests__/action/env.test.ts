import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionDocsUrl, readApiLimits, readGithubEnv, readPullRequest, runUrl } from '../../src/action/env.js';

function eventFile(payload: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bg-event-')), 'event.json');
  fs.writeFileSync(file, payload);
  return file;
}

describe('the runner environment', () => {
  it('uses the GitHub Enterprise Server addresses it is given, for API calls and links', () => {
    const gh = readGithubEnv(
      {
        GITHUB_WORKSPACE: '/w/repo',
        GITHUB_SERVER_URL: 'https://ghe.corp.example/',
        GITHUB_API_URL: 'https://ghe.corp.example/api/v3',
        GITHUB_REPOSITORY: 'web/site',
        GITHUB_RUN_ID: '17',
        GITHUB_ACTION_REPOSITORY: 'actions-mirror/beian-guard',
        GITHUB_ACTION_REF: 'v0.3.1',
      },
      '/elsewhere',
    );
    expect(gh.apiUrl).toBe('https://ghe.corp.example/api/v3');
    expect(runUrl(gh)).toBe('https://ghe.corp.example/web/site/actions/runs/17');
    expect(actionDocsUrl(gh, '0.1.0')('icp-link')).toBe('https://ghe.corp.example/actions-mirror/beian-guard/blob/v0.3.1/docs/rules/icp-link.md');
  });

  it('links docs to this repository at this commit when the action runs as uses: ./ in its own repository', () => {
    const gh = readGithubEnv({ GITHUB_WORKSPACE: '/w/beian-guard', GITHUB_ACTION_PATH: '/w/beian-guard', GITHUB_REPOSITORY: 'me/beian-guard', GITHUB_SHA: 'abc123' }, '/');
    expect(actionDocsUrl(gh, '0.1.0')('file-skipped')).toBe('https://github.com/me/beian-guard/blob/abc123/docs/rules/file-skipped.md');
    const elsewhere = readGithubEnv({ GITHUB_WORKSPACE: '/w/site', GITHUB_ACTION_PATH: '/w/site/vendor/bg' }, '/');
    expect(actionDocsUrl(elsewhere, '0.1.0')('icp-link')).toBe('https://github.com/beian-guard/beian-guard/blob/v0.1.0/docs/rules/icp-link.md');
  });

  it('finds the pull request in pull_request, issue_comment and workflow_run payloads', () => {
    const base = readGithubEnv({}, '/');
    const read = (payload: unknown) => readPullRequest({ ...base, eventPath: eventFile(JSON.stringify(payload)) });
    expect(read({ pull_request: { number: 12, head: { sha: 'aa11' } } })).toEqual({ pr: { number: 12, headSha: 'aa11' } });
    expect(read({ issue: { number: 3, pull_request: {} } })).toEqual({ pr: { number: 3, headSha: undefined } });
    expect(read({ issue: { number: 3 } })).toEqual({});
    expect(read({ workflow_run: { head_sha: 'bb22', pull_requests: [{ number: 9 }] } })).toEqual({ pr: { number: 9, headSha: 'bb22' } });
    expect(read({ ref: 'refs/heads/main' })).toEqual({});
    expect(read({ pull_request: { number: '12; rm -rf /' } })).toEqual({});
  });

  it('reports an unreadable payload instead of throwing', () => {
    const base = readGithubEnv({}, '/');
    expect(readPullRequest({ ...base, eventPath: eventFile('{"pull_request": ') }).problem).toMatch(/event\.json: .*JSON/);
    expect(readPullRequest({ ...base, eventPath: '/no/such/event.json' }).problem).toContain('/no/such/event.json');
    expect(readPullRequest({ ...base, eventPath: eventFile('[1]') }).problem).toContain('not an object');
  });

  it('takes the API limits from the environment, ignoring nonsense', () => {
    expect(readApiLimits({})).toEqual({ timeoutMs: 30_000, retryBaseMs: 1000 });
    expect(readApiLimits({ BEIAN_GUARD_API_TIMEOUT_MS: '1500', BEIAN_GUARD_RETRY_BASE_MS: '1' })).toEqual({ timeoutMs: 1500, retryBaseMs: 1 });
    expect(readApiLimits({ BEIAN_GUARD_API_TIMEOUT_MS: '-5', BEIAN_GUARD_RETRY_BASE_MS: 'fast' })).toEqual({ timeoutMs: 30_000, retryBaseMs: 1000 });
  });
});
