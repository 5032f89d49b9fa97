/**
 * The big rows of docs/hostile-input.md, generated into a temp folder: a 50 MB single-line page,
 * 100,000 nested elements, and thousands of footers on one page. The built CLI must answer each
 * with findings (or a file-skipped finding naming why), never a crash, a hang or a silent pass.
 * Peak memory is measured and printed for the docs, never asserted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoCrash, FLAGS, ICP, ids, tempDir, type JsonFinding, type Run } from './cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const HEAD = '<!doctype html><html><head><meta charset="utf-8"><title>示例站点</title></head><body>';
const FOOTER = `<footer><a href="https://beian.miit.gov.cn/">${ICP}</a></footer>`;

/** Writes site/index.html and, when given, a config file; returns the working folder. */
function siteWith(page: string | Buffer, config?: Record<string, unknown>): string {
  const cwd = tempDir('big');
  dirs.push(cwd);
  fs.mkdirSync(path.join(cwd, 'site'));
  fs.writeFileSync(path.join(cwd, 'site/index.html'), page);
  if (config) fs.writeFileSync(path.join(cwd, 'beian.config.json'), JSON.stringify({ root: 'site', icp: ICP, siteName: '示例站点', ...config }));
  return cwd;
}

/** Runs `check` with a preloaded hook that records the peak resident set size (worker threads included) at exit. */
function checkMeasured(cwd: string, args: readonly string[]): Run & { findings: JsonFinding[]; peakMiB: number } {
  const rssFile = path.join(cwd, 'peak-rss.txt');
  const hook = `data:text/javascript,import fs from "node:fs";process.on("exit",()=>fs.writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
  const run = cli(['check', ...args, '--format', 'json'], cwd, {}, ['--import', hook]);
  const peakMiB = Math.round(Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
  const findings = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings : [];
  return { ...run, findings, peakMiB };
}

/** About 50 MB of UTF-8 on a single line: Chinese text in spans, the footer at the very end. */
function fiftyMegabytePage(): Buffer {
  const chunk = '<span class="x">示例文字，一段很长的单行正文 lorem ipsum 京ICP</span>';
  const n = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(chunk));
  return Buffer.from(HEAD + chunk.repeat(n) + FOOTER + '</body></html>');
}

describe('a 50 MB single-line page', () => {
  const page = fiftyMegabytePage();

  it('is over the default 20 MB limit: a file-skipped finding with its size, and the entry page fails', () => {
    const cwd = siteWith(page);
    const run = checkMeasured(cwd, ['site', ...FLAGS]);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(ids(run.findings)).toEqual(['file-skipped/too-large']);
    expect(run.findings[0]!.message).toBe('The file is 50.0 MB, over the 20.0 MB limit; it was not checked.');
    console.info(`peak RSS, 50 MB page skipped by size: ${run.peakMiB} MiB`);
  });

  it('with maxFileSizeMB raised it is read to the end: the footer after 50 MB of text is found', () => {
    const cwd = siteWith(page, { maxFileSizeMB: 64 });
    const run = checkMeasured(cwd, ['--no-source-map', '--lang', 'en']);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The only finding is the police notice, placed on the footer at the end of the one line.
    expect(run.findings.map((f) => [f.ruleId, f.line])).toEqual([['police-present', 1]]);
    expect(run.findings[0]!.column).toBe(page.toString('utf8').indexOf('<footer>') + 1);
    console.info(`peak RSS, 50 MB page checked: ${run.peakMiB} MiB (page ${(page.length / 1024 / 1024).toFixed(1)} MiB)`);
  });
});

describe('100,000 nested elements', () => {
  it('is a file-skipped finding (nested deeper than 1024 levels), quickly and in little memory', () => {
    const cwd = siteWith(HEAD + '<div>'.repeat(100_000) + FOOTER + '</div>'.repeat(100_000) + '</body></html>');
    const run = checkMeasured(cwd, ['site', ...FLAGS]);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(ids(run.findings)).toEqual(['file-skipped/too-deep']);
    expect(run.findings[0]!.message).toBe('Elements are nested more than 1024 levels deep; the page was not checked.');
    console.info(`peak RSS, 100,000 nested elements: ${run.peakMiB} MiB`);
  });

  it('also on a page that is not an entry page (a warning there), and without end tags', () => {
    const cwd = siteWith(HEAD + FOOTER + '</body></html>');
    fs.writeFileSync(path.join(cwd, 'site/deep.html'), HEAD + '<span><b>'.repeat(50_000));
    const run = checkMeasured(cwd, ['site', ...FLAGS, '--scope', 'all']);
    expectNoCrash(run);
    expect(run.findings.filter((f) => f.ruleId === 'file-skipped')).toEqual([
      expect.objectContaining({ messageId: 'too-deep', file: 'site/deep.html', severity: 'warning' }),
    ]);
  });

  it('1,000 levels (under the cap) are checked like any page: the number deep inside is found', () => {
    const cwd = siteWith(HEAD + '<div class="wrap">'.repeat(1000) + FOOTER + '</body></html>');
    const run = checkMeasured(cwd, ['site', ...FLAGS]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(ids(run.findings)).toEqual(['police-present/not-configured']);
  });
});

describe('thousands of footers on one page', () => {
  it('5,000 footers with a wrong link and a wrong number: a finding for each, valid JSON, one stylish group per finding', () => {
    const bad = '<footer class="site-footer">© 示例站点 <a href="http://beian.miit.gov.cn/x">京ICP备2023012345号-2</a></footer>\n';
    const cwd = siteWith(HEAD + bad.repeat(5000) + '</body></html>');
    const run = checkMeasured(cwd, ['site', ...FLAGS]);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const count = (id: string) => run.findings.filter((f) => `${f.ruleId}/${f.messageId}` === id).length;
    // A wrong link is wrong at each footer; a wrong number is reported once per distinct number.
    expect(count('icp-link/http')).toBe(5000);
    expect(count('icp-mismatch/different-site')).toBe(1);
    // Every finding on its own line of the page, in page order.
    const lines = run.findings.filter((f) => f.ruleId === 'icp-link').map((f) => f.line);
    expect(lines).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    console.info(`peak RSS, 5,000 footers: ${run.peakMiB} MiB`);

    const stylish = cli(['check', 'site', ...FLAGS], cwd);
    expect(stylish.code).toBe(1);
    const body = stylish.stdout.split('\n');
    // File header, then two lines per finding (message, fix), a blank line and the summary.
    expect(body).toHaveLength(1 + 2 * run.findings.length + 3);
    expect(body.at(-2)).toBe(`✖ 1 page: ${run.findings.filter((f) => f.severity === 'error').length} errors, 1 warning`);
  });

  it('thousands of numbers under a deep chain of elements with descendant selectors that hide nothing: checked, not hung', () => {
    const style = '<style>.nope .b{display:none} .b .nope{visibility:hidden} div div div .zz{opacity:0}</style>';
    const page = HEAD.replace('</head>', `${style}</head>`) + '<div class="b">'.repeat(1000) + `<p class="b"><a href="https://beian.miit.gov.cn/">${ICP}</a></p>`.repeat(3000) + '</body></html>';
    const cwd = siteWith(page);
    const run = checkMeasured(cwd, ['site', ...FLAGS]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.findings.filter((f) => f.ruleId === 'icp-hidden')).toEqual([]);
  });
});
