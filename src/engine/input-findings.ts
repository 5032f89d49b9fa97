import { RULES_BY_ID } from '../rules/index.js';
import type { SiteRules } from './site-rules.js';
import { stampDrafts } from './stamp.js';
import type { Draft, Finding } from '../model/index.js';

/** Input findings point at the top of the file: the problem is the file, not a place in it. */
export const START: Draft['span'] = { start: 0, end: 0 };

/** Findings raised by the engine itself (input rules), with the same stamping as page rules. */
export function inputFindings(
  ruleId: 'file-skipped' | 'file-encoding' | 'entry-missing' | 'render-skipped',
  drafts: readonly Draft[],
  job: { readonly rel: string; readonly file: string; readonly entry: boolean },
  rules: Pick<SiteRules, 'lang' | 'severities'>,
  source = '',
): Finding[] {
  const severity = rules.severities[ruleId];
  const rule = RULES_BY_ID.get(ruleId);
  if (!severity || !rule) return [];
  return stampDrafts(
    drafts.map((draft) => ({ meta: rule.meta, severity, draft })),
    { lang: rules.lang, file: job.file, page: job.rel, entry: job.entry, source },
  );
}

/** A skipped entry page stays an error (the homepage went unchecked); any other skip is a warning. */
export function skipDraft(messageId: string, entry: boolean, data: Record<string, string | number> = {}): Draft {
  return { messageId, span: START, anchor: 'document', data, ...(entry ? {} : { severity: 'warning' as const }) };
}
