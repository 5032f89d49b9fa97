import type { Lang } from '../i18n/lang.js';
import { LineIndex } from '../source/line-index.js';
import { isSideline, type FileKind } from './file-kinds.js';
import { distance, inUnusedTheme, underGenRoot, type ProjectContext } from './project.js';
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
 * Orders candidates (the needle before a part of it before a guess; templates and config first;
 * unused themes and example sites last; then nearest to the generator config) and turns the best
 * into source locations. `high` confidence only for a sure match in a file the build uses.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  ctx: ProjectContext,
  builtFile: string,
  lang: Lang,
  limit = MAX_LOCATIONS,
): SourceLocation[] {
  const ranked: Ranked[] = [];
  for (const c of candidates) {
    // The built page itself is already the finding's location.
    if (c.file.path === builtFile) continue;
    const rel = underGenRoot(c.file.path, ctx);
    // Outside the site's generator folder (another site of a monorepo, shared packages) a match
    // may be real but did not certainly build this page.
    const demoted = rel === null || inUnusedTheme(c.file.path, ctx) || isSideline(rel.split('/').slice(0, -1));
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
