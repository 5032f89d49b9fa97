/**
 * Source mapping (issue 4): built HTML is gitignored, so a finding on public/index.html reaches
 * no pull-request diff. For each finding this points at the template, partial or config line
 * that produced it. Needle choice, search and ranking are pure (needles.ts, search.ts, rank.ts);
 * this module does the I/O: the source index and reading one built page per problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve.js';
import { decodeHtml, looksBinary } from '../source/decode.js';
import { builtFacts, type BuiltFacts } from './built-page.js';
import { groupKey, needleFor, needsBuiltPage, type Needle } from './needles.js';
import { projectContext, type ProjectContext } from './project.js';
import { rankCandidates } from './rank.js';
import { searchesProse, searchNeedle } from './search.js';
import { buildSourceIndex, withProse, type SourceIndex } from './source-index.js';
import { toPosix } from '../paths.js';
import type { Finding, Report } from '../model/index.js';

/** Distinct problems mapped per run; the rest keep their built location only. */
const MAX_GROUPS = 500;
/**
 * Work for the searches once the index is built, in bytes of source: each problem searched is
 * charged the size of the index it searches. Work, not wall time, so that the same repository
 * always gets the same source locations, on a busy runner as on an idle laptop (a wall-clock
 * budget gave 489 mapped findings one run and 500 the next: audit D5). 32 GB is 119 problems over
 * an index at its 256 MB cap, or 217 over the audit's 147 MB of templates: about 12 s there on a
 * loaded 2-core machine; a usual repository (a few MB of sources) maps all 500.
 */
export const SEARCH_BUDGET_BYTES = 32e9;


function isInside(rel: string): boolean {
  return rel !== '' && rel !== '..' && !rel.startsWith('../') && !path.isAbsolute(rel);
}

/** The site root (relative to cwd) a built file belongs to: the longest root that contains it. */
function siteRootOf(file: string, roots: readonly string[]): string {
  let best: string | null = null;
  for (const r of roots) {
    const inRoot = r === '' || file === r || file.startsWith(`${r}/`);
    if (inRoot && (best === null || r.length > best.length)) best = r;
  }
  return best ?? roots[0] ?? '';
}

function readBuilt(cwd: string, finding: Finding): BuiltFacts | null {
  try {
    const bytes = readFileSync(path.resolve(cwd, finding.file));
    if (looksBinary(bytes)) return null;
    return builtFacts(decodeHtml(bytes).text, finding.page, finding.line, finding.column);
  } catch {
    // The page went away or cannot be read: map what needs no page.
    return null;
  }
}

interface Group {
  readonly needle: Needle;
  readonly findings: Finding[];
}

/**
 * Groups findings by problem and site (two sites of a monorepo rank the same text differently);
 * findings no source can explain (skipped files, encodings) are left out.
 */
export function groupFindings(findings: readonly Finding[], roots: readonly string[] = []): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const needle = needleFor(f);
    if (!needle) continue;
    const key = `${siteRootOf(f.file, roots)}\0${groupKey(f)}`;
    const g = groups.get(key);
    if (g) g.findings.push(f);
    else groups.set(key, { needle, findings: [f] });
  }
  return [...groups.values()];
}

/**
 * Sets `sourceLocations` on every finding whose source can be found. Never throws for repository
 * contents (unreadable files are skipped) and never changes a finding otherwise: the verdict does
 * not depend on it. Time is bounded by the index limits and a search budget counted in work.
 */
export async function attachSourceLocations(report: Report, config: ResolvedConfig, cwd: string): Promise<void> {
  if (!config.sources.enabled) return;
  const roots = config.sites.map((s) => toPosix(path.relative(cwd, s.root)));
  const groups = groupFindings(report.findings, roots);
  if (groups.length === 0) return;
  // beian-guard's own config names the expected number and site name: never a source of the page.
  const own = config.configFile ? toPosix(path.relative(cwd, config.configFile)) : null;
  const exclude = [...(config.sources.exclude ?? []), ...(own && isInside(own) ? [own] : [])];
  const options = {
    excludeDirs: roots.filter(isInside),
    ...(config.sources.include && { include: config.sources.include }),
    ...(exclude.length > 0 && { exclude }),
  };
  const index = await buildSourceIndex(cwd, options);
  // The config file's folder: a demo site inside a tool's repository has its own sources there.
  const configDir = own && isInside(own) ? path.posix.dirname(own).replace(/^\.$/, '') : null;
  mapGroups(
    groups,
    index,
    roots,
    config.lang,
    {
      readPage: (f) => readBuilt(cwd, f),
      withProse: (i) => withProse(cwd, i, options),
    },
    configDir,
  );
}

/** The I/O the mapping step may need, injected so the step itself can run over an in-memory index. */
export interface MapIO {
  readonly readPage: (finding: Finding) => BuiltFacts | null;
  /** The index with its deferred prose read; called at most once, only when templates and config hold nothing. */
  readonly withProse?: (index: SourceIndex) => SourceIndex;
}

/** The mapping step over an index already built. */
export function mapGroups(
  groups: readonly Group[],
  built: SourceIndex,
  roots: readonly string[],
  lang: ResolvedConfig['lang'],
  io: MapIO,
  configDir: string | null = null,
): void {
  let index = built;
  let proseRead = false;
  const contexts = new Map<string, ProjectContext>();
  let spent = 0;
  for (const group of groups.slice(0, MAX_GROUPS)) {
    // Charged before the search, from what is known before it: the outcome never depends on speed.
    spent += Math.max(index.total, 1);
    if (spent > SEARCH_BUDGET_BYTES) break;
    const first = group.findings[0]!;
    const root = siteRootOf(first.file, roots);
    let ctx = contexts.get(root);
    if (!ctx) {
      ctx = projectContext(index, isInside(root) ? root : '', configDir);
      contexts.set(root, ctx);
    }
    const page = needsBuiltPage(group.needle) ? io.readPage(first) : null;
    let candidates = searchNeedle(group.needle, index, page);
    if (candidates.length === 0 && !proseRead && io.withProse && searchesProse(group.needle)) {
      proseRead = true;
      index = io.withProse(index);
      spent += Math.max(index.total, 1);
      candidates = searchNeedle(group.needle, index, page);
    }
    if (candidates.length === 0) continue;
    const locations = rankCandidates(candidates, ctx, first.file, lang);
    for (const f of group.findings) {
      const own = locations.filter((l) => l.file !== f.file);
      if (own.length > 0) f.sourceLocations = own.map((l) => ({ ...l }));
    }
  }
}

const WARNING = {
  'zh-CN': 'beian-guard：警告：源文件定位未完成（{detail}），检查结果与结论不受影响。\n',
  en: 'beian-guard: warning: source mapping did not finish ({detail}); the findings and the verdict are unchanged.\n',
} as const;

/** The one line printed when mapping fails: it must never change the verdict, only say it is incomplete. */
export function sourceMapWarning(lang: ResolvedConfig['lang'], error: unknown): string {
  const detail = (error instanceof Error ? error.message : String(error)).replace(/[\r\n]+/g, ' ').slice(0, 200);
  return WARNING[lang].replace('{detail}', detail);
}
