/**
 * Several reports in one run (issue 16): `--format name` or `name=path`, repeated or comma-separated,
 * the config's `reports`, and `--output` for the one format given without a path. Runs dist/cli.js.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, type Run } from '../hostile/cli.js';

const BROKEN = ['--icp', '沪ICP备2024000123号-2', '--site-name', '青柠手记', '--police', '沪公网安备31010402001234号', '--scope', 'all', '--no-source-map', '--lang', 'en'];
const temps: string[] = [];

/** A fresh folder holding a copy of the broken fixture site as public/. */
function workspace(config?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-reports-'));
  temps.push(dir);
  fs.cpSync(path.join(FIXTURES, 'sites/action-broken/public'), path.join(dir, 'public'), { recursive: true });
  if (config) fs.writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify(config));
  return dir;
}

function check(args: readonly string[], cwd: string): Run {
  return cli(['check', ...args], cwd);
}

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

describe('several reports in one run', () => {
  it('writes JSON, JUnit and SARIF together and prints one summary line', () => {
    const cwd = workspace();
    const r = check(['public', ...BROKEN, '-f', 'json=out/report.json', '--format', 'junit=out/junit.xml,sarif=out/report.sarif'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✖ 2 pages: 3 errors, \d+ warnings? \(report written to out\/report\.json, out\/junit\.xml, out\/report\.sarif\)\n$/);
    const json = JSON.parse(fs.readFileSync(path.join(cwd, 'out/report.json'), 'utf8')) as { findings: { ruleId: string }[] };
    const sarif = JSON.parse(fs.readFileSync(path.join(cwd, 'out/report.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    const junit = fs.readFileSync(path.join(cwd, 'out/junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(sarif.runs[0]!.results).toHaveLength(json.findings.length);
    const suites = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit).testsuites;
    expect(Number(suites.failures)).toBe(3);
  });

  it('sends the one format without a path to stdout, the others to their files', () => {
    const cwd = workspace();
    const r = check(['public', ...BROKEN, '-f', 'json', '-f', 'gitlab=gl-code-quality.json'], cwd);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { findings: unknown[] };
    const gitlab = JSON.parse(fs.readFileSync(path.join(cwd, 'gl-code-quality.json'), 'utf8')) as unknown[];
    expect(gitlab).toHaveLength(json.findings.length);
  });

  it('--output names the file of the format given without a path; - is stdout', () => {
    const cwd = workspace();
    expect(check(['public', ...BROKEN, '-f', 'checkstyle', '-f', 'json=r.json', '-o', 'cs.xml'], cwd).code).toBe(1);
    expect(XMLValidator.validate(fs.readFileSync(path.join(cwd, 'cs.xml'), 'utf8'))).toBe(true);
    expect(fs.existsSync(path.join(cwd, 'r.json'))).toBe(true);
    const toStdout = check(['public', ...BROKEN, '-f', 'html', '-o', '-'], cwd);
    expect(toStdout.stdout).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses two reports on stdout, an empty path, an unknown format and a lone --output for formats with paths, with exit code 2', () => {
    const cwd = workspace();
    const cases: [string[], RegExp][] = [
      [['-f', 'stylish', '-f', 'json'], /--format: only one report can go to standard output, got stylish, json/],
      [['-f', 'json='], /--format: "json=" needs a file path/],
      [['-f', 'xml=out.xml'], /--format: "xml" is not one of "stylish", "json", "sarif", "junit", "gitlab", "checkstyle", "rdjson", "github", "markdown", "html"/],
      [['-f', 'json=a.json', '-o', 'b.json'], /--output: --output names the file of the --format given without a path/],
      [['-f', 'json', '-f', 'junit', '-o', 'b.json'], /--output: --output can stand for one --format without a path, got json, junit/],
    ];
    for (const [args, message] of cases) {
      const r = check(['public', ...BROKEN, ...args], cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    // Checked before any page is read: nothing was written.
    expect(fs.readdirSync(cwd).sort()).toEqual(['public']);
  });

  it('takes the config file\'s reports when no --format is given, and --format over them', () => {
    const cwd = workspace({
      root: 'public',
      icp: '沪ICP备2024000123号-2',
      siteName: '青柠手记',
      police: '沪公网安备31010402001234号',
      lang: 'en',
      sources: { enabled: false },
      reports: [{ format: 'stylish' }, { format: 'markdown', path: 'beian.md' }, { format: 'rdjson', path: 'beian.rdjson' }],
    });
    const r = check([], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/public\/index\.html\n/);
    expect(fs.readFileSync(path.join(cwd, 'beian.md'), 'utf8')).toMatch(/^### ❌ beian-guard: ICP filing check failed/);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'beian.rdjson'), 'utf8'))).toMatchObject({ source: { name: 'beian-guard' } });
    fs.rmSync(path.join(cwd, 'beian.md'));
    const flags = check(['-f', 'json=only.json'], cwd);
    expect(flags.code).toBe(1);
    expect(fs.existsSync(path.join(cwd, 'beian.md'))).toBe(false);
    expect(fs.existsSync(path.join(cwd, 'only.json'))).toBe(true);
  });

  it('refuses a config whose reports send two to stdout, naming the file and key', () => {
    const cwd = workspace({ root: 'public', icp: '沪ICP备2024000123号-2', siteName: '青柠手记', reports: [{ format: 'stylish' }, { format: 'github' }] });
    const r = check(['--lang', 'en'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('beian.config.json: reports: only one report can go to standard output, got stylish, github');
  });

  it('replaces its own report of any format on a second run, and leaves a file that is not ours alone', () => {
    const cwd = workspace();
    for (const format of ['junit', 'checkstyle', 'gitlab', 'rdjson', 'github', 'markdown', 'html']) {
      const file = `again.${format}`;
      expect(check(['public', ...BROKEN, '-f', `${format}=${file}`], cwd).code, format).toBe(1);
      expect(check(['public', ...BROKEN, '-f', `${format}=${file}`], cwd).code, `${format} again`).toBe(1);
    }
    fs.writeFileSync(path.join(cwd, 'notes.xml'), '<?xml version="1.0"?>\n<notes/>\n');
    const r = check(['public', ...BROKEN, '-f', 'junit=notes.xml'], cwd);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(cwd, 'notes.xml'), 'utf8')).toBe('<?xml version="1.0"?>\n<notes/>\n');
  });
});
