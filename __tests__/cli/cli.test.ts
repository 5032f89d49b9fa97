import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The CLI as users run it: the committed bundle, spawned with node. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const ICP = '京ICP备2023012345号-1';
const POLICE = '京公网安备11010502030143号';

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'beian-cli-'));
}

describe('beian-guard CLI (dist/cli.js)', () => {
  it('exits 0 on a correct site and says so', () => {
    const r = cli(['check', 'fixtures/sites/cli-pass', '--icp', ICP, '--police', POLICE, '--site-name', '示例技术笔记']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('未发现问题');
    expect(r.code).toBe(0);
  });

  it('exits 1 with findings grouped by file, line:column and rule id', () => {
    const r = cli(['check', '--config', 'fixtures/demo/beian.config.json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/fixtures\/demo\/site\/about\/index\.html\n\s+14:14\s+✖ error\s+.*icp-link/);
    expect(r.stdout).toContain('fix:');
    expect(r.stdout).toMatch(/✖ 3 pages: \d+ errors?, \d+ warnings?/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('respects --fail-on never and --fail-on warning', () => {
    const never = cli(['check', '--config', 'fixtures/demo/beian.config.json', '--fail-on', 'never']);
    expect(never.code).toBe(0);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), fs.readFileSync(path.join(ROOT, 'fixtures/pages/police-link/legacy.html')));
    const warnOnly = cli(['check', dir, '--icp', ICP, '--police', POLICE, '--site-name', '示例技术笔记']);
    expect(warnOnly.code).toBe(0);
    const failOnWarning = cli(['check', dir, '--icp', ICP, '--police', POLICE, '--site-name', '示例技术笔记', '--fail-on', 'warning']);
    expect(failOnWarning.code).toBe(1);
  });

  it('prints the JSON report on stdout, deterministic and parseable', () => {
    const args = ['check', '--config', 'fixtures/demo/beian.config.json', '--format', 'json', '--no-source-map'];
    const a = cli(args);
    const b = cli(args);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as { version: string; summary: { pages: number; errors: number }; findings: Record<string, unknown>[] };
    expect(report.summary.pages).toBe(3);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      for (const key of ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'evidence', 'fingerprint']) expect(f).toHaveProperty(key);
    }
  });

  it('writes --output to a file and prints only a one-line summary', () => {
    const dir = tempDir();
    const out = path.join(dir, 'nested', 'report.json');
    const r = cli(['check', '--config', 'fixtures/demo/beian.config.json', '--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary.pages).toBe(3);
    expect(r.stdout).toMatch(/^✖ 3 个页面：\d+ 个错误，\d+ 个警告.*（报告已写入 .*report\.json）\n$/);
  });

  it('speaks English with --lang en and Chinese by default', () => {
    const zh = cli(['check', 'fixtures/sites/cli-pass', '--icp', '京ICP备2019036842号-1', '--site-name', '示例技术笔记']);
    expect(zh.stdout).toContain('页面显示的备案号');
    const en = cli(['check', 'fixtures/sites/cli-pass', '--icp', '京ICP备2019036842号-1', '--site-name', '示例技术笔记', '--lang', 'en']);
    expect(en.stdout).toContain('which is not this site');
  });

  it('colours only when asked', () => {
    const r = cli(['check', '--config', 'fixtures/demo/beian.config.json'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[31m');
  });

  it.each([
    [['check', 'fixtures/sites/cli-pass', '--icp', '京ICP备123号', '--site-name', 'x', '--lang', 'en'], /--icp: "京ICP备123号" is not a valid ICP number/],
    [['check', 'fixtures/sites/cli-pass', '--icp', ICP, '--police', '京公网安备21021102000825号', '--site-name', 'x', '--lang', 'en'], /--police: .* first two digits/],
    [['check', 'fixtures/sites/cli-pass', '--site-name', 'x', '--lang', 'en'], /missing --icp/],
    [['check', 'no/such/folder', '--icp', ICP, '--site-name', 'x', '--lang', 'en'], /no\/such\/folder/],
    [['check', '--config', 'no-such.json', '--lang', 'en'], /no-such\.json: cannot read the config file/],
    [['check', 'a', 'b', '--lang', 'en'], /one folder/],
    [['check', '--format', 'xml', '--lang', 'en'], /--format: "xml"/],
    [['check', '--bogus', '--lang', 'en'], /--bogus/],
    [['lint', '--lang', 'en'], /unknown command "lint"/],
    // the same problems in the default language
    [['check', 'fixtures/sites/cli-pass', '--icp', '京ICP备123号', '--site-name', 'x'], /--icp: "京ICP备123号" 不是有效的 ICP 备案号：数字位数不对/],
    [['check', 'fixtures/sites/cli-pass', '--site-name', 'x'], /缺少 --icp。运行 beian-guard init 写出配置文件/],
    [['check', '--config', 'no-such.json'], /no-such\.json: 配置文件不存在/],
    [['check', 'a', 'b'], /check 只接受一个目录，收到了 2 个：a b/],
    [['check', '--format', 'xml'], /--format: "xml" 不是可选的值/],
    [['lint'], /没有 "lint" 这个命令/],
  ])('exits 2 with a clear message: %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the file and key path of an invalid config', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify({ sites: [{ root: '.', icp: ICP, siteName: 'x', rules: { 'icp-linkk': 'off' } }] }));
    const unknownRule = cli(['check', '--lang', 'en'], { cwd: dir });
    expect(unknownRule.code).toBe(2);
    expect(unknownRule.stderr).toContain('beian.config.json: sites[0].rules: unknown rule id "icp-linkk" (did you mean "icp-link"?)');
    fs.writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify({ root: '.', icp: ICP, siteName: 'x', colour: 'red' }));
    const unknownKey = cli(['check', '--lang', 'en'], { cwd: dir });
    expect(unknownKey.stderr).toMatch(/beian\.config\.json: .*unknown key\(s\) "colour"/);
    expect(cli(['check'], { cwd: dir }).stderr).toBe('beian-guard: beian.config.json: 顶层：未知的字段 "colour"\n');
    fs.writeFileSync(path.join(dir, 'beian.config.json'), '{\n  "root": ".",\n  "icp": 5,\n}');
    const badJson = cli(['check', '--lang', 'en'], { cwd: dir });
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/beian\.config\.json: invalid JSON at line 4/);
    fs.rmSync(path.join(dir, 'beian.config.json'));
    fs.writeFileSync(path.join(dir, '.beianrc.yaml'), 'root: .\nicp: [unclosed\n');
    const badYaml = cli(['check', '--lang', 'en'], { cwd: dir });
    expect(badYaml.code).toBe(2);
    expect(badYaml.stderr).toMatch(/\.beianrc\.yaml: invalid YAML at line \d+/);
  });

  it('prints --version and --help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('beian-guard check [目录]');
    expect(help.stdout).toContain('--content-scope all|entry');
    const en = cli(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('beian-guard check [dir]');
    expect(en.stdout).not.toContain('检查构建好的网站');
  });
});
