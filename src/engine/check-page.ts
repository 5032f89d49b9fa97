import type { Page } from '../page/page.js';
import { PageTooDeepError } from '../page/parse.js';
import { footerFacts, type FooterFacts } from '../page/footer-facts.js';
import type { RuleContext } from '../rules/rule.js';
import type { Draft, Finding, RuleMeta, Severity } from '../model/index.js';
import { inputFindings, skipDraft } from './input-findings.js';
import type { SiteRules } from './site-rules.js';
import { pageFor, type PageModel } from './page-model.js';
import { stampDrafts } from './stamp.js';

export interface PageInput {
  /** Path relative to the site root. */
  readonly rel: string;
  /** Path relative to the working directory, as reports print it. */
  readonly file: string;
  readonly entry: boolean;
  readonly source: string;
  readonly loadStylesheet?: (href: string) => string | undefined;
}

/**
 * The pure core for one page: decoded text in, findings out. Footer rules run on entry pages
 * (every page with scope `all`); content rules on every page (entry pages with contentScope `entry`).
 * The page is built on the cheapest model that answers every rule that runs (page-model.ts);
 * `model: 'tree'` builds the full tree whatever the page (the tests compare both).
 */
export function checkPage(input: PageInput, rules: SiteRules, model: PageModel | 'auto' = 'auto'): Finding[] {
  const runFooter = input.entry || rules.scope === 'all';
  const runContent = input.entry || rules.contentScope === 'all';
  const wanted = rules.active.filter(
    (a) => ((a.rule.meta.kind === 'content' && runContent) || (a.rule.meta.kind === 'footer' && runFooter)) && !a.ignored?.(input.rel),
  );
  if (wanted.length === 0) return [];
  let page: Page;
  try {
    const footer = wanted.some((a) => a.rule.meta.kind === 'footer');
    page = pageFor(input.rel, input.source, footer, input.loadStylesheet ? { loadStylesheet: input.loadStylesheet } : {}, model);
  } catch (e) {
    if (e instanceof PageTooDeepError) return tooDeep(input, rules, e);
    throw e;
  }
  let facts: FooterFacts | undefined;
  const context: RuleContext = {
    site: rules.facts,
    entry: input.entry,
    footer: () => (facts ??= footerFacts(page)),
  };
  const drafts: { meta: RuleMeta; severity: Severity; draft: Draft }[] = [];
  for (const { rule, severity } of wanted) {
    for (const draft of rule.check!(page, context)) drafts.push({ meta: rule.meta, severity, draft });
  }
  return stampDrafts(drafts, { lang: rules.lang, file: input.file, page: input.rel, entry: input.entry, source: input.source });
}

/** Reported like any unread page: an error on an entry page, a warning elsewhere, never a pass. */
function tooDeep(input: PageInput, rules: SiteRules, e: PageTooDeepError): Finding[] {
  return inputFindings('file-skipped', [skipDraft('too-deep', input.entry, { limit: e.limit })], input, rules, input.source);
}
