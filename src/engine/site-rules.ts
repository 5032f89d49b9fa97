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

export function prepareSiteRules(site: ResolvedSite, facts: SiteFacts, lang: Lang): SiteRules {
  const active: SiteRules['active'][number][] = [];
  for (const [id, severity] of Object.entries(site.severities)) {
    const rule = RULES_BY_ID.get(id);
    if (!rule?.check) continue;
    const globs = site.config.ignore?.[id];
    active.push({ rule, severity, ignored: globs && globs.length > 0 ? picomatch(globs as string[], { dot: true }) : null });
  }
  return { facts, lang, scope: site.scope, contentScope: site.contentScope, active, severities: site.severities };
}
