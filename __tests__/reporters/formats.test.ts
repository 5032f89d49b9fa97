/**
 * The report formats other tools read, each checked against what its consumer documents:
 * JUnit XML (GitLab's merge-request widget, Jenkins' JUnit publisher), checkstyle XML (Jenkins
 * warnings-ng, reviewdog), GitLab Code Quality JSON, reviewdog's rdjson, and a standalone HTML page.
 * The schemas below are written from the formats' documentation (cited in each), not copied.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildReport } from '../../src/engine/report.js';
import type { Finding, Report } from '../../src/model/index.js';
import { formatCheckstyle } from '../../src/reporters/checkstyle.js';
import { releaseDocsUrl } from '../../src/reporters/docs-url.js';
import { formatGitlab } from '../../src/reporters/gitlab.js';
import { formatHtml } from '../../src/reporters/html.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { formatRdjson } from '../../src/reporters/rdjson.js';
import { expectGolden } from './golden.js';
import { BROKEN, fixtureReport } from './reports.js';

const docsUrl = releaseDocsUrl('0.0.0-test');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (tag) => ['testsuite', 'testcase', 'file', 'error'].includes(tag) });

let broken: Report;
let brokenZh: Report;
let clean: Report;
beforeAll(async () => {
  // A fixed duration: golden files must not change with the machine's speed.
  broken = { ...(await fixtureReport('action-broken', BROKEN, 'en')), durationMs: 1234 };
  brokenZh = { ...(await fixtureReport('action-broken', BROKEN)), durationMs: 1234 };
  clean = await fixtureReport('action-fixed', BROKEN);
});

/** A report of findings that carry every character XML and HTML cannot hold as they are. */
function hostileReport(): Report {
  const nasty = 'a\u0001b\u0008c\ud800d\udfffe\ufffef]]><x y="1">&amp;\'"\u202e<script>alert(1)</script>';
  const finding = (file: string, severity: Finding['severity'], i: number): Finding => ({
    ruleId: 'title-site-name',
    messageId: 'missing',
    severity,
    file,
    page: file,
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 20,
    message: `标题 ${nasty} ${i}`,
    fix: `fix ${nasty}`,
    evidence: nasty,
    fingerprint: `f${i}`,
    entry: true,
  });
  return buildReport('0.0.0-test', [finding(`site/${'q"<&>'}.html`, 'error', 1), finding('site/b.html', 'warning', 2)], [{ root: 'site', pages: 2, skipped: 0 }], 5);
}

