/**
 * Every input error the CLI reports follows --lang (issue 11, item 7): the built CLI
 * (dist/cli.js) in real processes on real files, once with the default language (zh-CN) and once
 * with --lang en. Each case names the message id it expects; the expected line is that id's text
 * in the catalogue, and a few are spelled out in full so the wording itself is pinned too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { both, InputError, messageText, type ErrorData, type Where } from '../../src/config/errors.js';
import type { ErrorId } from '../../src/config/error-messages.js';
import { PROBES } from '../../src/init/generators/index.js';
import { findBrowser, INSTALL_HINT } from '../../src/render/find-browser.js';
import { oneLine } from '../../src/reporters/escape.js';
import type { Lang } from '../../src/i18n/lang.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SITE = path.join(ROOT, 'fixtures/sites/cli-pass');
const ICP = '京ICP备2023012345号-1';
const NAME = '示例技术笔记';
const FLAGS = ['--icp', ICP, '--site-name', NAME, '--no-source-map'];
const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const temps: string[] = [];

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
});

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function temp(prefix = 'bg-lang-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A folder holding a copy of the one-page fixture site as `site/`, and any files given. */
function project(files: Record<string, string> = {}): string {
  const dir = temp();
  fs.cpSync(SITE, path.join(dir, 'site'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const config = (extra: Record<string, unknown> = {}) => JSON.stringify({ root: 'site', icp: ICP, siteName: NAME, ...extra });

/** The CLI with `--lang en` right after the command for English, nothing for the default. */
function cli(args: readonly string[], lang: Lang, cwd: string, env: Record<string, string> = {}) {
  const argv = lang === 'en' ? [args[0]!, '--lang', 'en', ...args.slice(1)] : [...args];
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The one line the CLI prints for an InputError from the catalogue. */
function line(id: ErrorId, data: ErrorData, where: Where | undefined, lang: Lang): string {
  return `beian-guard: ${oneLine(InputError.of(id, data, where).text(lang))}\n`;
}

/** Runs `args` in both languages: exit 2, nothing on stdout, and exactly the message of `id` on stderr. */
function expectError(args: readonly string[], cwd: string, id: ErrorId, data: ErrorData, where?: Where, env?: Record<string, string>): Record<Lang, string> {
  const said = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const r = cli(args, lang, cwd, env);
    expect(r.stderr, `${id} (${lang})`).toBe(line(id, data, where, lang));
    expect(r.code, `${id} (${lang})`).toBe(2);
    expect(r.stdout).toBe('');
    said[lang] = r.stderr;
  }
  return said;
}

describe('config file errors', () => {
  it('yaml-alias: an alias without its anchor', () => {
    const cwd = project({ '.beianrc.yaml': `root: site\nicp: ${ICP}\nsiteName: *name\n` });
    const said = expectError(['check'], cwd, 'yaml-alias', { detail: 'Unresolved alias (the anchor must be set before the alias): name' }, '.beianrc.yaml');
    expect(said.en).toBe('beian-guard: .beianrc.yaml: invalid YAML: Unresolved alias (the anchor must be set before the alias): name; check the anchors (&name) and aliases (*name) in the file\n');
    expect(said['zh-CN']).toContain('YAML 格式错误');
  });

  it('config-outside: a config file that is a link out of the folder', () => {
    const outside = temp('bg-lang-outside-');
    fs.writeFileSync(path.join(outside, 'secret.json'), config());
    const cwd = project();
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(cwd, 'beian.config.json'));
    const said = expectError(['check'], cwd, 'config-outside', { real: fs.realpathSync(path.join(outside, 'secret.json')) }, 'beian.config.json');
    expect(said['zh-CN']).toContain('配置文件指向工作区之外');
    expect(said.en).toContain('the config file leads outside the workspace');
  });
});

describe('render mode', () => {
  it('choice: an unknown --render mode names the flag', () => {
    const said = expectError(['check', 'site', '--render', 'always', ...FLAGS], project(), 'choice', { value: 'always', allowed: '"on", "auto", "off"' }, '--render');
    expect(said['zh-CN']).toBe('beian-guard: --render: "always" 不是可选的值（可选："on", "auto", "off"）\n');
  });

  it('render-form: a render value that is neither a mode nor an object', () => {
    const cwd = project({ 'beian.config.json': config({ render: 'always' }) });
    const said = expectError(['check'], cwd, 'config-invalid', {
      problems: both(
        'render："always" 不是 "on"、"auto"、"off" 之一，也不是含 mode、browser、viewports、timeoutMs、settleMs、concurrency 的对象',
        'render: "always" is not one of "on", "auto", "off", or an object with mode, browser, viewports, timeoutMs, settleMs, concurrency',
      ),
    }, 'beian.config.json');
    expect(said.en).toContain('"always" is not one of "on", "auto", "off", or an object with mode');
  });

  it('render-browser-differs: two sites that name different browsers', () => {
    const site = { icp: ICP, siteName: NAME };
    const cwd = project({
      'beian.config.json': JSON.stringify({ sites: [{ ...site, root: 'site', render: { browser: '/usr/bin/chromium' } }, { ...site, root: 'site', render: { browser: '/usr/bin/google-chrome' } }] }),
    });
    const said = expectError(['check'], cwd, 'render-browser-differs', { browser: '/usr/bin/google-chrome', first: 'beian.config.json: sites[0].render.browser' }, 'beian.config.json: sites[1].render.browser');
    expect(said['zh-CN']).toContain('一次运行只用一个浏览器渲染所有站点');
  });

  it('render-no-browser: --render on where no browser can be found', () => {
    const env = { PATH: '/nonexistent', HOME: os.tmpdir() };
    const lookup = findBrowser(undefined, { ...env, NO_COLOR: '1' });
    const tried = { 'zh-CN': lookup.triedText.map((t) => t['zh-CN']).join('；'), en: lookup.tried.join('; ') };
    const said = expectError(['check', 'site', '--render', 'on', ...FLAGS], project(), 'render-no-browser', { tried, hint: INSTALL_HINT }, undefined, env);
    expect(said['zh-CN']).toContain('beian-guard: 渲染模式需要 Chrome 或 Chromium，但没有找到（查找了：BEIAN_GUARD_BROWSER（未设置）；CHROME_BIN（未设置）；');
    expect(said['zh-CN']).toContain('（都没有找到））。Debian/Ubuntu 容器：apt-get install');
    expect(said.en).toContain('render mode needs Chrome or Chromium and none was found (looked at: ');
  });

  it('render-browser-failed: a --browser that does not start', () => {
    const cwd = project();
    const fake = path.join(cwd, 'chrome');
    fs.writeFileSync(fake, '#!/bin/sh\necho "this is not a browser" >&2\nexit 3\n', { mode: 0o755 });
    const said = expectError(['check', 'site', '--render', 'on', '--browser', fake, ...FLAGS], cwd, 'render-browser-failed', {
      detail: `${fake} (--browser) did not start: exited with code 3; it said: this is not a browser`,
      hint: INSTALL_HINT,
    });
    expect(said['zh-CN']).toContain('渲染模式无法启动浏览器：');
  });
});

describe('report files (--output)', () => {
  const run = (given: string, cwd: string, id: ErrorId, data: ErrorData = {}) => expectError(['check', 'site', ...FLAGS, '-o', given], cwd, id, { file: given, ...data }, '--output');

  it('report-control-character, report-git-folder, report-outside', () => {
    const cwd = project();
    fs.mkdirSync(path.join(cwd, '.git'));
    run('a\nb.json', cwd, 'report-control-character');
    run('.git/report.json', cwd, 'report-git-folder');
    const said = run('../report.json', cwd, 'report-outside', { workspace: cwd });
    expect(said['zh-CN']).toBe(`beian-guard: --output: 无法写入 ../report.json：路径指向工作区（${cwd}）之外；确实要写到那里，请给出绝对路径\n`);
  });

  it('report-link-out, report-symlink, report-not-file, report-unwritable', () => {
    const cwd = project();
    const outside = temp('bg-lang-out-');
    fs.symlinkSync(outside, path.join(cwd, 'reports'));
    run('reports/r.json', cwd, 'report-link-out', { real: fs.realpathSync(outside) });
    fs.symlinkSync(path.join(outside, 'x.json'), path.join(cwd, 'link.json'));
    run('link.json', cwd, 'report-symlink');
    fs.mkdirSync(path.join(cwd, 'folder.json'));
    run('folder.json', cwd, 'report-not-file');
    fs.writeFileSync(path.join(cwd, 'plain'), 'a file, not a folder');
    run('plain/r.json', cwd, 'report-unwritable', { code: 'ENOTDIR' });
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('report-not-ours-force: a file that is not one of our reports', () => {
    const cwd = project({ 'notes.json': '{"mine": true}\n' });
    const said = run('notes.json', cwd, 'report-not-ours-force', { kind: 'stylish' });
    expect(said.en).toContain('remove it or choose another path, or pass --force to replace it');
    expect(said['zh-CN']).toContain('或加 --force 覆盖它');
    expect(fs.readFileSync(path.join(cwd, 'notes.json'), 'utf8')).toBe('{"mine": true}\n');
  });
});

describe('beian-guard live: the config', () => {
  it('its own refinements (domains, ips, hosts, paths, cnames, network) in both languages, each at its key', () => {
    const cwd = project({
      'beian.config.json': config({
        domains: ['-bad-.cn'],
        ips: ['203.0.113.300'],
        live: { hosts: ['w w'], paths: ['about'], cnames: ['*.'], network: { dnsServers: ['dns.example.cn'], connect: { 'www.example.cn': '127.0.0.1:1' }, whoisServers: { cn: 'a b' } } },
      }),
    });
    const zh = cli(['live'], 'zh-CN', cwd);
    const en = cli(['live'], 'en', cwd);
    expect([zh.code, en.code]).toEqual([2, 2]);
    const problems: [string, ErrorId, ErrorData][] = [
      ['domains[0]', 'live-domain-invalid', { value: '"-bad-.cn"', why: both('“-bad-”这一段不是 1–63 个字母、数字或中间的连字符', 'the label "-bad-" is not 1–63 letters, digits or inner hyphens') }],
      ['ips[0]', 'live-address-invalid', { value: '"203.0.113.300"', why: both('它不是 IPv4 或 IPv6 地址', 'it is not an IPv4 or IPv6 address') }],
      ['live.hosts[0]', 'live-host-label-invalid', { value: '"w w"' }],
      ['live.paths[0]', 'live-path-invalid', { value: '"about"' }],
      ['live.cnames[0]', 'live-cname-invalid', { value: '"*."', why: both('为空', 'it is empty') }],
      ['live.network.dnsServers[0]', 'live-dns-server-invalid', { value: '"dns.example.cn"' }],
      ['live.network.connect.www.example.cn', 'live-endpoint-invalid', { value: '"www.example.cn"' }],
      ['live.network.whoisServers.cn', 'live-whois-server-invalid', { value: '"a b"' }],
    ];
    for (const [key, id, data] of problems) {
      const text = messageText(id, data);
      expect(zh.stderr, id).toContain(`${key}：${text['zh-CN']}`);
      expect(en.stderr, id).toContain(`${key}: ${text.en}`);
    }
    expect(zh.stderr).toMatch(/^beian-guard: beian\.config\.json: /);
    expect(en.stderr).toContain('domains[0]: "-bad-.cn" is not a domain: the label "-bad-" is not 1–63 letters, digits or inner hyphens');
    expect(zh.stderr).toContain('live.paths[0]："about" 不是路径：路径以 / 开头，不含空格和 #');
  });

  it('live-no-domains: a config without domains', () => {
    const said = expectError(['live'], project({ 'beian.config.json': config() }), 'live-no-domains', {}, 'beian.config.json');
    expect(said['zh-CN']).toBe('beian-guard: beian.config.json: live 需要备案的域名：在站点中加上 "domains": ["example.cn"]\n');
  });

  it('live-domain-invalid: a host that grows past 253 characters in front of a long domain', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.cn`;
    const host = 'd'.repeat(63);
    const cwd = project({ 'beian.config.json': config({ domains: [domain], live: { hosts: [host] } }) });
    expectError(['live'], cwd, 'live-domain-invalid', { value: JSON.stringify(`${host}.${domain}`), why: both('超过 253 个字符', 'it is longer than 253 characters') }, 'live.hosts');
  });

  it('live-file-unreadable, live-ca-empty: the network.caFile', () => {
    const live = (caFile: string) => config({ domains: ['example.cn'], live: { network: { caFile } } });
    expectError(['live'], project({ 'beian.config.json': live('certs/missing.pem') }), 'live-file-unreadable', { file: 'certs/missing.pem', code: 'ENOENT' }, 'live.network.caFile');
    const said = expectError(['live'], project({ 'beian.config.json': live('ca.pem'), 'ca.pem': 'not a certificate\n' }), 'live-ca-empty', { file: 'ca.pem' }, 'live.network.caFile');
    expect(said['zh-CN']).toContain('ca.pem 中没有 PEM 证书');
  });

  it('live-bootstrap-invalid, live-bootstrap-not-json: the network.rdapBootstrap file', () => {
    const live = config({ domains: ['example.cn'], live: { network: { rdapBootstrap: 'dns.json' } } });
    expectError(['live'], project({ 'beian.config.json': live, 'dns.json': '{"version": "1.0"}' }), 'live-bootstrap-invalid', { file: 'dns.json', detail: both('没有 "services" 数组', 'it has no "services" array') }, 'live.network.rdapBootstrap');
    expectError(['live'], project({ 'beian.config.json': live, 'dns.json': '{"services": [[["cn"], ["https://rdap.example.cn/"]], "cn"]}' }), 'live-bootstrap-invalid', {
      file: 'dns.json',
      detail: both('services[1] 不是 [[标签…], [地址…]] 的形式', 'services[1] is not [[labels], [urls]]'),
    }, 'live.network.rdapBootstrap');
    expectError(['live'], project({ 'beian.config.json': live, 'dns.json': 'services' }), 'live-bootstrap-not-json', { file: 'dns.json' }, 'live.network.rdapBootstrap');
  });

  it('live-whois-entry-invalid: a WHOIS server for something that is not a top-level label', () => {
    const cwd = project({ 'beian.config.json': config({ domains: ['example.cn'], live: { network: { whoisServers: { '-cn-': 'whois.example.net' } } } }) });
    expectError(['live'], cwd, 'live-whois-entry-invalid', { tld: '-cn-', server: 'whois.example.net' }, 'live.network.whoisServers');
  });
});

describe('beian-guard init', () => {
  /** A folder with nothing in it but what is given: no generator, outside any repository. */
  const empty = (files: Record<string, string> = {}) => {
    const dir = temp('bg-lang-init-');
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
  /** A Hugo site whose config names no address. */
  const hugo = () => empty({ 'hugo.toml': 'title = "示例"\n', 'content/_index.md': '# 示例\n' });

  it.each<[string, string[], ErrorId, ErrorData, Where | undefined]>([
    ['init-unknown-option', ['--bogus'], 'init-unknown-option', { flag: '--bogus' }, 'init'],
    ['init-positional', ['blog'], 'init-positional', { value: 'blog' }, 'init'],
    ['init-needs-value', ['--icp'], 'init-needs-value', { flag: '--icp' }, 'init'],
    ['init-dash-value', ['--domain', '-bad-.cn'], 'init-dash-value', { flag: '--domain' }, 'init'],
    ['init-arguments', ['--yes=1'], 'init-arguments', { detail: "Option '-y, --yes' does not take an argument" }, 'init'],
    ['init-choice', ['--filing', 'company'], 'init-choice', { flag: '--filing', value: 'company', choices: 'personal, enterprise' }, undefined],
    ['init-empty-value', ['--site-name', ' '], 'init-empty-value', { flag: '--site-name' }, undefined],
    ['init-conflict', ['--no-live', '--live'], 'init-conflict', { a: '--no-live', b: '--live' }, undefined],
    ['init-not-dir', ['--dir', 'nope'], 'init-not-dir', { dir: 'nope' }, undefined],
  ])('%s', (_, args, id, data, where) => {
    expectError(['init', ...args], empty(), id, data, where);
  });

  it('init-exists, init-unknown-generator', () => {
    expectError(['init', '--yes'], empty({ 'beian.config.json': '{}' }), 'init-exists', { file: 'beian.config.json' });
    expectError(['init', '--yes'], empty({ 'notes.txt': 'no site here\n' }), 'init-unknown-generator', { dir: '.', names: PROBES.map((p) => p.name).join(', ') });
  });

  it('init-bad-number, init-bad-domain, init-needs-domain', () => {
    const said = expectError(['init', '--yes', '--icp', '京ICP备123号'], hugo(), 'init-bad-number', {
      flag: '--icp',
      value: '京ICP备123号',
      why: both('数字位数不对（应为 7、8 或 10 位）', 'the serial must have 7, 8 or 10 digits'),
    });
    expect(said.en).toBe('beian-guard: --icp: "京ICP备123号" is not a valid number: the serial must have 7, 8 or 10 digits\n');
    expectError(['init', '--yes', '--domain=kim.github.io'], hugo(), 'init-bad-domain', {
      value: 'kim.github.io',
      why: both('它在 github.io 下，属于托管平台，不能备案', "it is under github.io, a hosting platform's name that cannot be filed"),
    });
    expectError(['init', '--yes', '--live', '--icp', ICP, '--site-name', NAME], hugo(), 'init-needs-domain', { found: '' });
  });

  it('file-unwritable: a file init cannot write', () => {
    const dir = hugo();
    // A folder where the workflow file goes: --force skips the "exists" check, the write fails.
    fs.mkdirSync(path.join(dir, '.github/workflows/beian.yml'), { recursive: true });
    expectError(['init', '--yes', '--force', '--ci', 'github', '--icp', ICP, '--site-name', NAME], dir, 'file-unwritable', { file: '.github/workflows/beian.yml', code: 'EISDIR' });
  });
});
