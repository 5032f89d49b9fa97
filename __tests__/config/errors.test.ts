import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { ERROR_MESSAGES } from '../../src/config/error-messages.js';
import { parseConfigObject, resolveConfig, type ResolvedConfig } from '../../src/config/resolve.js';
import { ownIssueText, ownMessage } from '../../src/config/schema-issues.js';
import { liveSettings, liveSites } from '../../src/live/settings.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir = SRC): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [{ file: path.relative(SRC, p), text: fs.readFileSync(p, 'utf8') }] : [];
  });
}

function caught(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('config errors in both languages', () => {
  it('names every problem of a config with its key path, in our own words', () => {
    const e = caught(() => parseConfigObject({ root: ' ', icp: 5, siteName: 'x', workers: 100, maxFileSizeMB: 0, filing: 'company', colour: 'red' }, 'c.json'));
    expect(e.id).toBe('config-invalid');
    expect(e.text('en')).toBe(
      'c.json: root: must not be empty; icp: expected a string; filing: expected one of "personal", "enterprise"; workers: must be at most 64; maxFileSizeMB: must be greater than 0; (top level): unknown key(s) "colour"',
    );
    expect(e.text('zh-CN')).toBe(
      'c.json: root：不能为空；icp：应为字符串；filing：应为 "personal"、"enterprise" 之一；workers：不能大于 64；maxFileSizeMB：必须大于 0；顶层：未知的字段 "colour"',
    );
    expect(e.message).toBe(e.text('en'));
  });

  it('says which field is missing in a site of a sites list', () => {
    const e = caught(() => parseConfigObject({ sites: [{ root: 'public', siteName: 'x' }] }, 'c.json'));
    expect(e.text('en')).toBe('c.json: sites[0].icp: missing (expected a string)');
    expect(e.text('zh-CN')).toBe('c.json: sites[0].icp：缺少这个字段（应为字符串）');
  });

  it('explains an invalid ICP number by its reason, in both languages', () => {
    const e = caught(() => resolveConfig(undefined, { root: '.', icp: '京ICP备2023012345-1号', siteName: 'x' }, process.cwd()));
    expect(e.text('en')).toBe('--icp: "京ICP备2023012345-1号" is not a valid ICP number: the site suffix goes after 号, as in 京ICP备2023012345号-1 (\'-N\' must follow \'号\')');
    expect(e.text('zh-CN')).toBe('--icp: "京ICP备2023012345-1号" 不是有效的 ICP 备案号：网站序号应写在“号”之后，如 京ICP备2023012345号-1');
  });

  it('keeps a plain-sentence error the same in every language', () => {
    const e = new InputError('something happened');
    expect(e.text('zh-CN')).toBe('something happened');
    expect(e.text('en')).toBe('something happened');
    expect(e.id).toBeUndefined();
  });

  it('has a text in every language for every message id, with the same placeholders', () => {
    for (const [id, texts] of Object.entries(ERROR_MESSAGES)) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(texts['zh-CN']), id).toEqual(names(texts.en));
      expect(texts['zh-CN'], id).toMatch(/[\u4e00-\u9fff]|^\{\w+\}$/);
    }
  });
});

describe('isInputError', () => {
  it('recognises an InputError from another bundle’s copy of the class, and nothing else', async () => {
    const { isInputError } = await import('../../src/config/errors.js');
    expect(isInputError(InputError.of('config-missing', {}, 'c.json'))).toBe(true);
    // What dist/check/'s own InputError class looks like to the CLI front: a different class, same brand.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('beian-guard.InputError')]: true });
    expect(isInputError(foreign)).toBe(true);
    expect(isInputError(new Error('x'))).toBe(false);
    expect(isInputError(undefined)).toBe(false);
  });
});

