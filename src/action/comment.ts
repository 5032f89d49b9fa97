import { z } from 'zod';
import { MalformedResponseError, statusOf, type Api } from './github.js';

/** Hidden first line of our PR comment; with the author check it finds the comment to update. */
export const COMMENT_MARKER = '<!-- beian-guard:report -->';

/** GitHub rejects longer comment bodies with 422. */
export const COMMENT_MAX_CHARS = 65_536;

const PER_PAGE = 100;
/** 30 pages of 100 comments: a PR with more is beyond reason, and the walk stays bounded. */
const MAX_PAGES = 30;

const commentSchema = z.object({
  id: z.number(),
  body: z.string().nullish(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullish(),
});
const commentListSchema = z.array(commentSchema);
type Comment = z.infer<typeof commentSchema>;

export interface PullRequestTarget {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'not-needed';

function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new MalformedResponseError('unexpected response shape');
  return r.data;
}

/**
 * Whose comments count as ours. GET /user names a personal token's owner; the default
 * GITHUB_TOKEN and GitHub App tokens cannot call it (403), and their comments come from a bot
 * account, so then any bot comment with our marker is ours.
 */
async function identity(api: Api): Promise<string | undefined> {
  try {
    const { data } = await api.request('GET /user', {});
    const login = (data as { login?: unknown } | null)?.login;
    return typeof login === 'string' ? login : undefined;
  } catch (e) {
    if (statusOf(e) !== undefined && statusOf(e)! < 500) return undefined;
    throw e;
  }
}

async function listComments(api: Api, target: PullRequestTarget): Promise<Comment[]> {
  const all: Comment[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      per_page: PER_PAGE,
      page,
    });
    const batch = parse(commentListSchema, data);
    all.push(...batch);
    if (batch.length < PER_PAGE) break;
  }
  return all;
}

/**
 * Keeps exactly one report comment on the PR: updates ours in place, creates it only when
 * `create` is true (a failing or warning report), and never leaves an old verdict standing.
 * API errors are thrown to the caller, which logs them without touching the verdict.
 */
export async function upsertComment(api: Api, target: PullRequestTarget, body: string, options: { create: boolean }): Promise<CommentOutcome> {
  const me = await identity(api);
  const comments = await listComments(api, target);
  const ours = comments.find(
    (c) => (c.body ?? '').includes(COMMENT_MARKER) && (me ? c.user?.login === me : c.user?.type === 'Bot'),
  );
  if (ours) {
    if (ours.body === body) return 'unchanged';
    await api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: target.owner,
      repo: target.repo,
      comment_id: ours.id,
      body,
    });
    return 'updated';
  }
  if (!options.create) return 'not-needed';
  const { data } = await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.number,
    body,
  });
  parse(commentSchema, data);
  return 'created';
}
