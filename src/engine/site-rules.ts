import picomatch from 'picomatch';
import type { ResolvedSite } from '../config/resolve.js';
import type { Lang } from '../i18n/lang.js';
import type { Severity, SiteFacts } from '../model/index.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';

/** The rules one site runs, with their severities and ignore globs, prepared once per site. */
export interface SiteRules {
  readonly facts: SiteFacts;
  readonly lang: Lang;
  readonly scope: ResolvedSite['scope'];
  readonly contentScope: ResolvedSite['contentScope'];
  readonly active: readonly { rule: Rule; severity: Severity; ignored: ((rel: string) => boolean) | null }[];
  /** Every rule's effective severity, input rules included (a page too deep to parse is a file-skipped finding). */
  readonly severities: Readonly<Record<string, Severity>>;
}

/**
 * What a page process needs to prepare one site's rules, as plain data. The parent resolves the
 * configuration and parses the filing numbers once; the page processes receive this and never
 * load the configuration code (zod and the schemas were most of the page bundle, issue 18).
 */
export interface SiteRulesInit {
  readonly facts: SiteFacts;
  readonly scope: ResolvedSite['scope'];
  readonly contentScope: ResolvedSite['contentScope'];
  readonly severities: Readonly<Record<string, Severity>>;
  /** Ignore globs per rule id, as configured. */
  readonly ignore: Readonly<Record<string, readonly string[]>>;
}

export function siteRulesInit(site: ResolvedSite, facts: SiteFacts): SiteRulesInit {
  const ignore: Record<string, readonly string[]> = {};
  for (const [id, globs] of Object.entries(site.config.ignore ?? {})) if (globs && globs.length > 0) ignore[id] = globs;
  return { facts, scope: site.scope, contentScope: site.contentScope, severities: site.severities, ignore };
}

export function siteRulesFrom(init: SiteRulesInit, lang: Lang): SiteRules {
  const active: SiteRules['active'][number][] = [];
  for (const [id, severity] of Object.entries(init.severities)) {
    const rule = RULES_BY_ID.get(id);
    if (!rule?.check) continue;
    const globs = init.ignore[id];
    active.push({ rule, severity, ignored: globs && globs.length > 0 ? picomatch(globs as string[], { dot: true }) : null });
  }
  return { facts: init.facts, lang, scope: init.scope, contentScope: init.contentScope, active, severities: init.severities };
}

export function prepareSiteRules(site: ResolvedSite, facts: SiteFacts, lang: Lang): SiteRules {
  return siteRulesFrom(siteRulesInit(site, facts), lang);
}