describe('every input error has a message id', () => {
  it('raises every InputError in src/ through InputError.of, never from a plain English sentence', () => {
    const plain = sources()
      .filter(({ file }) => file !== path.join('config', 'errors.ts'))
      .flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (line.includes('new InputError(') ? [`${file}:${i + 1}`] : [])));
    expect(plain).toEqual([]);
  });

  it('uses every message id of the catalogue somewhere in src/', () => {
    const text = sources()
      .filter(({ file }) => file !== path.join('config', 'error-messages.ts'))
      .map((f) => f.text)
      .join('\n');
    const unused = Object.keys(ERROR_MESSAGES).filter((id) => !text.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });
});

describe('issues our schemas raise themselves', () => {
  it('carry a message id that issueText turns into both languages, quoting the value', () => {
    expect(ownIssueText({ message: ownMessage('live-path-invalid'), input: 'about' })).toEqual({
      'zh-CN': '"about" 不是路径：路径以 / 开头，不含空格和 #',
      en: '"about" is not a path: a path starts with / and has no spaces or #',
    });
    // Without the input (zod keeps it only when asked), the message says "the value".
    expect(ownIssueText({ message: ownMessage('live-path-invalid') })?.en).toBe('the value is not a path: a path starts with / and has no spaces or #');
    expect(ownIssueText({ message: 'Invalid input' })).toBeUndefined();
    expect(ownIssueText({ message: 'beian-guard:no-such-id' })).toBeUndefined();
  });

  it('reports what is wrong inside an object that fits no form of a union, and the union itself otherwise', () => {
    const base = { root: 'public', icp: '京ICP备2023012345号-1', siteName: 'x' };
    const inner = caught(() => parseConfigObject({ ...base, render: { viewports: ['tablet'], concurrency: 0 } }, 'c.json'));
    expect(inner.text('en')).toBe('c.json: render.viewports[0]: expected one of "desktop", "mobile"; render.concurrency: must be at least 1');
    expect(inner.text('zh-CN')).toBe('c.json: render.viewports[0]：应为 "desktop"、"mobile" 之一；render.concurrency：不能小于 1');
    const outer = caught(() => parseConfigObject({ ...base, render: ['on'] }, 'c.json'));
    expect(outer.text('en')).toBe('c.json: render: ["on"] is not one of "on", "auto", "off", or an object with mode, browser, viewports, timeoutMs, settleMs, concurrency');
  });
});

describe('live settings that the schema cannot see', () => {
  /** A resolved config as resolve.ts builds it, with the parts live reads; the schema is not run. */
  function resolved(live: Record<string, unknown>, site: Record<string, unknown> = {}): ResolvedConfig {
    const config = resolveConfig(undefined, { root: '.', icp: '京ICP备2023012345号-1', siteName: 'x' }, process.cwd());
    return { ...config, live: live as ResolvedConfig['live'], sites: config.sites.map((s) => ({ ...s, config: { ...s.config, domains: ['example.cn'], ...site } })) };
  }

  it('names a bad connect pair, DNS server and filed address in both languages', () => {
    const connect = caught(() => liveSettings(resolved({ network: { connect: { 'www.example.cn:443': 'nowhere' } } }), process.cwd()));
    expect(connect.id).toBe('live-connect-invalid');
    expect(connect.text('en')).toBe('live.network.connect: "www.example.cn:443" → "nowhere" is not host:port → host:port');
    expect(connect.text('zh-CN')).toBe('live.network.connect: "www.example.cn:443" → "nowhere" 不是 主机:端口 → 主机:端口 的形式');
    const dns = caught(() => liveSettings(resolved({ network: { dnsServers: ['[::1'] } }), process.cwd()));
    expect(dns.id).toBe('live-dns-server-invalid');
    expect(dns.text('zh-CN')).toBe('live.network.dnsServers: "[::1" 不是 IP 地址（可以带 :端口）');
    const ips = caught(() => liveSites(resolved({}, { ips: ['198.51.100.0/33'] })));
    expect(ips.text('en')).toBe('ips: "198.51.100.0/33" is not an address or CIDR block: the prefix length must be 0–32');
    expect(ips.text('zh-CN')).toBe('ips: "198.51.100.0/33" 不是 IP 地址或 CIDR 地址段：前缀长度必须在 0–32 之间');
  });
});
