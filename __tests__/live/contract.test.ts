/**
 * The contract of issue 15, row by row: each case of the rule table against stand-in servers,
 * under its rule id, with its severity and its `file` form. Everything runs on 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model/index.js';
import { cnnicReply, FOOTER, isoDaysFromNow, page, runWorld, startWorld, type WorldSpec } from './world.js';

const DAY = 86_400_000;

async function live(spec: WorldSpec, options: { lang?: string } = {}): Promise<Report> {
  const world = await startWorld(spec);
  try {
    return await runWorld(world, options);
  } finally {
    await world.close();
  }
}

/** Findings other than the police-present notice every default page earns (the world files no police number). */
function findings(report: Report): Finding[] {
  return report.findings.filter((f) => f.severity !== 'notice');
}

function lines(report: Report): string[] {
  return findings(report)
    .map((f) => `${f.ruleId}/${f.messageId} ${f.severity} ${f.file}`)
    .sort();
}

describe('a deployed site with nothing wrong', () => {
  it('passes: no error or warning, every host × scheme fetched, one expiry lookup', async () => {
    const world = await startWorld();
    try {
      const report = await runWorld(world);
      expect(lines(report)).toEqual([]);
      expect(report.summary.pages).toBe(4);
      expect(world.web.requests.map((r) => r.url).sort()).toEqual(['http://example.cn/', 'http://www.example.cn/', 'https://example.cn/', 'https://www.example.cn/']);
      expect(world.whois.queries).toEqual(['example.cn']);
      // Honest User-Agent: the tool and its version.
      expect(new Set(world.web.requests.map((r) => r.userAgent))).toEqual(new Set([expect.stringMatching(/^beian-guard\/\d+\.\d+\.\d+/)]));
    } finally {
      await world.close();
    }
  });
});

describe('the existing footer and title rules on the served HTML', () => {
  it('run on the page each host × scheme serves; file is the URL, positions are in the served HTML', async () => {
    const report = await live({ web: { 'https://example.cn/': { body: page('<footer>© 2024</footer>') }, 'http://example.cn/': { body: page(FOOTER, '首页') } } });
    expect(lines(report)).toEqual([
      'icp-present/missing error https://example.cn/',
      'police-present/missing error https://example.cn/',
      'title-site-name/mismatch error http://example.cn/',
    ]);
    const f = findings(report).find((x) => x.file === 'https://example.cn/')!;
    expect(f.page).toBe('/');
    expect(f.line).toBeGreaterThan(1);
  });

  it('a page reached by a redirect is checked once, under its final URL', async () => {
    const report = await live({
      web: {
        'http://example.cn/': { status: 301, headers: { location: 'https://www.example.cn/' } },
        'https://example.cn/': { status: 301, headers: { location: 'https://www.example.cn/' } },
        'http://www.example.cn/': { status: 301, headers: { location: 'https://www.example.cn/' } },
        'https://www.example.cn/': { body: page('<footer>© 2024</footer>') },
      },
    });
    expect(lines(report)).toEqual(['icp-present/missing error https://www.example.cn/', 'police-present/missing error https://www.example.cn/']);
    expect(report.summary.pages).toBe(1);
  });

  it('every configured path is fetched besides /', async () => {
    const report = await live({ site: { live: { hosts: ['@'], schemes: ['https'], paths: ['/about/'] } }, web: { 'https://example.cn/about/': { body: page('') } } });
    expect(lines(report)).toEqual(['icp-present/missing error https://example.cn/about/', 'police-present/missing error https://example.cn/about/']);
  });
});

