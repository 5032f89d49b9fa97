import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { docsUrl } from '../../src/reporters/docs-url.js';
import { formatSarif, SARIF_MAX_RESULTS, type SarifOptions } from '../../src/reporters/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { expectGolden } from './golden.js';
import { DIST } from '../action/harness.js';
import { BROKEN, ROOT, fixtureReport } from './reports.js';
import type { Finding, Report } from '../../src/model/index.js';

const OPTIONS: SarifOptions = {
  lang: 'en',
  docsUrl: docsUrl({ serverUrl: 'https://github.com', repository: 'beian-guard/beian-guard', ref: 'v1' }),
  cwd: '/repo',
  repoRoot: '/repo',
};

/**
 * The official OASIS SARIF 2.1.0 schema (2.1.0-rtm.5, the final 2.1.0), as shipped in Microsoft's
 * @microsoft/jest-sarif. It is a draft-04 schema; ajv 8 reads draft-07, and the only draft-04
 * feature it uses is the top-level `id`, which becomes `$id` (no boolean exclusiveMinimum).
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  expect(JSON.stringify(schema)).not.toContain('exclusiveMinimum');
  const { $schema: _draft, id, ...rest } = schema;
  // The schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

const validate = sarifValidator();

function withSources(report: Report): Report {
  const findings: Finding[] = report.findings.map((f) => ({ ...f }));
  findings[0]!.sourceLocations = [
    { file: 'src/layouts/footer.njk', line: 12, column: 7, reason: 'the footer partial', confidence: 'high' },
    { file: 'src/about.md', line: 3, column: 1, reason: 'front matter', confidence: 'low' },
  ];
  findings[1]!.sourceLocations = [{ file: 'src/about.md', line: 2, column: 8, reason: 'title in front matter', confidence: 'low' }];
  return { ...report, findings };
}

function parse(text: string): Log {
  return JSON.parse(text) as Log;
}

describe('SARIF 2.1.0', () => {
  it('is valid against the official SARIF 2.1.0 JSON schema, with and without source locations', async () => {
    const report = await fixtureReport('action-broken', BROKEN, 'en');
    expect(report.findings.length).toBe(3);
    for (const r of [report, withSources(report)]) {
      const log = parse(formatSarif(r, OPTIONS));
      const ok = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the schema check can fail: a result without a message is rejected', async () => {
    const log = parse(formatSarif(await fixtureReport('action-broken', BROKEN, 'en'), OPTIONS));
    delete (log.runs[0]!.results![0] as Partial<Result>).message;
    expect(validate(log)).toBe(false);
  });

  it("meets GitHub code scanning's documented requirements (sarif-support.md)", async () => {
    const log = parse(formatSarif(withSources(await fixtureReport('action-broken', BROKEN, 'en')), OPTIONS));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.name).toBe('beian-guard');
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const rule of rules) {
      expect(rule.shortDescription!.text.length).toBeGreaterThan(0);
      expect(rule.shortDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription!.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help!.text.length).toBeGreaterThan(0);
      expect(rule.help!.markdown).toContain(`(https://github.com/beian-guard/beian-guard/blob/v1/docs/rules/${rule.id}.md)`);
      expect(rule.properties!['security-severity']).toBeUndefined();
    }
    for (const result of run.results!) {
      expect(result.message.text!.length).toBeGreaterThan(0);
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.locations!.length).toBeGreaterThanOrEqual(1);
      expect(result.locations!.length).toBeLessThanOrEqual(10);
      const loc = result.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation!.uri).not.toMatch(/^(\/|[a-z]+:)/);
      expect(loc.region!.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region!.startColumn).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints!.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('points at the source when it is known for sure, and keeps the built file as a related location', async () => {
    const report = withSources(await fixtureReport('action-broken', BROKEN, 'en'));
    const [first, second] = parse(formatSarif(report, OPTIONS)).runs[0]!.results!;
    expect(first!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/layouts/footer.njk', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 7 },
    });
    const built = report.findings[0]!;
    expect(first!.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: built.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: built.line, startColumn: built.column, endLine: built.endLine, endColumn: built.endColumn },
        },
        message: { text: 'Location in the built file' },
      },
      { id: 2, physicalLocation: { artifactLocation: { uri: 'src/about.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1 } }, message: { text: 'Possible source location' } },
    ]);
    // A low-confidence source never takes the primary location.
    expect(second!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(report.findings[1]!.file);
    expect(second!.relatedLocations![0]!.message!.text).toBe('Possible source location');
  });

  it('escapes page text that would read as an embedded link, and encodes odd file names', async () => {
    const report = await fixtureReport('action-broken', BROKEN, 'en');
    const f = { ...report.findings[0]!, message: 'Links to [x](http://e) \\[y]', file: 'public/a b/@页.html' };
    const [result] = parse(formatSarif({ ...report, findings: [f] }, OPTIONS)).runs[0]!.results!;
    expect(result!.message.text).toContain('Links to \\[x\\](http://e) \\\\\\[y\\]');
    expect(result!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('public/a%20b/%40%E9%A1%B5.html');
    const outside = { ...f, file: '../elsewhere/index.html' };
    const [r2] = parse(formatSarif({ ...report, findings: [outside] }, OPTIONS)).runs[0]!.results!;
    expect(r2!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///elsewhere/index.html' });
  });

  it('renders the same bytes for the same report (golden file)', async () => {
    const report = withSources(await fixtureReport('action-broken', BROKEN, 'zh-CN'));
    const text = formatSarif(report, { ...OPTIONS, lang: 'zh-CN' });
    expect(formatSarif(report, { ...OPTIONS, lang: 'zh-CN' })).toBe(text);
    expectGolden('action-broken.zh-CN.sarif', text);
  });

  it('the CLI writes the same SARIF with --format sarif, valid and repository-relative', () => {
    const cli = path.join(DIST, 'cli.js');
    if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-sarif-cli-'));
    fs.mkdirSync(path.join(repo, '.git'));
    fs.cpSync(path.join(ROOT, 'fixtures/sites/action-broken/public'), path.join(repo, 'web/public'), { recursive: true });
    const out = spawnSync(
      process.execPath,
      [cli, 'check', 'public', '--icp', BROKEN.icp, '--site-name', BROKEN.siteName, '--police', BROKEN.police, '--scope', 'all', '--format', 'sarif', '--no-source-map'],
      { cwd: path.join(repo, 'web'), env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
    );
    expect(out.status).toBe(1);
    const log = parse(out.stdout);
    expect(validate(log)).toBe(true);
    const uris = log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris.sort()).toEqual(['web/public/about/index.html', 'web/public/about/index.html', 'web/public/index.html']);
    expect(log.runs[0]!.tool.driver.rules![0]!.helpUri).toMatch(/^https:\/\/github\.com\/beian-guard\/beian-guard\/blob\/v[^/]+\/docs\/rules\/icp-present\.md$/);
  });

  it('past 25,000 results keeps the errors, says so in a tool notification and run properties, and stays valid', async () => {
    const report = await fixtureReport('action-broken', BROKEN, 'en');
    const one = report.findings[0]!;
    const many: Finding[] = [];
    for (let i = 0; i <= SARIF_MAX_RESULTS; i++) many.push({ ...one, line: i + 1, endLine: i + 1, fingerprint: `fp${i}`, severity: i === 0 ? 'warning' : 'error' });
    const capped = { ...report, findings: many };
    const log = parse(formatSarif(capped, OPTIONS));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    // The one warning is what gave way.
    expect(run.results!.every((r) => r.level === 'error')).toBe(true);
    expect(run.properties).toEqual({ 'beianGuard/totalResults': SARIF_MAX_RESULTS + 1, 'beianGuard/omittedResults': 1 });
    expect(run.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toContain('this file lists 25000 of them (errors first)');
    // Under the cap nothing of this is there.
    const plain = parse(formatSarif(report, OPTIONS)).runs[0]!;
    expect(plain.invocations).toBeUndefined();
    expect(plain.properties).toBeUndefined();
  });
});
