import { z } from 'zod';
import { MalformedResponseError, statusOf, type Api } from './github.js';

/** GitHub rejects longer comment bodies with 422. */
export const COMMENT_MAX_CHARS = 65_536;

/** Who writes comments with the default GITHUB_TOKEN (and cannot call GET /user to say so). */
export const DEFAULT_TOKEN_AUTHOR = 'github-actions[bot]';

const PER_PAGE = 100;
/**
 * 100 pages of 100 comments. Past them the search stops and says so: a pull request with more
 * than 10,000 comments is beyond reason, and each page costs a request within the time budget.
 */
export const MAX_PAGES = 100;

/** Characters a key keeps as they are; anything else is percent-encoded (UTF-8). */
const KEY_SAFE = /[A-Za-z0-9_.:/@+-]/;

/**
 * A key that is safe inside an HTML comment and on one line: characters outside a small safe set
 * are percent-encoded, and `--` (which ends nothing but confuses HTML comment parsing) is split.
 */
export function encodeKey(raw: string): string {
  let out = '';
  for (const ch of raw.trim()) out += KEY_SAFE.test(ch) ? ch : [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return out.replace(/--/g, '-%2D').slice(0, 200);
}

/**
 * The key of this job's comment: the `comment-key` input, else workflow and job names, so two jobs
 * of one pull request keep two comments. Jobs of one matrix share a job name: give each its own
 * key (`comment-key: ${{ matrix.site }}`). Empty outside Actions.
 */
export function commentKey(input: string | undefined, env: { readonly workflow?: string | undefined; readonly job?: string | undefined }): string {
  if (input !== undefined && input.trim() !== '') return encodeKey(input);
  const parts = [env.workflow, env.job].filter((p): p is string => p !== undefined && p.trim() !== '');
  return parts.map(encodeKey).join('/');
}

/** Hidden first line of our PR comment: together with the author it names the comment to update. */
export function commentMarker(key: string): string {
  return key ? `<!-- beian-guard:report key=${key} -->` : '<!-- beian-guard:report -->';
}

const commentSchema = z.object({
  id: z.number(),
  body: z.string().nullish(),
  user: z.object({ login: z.string() }).nullish(),
  html_url: z.string().nullish(),
});
type Comment = z.infer<typeof commentSchema>;

export interface PullRequestTarget {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'not-needed';

export interface CommentResult {
  readonly outcome: CommentOutcome;
  /** The comment's address on GitHub, when there is one (the `comment-url` output). */
  readonly url?: string;
  /** The search gave up after MAX_PAGES pages without finding our comment: said in the log. */
  readonly searchStopped?: number;
}

/**
 * Whose comments are ours: GET /user names a personal token's owner. The default GITHUB_TOKEN
 * cannot call it (403), and its comments are written by github-actions[bot].
 */
async function identity(api: Api): Promise<string> {
  try {
    const { data } = await api.request('GET /user', {});
    const login = (data as { login?: unknown } | null)?.login;
    if (typeof login === 'string') return login;
    throw new MalformedResponseError('GET /user: no login');
  } catch (e) {
    const status = statusOf(e);
    if (status !== undefined && status < 500 && status !== 429) return DEFAULT_TOKEN_AUTHOR;
    throw e;
  }
}

interface Found {
  readonly id: number;
  readonly same: boolean;
  readonly url?: string;
}

/** A comment's address, only when it is a web address on the server the API named. */
function urlOf(c: Comment): { url?: string } {
  return typeof c.html_url === 'string' && /^https?:\/\/[^\s]+$/.test(c.html_url) ? { url: c.html_url } : {};
}

/**
 * Pages through the comments until ours: the body starts with our marker (so a comment quoting
 * the marker is not ours) and the author is us. Only the answer is kept, never the bodies.
 */
async function findOurs(api: Api, target: PullRequestTarget, marker: string, me: string, body: string): Promise<{ found?: Found; searched: number; stopped: boolean }> {
  let searched = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      per_page: PER_PAGE,
      page,
    });
    if (!Array.isArray(data)) throw new MalformedResponseError('unexpected response shape');
    for (const item of data) {
      // An item we cannot read cannot be shown to be ours: it is passed over, not trusted.
      const c = commentSchema.safeParse(item);
      if (c.success && isOurs(c.data, marker, me)) return { found: { id: c.data.id, same: c.data.body === body, ...urlOf(c.data) }, searched: searched + 1, stopped: false };
      searched++;
    }
    if (data.length < PER_PAGE) return { searched, stopped: false };
  }
  return { searched, stopped: true };
}

function isOurs(c: Comment, marker: string, me: string): boolean {
  return typeof c.body === 'string' && c.body.startsWith(marker) && c.user?.login === me;
}

/** A 5xx or a dropped connection: the request may have been carried out all the same. */
function mayHaveHappened(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 500;
}

/**
 * Keeps exactly one report comment per key on the PR: updates ours in place, creates it only when
 * `create` is true (a failing or warning report), and never leaves an old verdict standing.
 * Comments of anyone else, and ours under another key, are never touched. API errors are thrown
 * to the caller, which logs them without touching the verdict.
 */
export async function upsertComment(
  api: Api,
  target: PullRequestTarget,
  body: string,
  options: { create: boolean; marker: string },
): Promise<CommentResult> {
  const me = await identity(api);
  const search = await findOurs(api, target, options.marker, me, body);
  const stopped = search.stopped ? { searchStopped: search.searched } : {};
  if (search.found) {
    const url = search.found.url !== undefined ? { url: search.found.url } : {};
    if (search.found.same) return { outcome: 'unchanged', ...url };
    await api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: target.owner,
      repo: target.repo,
      comment_id: search.found.id,
      body,
    });
    return { outcome: 'updated', ...url };
  }
  if (!options.create) return { outcome: 'not-needed', ...stopped };
  let url: { url?: string } = {};
  try {
    const { data } = await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      body,
    });
    const created = commentSchema.safeParse(data);
    if (!created.success) throw new MalformedResponseError('unexpected response shape');
    url = urlOf(created.data);
  } catch (e) {
    // Never sent twice: a 5xx may come after the comment was written. Look for it instead; if it
    // is not there, the error stands and the next run writes it.
    if (!mayHaveHappened(e)) throw e;
    const again = await findOurs(api, target, options.marker, me, body);
    if (!again.found) throw e;
    if (again.found.url !== undefined) url = { url: again.found.url };
  }
  return { outcome: 'created', ...stopped, ...url };
}

const pullSchema = z.object({ head: z.object({ sha: z.string() }) });

/** The commit a pull request is at now (GET /pulls/{n}): a workflow_run job checks it before it posts. */
export async function pullRequestHead(api: Api, target: PullRequestTarget): Promise<string | undefined> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: target.owner, repo: target.repo, pull_number: target.number });
  const pull = pullSchema.safeParse(data);
  if (!pull.success) throw new MalformedResponseError('unexpected response shape');
  return pull.data.head.sha.toLowerCase();
}
