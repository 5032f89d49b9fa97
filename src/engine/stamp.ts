import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { localize, type Lang } from '../i18n/lang.js';
import { OffsetPositions } from '../source/line-index.js';
import type { Draft, Finding, RuleMeta, Severity } from '../model/index.js';

const EVIDENCE_MAX = 200;

export interface StampContext {
  readonly lang: Lang;
  /** Path of the built file relative to the working directory. */
  readonly file: string;
  /** Path relative to the site root. */
  readonly page: string;
  readonly entry: boolean;
  readonly source: string;
}

/** Evidence is page text: keep it short and on one line wherever it is printed. */
export function capEvidence(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return detach(flat.length > EVIDENCE_MAX ? `${flat.slice(0, EVIDENCE_MAX - 1)}…` : flat);
}

/**
 * A copy that shares no memory with the page. V8 makes a slice of a long string a view into it,
 * so a 30-character evidence cut from a 1 MB page kept the whole page alive as long as the finding
 * lived: with `--workers 0` a 5,000-page run held every failing page's source (issue 6).
 */
function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * Stable across runs and across edits that move lines: a finding is the same finding while its
 * rule, message, page and evidence stay the same.
 */
export function fingerprint(ruleId: string, messageId: string, page: string, evidence: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${messageId}\0${page}\0${evidence}\0${occurrence}`).digest('hex').slice(0, 32);
}

/** Turns rule drafts for one page into findings: location, language, fingerprint. */
export function stampDrafts(
  drafts: readonly { meta: RuleMeta; severity: Severity; draft: Draft }[],
  ctx: StampContext,
): Finding[] {
  if (drafts.length === 0) return [];
  const length = ctx.source.length;
  // An offset between the \r and \n of a line break moves back onto the \r, so no column ever
  // lies past the end of its line (a span [0, 1) on a page that is just "\r\n" ended at 1:2).
  const source = ctx.source;
  const onLine = (o: number): number => (o > 0 && source.charCodeAt(o) === 0x0a && source.charCodeAt(o - 1) === 0x0d ? o - 1 : o);
  const startOf = (d: Draft): number => onLine(Math.min(d.span.start, length));
  const endOf = (d: Draft): number => onLine(Math.min(Math.max(d.span.end, d.span.start), length));
  const lines = new OffsetPositions(ctx.source, drafts.flatMap(({ draft }) => [startOf(draft), endOf(draft)]));
  const occurrences = new Map<string, number>();
  return drafts.map(({ meta, severity, draft }) => {
    const message = meta.messages[draft.messageId];
    if (!message) throw new Error(`rule ${meta.id} has no message "${draft.messageId}"`);
    const start = lines.position(startOf(draft));
    const end = lines.position(endOf(draft));
    const evidence = capEvidence(draft.evidence ?? '');
    const key = `${meta.id}\0${draft.messageId}\0${evidence}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return {
      ruleId: meta.id,
      messageId: draft.messageId,
      severity: draft.severity && severity !== 'notice' ? mergeSeverity(severity, draft.severity) : severity,
      file: ctx.file,
      page: ctx.page,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: localize(message.message, ctx.lang, draft.data),
      fix: localize(message.fix, ctx.lang, draft.data),
      evidence,
      fingerprint: fingerprint(meta.id, draft.messageId, ctx.page, evidence, occurrence),
      entry: ctx.entry,
    };
  });
}

/**
 * A draft may lower its rule's severity (a legacy link is only a warning); a user who configured
 * the rule as a warning never sees it raised back to an error.
 */
function mergeSeverity(configured: Severity, drafted: Severity): Severity {
  const rank: Record<Severity, number> = { notice: 0, warning: 1, error: 2 };
  return rank[drafted] < rank[configured] ? drafted : configured;
}
