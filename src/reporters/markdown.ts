import type { Lang } from '../i18n/lang.js';
import type { DocsUrl } from './docs-url.js';
import { mdPath, mdText, mdUrl } from './escape.js';
import { groupFindings, tallyRules, type FindingGroup } from './group.js';
import { MARKDOWN_TEXT, type MarkdownText } from './markdown-text.js';
import type { FailOn, Finding, Report, Severity } from '../model/index.js';

export interface MarkdownOptions {
  readonly lang: Lang;
  readonly failOn: FailOn;
  /** The verdict, decided apart from any output (engine/report.ts `failed`). */
  readonly passed: boolean;
  readonly docsUrl: DocsUrl;
  /** Largest document allowed, in the unit of `measure` (bytes for the job summary, characters for a comment). */
  readonly limit: number;
  readonly measure: (text: string) => number;
  /** How a built or source file is named to the reader (relative to the repository). Default: as given. */
  readonly path?: (file: string) => string;
  /** First line of the document, e.g. the PR comment's hidden marker. Written by us, not escaped. */
  readonly marker?: string;
  /** The commit the report is for. */
  readonly commit?: string;
  /** Where the full report is (the run page with the job summary), linked from the PR comment. */
  readonly fullReportUrl?: string;
  /** Findings without an annotation because of GitHub's per-step cap. */
  readonly notAnnotated?: number;
  /** Pages listed per group before "and N more". */
  readonly pagesPerGroup?: number;
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/** The Markdown report shown in the job summary and the PR comment; every piece of page text is escaped. */
export function formatMarkdown(report: Report, options: MarkdownOptions): string {
  const t = MARKDOWN_TEXT[options.lang];
  const name = options.path ?? ((f: string) => f);
  const { errors, warnings, notices, pages } = report.summary;
  const groups = groupFindings(report.findings);

  const head: string[] = [];
  if (options.marker) head.push(options.marker);
  head.push(`### ${t.title(options.passed)}`, '');
  head.push([t.checked(pages, t.counts(errors, warnings, notices)), t.failOn(`\`${options.failOn}\``), commitLine(t, options.commit)].filter(Boolean).join(t.sentenceGap));
  head.push('');
  const verdictLines = head.length;
  if (options.notAnnotated && options.notAnnotated > 0) head.push(`> ${t.notAnnotated(options.notAnnotated)}`, '');
  if (groups.length === 0) head.push(t.clean, '');
  else head.push(...ruleTable(groups, t, options), '', `#### ${t.findingsHeading}`, '');

  const tail: string[] = [];
  if (options.fullReportUrl) tail.push('', `[${t.fullReport}](${mdUrl(options.fullReportUrl)})`);

  const blocks = groups.map((g) => groupBlock(g, t, options, name));
  return fit(head, verdictLines, blocks, tail, groups, t, options);
}

/** A short body for when the check could not produce a report (bad input, internal error). */
export function formatMarkdownError(message: string, options: Pick<MarkdownOptions, 'lang' | 'marker' | 'commit' | 'fullReportUrl'>): string {
  const t = MARKDOWN_TEXT[options.lang];
  const lines: string[] = [];
  if (options.marker) lines.push(options.marker);
  lines.push(`### ${t.couldNotRun}`, '', mdText(message));
  const commit = commitLine(t, options.commit);
  if (commit) lines.push('', commit);
  if (options.fullReportUrl) lines.push('', `[${t.fullReport}](${mdUrl(options.fullReportUrl)})`);
  return `${lines.join('\n')}\n`;
}

function commitLine(t: MarkdownText, commit: string | undefined): string {
  // A sha is hex; anything else came from an event payload we do not control.
  if (!commit) return '';
  return t.commit(/^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : mdText(commit));
}

function ruleLink(ruleId: string, options: MarkdownOptions): string {
  return `[${mdText(ruleId)}](${mdUrl(options.docsUrl(ruleId))})`;
}

function ruleTable(groups: readonly FindingGroup[], t: MarkdownText, options: MarkdownOptions): string[] {
  const rows = [
    `| ${t.table.rule} | ${t.table.level} | ${t.table.findings} | ${t.table.pages} | ${t.table.fix} |`,
    '| --- | --- | ---: | ---: | --- |',
  ];
  for (const r of tallyRules(groups)) {
    const fix = mdText(r.fixes[0] ?? '') + (r.fixes.length > 1 ? mdText(t.moreFixes(r.fixes.length - 1)) : '');
    rows.push(`| ${ruleLink(r.ruleId, options)} | ${ICON[r.severity]} ${t.severity[r.severity]} | ${r.findings} | ${r.pages} | ${fix} |`);
  }
  return rows;
}

function where(f: Finding, name: (file: string) => string): string {
  return mdPath(`${name(f.file)}:${f.line}:${f.column}`);
}

function groupBlock(g: FindingGroup, t: MarkdownText, options: MarkdownOptions, name: (file: string) => string): string {
  const perGroup = options.pagesPerGroup ?? 10;
  const shown = g.findings.slice(0, perGroup).map((f) => where(f, name));
  const more = g.findings.length - shown.length;
  const pages = g.pages > 1 ? t.onPages(g.pages) : '';
  const lines = [
    `- ${ICON[g.severity]} ${ruleLink(g.ruleId, options)} — ${mdText(g.message)}`,
    `${t.fix}${mdText(g.fix)}`,
    `${pages}${shown.join(', ')}${more > 0 ? ` ${mdText(t.morePages(more))}` : ''}`,
  ];
  const sources = new Map<string, string>();
  for (const f of g.findings) {
    for (const s of f.sourceLocations ?? []) {
      const text = `${mdPath(`${name(s.file)}:${s.line}`)}${s.confidence === 'low' ? mdText(t.possible) : ''}`;
      if (!sources.has(text)) sources.set(text, text);
    }
  }
  if (sources.size > 0) lines.push(`${t.source}${[...sources.values()].slice(0, 3).join(', ')}`);
  // One list item: `<br>` keeps the lines together without relying on trailing spaces.
  return lines.join('<br>\n  ');
}

/**
 * Adds group blocks while the document stays under the limit; the rest are counted in a visible
 * note. The head (verdict and rule table) always fits: it grows with the number of rules, not pages.
 */
function fit(
  head: string[],
  verdictLines: number,
  blocks: string[],
  tail: string[],
  groups: readonly FindingGroup[],
  t: MarkdownText,
  options: MarkdownOptions,
): string {
  const join = (parts: string[]) => `${parts.join('\n')}\n`;
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  const worstNote = `\n> ${t.truncated(groups.length, total)}`;
  const budget = options.limit - options.measure(join([...head, ...tail])) - options.measure(worstNote) - 2;
  const kept: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const size = options.measure(block) + 1;
    if (used + size > budget) break;
    kept.push(block);
    used += size;
  }
  const body = [...head, ...kept];
  if (kept.length < blocks.length) {
    const left = groups.slice(kept.length);
    body.push('', `> ${t.truncated(left.length, left.reduce((n, g) => n + g.findings.length, 0))}`);
  }
  const out = join([...body, ...tail]);
  if (options.measure(out) <= options.limit) return out;
  // Only a limit smaller than the rule table gets here: keep the verdict and say what is missing.
  return join([...head.slice(0, verdictLines), `> ${t.truncated(groups.length, total)}`, ...tail]);
}
