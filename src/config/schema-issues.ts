import type { Localized } from '../i18n/lang.js';
import { ERROR_MESSAGES, type ErrorId } from './error-messages.js';
import { both, messageText, type ErrorData } from './errors.js';

/**
 * zod gives an issue one message string, and zod/mini writes none of its own. An issue our schemas
 * raise themselves (a refinement, a pattern, the render union) names a message of ERROR_MESSAGES
 * instead, as `beian-guard:<id>`, with the message's placeholders in the issue's `params`;
 * resolve.ts's issueText turns it into both languages. `{value}` is the value the issue is about,
 * quoted as JSON, unless `params` gives it.
 */
const PREFIX = 'beian-guard:';

/** A catalogue message id in the form zod carries it (`error` of a schema, `message` of an issue). */
export function ownMessage(id: ErrorId): string {
  return `${PREFIX}${id}`;
}

/** A custom issue for a refinement's `ctx.addIssue`; `path` is relative to the refined value. */
export function ownIssue(id: ErrorId, data: ErrorData, path?: PropertyKey[]): { code: 'custom'; message: string; params: ErrorData; path?: PropertyKey[] } {
  return { code: 'custom', message: ownMessage(id), params: data, ...(path && { path }) };
}

/** A value as messages quote it: JSON, so that a string shows in quotes and an object as itself. */
export function quoted(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The text of an issue raised by our own schemas, in both languages; undefined for zod's own issues. */
export function ownIssueText(issue: { readonly message?: string; readonly input?: unknown; readonly params?: unknown }): Localized | undefined {
  if (!issue.message?.startsWith(PREFIX)) return undefined;
  const id = issue.message.slice(PREFIX.length);
  if (!Object.hasOwn(ERROR_MESSAGES, id)) return undefined;
  // zod keeps the input only when asked (reportInput); without it the message says "the value".
  const value = 'input' in issue ? quoted(issue.input) : both('这个值', 'the value');
  return messageText(id as ErrorId, { value, ...(issue.params as ErrorData | undefined) });
}
