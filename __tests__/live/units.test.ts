/** The pure pieces of live mode: names, addresses, the bootstrap, WHOIS and RDAP reading, config. */
import { describe, expect, it } from 'vitest';
import { parseConfigObject, resolveConfig } from '../../src/config/resolve.js';
import { AddressMatcher, parseAddressRange } from '../../src/domain/addresses.js';
import { parseHostname, topLevelLabel } from '../../src/domain/hostname.js';
import { matchesCname } from '../../src/live/addresses.js';
import { RdapBootstrap, shippedBootstrap } from '../../src/live/bootstrap.js';
import { classify } from '../../src/live/http.js';
import { charsetOf, refreshTarget, scanPage } from '../../src/live/navigate.js';
import { expirationOf } from '../../src/live/rdap.js';
import { relOf } from '../../src/live/run.js';
import { liveSettings, liveSites } from '../../src/live/settings.js';
import { parseRetryAfter, StepTimeout, withTimeout } from '../../src/live/timing.js';
import { parseWhoisDate, readWhois } from '../../src/live/whois.js';
import { decodeHtml } from '../../src/source/decode.js';

const SITE = { root: 'public', icp: '京ICP备2023012345号-1', siteName: '示例技术笔记' };

function resolve(raw: Record<string, unknown>) {
  return resolveConfig({ config: parseConfigObject(raw, 'beian.config.json'), path: '/work/site/beian.config.json' }, {}, '/work/site');
}

