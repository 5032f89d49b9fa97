import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.js';
import { RULES } from '../../src/rules/index.js';

/** The built CLI (dist/cli.js) in real processes, on real site folders: a user's first hour. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const BLOG = path.join(ROOT, 'fixtures/sites/blog-post-ad');
const ICP = '京ICP备2023012345号-1';
const ENTITY = '京ICP备2023012345号';
const temps: string[] = [];

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI on a pseudo-terminal (util-linux script), so stdout.isTTY is true as in a real shell. */
function onTerminal(args: string[], env: Record<string, string>, cwd = ROOT): string {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env }, encoding: 'utf8' });
  return r.stdout;
}

/** A copy of a fixture site in a fresh temp folder, so tests may build, break and write in it. */
function copySite(from: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-first-hour-'));
  temps.push(dir);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

describe('content rules read every page by default', () => {
  it('a gambling ad in a blog post fails the default run', () => {
    const r = cli(['check', '--no-source-map', '--format', 'json'], { cwd: BLOG });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { pages: number }; findings: { ruleId: string; page: string; severity: string }[] };
    expect(report.summary.pages).toBe(3);
    const prohibited = report.findings.filter((f) => f.ruleId === 'content-prohibited');
    expect(prohibited.length).toBeGreaterThan(0);
    expect(new Set(prohibited.map((f) => f.page))).toEqual(new Set(['2024/05/01/hello/index.html']));
    expect(prohibited.every((f) => f.severity === 'error')).toBe(true);
    // footer rules keep to the entry page: the post's missing police number is not reported
    expect(report.findings.filter((f) => f.ruleId.startsWith('police-'))).toEqual([]);
  });

  it('--content-scope entry narrows them to the entry pages, as does contentScope in the config', () => {
    const narrowed = cli(['check', '--no-source-map', '--content-scope', 'entry'], { cwd: BLOG });
    expect(narrowed.code).toBe(0);
    expect(narrowed.stdout).toContain('✔ 1 个页面');
    const dir = copySite(BLOG);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'beian.config.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify({ ...config, contentScope: 'entry' }));
    expect(cli(['check', '--no-source-map'], { cwd: dir }).code).toBe(0);
    // the flag wins over the config, both ways
    expect(cli(['check', '--no-source-map', '--content-scope', 'all'], { cwd: dir }).code).toBe(1);
  });

  it('rejects an unknown --content-scope with the allowed values', () => {
    const r = cli(['check', '--content-scope', 'posts', '--lang', 'en'], { cwd: BLOG });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('beian-guard: --content-scope: "posts" is not one of "all", "entry"\n');
  });
});

describe('an entity number (主体号) in the config', () => {
  it('passes a correct -1 footer, with one notice that the full number is better', () => {
    const r = cli(['check', '--icp', ENTITY, '--site-name', '示例技术笔记', '--no-source-map', '--content-scope', 'entry', '--format', 'json'], { cwd: BLOG });
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; messageId: string; severity: string; page: string }[] }).findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'icp-mismatch', messageId: 'entity-configured', severity: 'notice', page: 'index.html' })]);
  });

  it('gives the notice once per site even when every page is checked, and from a config file too', () => {
    const dir = copySite(BLOG);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'beian.config.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'beian.config.json'), JSON.stringify({ ...config, icp: ENTITY, scope: 'all', contentScope: 'entry' }));
    const r = cli(['check', '--no-source-map', '--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; messageId: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'icp-mismatch').map((f) => f.messageId)).toEqual(['entity-configured']);
  });

  it('still fails a page that shows another entity number', () => {
    const r = cli(['check', '--icp', '京ICP备2022098765号', '--site-name', '示例技术笔记', '--no-source-map', '--content-scope', 'entry', '--format', 'json'], { cwd: BLOG });
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; messageId: string }[] }).findings;
    expect(findings.map((f) => `${f.ruleId}/${f.messageId}`)).toContain('icp-mismatch/different');
  });
});