describe('live-unreachable (error; 403 and 429 are warnings)', () => {
  const both = (route: object) => ({ 'https://www.example.cn/': route, 'http://www.example.cn/': route });

  it('DNS failure: the host does not resolve', async () => {
    // No connect override for www: the connection goes where DNS says, and DNS says nothing.
    const report = await live({ dns: { 'www.example.cn': null }, connect: { 'www.example.cn:443': 'dns', 'www.example.cn:80': 'dns' } });
    expect(lines(report)).toEqual(['ip-mismatch/no-address error dns:www.example.cn', 'live-unreachable/unreachable error https://www.example.cn/']);
    expect(findings(report).find((f) => f.ruleId === 'live-unreachable')!.message).toMatch(/域名解析失败（ENOTFOUND）/);
  });

  it('refused on both schemes', async () => {
    const report = await live({ connect: { 'www.example.cn:443': 'refused', 'www.example.cn:80': 'refused' } }, { lang: 'en' });
    const f = findings(report).find((x) => x.ruleId === 'live-unreachable')!;
    expect(f).toMatchObject({ severity: 'error', file: 'https://www.example.cn/', line: 1, column: 1 });
    expect(f.message).toBe('https://www.example.cn/ could not be fetched: https://www.example.cn/: connection refused; http://www.example.cn/: connection refused.');
  });

  it('TLS failure on https and 5xx on http', async () => {
    const report = await live({ certs: { 'www.example.cn': 'self-signed' }, web: { 'http://www.example.cn/': { status: 503, body: 'busy' } } }, { lang: 'en' });
    const f = findings(report).find((x) => x.ruleId === 'live-unreachable')!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/https:\/\/www\.example\.cn\/: TLS handshake failed \(DEPTH_ZERO_SELF_SIGNED_CERT\); http:\/\/www\.example\.cn\/: HTTP 503/);
  });

  it('4xx on both schemes', async () => {
    const report = await live({ web: both({ status: 404, body: 'gone' }) });
    expect(lines(report)).toContain('live-unreachable/unreachable error https://www.example.cn/');
  });

  it('timeout: a server that accepts and never answers', async () => {
    const report = await live({ live: { timeoutMs: 300 }, web: both({ silent: true }) }, { lang: 'en' });
    const f = findings(report).find((x) => x.ruleId === 'live-unreachable')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('no answer within 0.3 s');
  });

  it('403 to a bot is a warning, with a hint', async () => {
    const report = await live({ web: both({ status: 403, body: 'forbidden' }) });
    const f = findings(report).find((x) => x.ruleId === 'live-unreachable')!;
    expect(f).toMatchObject({ messageId: 'blocked', severity: 'warning' });
    expect(f.fix).toMatch(/User-Agent/);
  });

  it('429 is a warning', async () => {
    const report = await live({ web: both({ status: 429, headers: { 'retry-after': '120' } }) });
    expect(findings(report).find((x) => x.ruleId === 'live-unreachable')).toMatchObject({ messageId: 'rate-limited', severity: 'warning' });
  });

  it('one scheme answering 2xx is enough', async () => {
    const report = await live({ connect: { 'www.example.cn:80': 'refused' } });
    expect(lines(report)).toEqual([]);
  });
});

describe('live-redirect (warning)', () => {
  it('more than maxRedirects', async () => {
    const web: Record<string, object> = {};
    for (let i = 0; i < 7; i++) web[i === 0 ? 'https://www.example.cn/' : `https://www.example.cn/r${i}`] = { status: 302, headers: { location: `/r${i + 1}` } };
    const report = await live({ live: { maxRedirects: 5 }, site: { live: { hosts: ['www'], schemes: ['https'] } }, web });
    const f = findings(report).find((x) => x.ruleId === 'live-redirect')!;
    expect(f).toMatchObject({ messageId: 'too-many', severity: 'warning', file: 'https://www.example.cn/' });
    expect(f.evidence.split(' → ')).toHaveLength(7);
  });

  it('a loop', async () => {
    const report = await live({
      site: { live: { hosts: ['www'], schemes: ['https'] } },
      web: { 'https://www.example.cn/': { status: 301, headers: { location: '/a' } }, 'https://www.example.cn/a': { status: 301, headers: { location: 'https://www.example.cn/' } } },
    });
    expect(lines(report)).toEqual(['live-redirect/loop warning https://www.example.cn/', 'live-unreachable/unreachable error https://www.example.cn/']);
    expect(findings(report)[0]!.evidence).toBe('https://www.example.cn/ → https://www.example.cn/a → https://www.example.cn/');
  });

  it('the final host is outside domains', async () => {
    // The world serves example.net too; only example.cn is filed.
    const report = await live({
      domains: ['example.cn', 'example.net'],
      site: { domains: ['example.cn'], live: { hosts: ['www'], schemes: ['https'] } },
      web: { 'https://www.example.cn/': { status: 302, headers: { location: 'https://www.example.net/' } } },
    });
    expect(lines(report)).toEqual(['live-redirect/off-site warning https://www.example.cn/']);
    expect(findings(report)[0]!.message).toContain('www.example.net');
  });

  it('apex → www and http → https within the filed domain are fine', async () => {
    const report = await live({
      web: {
        'http://example.cn/': { status: 301, headers: { location: 'https://example.cn/' } },
        'https://example.cn/': { status: 301, headers: { location: 'https://www.example.cn/' } },
      },
    });
    expect(lines(report)).toEqual([]);
  });
});