describe('junit', () => {
  it('is well-formed JUnit XML: suites per site, a case per page and rule, failures only for errors', () => {
    const xml = formatJunit(broken, { lang: 'en' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const root = doc.testsuites;
    const suites = root.testsuite as { name: string; tests: string; failures: string; testcase: { classname: string; name: string; file?: string; failure?: unknown; 'system-out'?: string }[] }[];
    expect(suites).toHaveLength(broken.sites.length);
    let tests = 0;
    let failures = 0;
    for (const s of suites) {
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(s.testcase.filter((c) => c.failure !== undefined).length);
      tests += s.testcase.length;
      failures += Number(s.failures);
    }
    expect(Number(root.tests)).toBe(tests);
    expect(Number(root.failures)).toBe(failures);
    // Every page and rule with an error is one failing case; warnings alone never fail a case.
    const errorPairs = new Set(broken.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.file}`));
    const failing = suites.flatMap((s) => s.testcase.filter((c) => c.failure !== undefined).map((c) => `${c.classname} ${c.name}`));
    expect(new Set(failing)).toEqual(errorPairs);
    const warningOnly = broken.findings.find((f) => f.severity === 'warning' && !errorPairs.has(`${f.ruleId} ${f.file}`));
    if (warningOnly) {
      const c = suites.flatMap((s) => s.testcase).find((x) => x.classname === warningOnly.ruleId && x.name === warningOnly.file)!;
      expect(c.failure).toBeUndefined();
      expect(c['system-out']).toContain(warningOnly.message);
    }
    expectGolden('action-broken.en.junit.xml', xml);
  });

  it('shows a clean site as one passing test that says how many pages were checked', () => {
    const doc = parser.parse(formatJunit(clean, { lang: 'zh-CN' }));
    const cases = doc.testsuites.testsuite[0].testcase;
    expect(cases).toHaveLength(1);
    expect(cases[0].name).toMatch(/^检查了 \d+ 个页面$/);
    expect(doc.testsuites.failures).toBe('0');
  });

  it('stays well-formed with control characters, lone surrogates and markup in page text', () => {
    const xml = formatJunit(hostileReport(), { lang: 'en' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const failure = parser.parse(xml).testsuites.testsuite[0].testcase.find((c: { failure?: unknown }) => c.failure).failure;
    expect(failure.message).toContain('\\u0001');
    expect(failure.message).toContain(']]><x y="1">');
  });
});

describe('checkstyle', () => {
  it('is checkstyle XML: a <file> per built file, an <error> per finding with line, column, severity and source', () => {
    const xml = formatCheckstyle(broken, { lang: 'en' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const files = parser.parse(xml).checkstyle.file as { name: string; error: Record<string, string>[] }[];
    expect(files.map((f) => f.name)).toEqual([...new Set(broken.findings.map((f) => f.file))]);
    const errors = files.flatMap((f) => f.error);
    expect(errors).toHaveLength(broken.findings.length);
    errors.forEach((e, i) => {
      const f = broken.findings[i]!;
      expect(e).toMatchObject({ line: String(f.line), column: String(f.column), source: `beian-guard.${f.ruleId}` });
      expect(['error', 'warning', 'info']).toContain(e.severity);
      expect(e.message).toContain(f.message);
    });
    expectGolden('action-broken.en.checkstyle.xml', xml);
  });

  it('stays well-formed with hostile page text', () => {
    expect(XMLValidator.validate(formatCheckstyle(hostileReport(), { lang: 'zh-CN' }))).toBe(true);
  });
});

/** GitLab's documented Code Quality issue (docs.gitlab.com ci/testing/code_quality, "Code Quality report format"). */
const codeQualityIssue = z.object({
  description: z.string().min(1),
  check_name: z.string().min(1),
  fingerprint: z.string().min(1),
  severity: z.enum(['info', 'minor', 'major', 'critical', 'blocker']),
  location: z.object({ path: z.string().min(1), lines: z.object({ begin: z.number().int().min(1) }).loose() }).loose(),
}).loose();

describe('gitlab (Code Quality)', () => {
  it('matches the documented issue format, with unique fingerprints even for same-named pages of two sites', () => {
    const two = buildReport(
      '0.0.0-test',
      [...broken.findings, ...broken.findings.map((f) => ({ ...f, file: f.file.replace(/^public\//, 'other/') }))],
      [...broken.sites, { root: 'other', pages: 1, skipped: 0 }],
      1,
    );
    const issues = z.array(codeQualityIssue).parse(JSON.parse(formatGitlab(two, { lang: 'en' })));
    expect(issues).toHaveLength(two.findings.length);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.filter((i) => i.severity === 'major')).toHaveLength(two.summary.errors);
    expectGolden('action-broken.en.gitlab.json', formatGitlab(broken, { lang: 'en' }));
  });

  it('gives the same fingerprints on a second run (GitLab compares them between base and head)', () => {
    expect(formatGitlab(broken, { lang: 'zh-CN' })).toBe(formatGitlab(broken, { lang: 'zh-CN' }));
  });
});

/** reviewdog's DiagnosticResult (proto/rdf/reviewdog.proto of reviewdog/reviewdog). */
const position = z.object({ line: z.number().int().min(1), column: z.number().int().min(1) }).strict();
const diagnosticResult = z
  .object({
    source: z.object({ name: z.string().min(1), url: z.string().url() }).strict(),
    severity: z.enum(['ERROR', 'WARNING', 'INFO']),
    diagnostics: z.array(
      z
        .object({
          message: z.string().min(1),
          location: z.object({ path: z.string().min(1), range: z.object({ start: position, end: position }).strict() }).strict(),
          severity: z.enum(['ERROR', 'WARNING', 'INFO']),
          code: z.object({ value: z.string().min(1), url: z.string().url() }).strict(),
        })
        .strict(),
    ),
  })
  .strict();

describe('rdjson (reviewdog)', () => {
  it('matches the DiagnosticResult message, one diagnostic per finding with its rule as code', () => {
    const result = diagnosticResult.parse(JSON.parse(formatRdjson(broken, { lang: 'en', docsUrl })));
    expect(result.diagnostics).toHaveLength(broken.findings.length);
    expect(result.severity).toBe('ERROR');
    expect(result.diagnostics.map((d) => d.code.value)).toEqual(broken.findings.map((f) => f.ruleId));
    expectGolden('action-broken.en.rdjson', formatRdjson(broken, { lang: 'en', docsUrl }));
  });

  it('counts columns in UTF-8 bytes, as reviewdog does, when given the built file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-rdjson-'));
    const file = path.join(dir, 'index.html');
    fs.writeFileSync(file, '<title>x</title>\n<p>备案号：<a href="http://beian.miit.gov.cn/">京ICP备2023012345号-1</a></p>\n');
    const line = fs.readFileSync(file, 'utf8').split('\n')[1]!;
    const col16 = line.indexOf('京') + 1;
    const report = buildReport('t', [{ ...broken.findings[0]!, file: 'index.html', line: 2, column: col16, endLine: 2, endColumn: col16 + 1 }], [{ root: '.', pages: 1, skipped: 0 }], 1);
    const byteColumn = (f: string, ln: number, col: number) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8').split('\n')[ln - 1] ?? '';
      return Buffer.byteLength(text.slice(0, col - 1), 'utf8') + 1;
    };
    const d = JSON.parse(formatRdjson(report, { lang: 'en', docsUrl, byteColumn })).diagnostics[0];
    expect(d.location.range.start.column).toBe(Buffer.byteLength(line.slice(0, line.indexOf('京')), 'utf8') + 1);
    // 备案号： is four characters of three bytes each: the byte column is eight more than the UTF-16 one.
    expect(d.location.range.start.column - col16).toBe(8);
    expect(d.location.range.end.column - d.location.range.start.column).toBe(3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('html', () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });

  it('is a valid standalone HTML page with the verdict, the rule table and every finding', async () => {
    const html = formatHtml(brokenZh, { lang: 'zh-CN', failOn: 'error', passed: false, docsUrl });
    const result = await validator.validateString(html);
    expect(result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(html).toContain('❌ beian-guard：备案检查未通过');
    for (const f of brokenZh.findings) expect(html).toContain(`${f.file}:${f.line}:${f.column}`);
    expect(html).not.toMatch(/<script|<link|src=/i);
    expectGolden('action-broken.zh-CN.html', html);
  });

  it('escapes page text so it cannot add markup', async () => {
    const html = formatHtml(hostileReport(), { lang: 'en', failOn: 'error', passed: false, docsUrl });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const result = await validator.validateString(html);
    expect(result.valid).toBe(true);
  });
});
