import { getOctokit } from '@actions/github';
import { VERSION } from '../version.js';
import type { GithubEnv, ApiLimits } from './env.js';
import type { ActionText } from './messages.js';

/** The few REST calls the action makes, each bounded by the run's abort signal. */
export interface Api {
  request(route: string, params: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

/** A response that passed HTTP but not our reading of it (HTML from a proxy, truncated JSON). */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
}

/** The overall time budget for API work ran out. */
export class ApiTimeoutError extends Error {
  override readonly name = 'ApiTimeoutError';
}

/** GitHub asked us to wait longer than the time budget allows, or kept asking. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly waitSeconds: number | undefined) {
    super(`rate limited${waitSeconds === undefined ? '' : `; asked to wait ${waitSeconds} s`}`);
  }
}

/** Attempts of one idempotent request on a 5xx or a dropped connection. */
const ATTEMPTS = 4;
/** Waits for one request when GitHub rate-limits it. */
const RATE_LIMIT_WAITS = 2;
/** GitHub's advice when a secondary rate limit comes without Retry-After: wait at least a minute. */
const DEFAULT_RATE_WAIT_S = 60;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** The HTTP status of an Octokit error, if it had one. */
export function statusOf(error: unknown): number | undefined {
  const status = field(error, 'status');
  return typeof status === 'number' ? status : undefined;
}

function header(error: unknown, name: string): string | undefined {
  const value = field(field(field(error, 'response'), 'headers'), name);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * Seconds GitHub asks us to wait before asking again, when the error is a rate limit: 429, or a
 * 403 that says so (x-ratelimit-remaining 0, Retry-After, or a secondary-limit message).
 */
export function rateLimitWait(error: unknown, nowMs: number): number | undefined {
  const status = statusOf(error);
  if (status !== 429 && status !== 403) return undefined;
  const retryAfter = header(error, 'retry-after');
  const remaining = header(error, 'x-ratelimit-remaining');
  const message = error instanceof Error ? error.message : '';
  const limited = status === 429 || retryAfter !== undefined || remaining === '0' || /rate limit/i.test(message);
  if (!limited) return undefined;
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
  const reset = header(error, 'x-ratelimit-reset');
  if (remaining === '0' && reset !== undefined && /^\d+$/.test(reset)) return Math.max(0, Number(reset) - Math.floor(nowMs / 1000));
  return DEFAULT_RATE_WAIT_S;
}

/** A 5xx answer, or a connection that failed (Octokit reports it as 500 without a response). */
function transient(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 500;
}

/** Waits, unless the signal fires first; never leaves a timer behind. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ApiTimeoutError('aborted'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ApiTimeoutError('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A client for this run. `baseUrl` comes from GITHUB_API_URL explicitly (GitHub Enterprise
 * Server) rather than from @actions/github's import-time defaults.
 *
 * Retries and rate limits are handled here rather than by @octokit/plugin-retry and
 * plugin-throttling: those retried a 429 on their own schedule after we had declined its
 * Retry-After, retried POSTs after a 5xx that may have written the comment, and kept timers
 * (Bottleneck's) alive past our deadline, which the abort signal could not cancel.
 * - GET and PATCH (idempotent) are retried on 5xx and dropped connections, with back-off;
 * - POST is never retried: the caller looks for the comment again instead;
 * - a rate limit is waited out only when the wait ends before the deadline, at most twice;
 * - every wait is cancelled by the abort signal, so nothing outlives the deadline.
 */
export function createApi(token: string, gh: GithubEnv, limits: ApiLimits, signal: AbortSignal, debug: (message: string) => void): Api {
  const deadline = Date.now() + limits.timeoutMs;
  const octokit = getOctokit(token, {
    baseUrl: gh.apiUrl,
    userAgent: `beian-guard/${VERSION}`,
    // Octokit's own warnings (deprecations, handler errors) belong in the debug log, not the step log.
    log: { debug, info: debug, warn: debug, error: debug },
  });
  return {
    async request(route, params) {
      const idempotent = /^(GET|PATCH|PUT|DELETE) /.test(route);
      let failures = 0;
      let waits = 0;
      for (;;) {
        if (signal.aborted) throw new ApiTimeoutError('aborted');
        try {
          // Per request, so the proxy-aware fetch of @actions/github's defaults stays in place.
          const response = await octokit.request(route, { ...params, request: { signal } });
          return { status: response.status, data: response.data as unknown };
        } catch (e) {
          if (signal.aborted) throw new ApiTimeoutError('aborted');
          const waitS = rateLimitWait(e, Date.now());
          if (waitS !== undefined) {
            const ms = waitS * limits.retryBaseMs;
            debug(`GitHub API rate limit on ${route}: wait ${waitS} s (wait ${waits + 1})`);
            if (waits >= RATE_LIMIT_WAITS || Date.now() + ms >= deadline) throw new RateLimitedError(waitS);
            waits++;
            await sleep(ms, signal);
            continue;
          }
          failures++;
          if (!idempotent || !transient(e) || failures >= ATTEMPTS) throw e;
          const ms = failures * failures * limits.retryBaseMs;
          if (Date.now() + ms >= deadline) throw e;
          debug(`GitHub API ${statusOf(e)} on ${route}: retry ${failures} in ${ms} ms`);
          await sleep(ms, signal);
        }
      }
    },
  };
}

/** One sentence for the log: what went wrong with the API and what the user can do. */
export function describeApiError(error: unknown, t: ActionText, limits: ApiLimits, aborted: boolean, token = ''): string {
  if (aborted || error instanceof ApiTimeoutError) return t.api.timeout(Math.round(limits.timeoutMs / 100) / 10);
  if (error instanceof MalformedResponseError) return t.api.malformed;
  if (error instanceof RateLimitedError) return t.api.rateLimited(error.waitSeconds);
  const status = statusOf(error);
  const response = field(error, 'response');
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403) return t.api.forbidden;
  if (status === 401) return t.api.unauthorized;
  if (status === 404) return t.api.notFound;
  if (status === 422) return t.api.invalid(safeDetail(message, token));
  // Octokit reports a failed connection as status 500 without a response.
  if (status === 500 && response === undefined) return t.api.network(safeDetail(message, token));
  if (status !== undefined && status >= 500) return t.api.server(status);
  if (error instanceof SyntaxError) return t.api.malformed;
  return t.api.other(safeDetail(message, token));
}

/**
 * Anything that may carry a credential: an Authorization value, a GitHub token of any kind, a
 * JWT, a URL with a password. The text is cut before the first of them, so what is left cannot
 * be a fragment of a secret the runner would fail to mask (it only masks the exact token).
 */
const CREDENTIAL = /\bauthorization\b\s*[:=]|\b(?:bearer|basic|token)\s+[\w.~+/=-]{8}|\b(?:gh[opsur]_|github_pat_)\w|\beyJ[\w-]{8}|\/\/[^/\s:@]*:[^/\s@]*@|\b(?:password|secret|api[-_]?key)\b\s*[:=]/i;

/** The server's message, on one line, without the token and cut before anything credential-like. */
export function safeDetail(text: string, token: string): string {
  let flat = text.replace(/\s+/g, ' ').trim();
  if (token) flat = flat.split(token).join('***');
  const m = CREDENTIAL.exec(flat);
  if (m) flat = `${flat.slice(0, m.index).trimEnd()} […]`;
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