describe('host names', () => {
  it.each([
    ['example.cn', 'example.cn', 'example.cn'],
    ['Example.CN.', 'example.cn', 'example.cn'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s', '例子.中国'],
    ['例子。中国', 'xn--fsqu00a.xn--fiqs8s', '例子.中国'],
    ['ｅｘａｍｐｌｅ．ｃｎ', 'example.cn', 'example.cn'],
  ])('%s → %s', (input, ascii, unicode) => {
    expect(parseHostname(input)).toEqual({ ok: true, value: { ascii, unicode } });
  });

  it.each(['', '-bad-.cn', 'a_b.cn', '1.2.3.4', 'localhost', 'xn--a.cn', 'https://example.cn', 'example.cn/path', `${'a'.repeat(64)}.cn`, 'example.123'])('rejects %j', (input) => {
    expect(parseHostname(input).ok).toBe(false);
  });

  it('the bootstrap is keyed by the last label', () => {
    expect(topLevelLabel('a.com.cn')).toBe('cn');
    expect(topLevelLabel('xn--fsqu00a.xn--fiqs8s')).toBe('xn--fiqs8s');
  });
});

describe('addresses', () => {
  it('CIDRs, normalised IPv6 and IPv4-mapped IPv6', () => {
    const ranges = ['198.51.100.0/24', '2001:db8::1', '::ffff:203.0.113.7'].map((t) => {
      const r = parseAddressRange(t);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    });
    const m = new AddressMatcher(ranges);
    expect(m.has('198.51.100.200')).toBe(true);
    expect(m.has('::ffff:198.51.100.7')).toBe(true);
    expect(m.has('2001:0db8:0:0::1')).toBe(true);
    expect(m.has('203.0.113.7')).toBe(true);
    expect(m.has('198.51.101.1')).toBe(false);
    expect(m.has('not an ip')).toBe(false);
  });

  it.each(['203.0.113.300', '198.51.100.0/33', '2001:db8::/129', 'example.cn', '10.0.0.0/x'])('rejects %j', (t) => {
    expect(parseAddressRange(t).ok).toBe(false);
  });

  it('CNAME patterns: *.suffix matches names under it, a plain name only itself', () => {
    expect(matchesCname('a.cdn.example.net', '*.cdn.example.net')).toBe(true);
    expect(matchesCname('cdn.example.net', '*.cdn.example.net')).toBe(false);
    expect(matchesCname('evilcdn.example.net', '*.cdn.example.net')).toBe(false);
    expect(matchesCname('cdn.example.net', 'cdn.example.net')).toBe(true);
  });
});

describe('the shipped RDAP bootstrap', () => {
  const b = shippedBootstrap();
  it('covers the gTLDs and not .cn or .中国 (they need WHOIS)', () => {
    expect(b.baseFor('com')).toBe('https://rdap.verisign.com/com/v1/');
    expect(b.baseFor('top')).toBe('https://rdap.zdnsgtld.com/top/');
    expect(b.baseFor('xyz')).toBe('https://rdap.centralnic.com/xyz/');
    expect(b.baseFor('cn')).toBeUndefined();
    expect(b.baseFor('xn--fiqs8s')).toBeUndefined();
    expect(b.size).toBeGreaterThan(1000);
  });

  it('rejects a file that is not a bootstrap, and prefers https bases', () => {
    expect(() => new RdapBootstrap({ nope: 1 }, 'x.json')).toThrow(/no "services" array/);
    expect(new RdapBootstrap({ services: [[['test'], ['http://a.example/', 'https://b.example']]] }, 'x').baseFor('TEST')).toBe('https://b.example/');
  });
});

describe('reading answers', () => {
  it('RDAP: the expiration event', () => {
    expect(expirationOf({ events: [{ eventAction: 'registration', eventDate: '2001-01-01T00:00:00Z' }, { eventAction: 'expiration', eventDate: '2030-09-14T04:00:00Z' }] })).toBe('2030-09-14T04:00:00Z');
    expect(expirationOf({ events: 'no' })).toBeUndefined();
    expect(expirationOf(null)).toBeUndefined();
  });

  it('WHOIS: Verisign, CNNIC and a few other spellings', () => {
    expect(readWhois('   Registry Expiry Date: 2030-09-14T04:00:00Z\r\n')).toEqual({ kind: 'expiry', date: new Date('2030-09-14T04:00:00Z'), display: '2030-09-14' });
    expect(readWhois('paid-till: 2031-01-02T21:00:00Z\n')).toMatchObject({ kind: 'expiry', display: '2031-01-02' });
    expect(parseWhoisDate('2030-03-17', false)).toEqual({ date: new Date('2030-03-17T00:00:00Z'), display: '2030-03-17' });
    expect(readWhois('Expiration Time: soon\r\n')).toMatchObject({ kind: 'unreadable' });
    expect(readWhois('')).toEqual({ kind: 'unreadable', detail: 'empty reply' });
  });

  it('HTTP failures are classified from undici and Node error causes', () => {
    const wrap = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(classify(wrap('ENOTFOUND'))).toEqual({ kind: 'dns', code: 'ENOTFOUND' });
    expect(classify(wrap('ECONNREFUSED'))).toEqual({ kind: 'refused', code: 'ECONNREFUSED' });
    expect(classify(wrap('CERT_HAS_EXPIRED'))).toEqual({ kind: 'tls', code: 'CERT_HAS_EXPIRED' });
    expect(classify(wrap('UND_ERR_CONNECT_TIMEOUT'))).toMatchObject({ kind: 'timeout' });
    expect(classify(new StepTimeout(300))).toMatchObject({ kind: 'timeout' });
    expect(classify(new Error('??'))).toEqual({ kind: 'network' });
  });

  it('Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it('withTimeout ends a step that ignores its signal', async () => {
    const started = Date.now();
    await expect(withTimeout(50, () => new Promise(() => undefined))).rejects.toBeInstanceOf(StepTimeout);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('pages', () => {
  it('meta refresh targets and stylesheet links', () => {
    expect(refreshTarget('0; url=/new/')).toBe('/new/');
    expect(refreshTarget("0;URL='https://www.example.cn/'")).toBe('https://www.example.cn/');
    expect(refreshTarget('5')).toBeUndefined();
    expect(scanPage('<head><META HTTP-EQUIV="Refresh" CONTENT="0; url=/a"><link rel="stylesheet" href="/s.css"></head>')).toEqual({ refresh: '/a', stylesheets: ['/s.css'] });
  });

  it('the HTTP charset', () => {
    expect(charsetOf('text/html; charset=GBK')).toBe('GBK');
    expect(charsetOf('text/html;charset="utf-8"')).toBe('utf-8');
    expect(charsetOf('text/html')).toBeUndefined();
  });

  it('decodeHtml: BOM over the HTTP charset, the HTTP charset over <meta>, an unknown label ignored', () => {
    const gbk = Buffer.from([0x3c, 0x70, 0x3e, 0xb1, 0xb8, 0xb0, 0xb8]); // <p>备案 in GBK
    expect(decodeHtml(gbk, { transportCharset: 'gbk' })).toMatchObject({ text: '<p>备案', encoding: 'gbk', source: 'transport' });
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>备案')]), { transportCharset: 'gbk' })).toMatchObject({ text: '<p>备案', source: 'bom' });
    expect(decodeHtml(Buffer.from('<meta charset="gbk"><p>x'), { transportCharset: 'utf-8' })).toMatchObject({ encoding: 'utf-8', source: 'transport' });
    expect(decodeHtml(Buffer.from('<p>x'), { transportCharset: 'klingon' })).toMatchObject({ encoding: 'utf-8', source: 'default' });
  });

  it('URL paths map to the built files ignore globs name', () => {
    expect(relOf('https://www.example.cn/')).toBe('index.html');
    expect(relOf('https://www.example.cn/about/')).toBe('about/index.html');
    expect(relOf('https://www.example.cn/a.html')).toBe('a.html');
    expect(relOf('https://www.example.cn/%E4%B8%AD/')).toBe('中/index.html');
    expect(relOf('https://www.example.cn/%E4/')).toBe('%E4/index.html');
  });
});

describe('config', () => {
  it('the one-site form splits live between the site and the run; defaults apply', () => {
    const config = resolve({ ...SITE, domains: ['例子.中国'], live: { hosts: ['@'], timeoutMs: 500, network: { whoisServers: { 中国: 'whois.example.net:4343' } } } });
    expect(config.sites[0]!.config.live).toEqual({ hosts: ['@'], schemes: ['https', 'http'], paths: ['/'], cnames: [] });
    expect(config.live).toMatchObject({ timeoutMs: 500, retries: 2, maxRedirects: 5, expiryWarnDays: 30, certWarnDays: 14 });
    const settings = liveSettings(config, '/work/site');
    expect(settings.userAgent).toMatch(/^beian-guard\/\d/);
    expect(settings.whoisServers.get('xn--fiqs8s')).toEqual({ host: 'whois.example.net', port: 4343 });
    expect(settings.whoisServers.get('cn')).toEqual({ host: 'whois.cnnic.cn', port: 43 });
    const [site] = liveSites(config);
    expect(site!.hosts.map((h) => h.name.ascii)).toEqual(['xn--fsqu00a.xn--fiqs8s']);
    expect(site!.paths).toEqual(['/']);
  });

  it('the sites form keeps site keys in sites and run keys at the top, strictly', () => {
    const ok = resolve({ live: { retries: 0 }, sites: [{ ...SITE, domains: ['example.cn'], live: { paths: ['/about/'] } }] });
    expect(liveSites(ok)[0]!.paths).toEqual(['/', '/about/']);
    expect(liveSites(ok)[0]!.hosts.map((h) => h.name.ascii)).toEqual(['example.cn', 'www.example.cn']);
    expect(() => resolve({ live: { hosts: ['@'] }, sites: [{ ...SITE, domains: ['example.cn'] }] })).toThrow(/live: unknown key\(s\) "hosts"/);
    expect(() => resolve({ sites: [{ ...SITE, domains: ['example.cn'], live: { timeoutMs: 5 } }] })).toThrow(/unknown key\(s\) "timeoutMs"/);
  });

  it.each([
    [{ domains: ['example.cn'], live: { hosts: ['w w'] } }, /"w w" is not "@" or a host label/],
    [{ domains: ['example.cn'], live: { paths: ['about'] } }, /a path starts with \//],
    [{ domains: ['example.cn'], live: { cnames: ['*.'] } }, /is not a host name or \*\.suffix pattern/],
    [{ domains: [] }, /domains/],
    [{ domains: ['example.cn'], live: { network: { dnsServers: ['dns.example'] } } }, /"dns\.example" is not an IP address/],
    [{ domains: ['example.cn'], live: { network: { connect: { 'www.example.cn': '127.0.0.1:1' } } } }, /"www\.example\.cn" is not host:port/],
    [{ domains: ['example.cn'], live: { network: { whoisServers: { cn: 'whois.cnnic.cn:99999' } } } }, /is not host or host:port/],
    [{ domains: ['example.cn'], live: { timeoutMs: 0 } }, /timeoutMs/],
  ])('rejects %j', (site, message) => {
    expect(() => resolve({ ...SITE, ...site })).toThrow(message);
  });

  it('live without domains anywhere is a usage error', () => {
    expect(() => liveSites(resolve(SITE))).toThrow(/live needs the filed domains/);
  });
});
