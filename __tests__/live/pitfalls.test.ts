/**
 * The pitfalls of the live-mode brief against stand-ins: bots refused and rate limited, retries
 * and Retry-After, silent servers, encodings only the HTTP header names, WHOIS replies split
 * inside a character, IDN domains, compressed and oversized pages, proxies, meta refresh.
 */
import http from 'node:http';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { queryWhois, readWhois } from '../../src/live/whois.js';
import type { Report } from '../../src/model/index.js';
// @ts-expect-error: plain ESM shared with spawned processes.
import { violations } from '../setup/network-guard.mjs';
import { startWhois } from './standins.js';
import { cnnicReply, FOOTER, GOOD_PAGE, page, runWorld, startWorld, type WorldSpec } from './world.js';

const DAY = 86_400_000;

async function live(spec: WorldSpec, options: Parameters<typeof runWorld>[1] = {}): Promise<Report> {
  const world = await startWorld(spec);
  try {
    return await runWorld(world, options);
  } finally {
    await world.close();
  }
}

function lines(report: Report): string[] {
  return report.findings.filter((f) => f.severity !== 'notice').map((f) => `${f.ruleId}/${f.messageId} ${f.severity} ${f.file}`).sort();
}

const ONE_URL = { site: { live: { hosts: ['www'], schemes: ['https'] } } } as const;

/** GBK bytes of a page, built without a TextEncoder for GBK (Node has none): from a table of the few characters used. */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  // Walk the two-byte GBK range once and keep the characters the page needs.
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const c = decoder.decode(Uint8Array.of(lead, trail));
      if (wanted.has(c) && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) <= 0x7f) bytes.push(c.charCodeAt(0));
    else bytes.push(...(table.get(c) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

describe('bots and busy servers', () => {
  it('a 403 only for our User-Agent is a warning naming the User-Agent fix; live.userAgent changes what is sent', async () => {
    const picky = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (/beian-guard/.test(String(req.headers['user-agent']))) res.writeHead(403).end('bots go away');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(GOOD_PAGE);
    };
    const blocked = await live({ ...ONE_URL, web: { 'https://www.example.cn/': picky } });
    expect(lines(blocked)).toEqual(['live-unreachable/blocked warning https://www.example.cn/']);
    const allowed = await live({ ...ONE_URL, live: { userAgent: 'Mozilla/5.0 (site owner check)' }, web: { 'https://www.example.cn/': picky } });
    expect(lines(allowed)).toEqual([]);
  });

  it('500 then 200: retried with back-off, and the page is checked', async () => {
    let calls = 0;
    const flaky = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      calls++;
      if (calls === 1) res.writeHead(500).end('oops');
      else res.writeHead(200, { 'content-type': 'text/html' }).end(GOOD_PAGE);
    };
    const report = await live({ ...ONE_URL, live: { retries: 2 }, web: { 'https://www.example.cn/': flaky } });
    expect(lines(report)).toEqual([]);
    expect(calls).toBe(2);
  });

  it('429 with Retry-After: 1 waits about a second before asking again', async () => {
    const at: number[] = [];
    const limited = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      at.push(Date.now());
      if (at.length === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end(GOOD_PAGE);
    };
    const report = await live({ ...ONE_URL, live: { retries: 1 }, web: { 'https://www.example.cn/': limited } });
    expect(lines(report)).toEqual([]);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(950);
  });

  it('a Retry-After beyond the 30 s cap is not waited for: reported as rate limited at once', async () => {
    let calls = 0;
    const limited = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      calls++;
      res.writeHead(429, { 'retry-after': '3600' }).end();
    };
    const report = await live({ ...ONE_URL, live: { retries: 2 }, web: { 'https://www.example.cn/': limited } });
    expect(lines(report)).toEqual(['live-unreachable/rate-limited warning https://www.example.cn/']);
    expect(calls).toBe(1);
  });

  it('404 is not retried (only GET is ever sent, and only failures that may pass are repeated)', async () => {
    const world = await startWorld({ ...ONE_URL, live: { retries: 2 }, web: { 'https://www.example.cn/': { status: 404 } } });
    try {
      await runWorld(world);
      expect(world.web.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET https://www.example.cn/']);
    } finally {
      await world.close();
    }
  });
});

