/**
 * Bounded reports (issue 17 item 3, audit row D4): a million findings never crash a writer. The
 * JSON and terminal reports are written in pieces (one string of them would pass V8's longest
 * string), SARIF keeps GitHub's 25,000 results with a note and the full count, and the comment,
 * summary and annotations stay within GitHub's limits. In-process: a million findings through the
 * built CLI would take minutes; the action test (report-limits) runs the real processes.
 */
import { describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/reporters/annotations.js';
import { ACTION_TEXT } from '../../src/action/messages.js';
import { buildReport } from '../../src/engine/report.js';
import { releaseDocsUrl } from '../../src/reporters/docs-url.js';
import { formatJson, formatJsonChunks } from '../../src/reporters/json.js';
import { formatMarkdown } from '../../src/reporters/markdown.js';
import { formatSarif, SARIF_MAX_RESULTS } from '../../src/reporters/sarif.js';
import { formatStylish, stylishChunks } from '../../src/reporters/stylish.js';
import type { Finding, Report } from '../../src/model/index.js';

function findings(n: number): Finding[] {
  const out: Finding[] = [];
  const message = 'The number links to https://x.example/ instead of the MIIT filing system.';
  const fix = 'Wrap the number in <a href="https://beian.miit.gov.cn/" target="_blank">…</a>; the href must be exactly https://beian.miit.gov.cn/.';
  for (let i = 0; i < n; i++) {
    const page = `posts/${String(Math.floor(i / 100)).padStart(5, '0')}/index.html`;
    // Every third a warning, so SARIF's cap has errors to prefer.
    const severity = i % 3 === 2 ? 'warning' : 'error';
    out.push({ ruleId: 'icp-link', messageId: 'wrong-link', severity, file: `site/${page}`, page, line: 1 + (i % 100), column: 5, endLine: 1 + (i % 100), endColumn: 40, message, fix, evidence: 'https://x.example/', fingerprint: `fp${i.toString(36).padStart(8, '0')}`, entry: false });
  }
  return out;
}

const SARIF_OPTIONS = { lang: 'en' as const, docsUrl: releaseDocsUrl('0.0.0'), cwd: '/work', repoRoot: '/work' };

describe('a million findings', () => {
  const report: Report = buildReport('0.0.0', findings(1_000_000), [{ root: 'site', pages: 10_000, skipped: 0 }], 0);

  it('JSON: written in pieces, each a finding, together a document (one string of it was "Invalid string length")', () => {
    let count = 0;
    let head = '';
    let last = '';
    let bytes = 0;
    for (const chunk of formatJsonChunks(report)) {
      bytes += chunk.length;
      if (head === '') head = chunk;
      else if (chunk.startsWith('\n  ]')) last = chunk;
      else {
        // Spot-check the pieces; parsing all of them would only repeat JSON.stringify.
        if (count % 50_000 === 0) expect(JSON.parse(chunk.replace(/^,\n/, ''))).toMatchObject({ ruleId: 'icp-link', fingerprint: `fp${count.toString(36).padStart(8, '0')}` });
        count++;
      }
    }
    expect(count).toBe(1_000_000);
    expect(bytes).toBeGreaterThan(2 ** 29);
    expect(JSON.parse(head + last)).toEqual({ version: '0.0.0', summary: { pages: 10_000, errors: 666_667, warnings: 333_333, notices: 0 }, sites: [{ root: 'site', pages: 10_000, skipped: 0 }], findings: [] });
  });

  it('SARIF: 25,000 results, errors first, with a note and the full count', () => {
    const log = JSON.parse(formatSarif(report, SARIF_OPTIONS)) as {
      runs: { results: { level: string }[]; properties: Record<string, number>; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[];
    };
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results.every((r) => r.level === 'error')).toBe(true);
    expect(run.properties).toEqual({ 'beianGuard/totalResults': 1_000_000, 'beianGuard/omittedResults': 975_000 });
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.invocations[0]!.toolExecutionNotifications[0]!.message.text).toBe(
      'beian-guard found 1000000 problems; this file lists 25000 of them (errors first), since GitHub code scanning accepts at most 25000 results per run. The JSON report has them all.',
    );
  });

  it('terminal report: in pieces for the CLI, capped for the action log with the rest counted', () => {
    let lines = 0;
    for (const chunk of stylishChunks(report, { lang: 'en', color: false })) lines += chunk.split('\n').length - 1;
    // A file line, two lines per finding and a blank line per file; the summary line.
    expect(lines).toBe(10_000 * 2 + 2_000_000 + 1);
    const log = formatStylish(report, { lang: 'en', color: false, maxFindings: 5000 });
    expect(log.split('\n').filter((l) => l.includes('icp-link'))).toHaveLength(5000);
    expect(log).toContain('995000 more findings are not listed here; the JSON or SARIF report and the job summary have them all.');
    expect(log.trimEnd().endsWith('✖ 10000 pages: 666667 errors, 333333 warnings')).toBe(true);
  });

  it('comment, summary and annotations stay within GitHub\'s limits', () => {
    const base = { lang: 'en' as const, failOn: 'error' as const, passed: false, docsUrl: releaseDocsUrl('0.0.0'), path: (f: string) => f };
    const comment = formatMarkdown(report, { ...base, limit: 65_436, measure: (s) => s.length, pagesPerGroup: 5 });
    expect(comment.length).toBeLessThanOrEqual(65_536);
    const summary = formatMarkdown(report, { ...base, limit: 900 * 1024, measure: (s) => Buffer.byteLength(s), pagesPerGroup: 20 });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(900 * 1024);
    const plan = planAnnotations(report.findings, { budget: { error: 9, warning: 9, notice: 10 }, text: ACTION_TEXT.en, path: (f) => f });
    expect(plan.annotations.length).toBeLessThanOrEqual(28);
  });
});

describe('the JSON report in pieces', () => {
  it('is byte for byte what JSON.stringify of the whole report gives', () => {
    const small = buildReport('1.2.3', findings(2500), [{ root: 'site', pages: 25, skipped: 0 }], 0);
    const expected = `${JSON.stringify(
      {
        version: '1.2.3',
        summary: { pages: 25, errors: small.summary.errors, warnings: small.summary.warnings, notices: 0 },
        sites: [{ root: 'site', pages: 25, skipped: 0 }],
        findings: small.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          file: f.file,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          message: f.message,
          fix: f.fix,
          evidence: f.evidence,
          fingerprint: f.fingerprint,
          messageId: f.messageId,
          page: f.page,
          entry: f.entry,
        })),
      },
      null,
      2,
    )}\n`;
    expect(formatJson(small)).toBe(expected);
    const empty = buildReport('1.2.3', [], [{ root: 'site', pages: 1, skipped: 0 }], 0);
    expect(formatJson(empty)).toBe(`${JSON.stringify({ version: '1.2.3', summary: { pages: 1, errors: 0, warnings: 0, notices: 0 }, sites: [{ root: 'site', pages: 1, skipped: 0 }], findings: [] }, null, 2)}\n`);
  });
});
