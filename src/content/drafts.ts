import type { MessageData } from '../i18n/lang.js';
import { sourceSpan } from '../page/footer-facts.js';
import { contextAround } from './evidence.js';
import type { ContentRuleId, Lexicon } from './lexicon.js';
import type { PageScan, ScanHit } from './scan.js';
import type { Draft, Severity } from '../model/index.js';

/** At most this many findings per category on one page: enough to act on, not a wall. */
export const MAX_PER_CATEGORY = 8;

/** A lexicon's hits on the page outside the regions where `rule` is switched off by a comment. */
export function activeHits(scan: PageScan, rule: ContentRuleId, lexicon: Lexicon): readonly ScanHit[] {
  const hits = scan.byLexicon.get(lexicon.id) ?? [];
  return hits.filter((h) => !scan.disabled.covers(rule, h.source));
}

/** A finding about words in the visible text: located at the words, with their context as evidence. */
export function textDraft(
  scan: PageScan,
  at: { readonly start: number; readonly end: number },
  messageId: string,
  data: MessageData,
  severity?: Severity,
): Draft {
  return {
    messageId,
    data,
    span: sourceSpan(scan.page, at.start, at.end),
    evidence: contextAround(scan.text, at.start, at.end),
    ...(severity && { severity }),
  };
}

/** The words as the page writes them (the lexicon holds their normalised form). */
export function shownText(scan: PageScan, at: { readonly start: number; readonly end: number }): string {
  return scan.text.slice(at.start, at.end);
}
