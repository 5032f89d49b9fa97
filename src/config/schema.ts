import { z } from 'zod';
import { LANGS } from '../i18n/lang.js';
import { FAIL_ON, FILINGS, PREAPPROVAL_CATEGORIES } from '../model/index.js';

/**
 * The single description of everything a user can say, from a config file, CLI flags or action
 * inputs. Strict everywhere: an unknown key is a mistake we name, not something we ignore.
 * Rule ids are checked against the registry later (resolve.ts) so this file stays free of rules.
 */

export const ruleSettingSchema = z.enum(['error', 'warning', 'off']);
export const failOnSchema = z.enum(FAIL_ON);
export const scopeSchema = z.enum(['entry', 'all']);
export const filingSchema = z.enum(FILINGS);
export const langSchema = z.enum(LANGS);

const nonEmpty = z.string().trim().min(1);
const globList = z.array(nonEmpty);

export const preapprovalSchema = z.enum(PREAPPROVAL_CATEGORIES);

export const siteSchema = z
  .object({
    root: nonEmpty.describe('Folder of built HTML, relative to the config file.'),
    icp: nonEmpty.describe('The filed ICP number, e.g. 京ICP备2023012345号-1.'),
    police: nonEmpty.optional().describe('The public-security filing number, e.g. 京公网安备11010502030143号.'),
    siteName: nonEmpty.describe('The filed website name (网站名称); the entry page title must contain it.'),
    domains: z.array(nonEmpty).optional().describe('Domains the filing covers (informational).'),
    homepages: globList.optional().describe('Extra entry pages, relative to root, besides index.html.'),
    filing: filingSchema.default('personal').describe('Whether the filing entity is a person or an organisation.'),
    scope: scopeSchema.optional().describe('entry: footer and title rules on entry pages; all: on every page.'),
    miitLink: z
      .enum(['exact', 'host'])
      .default('exact')
      .describe('exact: the ICP link must be https://beian.miit.gov.cn/; host: any https URL on beian.miit.gov.cn.'),
    include: globList.optional().describe('Globs of pages to check, relative to root.'),
    exclude: globList.optional().describe('Globs of pages to leave out, relative to root.'),
    rules: z.record(nonEmpty, ruleSettingSchema).optional().describe('Severity per rule id, or off.'),
    ignore: z
      .record(nonEmpty, globList)
      .optional()
      .describe('Per rule id, globs of pages where that rule is not applied.'),
    preapprovals: z.array(preapprovalSchema).optional().describe('前置审批 categories the filing holds a licence for.'),
    allow: z.array(nonEmpty).optional().describe('Content terms never to report on this site.'),
    otherOrganizations: z
      .array(nonEmpty)
      .optional()
      .describe('Enterprise filings: names of other organisations whose content would be out of scope.'),
  })
  .strict();

export const sourcesSchema = z
  .object({
    enabled: z.boolean().default(true),
    include: globList.optional(),
    exclude: globList.optional(),
  })
  .strict();

const topFields = {
  $schema: z.string().optional(),
  failOn: failOnSchema.optional(),
  lang: langSchema.optional(),
  scope: scopeSchema.optional(),
  workers: z.number().int().min(0).max(64).optional().describe('Processes that check pages in parallel with scope all (0 or 1: one at a time). Pages are always checked apart from the main process.'),
  maxFileSizeMB: z.number().positive().max(1024).optional(),
  sources: sourcesSchema.optional(),
};

export const multiConfigSchema = z
  .object({ ...topFields, sites: z.array(siteSchema).min(1) })
  .strict();

/** One site at the top level, plus the shared fields. */
export const singleConfigSchema = siteSchema.extend(topFields).strict();

export type SiteConfig = z.infer<typeof siteSchema>;
export type SiteInput = z.input<typeof siteSchema>;
export type MultiConfig = z.infer<typeof multiConfigSchema>;
export type Scope = z.infer<typeof scopeSchema>;
