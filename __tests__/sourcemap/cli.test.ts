import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceMapWarning } from '../../src/sourcemap/index.js';
import { REPOS } from './run-fixture.js';

/** The CLI as users run it: the bundle, spawned with node from inside a fixture repository. */
const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');
const HUGO = ['check', 'public', '--icp', '京ICP备2023012345号-1', '--police', '京公网安备11010502030143号', '--site-name', '静谧笔记', '--lang', 'en'];

function cli(args: string[], cwd = path.join(REPOS, 'hugo')) {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run bundle` before these tests');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  ruleId: string;
  messageId: string;
  sourceLocations?: { file: string; line: number; column: number; reason: string; confidence: string }[];
}

describe('source locations in the CLI output (dist/cli.js)', () => {
  it('adds sourceLocations to the JSON report without changing the verdict', () => {
    const r = cli([...HUGO, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    const placeholder = findings.find((f) => f.ruleId === 'icp-mismatch');
    expect(placeholder?.sourceLocations?.[0]).toEqual({
      file: 'hugo.toml',
      line: 10,
      column: 10,
      reason: 'the config value params.icp sets the number 京ICP备00000000号',
      confidence: 'high',
    });
  });

  it('prints the source under the finding in the terminal report, and no theme the site does not use', () => {
    const r = cli(HUGO);
    expect(r.stdout).toMatch(/icp-link\n.*fix:.*\n\s+source: themes\/quiet\/layouts\/partials\/footer\.html:4:40\n(?!\s+source:)/);
    expect(r.stdout).not.toContain('themes/paper/');
  });

  it('maps nothing with --no-source-map, and the verdict is the same', () => {
    const r = cli([...HUGO, '--format', 'json', '--no-source-map']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('sourceLocations');
  });

  it("honours the config file's sources.enabled: false, and --no-source-map over a config that enables it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bg-sources-off-'));
    try {
      cpSync(path.join(REPOS, 'hugo'), dir, { recursive: true });
      const facts = { root: 'public', icp: '京ICP备2023012345号-1', police: '京公网安备11010502030143号', siteName: '静谧笔记', lang: 'en' };
      writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify({ ...facts, sources: { enabled: false } }));
      const off = cli(['check', '--format', 'json'], dir);
      expect(off.code, off.stderr).toBe(1);
      expect(off.stdout).not.toContain('sourceLocations');
      writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify({ ...facts, sources: { enabled: true } }));
      expect(cli(['check', '--format', 'json'], dir).stdout).toContain('sourceLocations');
      expect(cli(['check', '--format', 'json', '--no-source-map'], dir).stdout).not.toContain('sourceLocations');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never points at a report an earlier run left in the repository, whatever its format', () => {
    // Outside any git work tree, so the repository is walked and the reports are listed like any file.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bg-rerun-'));
    try {
      cpSync(path.join(REPOS, 'hugo'), dir, { recursive: true });
      const reports = ['json=beian.json', 'sarif=beian.sarif.json', 'junit=reports/junit.xml', 'checkstyle=reports/checkstyle.xml', 'gitlab=gl-code-quality.json', 'rdjson=reports/rdjson.json', 'markdown=reports/beian.md', 'html=reports/beian.html'];
      const run = () => {
        const r = cli([...HUGO, ...reports.flatMap((f) => ['--format', f])], dir);
        expect(r.code, r.stderr).toBe(1);
        return (JSON.parse(readFileSync(path.join(dir, 'beian.json'), 'utf8')) as { findings: JsonFinding[] }).findings.map((f) => f.sourceLocations ?? []);
      };
      const first = run();
      const second = run();
      expect(first.flat().length).toBeGreaterThan(0);
      expect(second).toEqual(first);
      expect(second.flat().filter((l) => /^(beian|gl-|reports\/)/.test(l.file))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the warning when mapping fails', () => {
  it('is one line in the user\'s language, naming what went wrong', () => {
    expect(sourceMapWarning('en', new Error('EMFILE: too many open files\nat x'))).toBe(
      'beian-guard: warning: source mapping did not finish (EMFILE: too many open files at x); the findings and the verdict are unchanged.\n',
    );
    expect(sourceMapWarning('zh-CN', 'boom')).toBe('beian-guard：警告：源文件定位未完成（boom），检查结果与结论不受影响。\n');
  });
});
