import { textDraft } from './drafts.js';
import { excludedBy, pieceContaining } from './markup.js';
import { foldLatin, matchForm } from './matcher.js';
import type { PageScan } from './scan.js';
import type { Draft } from '../model/index.js';

const RULE = 'content-entity-scope';

/**
 * Enterprise filings: the names of other organisations the owner listed (`otherOrganizations`).
 * The owner chose these names, so one occurrence is enough; each name is reported once per page
 * with its count. A handful of names, so `indexOf` is as fast as an automaton would be.
 */
export function otherOrganizationDrafts(scan: PageScan, names: readonly string[]): Draft[] {
  if (names.length === 0) return [];
  const folded = foldLatin(scan.text);
  const drafts: Draft[] = [];
  for (const name of names) {
    const form = matchForm(name);
    if (!form) continue;
    let first = -1;
    let count = 0;
    for (let at = folded.indexOf(form); at !== -1; at = folded.indexOf(form, at + form.length)) {
      const end = at + form.length;
      const piece = pieceContaining(scan.page.pieces, at);
      if (piece && excludedBy(piece.node, scan.ignorable())) continue;
      if (scan.allowed(at, end)) continue;
      if (scan.disabled.covers(RULE, scan.page.text.map[at] ?? 0)) continue;
      if (first === -1) first = at;
      count++;
    }
    if (first === -1) continue;
    const at = { start: first, end: first + form.length };
    drafts.push(textDraft(scan, at, 'other-organization', { signal: scan.text.slice(at.start, at.end), count }));
  }
  return drafts;
}
