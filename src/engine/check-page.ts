import picomatch from 'picomatch';
import type { Lang } from '../i18n/lang.js';
import { buildPage } from '../page/build-page.js';
import type { Page } from '../page/page.js';
import { PageTooDeepError } from '../page/parse.js';
import { footerFacts, type FooterFacts } from '../page/footer-facts.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Rule, RuleContext, SiteFacts } from '../rules/rule.js';
import type { ResolvedSite } from '../config/resolve.js';
import { inputFindings, skipDraft } from './input-findings.js';
import { stampDrafts } from './stamp.js';
import type { Draft, Finding, RuleMeta, Severity } from './types.js';

/** The rules one site runs, with their severities and ignore globs, prepared once per site. */
export interface SiteRules {
  readonly facts: SiteFacts;
  readonly lang: Lang;
  readonly scope: ResolvedSite['scope'];
  readonly active: readonly { rule: Rule; severity: Severity; ignored: ((rel: string) => boolean) | null }[];
  /** Every rule's effective severity, input rules included (a page too deep to parse is a file-skipped finding). */
  readonly severities: Readonly<Record<string, Severity>>;
}

export function prepareSiteRules(site: ResolvedSite, facts: SiteFacts, lang: Lang): SiteRules {
  const active: SiteRules['active'][number][] = [];
  for (const [id, severity] of Object.entries(site.severities)) {
    const rule = RULES_BY_ID.get(id);
    if (!rule?.check) continue;
    const globs = site.config.ignore?.[id];
    active.push({ rule, severity, ignored: globs && globs.length > 0 ? picomatch(globs as string[], { dot: true }) : null });
  }
  return { facts, lang, scope: site.scope, active, severities: site.severities };
}

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
 * (every page with scope `all`); content rules on every page that was read.
 */
export function checkPage(input: PageInput, rules: SiteRules): Finding[] {
  const runFooter = input.entry || rules.scope === 'all';
  const wanted = rules.active.filter(
    (a) => (a.rule.meta.kind === 'content' || (a.rule.meta.kind === 'footer' && runFooter)) && !a.ignored?.(input.rel),
  );
  if (wanted.length === 0) return [];
  let page: Page;
  try {
    page = buildPage(input.rel, input.source, input.loadStylesheet ? { loadStylesheet: input.loadStylesheet } : {});
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