describe('ip-mismatch (error)', () => {
  it('an A record outside ips; the message says where the check ran from', async () => {
    const report = await live({ dns: { 'www.example.cn': { A: ['198.51.100.9'] } } }, { lang: 'en' });
    const f = findings(report).find((x) => x.ruleId === 'ip-mismatch')!;
    expect(f).toMatchObject({ messageId: 'not-filed', severity: 'error', file: 'dns:www.example.cn', line: 1, column: 1, evidence: '198.51.100.9' });
    expect(f.message).toMatch(/^www\.example\.cn resolves to 198\.51\.100\.9, outside the filed addresses \(203\.0\.113\.7\)\. Checked from this machine \(.+\), DNS servers 127\.0\.0\.1:\d+; DNS answers differ by region\.$/);
  });

  it('an AAAA record outside ips counts too; CIDRs and IPv4-mapped IPv6 match', async () => {
    const report = await live({
      site: { ips: ['203.0.113.0/24', '2001:db8:1::/48'] },
      dns: { 'example.cn': { A: ['203.0.113.99'], AAAA: ['2001:db8:1::5', '::ffff:203.0.113.8'] }, 'www.example.cn': { A: ['203.0.113.7'], AAAA: ['2001:db8:2::1'] } },
    });
    expect(lines(report)).toEqual(['ip-mismatch/not-filed error dns:www.example.cn']);
    expect(findings(report)[0]!.evidence).toBe('2001:db8:2::1');
  });

  it('a CNAME chain that reaches a listed suffix is not a mismatch', async () => {
    const report = await live({
      site: { live: { cnames: ['*.cdn.example.net'] } },
      dns: { 'www.example.cn': { CNAME: 'www.example.cn.w.cdn.example.net' }, 'www.example.cn.w.cdn.example.net': { CNAME: 'edge7.cdn.example.net' }, 'edge7.cdn.example.net': { A: ['192.0.2.50'] } },
    });
    expect(lines(report)).toEqual([]);
  });

  it('a CNAME chain to an unlisted CDN is a mismatch and names the chain', async () => {
    const report = await live({ dns: { 'www.example.cn': { CNAME: 'edge.othercdn.example.org' }, 'edge.othercdn.example.org': { A: ['192.0.2.50'] } } }, { lang: 'en' });
    const f = findings(report).find((x) => x.ruleId === 'ip-mismatch')!;
    expect(f.message).toContain('CNAME chain www.example.cn → edge.othercdn.example.org');
  });

  it('no address at all', async () => {
    const report = await live({ dns: { 'www.example.cn': {} } });
    expect(lines(report)).toEqual(expect.arrayContaining(['ip-mismatch/no-address error dns:www.example.cn']));
  });

  it('a CNAME loop is found without hanging', async () => {
    const report = await live({ dns: { 'www.example.cn': { CNAME: 'a.example.cn' }, 'a.example.cn': { CNAME: 'www.example.cn' } } });
    expect(lines(report)).toEqual(expect.arrayContaining(['ip-mismatch/cname-loop error dns:www.example.cn']));
  });

  it('a chain longer than 8 hops is not walked further', async () => {
    const dns: Record<string, object> = { 'www.example.cn': { CNAME: 'h1.example.net' } };
    for (let i = 1; i <= 9; i++) dns[`h${i}.example.net`] = { CNAME: `h${i + 1}.example.net` };
    dns['h10.example.net'] = { A: ['203.0.113.7'] };
    const report = await live({ dns });
    expect(lines(report)).toEqual(expect.arrayContaining(['live-skipped/cname-too-long warning dns:www.example.cn']));
  });
});

