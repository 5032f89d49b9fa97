/**
 * A whole deployed world for one test: the stand-ins of standins.ts filled with a good site for
 * the given domains (every host serves a page with the right footer over http and https, resolves
 * to the filed address, has a valid certificate, and its domain expires in a year), with a
 * test's changes laid over it, and a config file whose live.network points at all of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { domainToASCII } from 'node:url';
import { loadConfigFile } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { runLive, type LiveOptions } from '../../src/live/run.js';
import type { Report } from '../../src/model/index.js';
import {
  closedPort,
  makeCa,
  startDns,
  startRdap,
  startSilentTcp,
  startWeb,
  startWhois,
  type DnsStandIn,
  type RdapBehaviour,
  type RdapStandIn,
  type TestCa,
  type WebRoute,
  type WebStandIn,
  type WhoisBehaviour,
  type WhoisStandIn,
  type Zone,
} from './standins.js';

export const ICP = '京ICP备2023012345号-1';
export const SITE_NAME = '示例技术笔记';
export const FILED_IP = '203.0.113.7';
const DAY = 86_400_000;

export type CertKind = 'valid' | 'expired' | 'expiring' | 'not-yet-valid' | 'wrong-name' | 'self-signed';

export interface WorldSpec {
  /** Filed domains (config `domains`); U-labels allowed. Default example.cn. */
  readonly domains?: readonly string[];
  /** Site fields over the defaults (root, icp, siteName, domains, ips). */
  readonly site?: Readonly<Record<string, unknown>>;
  /** Top-level live fields over the test defaults (short time limits, no retries). */
  readonly live?: Readonly<Record<string, unknown>>;
  /** Other top-level config fields (lang, failOn, maxFileSizeMB). */
  readonly top?: Readonly<Record<string, unknown>>;
  /** Zone entries over the default ones; `null` removes a name (NXDOMAIN). */
  readonly dns?: Readonly<Record<string, Zone[string] | null>>;
  /** The DNS server receives queries and never answers. */
  readonly dnsSilent?: boolean;
  /** Routes over the default ones; `null` removes one (404). */
  readonly web?: Readonly<Record<string, WebRoute | null>>;
  readonly certs?: Readonly<Record<string, CertKind>>;
  readonly rdap?: Readonly<Record<string, RdapBehaviour>>;
  readonly whois?: Readonly<Record<string, WhoisBehaviour | { readonly cnnicExpires: string }>>;
  /** TLDs answered over WHOIS (the rest over RDAP). Default cn and .中国. */
  readonly whoisTlds?: readonly string[];
  /** TLDs with neither RDAP nor WHOIS. */
  readonly noExpirySource?: readonly string[];
  /** `host:port` that refuses connections, accepts and never answers, or has no override (connects where DNS says). */
  readonly connect?: Readonly<Record<string, 'refused' | 'silent' | 'dns'>>;
}

export interface World {
  readonly dir: string;
  readonly configFile: string;
  readonly config: Record<string, unknown>;
  readonly web: WebStandIn;
  readonly dns: DnsStandIn;
  readonly rdap: RdapStandIn;
  readonly whois: WhoisStandIn;
  readonly ca: TestCa;
  close(): Promise<void>;
}