describe('check without a folder finds the build folder', () => {
  it('takes public/ as the action does and says so on stderr', () => {
    const dir = copySite(BLOG);
    fs.rmSync(path.join(dir, 'beian.config.json'));
    const r = cli(['check', '--icp', ICP, '--site-name', '示例技术笔记', '--no-source-map', '--content-scope', 'entry'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('beian-guard: 检查构建目录 public（自动找到；用 beian-guard check <目录> 指定其他目录）\n');
    expect(r.stdout).toContain('✔ 1 个页面');
    const en = cli(['check', '--icp', ICP, '--site-name', '示例技术笔记', '--no-source-map', '--lang', 'en', '--format', 'json'], { cwd: dir });
    expect(en.stderr).toContain('checking the build folder public');
    expect(() => JSON.parse(en.stdout) as unknown).not.toThrow();
  });

  it('before the build, says to build first and names the likely command', () => {
    const dir = copySite(BLOG);
    fs.rmSync(path.join(dir, 'public'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { build: 'hexo generate' } }));
    const configured = cli(['check'], { cwd: dir });
    expect(configured.code).toBe(2);
    expect(configured.stderr).toBe('beian-guard: 站点目录 public 不存在。先构建网站（npm run build），再运行检查\n');
    fs.writeFileSync(path.join(dir, 'pnpm-lock.yaml'), '');
    expect(cli(['check', '--lang', 'en'], { cwd: dir }).stderr).toBe('beian-guard: site folder does not exist: public. Build the site first (pnpm run build), then run the check\n');
    fs.rmSync(path.join(dir, 'beian.config.json'));
    const bare = cli(['check', '--icp', ICP, '--site-name', '示例技术笔记'], { cwd: dir });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('beian-guard: 没有找到构建输出目录（查找了 public, dist, _site, out, build, docs/.vitepress/dist）。先构建网站（pnpm run build），再运行检查\n');
  });

  it('without a config or flags, points at init', () => {
    const dir = copySite(BLOG);
    fs.rmSync(path.join(dir, 'beian.config.json'));
    const r = cli(['check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('运行 beian-guard init 写出配置文件');
  });
});

describe('colour follows the usual conventions', () => {
  const RED = '\u001b[31m';
  const demo = ['check', '--config', 'fixtures/demo/beian.config.json', '--no-source-map'];

  it.each([
    [{}, 'auto', true, true],
    [{}, 'auto', false, false],
    [{ NO_COLOR: '1' }, 'auto', true, false],
    [{ NO_COLOR: '' }, 'auto', true, true],
    [{ FORCE_COLOR: '0' }, 'auto', true, false],
    [{ FORCE_COLOR: 'false' }, 'auto', true, false],
    [{ FORCE_COLOR: '1' }, 'auto', false, true],
    [{ FORCE_COLOR: '3' }, 'auto', false, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, 'auto', false, true],
    [{ TERM: 'dumb' }, 'auto', true, false],
    [{ TERM: 'dumb', FORCE_COLOR: '2' }, 'auto', true, true],
    [{ FORCE_COLOR: '1' }, 'never', true, false],
    [{ NO_COLOR: '1', TERM: 'dumb' }, 'always', false, true],
  ] as const)('env %j, --color %s, tty %s → %s', (env, choice, tty, expected) => {
    expect(useColor(choice, env, { isTTY: tty })).toBe(expected);
  });

  it('on a terminal: coloured by default, plain with FORCE_COLOR=0, TERM=dumb, NO_COLOR or --no-color', () => {
    expect(onTerminal(demo, {})).toContain(RED);
    expect(onTerminal(demo, { FORCE_COLOR: '0' })).not.toContain('\u001b[');
    expect(onTerminal(demo, { TERM: 'dumb' })).not.toContain('\u001b[');
    expect(onTerminal(demo, { NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(onTerminal([...demo, '--no-color'], {})).not.toContain('\u001b[');
  });

  it('through a pipe: plain by default, coloured with --color or FORCE_COLOR=1', () => {
    expect(cli(demo).stdout).not.toContain('\u001b[');
    expect(cli([...demo, '--color']).stdout).toContain(RED);
    expect(cli(demo, { env: { FORCE_COLOR: '1' } }).stdout).toContain(RED);
  });
});

describe('-o and the formats', () => {
  const demo = ['check', '--config', 'fixtures/demo/beian.config.json', '--no-source-map'];

  it.each(['stylish', 'json', 'sarif'])('-o FILE with %s writes the report and prints one summary line', (format) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-out-'));
    temps.push(dir);
    const out = path.join(dir, `report.${format}`);
    const r = cli([...demo, '--format', format, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/^✖ 3 pages: \d+ errors?, \d+ warnings?.* \(report written to .*\)\n$/);
    const text = fs.readFileSync(out, 'utf8');
    if (format === 'stylish') expect(text).toContain('icp-link');
    else expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(text).not.toContain('\u001b[');
  });

  it('-o - writes the report to stdout and no file named "-"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-dash-'));
    temps.push(dir);
    fs.cpSync(path.join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const r = cli(['check', '--no-source-map', '--format', 'json', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { summary: { pages: number } }).summary.pages).toBe(3);
    expect(fs.existsSync(path.join(dir, '-'))).toBe(false);
  });

  it('an option after -o is not taken as the file name', () => {
    const r = cli([...demo, '-o', '--quiet', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('beian-guard: option -o needs a value\n');
  });
});

describe('--quiet, --max-warnings, --list-rules, --print-config, did you mean', () => {
  const demo = ['check', '--config', 'fixtures/demo/beian.config.json', '--no-source-map', '--lang', 'en', '--format', 'json'];
  type Json = { summary: { errors: number; warnings: number }; findings: { severity: string }[] };

  it('--quiet shows errors only and keeps the verdict', () => {
    const all = JSON.parse(cli(demo).stdout) as Json;
    expect(all.summary.warnings).toBeGreaterThan(0);
    const quiet = cli([...demo, '--quiet']);
    const shown = JSON.parse(quiet.stdout) as Json;
    expect(shown.findings.length).toBe(all.summary.errors);
    expect(shown.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(quiet.code).toBe(1);
  });

  it('--max-warnings N fails a run with more warnings than N', () => {
    const dir = copySite(BLOG);
    // a legacy police link is only a warning
    const index = path.join(dir, 'public/index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143', 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030143'));
    const base = ['check', '--no-source-map', '--content-scope', 'entry', '--lang', 'en'];
    expect(cli(base, { cwd: dir }).code).toBe(0);
    expect(cli([...base, '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const over = cli([...base, '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('beian-guard: 1 warnings, more than --max-warnings 0\n');
    expect(cli([...base, '--max-warnings', 'some'], { cwd: dir }).stderr).toBe('beian-guard: --max-warnings: "some" is not a whole number of 0 or more\n');
  });

  it('--list-rules prints one line per rule: id, default severity, seed reasons, summary', () => {
    const r = cli(['--list-rules', '--lang', 'en']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // A header line, then one line per rule.
    expect(lines).toHaveLength(RULES.length + 1);
    expect(lines.find((l) => l.startsWith('icp-present '))).toMatch(/^icp-present\s+error\s+10\s+\S/);
    expect(lines.find((l) => l.startsWith('content-preapproval '))).toMatch(/^content-preapproval\s+warning\s+12\s+\S/);
    const zh = cli(['check', '--list-rules']);
    expect(zh.stdout).toMatch(/\nicp-present\s+错误\s+10\s+\S/);
  });

  it('--print-config prints the resolved configuration and checks nothing', () => {
    const r = cli(['check', '--config', 'fixtures/demo/beian.config.json', '--print-config', '--scope', 'all']);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as { failOn: string; lang: string; sites: { scope: string; contentScope: string; rootDisplay: string; config: { icp: string } }[] };
    expect(config).toMatchObject({ failOn: 'error', lang: 'zh-CN' });
    expect(config.sites[0]).toMatchObject({ scope: 'all', contentScope: 'all', rootDisplay: 'fixtures/demo/site' });
  });

  it.each([
    [['check', '--frmat', 'json'], 'beian-guard: unknown option --frmat (did you mean "--format"?); beian-guard --help lists every option\n'],
    [['check', '--sitename', 'x'], 'beian-guard: unknown option --sitename (did you mean "--site-name"?); beian-guard --help lists every option\n'],
    [['chek'], 'beian-guard: unknown command "chek" (did you mean "check"?); try "beian-guard check [dir]" or "beian-guard --help"\n'],
    [['--icp', ICP], 'beian-guard: unknown command "--icp" (options go after check); try "beian-guard check [dir]" or "beian-guard --help"\n'],
    [['check', '--quiet=yes'], 'beian-guard: option --quiet takes no value\n'],
  ])('%j → did you mean', (args, message) => {
    const r = cli([...args, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it('says "did you mean" in Chinese by default', () => {
    expect(cli(['check', '--frmat', 'json']).stderr).toBe('beian-guard: 没有 --frmat 这个选项（是不是 "--format"？）。beian-guard --help 列出全部选项\n');
  });
});