describe('silent servers end at their time limits (no hang)', () => {
  it('everything silent at once: DNS, HTTP, TLS, WHOIS; the run ends and reports each', async () => {
    const started = Date.now();
    const report = await live({
      dnsSilent: true,
      live: { timeoutMs: 300, retries: 0 },
      connect: { 'example.cn:443': 'silent', 'example.cn:80': 'silent', 'www.example.cn:443': 'silent', 'www.example.cn:80': 'silent' },
      whois: { 'example.cn': { silent: true } },
    });
    const elapsed = Date.now() - started;
    expect(lines(report)).toEqual([
      'live-skipped/dns-failed warning dns:example.cn',
      'live-skipped/dns-failed warning dns:www.example.cn',
      'live-skipped/expiry-failed warning domain:example.cn',
      'live-skipped/tls-failed warning tls:example.cn',
      'live-skipped/tls-failed warning tls:www.example.cn',
      'live-unreachable/unreachable error https://example.cn/',
      'live-unreachable/unreachable error https://www.example.cn/',
    ]);
    // Each step waits its 300 ms once (no retries), several at a time: far below a hang.
    expect(elapsed).toBeLessThan(5000);
  });

  it('a body that stalls after the headers is cut at the time limit', async () => {
    const report = await live({ ...ONE_URL, live: { timeoutMs: 300 }, web: { 'https://www.example.cn/': { body: GOOD_PAGE, stallAfter: 20 } } }, { lang: 'en' });
    expect(lines(report)).toEqual(['live-unreachable/unreachable error https://www.example.cn/']);
    expect(report.findings[0]!.message).toContain('no answer within 0.3 s');
  });

  it('a WHOIS server that resets the connection', async () => {
    const report = await live({ whois: { 'example.cn': { reset: true } } });
    expect(lines(report)).toEqual(['live-skipped/expiry-failed warning domain:example.cn']);
    expect(report.findings.find((f) => f.ruleId === 'live-skipped')!.message).toContain('ECONNRESET');
  });
});

describe('encodings', () => {
  const gbkPage = (meta: string) => gbk(page(FOOTER, '示例技术笔记', meta));

  it('a GBK page whose only charset is in the HTTP header decodes as GBK', async () => {
    const report = await live({ ...ONE_URL, web: { 'https://www.example.cn/': { headers: { 'content-type': 'text/html; charset=GBK' }, body: gbkPage('') } } });
    expect(lines(report)).toEqual([]);
  });

  it('the same bytes without the header charset are read as UTF-8, as a browser would, and the footer is not found', async () => {
    const report = await live({ ...ONE_URL, web: { 'https://www.example.cn/': { headers: { 'content-type': 'text/html' }, body: gbkPage('') } } });
    expect(lines(report)).toEqual(expect.arrayContaining(['icp-present/missing error https://www.example.cn/']));
  });

  it('the header charset wins over a <meta> that says otherwise (WHATWG order)', async () => {
    const report = await live({ ...ONE_URL, web: { 'https://www.example.cn/': { headers: { 'content-type': 'text/html; charset=gbk' }, body: gbkPage('<meta charset="utf-8">') } } });
    expect(lines(report)).toEqual([]);
  });

  it('a gzip-compressed page is decompressed', async () => {
    const report = await live({ ...ONE_URL, web: { 'https://www.example.cn/': { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }, body: gzipSync(GOOD_PAGE) } } });
    expect(lines(report)).toEqual([]);
  });
});

describe('WHOIS replies', () => {
  it('a reply split inside a multi-byte character is decoded whole', async () => {
    const reply = cnnicReply('example.cn', new Date(Date.now() + 100 * DAY));
    const bytes = Buffer.from(reply, 'utf8');
    const at = bytes.indexOf(Buffer.from('阿', 'utf8')) + 1;
    const server = await startWhois({ 'example.cn': { reply: bytes, splitAt: [at, at + 1] } });
    try {
      const settings = { timeoutMs: 1000, retries: 0 } as Parameters<typeof queryWhois>[3];
      const text = await queryWhois({ host: '127.0.0.1', port: server.port }, 'example.cn', createNetForTest(), settings);
      expect(text).toContain('Sponsoring Registrar: 阿里云计算有限公司（万网）');
      expect(text).not.toContain('\ufffd');
      expect(readWhois(text)).toMatchObject({ kind: 'expiry' });
    } finally {
      await server.close();
    }
  });

  it('CNNIC times have no zone and are read as Beijing time', () => {
    const r = readWhois('Expiration Time: 2030-03-17 12:48:36\r\n');
    expect(r).toEqual({ kind: 'expiry', date: new Date('2030-03-17T04:48:36Z'), display: '2030-03-17' });
  });

  it('reserved and available names, and fuzzed bytes never throw', () => {
    expect(readWhois('The domain you requested is prohibited.\r\n').kind).toBe('not-registered');
    expect(readWhois('No match for "EXAMPLE.COM".\r\n').kind).toBe('not-registered');
    for (let i = 0; i < 200; i++) {
      const junk = new TextDecoder().decode(Uint8Array.from({ length: 200 }, () => Math.floor(Math.random() * 256)));
      expect(() => readWhois(junk)).not.toThrow();
    }
  });
});

/** A Net for unit use: the guard allows loopback only, and these tests connect to 127.0.0.1 directly. */
function createNetForTest() {
  return { lookup: () => undefined } as unknown as Parameters<typeof queryWhois>[2];
}

