import fs from 'node:fs';
import path from 'node:path';
import { docsUrl, releaseDocsUrl, type DocsUrl } from '../reporters/docs-url.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the runner tells a step about where it runs. Read by a function, never at import time. */
export interface GithubEnv {
  /** Absolute checkout folder; annotation and SARIF paths are relative to it. */
  readonly workspace: string;
  readonly eventName: string;
  readonly eventPath: string | undefined;
  /** `owner/name` of the repository the workflow runs in. */
  readonly repository: string | undefined;
  /** Web address of GitHub or of a GitHub Enterprise Server, without a trailing slash. */
  readonly serverUrl: string;
  /** REST API address (`https://HOST/api/v3` on GitHub Enterprise Server). */
  readonly apiUrl: string;
  readonly runId: string | undefined;
  readonly sha: string | undefined;
  /** Set for `uses: owner/repo@ref`; empty for a local `uses: ./`. */
  readonly actionRepository: string | undefined;
  readonly actionRef: string | undefined;
  readonly actionPath: string | undefined;
  /** Names of the workflow and job: the default key of the PR comment. */
  readonly workflow: string | undefined;
  readonly job: string | undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readGithubEnv(env: Env, cwd: string): GithubEnv {
  return {
    workspace: path.resolve(cwd, nonEmpty(env.GITHUB_WORKSPACE) ?? '.'),
    eventName: nonEmpty(env.GITHUB_EVENT_NAME) ?? '',
    eventPath: nonEmpty(env.GITHUB_EVENT_PATH),
    repository: nonEmpty(env.GITHUB_REPOSITORY),
    serverUrl: (nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/(?<!\/)\/+$/, ''),
    apiUrl: (nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/(?<!\/)\/+$/, ''),
    runId: nonEmpty(env.GITHUB_RUN_ID),
    sha: nonEmpty(env.GITHUB_SHA),
    actionRepository: nonEmpty(env.GITHUB_ACTION_REPOSITORY),
    actionRef: nonEmpty(env.GITHUB_ACTION_REF),
    actionPath: nonEmpty(env.GITHUB_ACTION_PATH),
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    job: nonEmpty(env.GITHUB_JOB),
  };
}

/** Knobs for tests and slow networks, documented in docs/github-action.md. */
export interface ApiLimits {
  /** Upper bound for all GitHub API work of one run (BEIAN_GUARD_API_TIMEOUT_MS, default 30 s). */
  readonly timeoutMs: number;
  /** Base of the retry back-off and of Retry-After waits (BEIAN_GUARD_RETRY_BASE_MS, default 1 s). */
  readonly retryBaseMs: number;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}

export function readApiLimits(env: Env): ApiLimits {
  return {
    timeoutMs: positiveInt(env.BEIAN_GUARD_API_TIMEOUT_MS, 30_000),
    retryBaseMs: positiveInt(env.BEIAN_GUARD_RETRY_BASE_MS, 1000),
  };
}

/** The run page, which shows the job summary. */
export function runUrl(gh: GithubEnv): string | undefined {
  return gh.repository && gh.runId ? `${gh.serverUrl}/${gh.repository}/actions/runs/${gh.runId}` : undefined;
}

/**
 * Rule docs of the action version that ran: the published action's repository at its ref (on
 * GHES, the synced copy), this repository at this commit for `uses: ./` in our own workflows,
 * else the release tag of this project.
 */
export function actionDocsUrl(gh: GithubEnv, version: string): DocsUrl {
  if (gh.actionRepository && gh.actionRef) return docsUrl({ serverUrl: gh.serverUrl, repository: gh.actionRepository, ref: gh.actionRef });
  if (gh.actionPath && gh.repository && gh.sha && path.resolve(gh.actionPath) === gh.workspace) {
    return docsUrl({ serverUrl: gh.serverUrl, repository: gh.repository, ref: gh.sha });
  }
  return releaseDocsUrl(version);
}

/** The pull request a run is about, if any. */
export interface PullRequestRef {
  readonly number: number;
  /** The PR head commit: the one the report is for. */
  readonly headSha: string | undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function prNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * Reads the PR number from the event payload. Returns undefined for events without one;
 * a missing or unreadable payload is reported as a problem for the log, never thrown.
 */
export function readPullRequest(gh: GithubEnv): { pr?: PullRequestRef; problem?: string } {
  if (!gh.eventPath) return {};
  let payload: Record<string, unknown> | undefined;
  try {
    payload = asRecord(JSON.parse(fs.readFileSync(gh.eventPath, 'utf8')));
  } catch (e) {
    return { problem: `GITHUB_EVENT_PATH ${gh.eventPath}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!payload) return { problem: `GITHUB_EVENT_PATH ${gh.eventPath}: the event payload is not an object` };
  const pull = asRecord(payload.pull_request);
  if (pull) {
    const number = prNumber(pull.number) ?? prNumber(payload.number);
    const head = asRecord(pull.head);
    if (number) return { pr: { number, headSha: typeof head?.sha === 'string' ? head.sha : undefined } };
  }
  // issue_comment on a pull request; workflow_run for a same-repository pull request.
  const issue = asRecord(payload.issue);
  if (issue && asRecord(issue.pull_request)) {
    const number = prNumber(issue.number);
    if (number) return { pr: { number, headSha: undefined } };
  }
  const run = asRecord(payload.workflow_run);
  const runPrs = Array.isArray(run?.pull_requests) ? run.pull_requests : [];
  const first = asRecord(runPrs[0]);
  const number = prNumber(first?.number);
  if (number) return { pr: { number, headSha: typeof run?.head_sha === 'string' ? run.head_sha : undefined } };
  return {};
}