describe('domain-expiry (error when expired, warning within expiryWarnDays)', () => {
  it('RDAP expiration in the past: error', async () => {
    const report = await live({ domains: ['example.top'], rdap: { 'example.top': { expiration: isoDaysFromNow(-3) } } });
    expect(lines(report)).toEqual(['domain-expiry/expired error domain:example.top']);
  });

  it('RDAP expiration within 30 days: warning; the days stay out of the fingerprint', async () => {
    const report = await live({ domains: ['example.top'], rdap: { 'example.top': { expiration: isoDaysFromNow(12.5) } } }, { lang: 'en' });
    const f = findings(report)[0]!;
    expect(f).toMatchObject({ ruleId: 'domain-expiry', messageId: 'expiring', severity: 'warning', file: 'domain:example.top' });
    expect(f.message).toMatch(/expires in 12 days/);
    expect(f.evidence).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('RDAP expiration beyond expiryWarnDays: nothing', async () => {
    const report = await live({ domains: ['example.top'], live: { expiryWarnDays: 7 }, rdap: { 'example.top': { expiration: isoDaysFromNow(12) } } });
    expect(lines(report)).toEqual([]);
  });

  it('WHOIS for .cn: CNNIC "Expiration Time:" past and near', async () => {
    const expired = await live({ whois: { 'example.cn': { reply: cnnicReply('example.cn', new Date(Date.now() - 2 * DAY)) } } });
    expect(lines(expired)).toEqual(['domain-expiry/expired error domain:example.cn']);
    const near = await live({ whois: { 'example.cn': { reply: cnnicReply('example.cn', new Date(Date.now() + 10 * DAY)) } } });
    expect(lines(near)).toEqual(['domain-expiry/expiring warning domain:example.cn']);
  });

  it('WHOIS "Registry Expiry Date:" (Verisign format) for a TLD served over WHOIS', async () => {
    const reply = `   Domain Name: EXAMPLE.IO\r\n   Registry Expiry Date: ${isoDaysFromNow(-1)}\r\n`;
    const report = await live({ domains: ['example.io'], whoisTlds: ['io'], whois: { 'example.io': { reply } } });
    expect(lines(report)).toEqual(['domain-expiry/expired error domain:example.io']);
  });

  it('a domain the registry does not know: error', async () => {
    const report = await live({ whois: { 'example.cn': { reply: 'no matching record.\r\n' } } });
    expect(lines(report)).toEqual(['domain-expiry/not-registered error domain:example.cn']);
    const rdap = await live({ domains: ['example.top'], rdap: { 'example.top': { status: 404 } } });
    expect(lines(rdap)).toEqual(['domain-expiry/not-registered error domain:example.top']);
  });

  it('one lookup per registrable domain, however many sites list it', async () => {
    const world = await startWorld();
    try {
      const config = JSON.parse(JSON.stringify(world.config)) as { sites: Record<string, unknown>[] };
      config.sites.push({ ...config.sites[0], root: 'other' });
      const fs = await import('node:fs');
      fs.writeFileSync(world.configFile, JSON.stringify(config));
      await runWorld(world);
      expect(world.whois.queries).toEqual(['example.cn']);
    } finally {
      await world.close();
    }
  });
});

describe('tls-certificate (error when expired or wrong name; warning within certWarnDays)', () => {
  it('expired', async () => {
    const report = await live({ certs: { 'www.example.cn': 'expired' }, site: { live: { schemes: ['https'] } } });
    expect(lines(report)).toEqual(expect.arrayContaining(['tls-certificate/expired error tls:www.example.cn']));
  });

  it('wrong name', async () => {
    const report = await live({ certs: { 'example.cn': 'wrong-name' } });
    expect(lines(report)).toEqual(expect.arrayContaining(['tls-certificate/wrong-name error tls:example.cn']));
    expect(findings(report).find((f) => f.ruleId === 'tls-certificate')!.message).toContain('other.example.cn');
  });

  it('expiring within certWarnDays', async () => {
    const report = await live({ certs: { 'www.example.cn': 'expiring' } });
    expect(lines(report)).toEqual(['tls-certificate/expiring warning tls:www.example.cn']);
  });

  it('untrusted chain', async () => {
    const report = await live({ certs: { 'www.example.cn': 'self-signed' } });
    expect(lines(report)).toEqual(['tls-certificate/untrusted error tls:www.example.cn']);
  });

  it('not yet valid', async () => {
    const report = await live({ certs: { 'www.example.cn': 'not-yet-valid' }, site: { live: { schemes: ['https'] } } });
    expect(lines(report)).toEqual(expect.arrayContaining(['tls-certificate/not-yet-valid error tls:www.example.cn']));
  });

  it('http-only sites are not probed', async () => {
    const report = await live({ certs: { 'www.example.cn': 'expired' }, site: { live: { schemes: ['http'] } } });
    expect(lines(report)).toEqual([]);
  });
});

describe('live-skipped (warning): a check that could not run', () => {
  it('no RDAP and no WHOIS for the TLD', async () => {
    const report = await live({ domains: ['example.zz'], noExpirySource: ['zz'] });
    expect(lines(report)).toEqual(['live-skipped/no-expiry-source warning domain:example.zz']);
  });

  it('rate limited (RDAP 429)', async () => {
    const report = await live({ domains: ['example.top'], rdap: { 'example.top': { status: 429, retryAfter: '3600' } } });
    expect(lines(report)).toEqual(['live-skipped/expiry-rate-limited warning domain:example.top']);
  });

  it('rate limited (WHOIS says so)', async () => {
    const report = await live({ whois: { 'example.cn': { reply: 'Queried interval is too short.\r\n' } } });
    expect(lines(report)).toEqual(['live-skipped/expiry-rate-limited warning domain:example.cn']);
  });

  it('unreadable answer (RDAP not JSON; WHOIS without a date)', async () => {
    const rdap = await live({ domains: ['example.top'], rdap: { 'example.top': { body: '<html>oops</html>' } } });
    expect(lines(rdap)).toEqual(['live-skipped/expiry-unreadable warning domain:example.top']);
    const whois = await live({ whois: { 'example.cn': { reply: 'Domain Name: example.cn\r\nDomain Status: ok\r\n' } } });
    expect(lines(whois)).toEqual(['live-skipped/expiry-unreadable warning domain:example.cn']);
  });

  it('timeout (a WHOIS server that never answers)', async () => {
    const report = await live({ live: { timeoutMs: 300 }, whois: { 'example.cn': { silent: true } } }, { lang: 'en' });
    expect(lines(report)).toEqual(['live-skipped/expiry-failed warning domain:example.cn']);
    expect(findings(report)[0]!.message).toContain('no answer within 0.3 s');
  });

  it('DNS that does not answer: the address check is skipped, the page is unreachable', async () => {
    const report = await live({ dnsSilent: true, live: { timeoutMs: 300 }, site: { live: { hosts: ['www'] } } });
    expect(lines(report)).toEqual(
      expect.arrayContaining(['live-skipped/dns-failed warning dns:www.example.cn']),
    );
  });
});
