import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFacts, type ResolvedSite } from '../../src/config/resolve.js';
import { siteSchema, type SiteInput } from '../../src/config/schema.js';
import { checkPage } from '../../src/engine/check-page.js';
import { prepareSiteRules } from '../../src/engine/site-rules.js';
import type { Lang } from '../../src/i18n/lang.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import type { Finding, Severity } from '../../src/model/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The filing every fixture page is written for. */
export const DEFAULT_SITE: SiteInput = {
  root: '.',
  icp: '京ICP备2023012345号-1',
  police: '京公网安备11010502030143号',
  siteName: '示例技术笔记',
};

/** A site resolved the way resolveConfig would, running only `ruleIds`. */
export function testSite(overrides: Partial<SiteInput> = {}, ruleIds?: readonly string[]): ResolvedSite {
  const config = siteSchema.parse({ ...DEFAULT_SITE, ...overrides });
  const severities: Record<string, Severity> = {};
  for (const [id, rule] of RULES_BY_ID) {
    if (!ruleIds || ruleIds.includes(id)) severities[id] = config.rules?.[id] === 'off' ? severities[id]! : (config.rules?.[id] as Severity | undefined) ?? rule.meta.defaultSeverity;
  }
  return { index: 0, root: ROOT, rootDisplay: '.', config, scope: config.scope ?? 'entry', contentScope: config.contentScope ?? 'all', entries: ['index.html'], severities };
}

/** Runs the rules of `site` over one page, as the engine does for an entry page. */
export function checkSource(
  source: string,
  site: ResolvedSite,
  options: { entry?: boolean; rel?: string; lang?: Lang; loadStylesheet?: (href: string) => string | undefined } = {},
): Finding[] {
  const rules = prepareSiteRules(site, siteFacts(site.config), options.lang ?? 'zh-CN');
  const rel = options.rel ?? 'index.html';
  return checkPage({ rel, file: rel, entry: options.entry ?? true, source, ...(options.loadStylesheet && { loadStylesheet: options.loadStylesheet }) }, rules);
}

/** Reads the local stylesheets a fixture page links, relative to the page, never outside fixtures/. */
export function fixtureStylesheets(rel: string): (href: string) => string | undefined {
  const dir = path.dirname(path.join(ROOT, 'fixtures', rel));
  return (href) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined;
    const abs = path.resolve(dir, href.replace(/[?#][\s\S]*/, ''));
    if (!abs.startsWith(path.join(ROOT, 'fixtures') + path.sep) || !fs.existsSync(abs)) return undefined;
    return fs.readFileSync(abs, 'utf8');
  };
}

export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(ROOT, 'fixtures', rel), 'utf8');
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  severity?: Severity;
}

export interface RuleCase {
  /** Path under fixtures/. */
  file: string;
  site?: Partial<SiteInput>;
  entry?: boolean;
}

/**
 * ESLint's RuleTester, for whole pages: valid pages give no finding of the rule; each invalid
 * page gives exactly the listed findings, pinned by message id, line and column.
 */
export function ruleTester(
  ruleId: string,
  cases: { valid: RuleCase[]; invalid: (RuleCase & { errors: ExpectedFinding[] })[] },
): void {
  const rule = RULES_BY_ID.get(ruleId);
  describe(ruleId, () => {
    it('is registered', () => expect(rule?.meta.id).toBe(ruleId));
    for (const c of cases.valid) {
      it(`valid: ${c.file}`, () => {
        const findings = checkSource(readFixture(c.file), testSite(c.site, [ruleId]), { entry: c.entry ?? true, loadStylesheet: fixtureStylesheets(c.file) });
        expect(findings.map((f) => `${f.messageId} ${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.file}`, () => {
        const findings = checkSource(readFixture(c.file), testSite(c.site, [ruleId]), { entry: c.entry ?? true, loadStylesheet: fixtureStylesheets(c.file) });
        expect(findings.map((f) => ({ messageId: f.messageId, line: f.line, column: f.column, ...(c.errors.some((e) => e.severity) && { severity: f.severity }) }))).toEqual(
          c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column, ...(e.severity && { severity: e.severity }) })),
        );
        for (const f of findings) {
          expect(f.ruleId).toBe(ruleId);
          expect(f.message).not.toMatch(/\{\w+\}/);
          expect(f.fix).not.toMatch(/\{\w+\}/);
        }
      });
    }
  });
}
