import * as z from 'zod/mini';
import { LANGS } from '../i18n/lang.js';
import { FAIL_ON, FILINGS, PREAPPROVAL_CATEGORIES, REPORT_FORMATS } from '../model/index.js';
import { domainsSchema, ipsSchema, liveRunSchema, liveSingleSchema, siteLiveSchema } from './live-schema.js';
import { renderSchema } from './render.js';

/**
 * The single description of everything a user can say, from a config file, CLI flags or action
 * inputs. Strict everywhere: an unknown key is a mistake we name, not something we ignore.
 * Rule ids are checked against the registry later (resolve.ts) so this file stays free of rules.
 * Written with zod/mini: the same validation as classic zod, but only the parts used are bundled
 * and built at start-up, which every command pays for.
 */

export const ruleSettingSchema = z.enum(['error', 'warning', 'off']);
export const failOnSchema = z.enum(FAIL_ON);
export const SCOPES = ['entry', 'all'] as const;
export const CONTENT_SCOPES = ['all', 'entry'] as const;
export const scopeSchema = z.enum(SCOPES);
export const contentScopeSchema = z.enum(CONTENT_SCOPES);
export const filingSchema = z.enum(FILINGS);
export const langSchema = z.enum(LANGS);

const nonEmpty = z.string().check(z.trim(), z.minLength(1));
const globList = z.array(nonEmpty);
const described = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text));

export const preapprovalSchema = z.enum(PREAPPROVAL_CATEGORIES);

export const siteSchema = z.strictObject({
  root: described(nonEmpty, 'Folder of built HTML, relative to the config file.'),
  icp: described(nonEmpty, 'The filed ICP number, e.g. 京ICP备2023012345号-1.'),
  police: described(z.optional(nonEmpty), 'The public-security filing number, e.g. 京公网安备11010502030143号.'),
  siteName: described(nonEmpty, 'The filed website name (网站名称); the entry page title must contain it.'),
  domains: z.optional(domainsSchema),
  ips: z.optional(ipsSchema),
  live: described(z.optional(siteLiveSchema), 'What `beian-guard live` fetches on this site\'s domains.'),
  homepages: described(z.optional(globList), 'Extra entry pages, relative to root, besides index.html.'),
  filing: described(z._default(filingSchema, 'personal'), 'Whether the filing entity is a person or an organisation.'),
  scope: described(z.optional(scopeSchema), 'entry: footer and title rules on entry pages; all: on every page.'),
  contentScope: described(z.optional(contentScopeSchema), 'all (default): content rules read every page; entry: only the entry pages.'),
  miitLink: described(
    z._default(z.enum(['exact', 'host']), 'exact'),
    'exact: the ICP link must be https://beian.miit.gov.cn/; host: any https URL on beian.miit.gov.cn.',
  ),
  include: described(z.optional(globList), 'Globs of pages to check, relative to root.'),
  exclude: described(z.optional(globList), 'Globs of pages to leave out, relative to root.'),
  rules: described(z.optional(z.record(nonEmpty, ruleSettingSchema)), 'Severity per rule id, or off.'),
  ignore: described(z.optional(z.record(nonEmpty, globList)), 'Per rule id, globs of pages where that rule is not applied.'),
  preapprovals: described(z.optional(z.array(preapprovalSchema)), '前置审批 categories the filing holds a licence for.'),
  allow: described(z.optional(z.array(nonEmpty)), 'Content terms never to report on this site.'),
  otherOrganizations: described(
    z.optional(z.array(nonEmpty)),
    'Enterprise filings: names of other organisations whose content would be out of scope.',
  ),
  render: z.optional(renderSchema),
});

export const sourcesSchema = z.strictObject({
  enabled: z._default(z.boolean(), true),
  include: z.optional(globList),
  exclude: z.optional(globList),
});

const topFields = {
  $schema: z.optional(z.string()),
  failOn: z.optional(failOnSchema),
  lang: z.optional(langSchema),
  scope: z.optional(scopeSchema),
  contentScope: z.optional(contentScopeSchema),
  workers: described(z.optional(z.int().check(z.minimum(0), z.maximum(64))), 'Processes that check pages in parallel when every page is read (0 or 1: one at a time). Pages are always checked apart from the main process.'),
  maxFileSizeMB: z.optional(z.number().check(z.positive(), z.maximum(1024))),
  sources: z.optional(sourcesSchema),
  live: described(z.optional(liveRunSchema), 'How `beian-guard live` reaches the deployed sites: time limits, retries, network.'),
  render: z.optional(renderSchema),
  reports: described(
    z.optional(z.array(z.strictObject({ format: z.enum(REPORT_FORMATS), path: z.optional(nonEmpty) }))),
    'Reports every run writes when no --format is given: a format, and a path relative to the working directory (none: standard output, at most one).',
  ),
};

export const multiConfigSchema = z.strictObject({ ...topFields, sites: z.array(siteSchema).check(z.minLength(1)) });

/** One site at the top level, plus the shared fields. */
export const singleConfigSchema = z.strictObject({
  ...siteSchema.def.shape,
  ...topFields,
  live: described(
    z.optional(liveSingleSchema),
    'What and how `beian-guard live` fetches: the site\'s hosts, schemes and paths, and the run\'s limits and network.',
  ),
});

export type SiteConfig = z.infer<typeof siteSchema>;
export type SiteInput = z.input<typeof siteSchema>;
export type MultiConfig = z.infer<typeof multiConfigSchema>;
export type Scope = z.infer<typeof scopeSchema>;
export type ContentScope = z.infer<typeof contentScopeSchema>;
