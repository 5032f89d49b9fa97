import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
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

/**
 * An Octokit client for this run. `baseUrl` comes from GITHUB_API_URL explicitly (GitHub
 * Enterprise Server) rather than from @actions/github's import-time defaults.
 */
export function createApi(token: string, gh: GithubEnv, limits: ApiLimits, signal: AbortSignal, debug: (message: string) => void): Api {
  const deadline = Date.now() + limits.timeoutMs;
  // Wait out a rate limit only while the wait fits in the time budget; never more than twice.
  const retryAfterLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => {
    const wait = retryAfter * limits.retryBaseMs;
    debug(`GitHub API rate limit: Retry-After ${retryAfter}, retry ${retryCount + 1}`);
    return retryCount < 2 && Date.now() + wait < deadline;
  };
  const octokit = getOctokit(
    token,
    {
      baseUrl: gh.apiUrl,
      userAgent: `beian-guard/${VERSION}`,
      retry: { retries: 3, retryAfterBaseValue: limits.retryBaseMs },
      throttle: { retryAfterBaseValue: limits.retryBaseMs, onRateLimit: retryAfterLimit, onSecondaryRateLimit: retryAfterLimit },
      // Octokit's own warnings (deprecations, handler errors) belong in the debug log, not the step log.
      log: { debug, info: debug, warn: debug, error: debug },
    },
    retry,
    throttling,
  );
  return {
    async request(route, params) {
      if (signal.aborted) throw new ApiTimeoutError('aborted');
      // Per request, so the proxy-aware fetch of @actions/github's defaults stays in place.
      const response = await octokit.request(route, { ...params, request: { signal } });
      return { status: response.status, data: response.data as unknown };
    },
  };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** The HTTP status of an Octokit error, if it had one. */
export function statusOf(error: unknown): number | undefined {
  const status = field(error, 'status');
  return typeof status === 'number' ? status : undefined;
}

/** One sentence for the log: what went wrong with the API and what the user can do. */
export function describeApiError(error: unknown, t: ActionText, limits: ApiLimits, aborted: boolean): string {
  if (aborted || error instanceof ApiTimeoutError) return t.api.timeout(Math.round(limits.timeoutMs / 100) / 10);
  if (error instanceof MalformedResponseError) return t.api.malformed;
  const status = statusOf(error);
  const response = field(error, 'response');
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403 || status === 429) {
    const headers = field(response, 'headers');
    const limited = status === 429 || field(headers, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message);
    return limited ? t.api.rateLimited : t.api.forbidden;
  }
  if (status === 401) return t.api.unauthorized;
  if (status === 404) return t.api.notFound;
  if (status === 422) return t.api.invalid(oneLineDetail(message));
  // Octokit reports a failed connection as status 500 without a response.
  if (status === 500 && response === undefined) return t.api.network(oneLineDetail(message));
  if (status !== undefined && status >= 500) return t.api.server(status);
  if (error instanceof SyntaxError) return t.api.malformed;
  return t.api.other(oneLineDetail(message));
}

function oneLineDetail(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
