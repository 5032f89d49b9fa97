import type { Lang } from '../i18n/lang.js';
import { LineIndex } from '../source/line-index.js';
import { isRepositoryDoc, isSideline, isTestFile, ownsPage, type FileKind } from './file-kinds.js';
import { distance, inUnusedTheme, underGenRoot, underSourceRoot, type ProjectContext } from './project.js';
import { reasonText } from './reasons.js';
import type { Candidate, Quality } from './search.js';
import type { SourceLocation } from '../model/index.js';

// The needle itself, spaced or not, outranks a part of it, which outranks a guess from names.
const QUALITY: Record<Quality, number> = { exact: 0, tolerant: 0, partial: 1, heuristic: 2 };
// Templates and config are what developers edit; code may hold markup (JSX); prose rarely makes a footer.
const KIND: Record<FileKind, number> = { config: 0, template: 0, code: 1, content: 2, other: 3 };

export const MAX_LOCATIONS = 3;

interface Ranked {
  readonly candidate: Candidate;
  readonly demoted: boolean;
  readonly key: readonly (number | string)[];
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

const lineIndexes = new WeakMap<object, LineIndex>();

function position(candidate: Candidate): { line: number; column: number } {
  let li = lineIndexes.get(candidate.file);
  if (!li) {
    li = new LineIndex(candidate.file.text);
    lineIndexes.set(candidate.file, li);
  }
  return li.position(candidate.offset);
}

/**
 * A file that is not one of the site's own sources, so never a hint: outside the site's folder,
 * a test, an example or the repository's README, a theme the config does not select, or prose
 * that built another page than the one with the finding.
 */
function notOwnSource(c: Candidate, ctx: ProjectContext, page: string): boolean {
  const rel = underSourceRoot(c.file.path, ctx);
  if (rel === null) return true;
  if (isSideline(rel.split('/').slice(0, -1)) || isTestFile(rel) || isRepositoryDoc(rel) || inUnusedTheme(c.file.path, ctx)) return true;
  return c.file.kind === 'content' && !ownsPage(underGenRoot(c.file.path, ctx) ?? rel, page);
}

/** The built page relative to its site root, as ownsPage compares it. */
function pageOf(builtFile: string, ctx: ProjectContext): string {
  return ctx.siteRoot !== '' && builtFile.startsWith(`${ctx.siteRoot}/`) ? builtFile.slice(ctx.siteRoot.length + 1) : builtFile;
}

/**
 * Orders candidates (the needle before a part of it before a guess; templates and config first;
 * then nearest to the generator config) and turns the best into source locations. Files that are
 * not the site's own sources are never named: no hint is better than a wrong one. `high`
 * confidence only for a sure match in a template, config or code file; anything else is shown
 * as possible.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  ctx: ProjectContext,
  builtFile: string,
  lang: Lang,
  limit = MAX_LOCATIONS,
): SourceLocation[] {
  const ranked: Ranked[] = [];
  const page = pageOf(builtFile, ctx);
  for (const c of candidates) {
    // The built page itself is already the finding's location.
    if (c.file.path === builtFile || notOwnSource(c, ctx, page)) continue;
    // Outside the generator folder but inside the site's sources (the config's folder): real, less sure.
    const demoted = underGenRoot(c.file.path, ctx) === null;
    ranked.push({
      candidate: c,
      demoted,
      key: [QUALITY[c.quality], -c.weight, demoted ? 1 : 0, KIND[c.file.kind], distance(c.file.path, ctx), c.file.path, c.offset],
    });
  }
  ranked.sort((a, b) => compareKeys(a.key, b.key));
  const out: SourceLocation[] = [];
  const seen = new Set<string>();
  for (const { candidate: c, demoted } of ranked) {
    const { line, column } = position(c);
    const id = `${c.file.path}:${line}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const high = c.sure && !demoted && KIND[c.file.kind] <= 1;
    out.push({ file: c.file.path, line, column, reason: reasonText(c.reason, lang, c.data), confidence: high ? 'high' : 'low' });
    if (out.length >= limit) break;
  }
  return out;
}
