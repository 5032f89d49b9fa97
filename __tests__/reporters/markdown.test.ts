import { describe, expect, it } from 'vitest';
import { docsUrl } from '../../src/reporters/docs-url.js';
import { formatMarkdown, formatMarkdownError, type MarkdownOptions } from '../../src/reporters/markdown.js';
import { expectGolden } from './golden.js';
import { BROKEN, MANY, fixtureReport } from './reports.js';
import type { Finding, Report } from '../../src/model/index.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const BASE: MarkdownOptions = {
  lang: 'zh-CN',
  failOn: 'error',
  passed: false,
  docsUrl: docsUrl({ serverUrl: 'https://github.com', repository: 'beian-guard/beian-guard', ref: 'v1' }),
  limit: 900 * 1024,
  measure: bytes,
  commit: '3f2a9c1d4e5b6a7980112233445566778899aabb',
};

function withSources(report: Report): Report {
  const findings: Finding[] = report.findings.map((f) => ({ ...f }));
  for (const f of findings) {
    if (f.ruleId === 'icp-link') f.sourceLocations = [{ file: '_includes/footer.html', line: 3, column: 15, reason: 'link', confidence: 'high' }];
    if (f.ruleId === 'title-site-name') f.sourceLocations = [{ file: 'about.md', line: 3, column: 8, reason: 'title', confidence: 'low' }];
  }
  return { ...report, findings };
}

describe('Markdown report (job summary and PR comment)', () => {
  it('job summary, zh-CN (golden file)', async () => {
    const report = withSources(await fixtureReport('action-broken', BROKEN, 'zh-CN'));
    expectGolden('action-broken.summary.zh-CN.md', formatMarkdown(report, { ...BASE, notAnnotated: 0 }));
  });

  it('PR comment, en, with the marker and the link to the full report (golden file)', async () => {
    const report = withSources(await fixtureReport('action-broken', BROKEN, 'en'));
    const md = formatMarkdown(report, {
      ...BASE,
      lang: 'en',
      limit: 65_000,
      measure: (s) => s.length,
      marker: '<!-- beian-guard:report -->',
      fullReportUrl: 'https://github.com/octo-org/notes-site/actions/runs/4242',
      pagesPerGroup: 5,
    });
    expectGolden('action-broken.comment.en.md', md);
  });

  it('a clean report says so and has no table', async () => {
    const report = await fixtureReport('action-fixed', BROKEN, 'en');
    expect(report.findings).toEqual([]);
    const md = formatMarkdown(report, { ...BASE, lang: 'en', passed: true });
    expect(md).toBe('### ✅ beian-guard: ICP filing check passed\n\nChecked 2 pages: **no problems found**. Fails on: `error`. Commit `3f2a9c1`.\n\nEvery page meets the checks.\n\n');
  });

  it('groups the same problem across pages and lists pages up to the limit, entry pages first', async () => {
    const report = await fixtureReport('action-many', MANY, 'en');
    const md = formatMarkdown(report, { ...BASE, lang: 'en', pagesPerGroup: 3 });
    expect(md).toContain('| [icp-link](https://github.com/beian-guard/beian-guard/blob/v1/docs/rules/icp-link.md) | ❌ error | 30 | 30 |');
    expect(md).toContain('30 pages: `public/note-01.html:13:14`, `public/note-02.html:13:14`, `public/note-03.html:13:14` and 27 more pages');
    expect(md.match(/^- ❌ /gm)).toHaveLength(31);
  });

  it('a PR comment that would pass the size limit is cut with a visible count of what is left', async () => {
    const report = await fixtureReport('action-many', MANY, 'en');
    const limit = 4000;
    const md = formatMarkdown(report, { ...BASE, lang: 'en', limit, measure: (s) => s.length, marker: '<!-- m -->' });
    expect(md.length).toBeLessThanOrEqual(limit);
    const shown = md.match(/^- ❌ /gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(31);
    const left = 31 - shown;
    // The wide group (30 findings) is shown first; every group left has one finding.
    expect(md).toContain(`> ${left} more groups (${left} findings) not listed because of GitHub's size limit.`);
    expect(md.startsWith('<!-- m -->\n### ❌')).toBe(true);
  });

  it('the job summary stays under 900 KB however many findings there are', async () => {
    const report = await fixtureReport('action-broken', BROKEN, 'zh-CN');
    const seed = report.findings.find((f) => f.ruleId === 'title-site-name')!;
    const findings = Array.from({ length: 20_000 }, (_, i) => ({
      ...seed,
      file: `public/posts/${i}/index.html`,
      page: `posts/${i}/index.html`,
      evidence: `第 ${i} 篇`,
      message: `<title>“第 ${i} 篇”不包含备案网站名称“青柠手记”。`,
    }));
    const big: Report = { ...report, findings, summary: { ...report.summary, errors: findings.length, pages: findings.length } };
    const md = formatMarkdown(big, { ...BASE, notAnnotated: 19_991 });
    expect(bytes(md)).toBeLessThanOrEqual(900 * 1024);
    expect(bytes(md)).toBeGreaterThan(800 * 1024);
    const shown = md.match(/^- ❌ /gm)!.length;
    expect(md).toContain(`> 受 GitHub 长度限制，另有 ${20_000 - shown} 组问题（共 ${20_000 - shown} 个）没有列出。`);
    expect(md).toContain('有 19991 个问题没有生成注释');
  });

  it('the "could not run" body escapes the error text', () => {
    const md = formatMarkdownError('beian.config.json: sites[0].icp: "<img src=x>" is not valid @here', {
      lang: 'en',
      marker: '<!-- beian-guard:report -->',
      commit: 'abcdef1234567',
    });
    expect(md).toBe(
      '<!-- beian-guard:report -->\n### ⚠️ beian-guard: the check could not run\n\nbeian.config.json&#58; sites&#91;0&#93;.icp&#58; "&#60;img src=x&#62;" is not valid &#64;\u200bhere\n\nCommit `abcdef1`.\n',
    );
  });
});

describe('Markdown size guard', () => {
  it('keeps the verdict even when the limit is smaller than the rule table', async () => {
    const report = await fixtureReport('action-many', MANY, 'en');
    const md = formatMarkdown(report, { ...BASE, lang: 'en', limit: 400, measure: (s) => s.length });
    expect(md.length).toBeLessThanOrEqual(400);
    expect(md).toContain('### ❌ beian-guard: ICP filing check failed');
    expect(md).toContain('> 31 more groups (60 findings) not listed');
  });
});
