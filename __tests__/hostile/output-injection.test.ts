/**
 * Page text reaches our own outputs: the title, hrefs and file names appear in messages and
 * evidence. Control characters, ANSI escapes, CR/LF and bidi controls in them must leave the
 * stylish report one finding per line group with no terminal sequence but our own colours, and
 * the JSON and SARIF reports parseable with the text intact.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectNoCrash, FLAGS, tempDir, write, type JsonFinding } from './cli.js';

const NASTY = '\u001b[2J\u001b[31m\r\n  1:1      error    forged finding  icp-link\r\u0007\u009b31m\u202eevil\u2028x';

let cwd: string;
beforeAll(() => {
  cwd = tempDir('inject');
  const page = (title: string, href: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<footer><a href="${href}">京ICP备2023012345号-1</a></footer></body></html>`;
  // Raw bytes in the title and the href, and the same again as character references.
  write(path.join(cwd, 'site/index.html'), page(`示例${NASTY}`, `https://beian.miit.gov.cn/${NASTY}`));
  write(path.join(cwd, 'site/refs.html'), page('&#27;[2J&#13;&#10;  1:1 error forged', 'https://evil.example/&#27;[31m&#10;  1:1 error forged'));
  // A file name with a newline and an escape sequence in it (allowed on Linux).
  write(path.join(cwd, `site/evil\n  1:1      error    forged\u001b[2J.html`), page('示例站点', 'http://beian.miit.gov.cn/'));
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

function jsonFindings(): JsonFinding[] {
  const run = cli(['check', 'site', ...FLAGS, '--scope', 'all', '--format', 'json'], cwd);
  expectNoCrash(run);
  expect(run.code).toBe(1);
  // JSON.stringify escapes every C0 control: no raw CR, ESC or BEL reaches the output (C1 and
  // bidi characters are legal in JSON strings and stay as they are; the JSON parser reads them).
  expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

describe('output injection', () => {
  it('JSON stays parseable and keeps the page text as it was', () => {
    const findings = jsonFindings();
    const files = new Set(findings.map((f) => f.file));
    expect(files).toEqual(new Set(['site/index.html', 'site/refs.html', `site/evil\n  1:1      error    forged\u001b[2J.html`]));
    const title = findings.find((f) => f.file === 'site/index.html' && f.ruleId === 'title-site-name');
    expect(title?.message).toContain('\u001b[2J');
    const link = findings.find((f) => f.file === 'site/refs.html' && f.ruleId === 'icp-link');
    expect(link?.message).toContain('\u001b[31m');
  });

  it('stylish: one header line per file, two lines per finding, and no escape sequence at all without colour', () => {
    const findings = jsonFindings();
    const run = cli(['check', 'site', ...FLAGS, '--scope', 'all'], cwd);
    expectNoCrash(run);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    const lines = run.stdout.split('\n');
    const files = new Set(findings.map((f) => f.file)).size;
    // Header per file, message and fix per finding, a blank line per file, the summary, the final newline.
    expect(lines).toHaveLength(files + 2 * findings.length + files + 2);
    expect(lines.filter((l) => /^ {2}\d+:\d+ /.test(l))).toHaveLength(findings.length);
    expect(lines.filter((l) => /^ {13}fix: /.test(l))).toHaveLength(findings.length);
    // The forged "finding" inside page text stays inside its own line, shown with visible escapes.
    expect(run.stdout).toContain('\\u001b[2J');
    expect(lines.filter((l) => l.startsWith('  1:1      ✖ error    forged'))).toEqual([]);
  });

  it('stylish with colour forced: only our own colour codes are emitted', () => {
    const run = cli(['check', 'site', ...FLAGS, '--scope', 'all'], cwd, { env: { PATH: process.env.PATH ?? '', FORCE_COLOR: '1' } });
    expectNoCrash(run);
    const sequences = new Set(run.stdout.match(/\u001b\[[0-9;]*[A-Za-z]/g));
    expect(sequences.size).toBeGreaterThan(0);
    for (const s of sequences) expect(['\u001b[0m', '\u001b[1m', '\u001b[2m', '\u001b[31m', '\u001b[32m', '\u001b[33m', '\u001b[36m']).toContain(s);
    // Strip our sequences: nothing that starts a terminal command is left.
    expect(run.stdout.replace(/\u001b\[[0-9]+m/g, '')).not.toMatch(/[\u001b\u009b\r]/);
  });

  it('SARIF stays parseable too', () => {
    const run = cli(['check', 'site', ...FLAGS, '--scope', 'all', '--format', 'sarif'], cwd);
    expectNoCrash(run);
    const log = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results.length).toBeGreaterThan(3);
  });
});