export function page(body: string, title = SITE_NAME, head = '<meta charset="utf-8">'): string {
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n${head}\n<title>${title}</title>\n</head>\n<body>\n<main><p>文章列表</p></main>\n${body}\n</body>\n</html>\n`;
}

export const POLICE = '京公网安备11010502030143号';
export const FOOTER = `<footer><a href="https://beian.miit.gov.cn/">${ICP}</a> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143">${POLICE}</a></footer>`;
export const GOOD_PAGE = page(FOOTER);

export function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** CNNIC's reply format: zone-less local times. */
export function cnnicReply(domain: string, expires: Date): string {
  const beijing = new Date(expires.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  return [
    `Domain Name: ${domain}`,
    'ROID: 20150317s10001s00012345-cn',
    'Domain Status: ok',
    'Registrant: 示例技术有限公司',
    'Sponsoring Registrar: 阿里云计算有限公司（万网）',
    'Name Server: dns1.example.net',
    'Registration Time: 2015-03-17 12:20:05',
    `Expiration Time: ${beijing}`,
    'DNSSEC: unsigned',
    '',
  ].join('\r\n');
}

/** `now+12d`, `now-3d` (days from now) or an ISO date, as doc examples write expiry dates. */
export function when(text: string): Date {
  const m = /^now([+-]\d+(?:\.\d+)?)d$/.exec(text.trim());
  return m ? new Date(Date.now() + Number(m[1]) * DAY) : new Date(text);
}

/** Doc examples write dates relative to now and CNNIC replies by their expiry only. */
function expandExpiry(spec: WorldSpec): { rdap: Record<string, RdapBehaviour>; whois: Record<string, WhoisBehaviour> } {
  const rdap: Record<string, RdapBehaviour> = {};
  for (const [d, b] of Object.entries(spec.rdap ?? {})) rdap[d] = 'expiration' in b ? { expiration: when(b.expiration).toISOString() } : b;
  const whois: Record<string, WhoisBehaviour> = {};
  for (const [d, b] of Object.entries(spec.whois ?? {})) whois[d] = 'cnnicExpires' in b ? { reply: cnnicReply(d, when(String(b.cnnicExpires))) } : b;
  return { rdap, whois };
}

export async function startWorld(spec: WorldSpec = {}): Promise<World> {
  const domains = (spec.domains ?? ['example.cn']).map((d) => domainToASCII(d));
  const hosts = domains.flatMap((d) => [d, `www.${d}`]);
  const whoisTlds = new Set(spec.whoisTlds ?? ['cn', 'xn--fiqs8s']);
  const noSource = new Set(spec.noExpirySource ?? []);

  const zone: Record<string, Zone[string]> = {};
  for (const h of hosts) zone[h] = { A: [FILED_IP] };
  for (const [name, entry] of Object.entries(spec.dns ?? {})) {
    if (entry === null) delete zone[name];
    else zone[name] = entry;
  }

  const routes: Record<string, WebRoute> = {};
  for (const h of hosts) for (const scheme of ['https', 'http']) routes[`${scheme}://${h}/`] = { body: GOOD_PAGE };
  for (const [url, route] of Object.entries(spec.web ?? {})) {
    if (route === null) delete routes[url];
    else routes[url] = route;
  }

  const ca = await makeCa();
  const contexts = new Map<string, tls.SecureContext>();
  const certHosts = new Set([...hosts, ...Object.keys(spec.certs ?? {})]);
  await Promise.all(
    [...certHosts].map(async (h) => {
      const kind = spec.certs?.[h] ?? 'valid';
      const pair =
        kind === 'self-signed'
          ? await ca.selfSigned([h])
          : await ca.leaf(kind === 'wrong-name' ? [`other.${h}`] : [h], {
              ...(kind === 'expired' && { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 2 * DAY) }),
              ...(kind === 'expiring' && { notAfter: new Date(Date.now() + 5 * DAY + 3600_000) }),
              ...(kind === 'not-yet-valid' && { notBefore: new Date(Date.now() + 10 * DAY), notAfter: new Date(Date.now() + 400 * DAY) }),
            });
      contexts.set(h, tls.createSecureContext({ cert: pair.cert, key: pair.key }));
    }),
  );
  const fallback = await ca.leaf(['unknown.invalid']);
  const fallbackContext = tls.createSecureContext({ cert: fallback.cert, key: fallback.key });

  const rdapDomains: Record<string, RdapBehaviour> = {};
  const whoisDomains: Record<string, WhoisBehaviour> = {};
  for (const d of domains) {
    const tld = d.slice(d.lastIndexOf('.') + 1);
    if (whoisTlds.has(tld)) whoisDomains[d] = { reply: cnnicReply(d, new Date(Date.now() + 365 * DAY)) };
    else rdapDomains[d] = { expiration: isoDaysFromNow(365) };
  }
  const expanded = expandExpiry(spec);
  Object.assign(rdapDomains, expanded.rdap);
  Object.assign(whoisDomains, expanded.whois);

  const [dns, web, rdap, whois] = await Promise.all([
    startDns(zone, { silent: spec.dnsSilent ?? false }),
    startWeb(routes, (name) => contexts.get(name) ?? fallbackContext),
    startRdap(rdapDomains),
    startWhois(whoisDomains),
  ]);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-live-'));
  fs.writeFileSync(path.join(dir, 'ca.pem'), ca.cert);
  const rdapTlds = new Set(domains.map((d) => d.slice(d.lastIndexOf('.') + 1)).filter((t) => !whoisTlds.has(t) && !noSource.has(t)));
  fs.writeFileSync(
    path.join(dir, 'dns.json'),
    JSON.stringify({ version: '1.0', publication: '2026-01-30T00:00:00Z', services: [[[...rdapTlds], [`http://127.0.0.1:${rdap.port}/`]]] }),
  );

  const extras: { close(): Promise<void> }[] = [];
  const connect: Record<string, string> = {};
  for (const h of hosts) {
    connect[`${h}:443`] = `127.0.0.1:${web.httpsPort}`;
    connect[`${h}:80`] = `127.0.0.1:${web.httpPort}`;
  }
  for (const [at, how] of Object.entries(spec.connect ?? {})) {
    if (how === 'dns') delete connect[at];
    else if (how === 'refused') connect[at] = `127.0.0.1:${await closedPort()}`;
    else {
      const silent = await startSilentTcp();
      extras.push(silent);
      connect[at] = `127.0.0.1:${silent.port}`;
    }
  }
  const whoisServers: Record<string, string> = {};
  for (const tld of whoisTlds) whoisServers[tld] = `127.0.0.1:${whois.port}`;

  const config: Record<string, unknown> = {
    $schema: '../schema/beian.config.schema.json',
    ...spec.top,
    live: {
      timeoutMs: 1500,
      retries: 0,
      ...spec.live,
      network: {
        dnsServers: [`127.0.0.1:${dns.port}`],
        connect,
        caFile: 'ca.pem',
        rdapBootstrap: 'dns.json',
        whoisServers,
        ...((spec.live?.network as object | undefined) ?? {}),
      },
    },
    sites: [{ root: 'public', icp: ICP, police: POLICE, siteName: SITE_NAME, domains: spec.domains ?? ['example.cn'], ips: [FILED_IP], ...spec.site }],
  };
  const configFile = path.join(dir, 'beian.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  return {
    dir,
    configFile,
    config,
    web,
    dns,
    rdap,
    whois,
    ca,
    async close() {
      await Promise.all([dns.close(), web.close(), rdap.close(), whois.close(), ...extras.map((e) => e.close())]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs live in this process on the world's config file, as the CLI would. */
export async function runWorld(world: World, options: Partial<LiveOptions> & { lang?: string } = {}): Promise<Report> {
  const file = loadConfigFile(world.configFile, world.dir);
  const config = resolveConfig(file, options.lang ? { lang: options.lang } : {}, world.dir);
  return runLive(config, { cwd: world.dir, version: '0.0.0-test', env: {}, ...options });
}

/** `rule/message severity file` per finding, sorted: what most tests compare. */
export function summary(report: Report): string[] {
  return report.findings.map((f) => `${f.ruleId}/${f.messageId} ${f.severity} ${f.file}`).sort();
}

/**
 * Runs a rule page's live example (docs/rules/*.md, a ```yaml live block) in every language: the
 * example's YAML is a world spec over the good default world, the page's ```json config block is
 * the site.
 */
export async function runLiveExample(configText: string, worldYaml: string, langs: readonly string[]): Promise<Record<string, Report>> {
  const { parse } = await import('yaml');
  const { $schema: _schema, ...site } = JSON.parse(configText) as Record<string, unknown>;
  const spec = (parse(worldYaml) ?? {}) as WorldSpec;
  const domains = (site.domains as string[] | undefined) ?? ['example.cn'];
  const world = await startWorld({ ...spec, domains: spec.domains ?? domains, site: { ...site, ...spec.site } });
  try {
    const out: Record<string, Report> = {};
    for (const lang of langs) out[lang] = await runWorld(world, { lang });
    return out;
  } finally {
    await world.close();
  }
}
