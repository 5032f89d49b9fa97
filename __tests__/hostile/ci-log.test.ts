/**
 * CLI log safety (issue 17 item 8, audit row D12): inside a CI job the CLI's output is a log the
 * runner reads commands from. GitHub takes `::cmd::` at a line start (after any whitespace) and
 * `##[cmd]` anywhere in a line; Azure takes `##vso[`. Page text (titles, file names) must start
 * none of them, and JSON must still parse to the page's exact text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir, type JsonFinding } from './cli.js';

const ICP = '粤ICP备2022012345号-1';
const TITLE = '##[set-output name=passed;]true ##vso[task.complete result=Succeeded] ##[add-mask]x';
const FILE = '::warning title=All good::Filing verified.html';
const SPACED = '\u3000::error::spoofed.html';
const ARGS = ['check', '.', '--icp', ICP, '--site-name', '留言板', '--lang', 'en', '--no-source-map', '--scope', 'all'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The D12 site, checked with the site folder as the working directory (file header lines start with the name). */
function site(): string {
  const dir = tempDir('ci-log');
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'index.html'), `<title>${TITLE}</title><footer><a href="https://beian.miit.gov.cn/">${ICP}</a></footer>`);
  fs.writeFileSync(path.join(dir, FILE), '<title>x</title>');
  fs.writeFileSync(path.join(dir, SPACED), '<title>x</title>');
  return dir;
}

/** Lines a runner would take as commands: `::` after .NET's TrimStart (any Unicode space), `##[` or `##vso[` anywhere. */
function commandLines(out: string): string[] {
  return out.split('\n').filter((line) => /^[\s\u0085]*::/.test(line) || /##\[|##vso\[/i.test(line));
}

function run(env: Record<string, string>, more: readonly string[] = []) {
  return cli([...ARGS, ...more], site(), { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });
}

describe('the CLI in a CI log', () => {
  it('outside CI the text is printed as it is (so the test below can fail)', () => {
    const r = run({});
    expect(commandLines(r.stdout).length).toBeGreaterThanOrEqual(3);
  });

  for (const [ci, env] of [
    ['GitHub Actions', { GITHUB_ACTIONS: 'true' }],
    ['Azure Pipelines', { TF_BUILD: 'True' }],
    ['GitLab CI', { GITLAB_CI: 'true' }],
  ] as const) {
    it(`D12 (${ci}): no title or file name starts a workflow command in the terminal report`, () => {
      const r = run(env);
      expect(r.code).toBe(1);
      expect(commandLines(`${r.stdout}\n${r.stderr}`)).toEqual([]);
      // Still readable: the characters are shown escaped, not dropped.
      expect(r.stdout).toContain('\\u003a:warning title=All good::Filing verified.html');
      expect(r.stdout).toContain('#\\u0023[set-output name=passed;]true');
    });
  }

  it('D12: JSON on stdout carries no command either, and parses to the exact page text', () => {
    const r = run({ GITHUB_ACTIONS: 'true' }, ['--format', 'json']);
    expect(commandLines(r.stdout)).toEqual([]);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.some((f) => f.message.includes(TITLE))).toBe(true);
    expect(findings.some((f) => f.file === FILE)).toBe(true);
  });
});
