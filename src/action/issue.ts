import { z } from 'zod';
import { MalformedResponseError, statusOf, type Api } from './github.js';

/** Hidden first line of the live report issue; with the author check it finds the issue to update. */
export const ISSUE_MARKER = '<!-- beian-guard:live -->';

const PER_PAGE = 100;
/** Ten pages of 100 issues: the report issue is recent or was reopened; the walk stays bounded. */
const MAX_PAGES = 10;

const issueSchema = z.object({
  number: z.number(),
  state: z.string(),
  body: z.string().nullish(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullish(),
  pull_request: z.unknown().optional(),
});
type Issue = z.infer<typeof issueSchema>;

export interface RepositoryTarget {
  readonly owner: string;
  readonly repo: string;
}

export type IssueOutcome = 'created' | 'updated' | 'reopened' | 'closed' | 'unchanged' | 'not-needed';

function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new MalformedResponseError('unexpected response shape');
  return r.data;
}

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

async function findOurs(api: Api, target: RepositoryTarget, me: string | undefined): Promise<Issue | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/issues', { owner: target.owner, repo: target.repo, state: 'all', sort: 'created', direction: 'desc', per_page: PER_PAGE, page });
    const batch = parse(z.array(issueSchema), data);
    const ours = batch.find((i) => !i.pull_request && (i.body ?? '').includes(ISSUE_MARKER) && (me ? i.user?.login === me : i.user?.type === 'Bot'));
    if (ours) return ours;
    if (batch.length < PER_PAGE) return undefined;
  }
  return undefined;
}

/**
 * Keeps one issue for scheduled live runs: a failing run opens it (or reopens and updates it),
 * a passing run updates it and closes it, and nothing is created while all is well. API errors
 * go to the caller, which reports them without touching the verdict.
 */
export async function upsertIssue(api: Api, target: RepositoryTarget, content: { title: string; body: string }, passed: boolean): Promise<IssueOutcome> {
  const me = await identity(api);
  const ours = await findOurs(api, target, me);
  if (!ours) {
    if (passed) return 'not-needed';
    const { data } = await api.request('POST /repos/{owner}/{repo}/issues', { owner: target.owner, repo: target.repo, title: content.title, body: content.body });
    parse(issueSchema, data);
    return 'created';
  }
  const wantState = passed ? 'closed' : 'open';
  if (ours.body === content.body && ours.state === wantState) return 'unchanged';
  await api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner: target.owner,
    repo: target.repo,
    issue_number: ours.number,
    body: content.body,
    state: wantState,
    ...(passed && { state_reason: 'completed' }),
  });
  if (ours.state === wantState) return 'updated';
  return passed ? 'closed' : 'reopened';
}