describe('IDN domains', () => {
  it('例子.中国: A-labels on the wire, U-labels in the report, WHOIS for .中国', async () => {
    const world = await startWorld({ domains: ['例子.中国'] });
    try {
      const report = await runWorld(world);
      expect(lines(report)).toEqual([]);
      expect(world.whois.queries).toEqual(['xn--fsqu00a.xn--fiqs8s']);
      expect(world.web.requests.map((r) => r.url)).toContain('https://www.xn--fsqu00a.xn--fiqs8s/');
    } finally {
      await world.close();
    }
    const expired = await live({ domains: ['例子.中国'], whois: { 'xn--fsqu00a.xn--fiqs8s': { reply: cnnicReply('xn--fsqu00a.xn--fiqs8s', new Date(Date.now() - DAY)) } }, dns: { 'www.xn--fsqu00a.xn--fiqs8s': { A: ['198.51.100.1'] } } });
    expect(lines(expired)).toEqual(['domain-expiry/expired error domain:例子.中国', 'ip-mismatch/not-filed error dns:www.例子.中国']);
    expect(expired.findings.find((f) => f.ruleId === 'domain-expiry')!.message).toContain('例子.中国 (xn--fsqu00a.xn--fiqs8s)');
  });

  it('full-width and ideographic-stop spellings in config mean the same domain', async () => {
    const report = await live({ domains: ['ｅｘａｍｐｌｅ。ｃｎ'] });
    expect(lines(report)).toEqual([]);
  });
});

describe('pages', () => {
  it('a page larger than maxFileSizeMB is not read to its end, and says so', async () => {
    const big = page(`${'<p>填充内容</p>'.repeat(120_000)}${FOOTER}`);
    const report = await live({ ...ONE_URL, top: { maxFileSizeMB: 1 }, web: { 'https://www.example.cn/': { body: big } } });
    expect(lines(report)).toEqual(['live-skipped/page-too-large warning https://www.example.cn/']);
  });

  it('a homepage that is not HTML is skipped with its type', async () => {
    const report = await live({ ...ONE_URL, web: { 'https://www.example.cn/': { headers: { 'content-type': 'application/json' }, body: '{"ok":true}' } } });
    expect(lines(report)).toEqual(['live-skipped/page-not-html warning https://www.example.cn/']);
  });

  it('<meta http-equiv=refresh> is followed once; its target is the page checked', async () => {
    const report = await live({
      ...ONE_URL,
      web: {
        'https://www.example.cn/': { body: page('', '跳转中', '<meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/home/">') },
        'https://www.example.cn/home/': { body: page(FOOTER, '示例技术笔记', '<meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/elsewhere/">') },
      },
    });
    // The second refresh is not followed: /home/ is what is checked, and it passes.
    expect(lines(report)).toEqual([]);
  });

  it('same-origin stylesheets are read, so a footer hidden by CSS is found', async () => {
    const report = await live({
      ...ONE_URL,
      web: {
        'https://www.example.cn/': { body: page(`<div class="beian">${FOOTER}</div>`, '示例技术笔记', '<meta charset="utf-8"><link rel="stylesheet" href="/site.css">') },
        'https://www.example.cn/site.css': { headers: { 'content-type': 'text/css' }, body: '.beian { display: none }' },
      },
    });
    expect(lines(report)).toEqual(expect.arrayContaining(['icp-hidden/hidden error https://www.example.cn/']));
  });
});

describe('proxies from the environment', () => {
  it('HTTP_PROXY carries the requests (CONNECT tunnels, as undici sends); NO_PROXY exempts a host', async () => {
    const world = await startWorld({ domains: ['example.cn', 'example.net'], site: { live: { hosts: ['www'], schemes: ['http'] } } });
    const seen: string[] = [];
    // A forward proxy that tunnels every CONNECT to the stand-in web server, whatever the host.
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      seen.push(`CONNECT ${req.url}`);
      const upstream = net.connect(world.web.httpPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (proxy.address() as net.AddressInfo).port;
      const report = await runWorld(world, { env: { HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: 'example.net,127.0.0.1' } });
      expect(lines(report)).toEqual([]);
      expect(seen).toEqual(['CONNECT www.example.cn:80']);
      expect(world.web.requests.map((r) => r.url).sort()).toEqual(['http://www.example.cn/', 'http://www.example.net/']);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await world.close();
    }
  });
});

describe('the network guard', () => {
  afterEach(() => {
    (violations as string[]).splice(0);
  });

  it('fails a connection outside loopback at once', async () => {
    const started = Date.now();
    const code = await new Promise((resolve) => net.connect(443, '203.0.113.7').on('error', (e: NodeJS.ErrnoException) => resolve(e.code)));
    expect(code).toBe('ENETGUARD');
    expect(Date.now() - started).toBeLessThan(200);
    expect(violations).toEqual(['203.0.113.7']);
  });

  it('an unmapped host that resolves outside loopback is a fast finding, not a hang', async () => {
    const world = await startWorld({ ...ONE_URL, connect: { 'www.example.cn:443': 'dns' } });
    try {
      const report = await runWorld(world);
      expect(lines(report)).toEqual(['live-skipped/tls-failed warning tls:www.example.cn', 'live-unreachable/unreachable error https://www.example.cn/']);
      expect(report.findings.find((f) => f.ruleId === 'live-unreachable')!.message).toContain('ENETGUARD');
      expect(violations.length).toBeGreaterThan(0);
    } finally {
      await world.close();
    }
  });
});

