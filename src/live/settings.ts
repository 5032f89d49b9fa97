import fs from 'node:fs';
import path from 'node:path';
import { addressWhy, hostnameWhy } from '../config/domain-reasons.js';
import { both, InputError } from '../config/errors.js';
import { LIVE_DEFAULTS, parseEndpoint } from '../config/live-schema.js';
import { quoted } from '../config/schema-issues.js';
import { siteFacts, type ResolvedConfig, type ResolvedSite } from '../config/resolve.js';
import { AddressMatcher, parseAddressRange, type AddressRange } from '../domain/addresses.js';
import { parseHostname, type Hostname } from '../domain/hostname.js';
import { prepareSiteRules, type SiteRules } from '../engine/site-rules.js';
import { VERSION } from '../version.js';
import { BootstrapError, RdapBootstrap, shippedBootstrap } from './bootstrap.js';
import { WHOIS_SERVERS } from './whois-servers.js';

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

/** How a live run reaches the network, validated once before anything is fetched. */
export interface LiveSettings {
  readonly timeoutMs: number;
  readonly retries: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly expiryWarnDays: number;
  readonly certWarnDays: number;
  /** Largest page read, in bytes (maxFileSizeMB, as for built files). */
  readonly maxBytes: number;
  /** `ip:port` strings for Resolver#setServers; undefined: the system's. */
  readonly dnsServers?: readonly string[];
  /** `host:port` (A-label host) → where to connect instead. */
  readonly connect: ReadonlyMap<string, Endpoint>;
  /** Trusted CAs in addition to Node's bundled roots (PEM texts). */
  readonly extraCa?: readonly string[];
  readonly bootstrap: RdapBootstrap;
  /** WHOIS server per top-level label: the built-in table with the config's entries over it. */
  readonly whoisServers: ReadonlyMap<string, Endpoint>;
}

/** One host of one site: what live fetches, resolves and probes. */
export interface LiveHost {
  readonly name: Hostname;
  /** The filed domain it belongs to. */
  readonly domain: Hostname;
}

export interface LiveSite {
  readonly site: ResolvedSite;
  /** Footer and title rules only, as `check` runs them on entry pages. */
  readonly rules: SiteRules;
  readonly domains: readonly Hostname[];
  readonly hosts: readonly LiveHost[];
  readonly schemes: readonly ('https' | 'http')[];
  /** `/` first, then the configured paths. */
  readonly paths: readonly string[];
  /** CNAME patterns in A-label form: `*.cdn.example.net` or an exact name. */
  readonly cnames: readonly string[];
  /** Undefined when the site lists no `ips`: the address check then needs `cnames` to run. */
  readonly ips?: AddressMatcher;
  readonly ipRanges: readonly AddressRange[];
}

/** Honest and short, as the contract says: the tool and its version. */
export const DEFAULT_USER_AGENT = `beian-guard/${VERSION}`;

function read(file: string, what: string, baseDir: string): string {
  const abs = path.resolve(baseDir, file);
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw InputError.of('live-file-unreadable', { file, code: (e as NodeJS.ErrnoException).code ?? String(e) }, `live.network.${what}`);
  }
}

/** The PEM certificate blocks of a file, found with indexOf (a file of many BEGIN lines stays linear). */
function pemCertificates(text: string): string[] {
  const begin = '-----BEGIN CERTIFICATE-----';
  const end = '-----END CERTIFICATE-----';
  const out: string[] = [];
  for (let at = text.indexOf(begin); at !== -1; ) {
    const stop = text.indexOf(end, at + begin.length);
    if (stop === -1) break;
    const next = text.indexOf(begin, at + begin.length);
    if (next === -1 || next > stop) out.push(text.slice(at, stop + end.length));
    at = next === -1 || next > stop ? text.indexOf(begin, stop) : next;
  }
  return out;
}

function hostKey(host: string, port: number): string {
  const parsed = parseHostname(host);
  return `${parsed.ok ? parsed.value.ascii : host.toLowerCase()}:${port}`;
}

/** Settings from the top-level `live` block; file paths are relative to the config file. Problems are InputErrors. */
export function liveSettings(config: ResolvedConfig, cwd: string): LiveSettings {
  const live = config.live;
  const network = live?.network;
  const baseDir = config.configFile ? path.dirname(config.configFile) : cwd;

  const connect = new Map<string, Endpoint>();
  for (const [from, to] of Object.entries(network?.connect ?? {})) {
    const a = parseEndpoint(from, undefined);
    const b = parseEndpoint(to, undefined);
    if (!a || !b) throw InputError.of('live-connect-invalid', { from, to }, 'live.network.connect');
    connect.set(hostKey(a.host, a.port), b);
  }

  let extraCa: string[] | undefined;
  if (network?.caFile) {
    const pem = read(network.caFile, 'caFile', baseDir);
    extraCa = pemCertificates(pem);
    if (extraCa.length === 0) throw InputError.of('live-ca-empty', { file: network.caFile }, 'live.network.caFile');
  }

  let bootstrap = shippedBootstrap();
  if (network?.rdapBootstrap) {
    const text = read(network.rdapBootstrap, 'rdapBootstrap', baseDir);
    try {
      bootstrap = new RdapBootstrap(JSON.parse(text), network.rdapBootstrap);
    } catch (e) {
      if (e instanceof BootstrapError) throw InputError.of('live-bootstrap-invalid', { file: network.rdapBootstrap, detail: bootstrapWhy(e) }, 'live.network.rdapBootstrap');
      throw InputError.of('live-bootstrap-not-json', { file: network.rdapBootstrap }, 'live.network.rdapBootstrap');
    }
  }

  const whoisServers = new Map<string, Endpoint>(Object.entries(WHOIS_SERVERS).map(([tld, host]) => [tld, { host, port: 43 }]));
  for (const [tld, server] of Object.entries(network?.whoisServers ?? {})) {
    const at = parseEndpoint(server, 43);
    const label = parseHostname(`x.${tld.replace(/^\./, '')}`);
    if (!at || !label.ok) throw InputError.of('live-whois-entry-invalid', { tld, server }, 'live.network.whoisServers');
    whoisServers.set(label.value.ascii.slice(2), at);
  }

  const dnsServers = network?.dnsServers?.map((s) => {
    const at = parseEndpoint(s, 53);
    if (!at) throw InputError.of('live-dns-server-invalid', { value: quoted(s) }, 'live.network.dnsServers');
    return at.host.includes(':') ? `[${at.host}]:${at.port}` : `${at.host}:${at.port}`;
  });

  return {
    timeoutMs: live?.timeoutMs ?? LIVE_DEFAULTS.timeoutMs,
    retries: live?.retries ?? LIVE_DEFAULTS.retries,
    maxRedirects: live?.maxRedirects ?? LIVE_DEFAULTS.maxRedirects,
    userAgent: live?.userAgent ?? DEFAULT_USER_AGENT,
    expiryWarnDays: live?.expiryWarnDays ?? LIVE_DEFAULTS.expiryWarnDays,
    certWarnDays: live?.certWarnDays ?? LIVE_DEFAULTS.certWarnDays,
    maxBytes: config.maxFileSize,
    ...(dnsServers && { dnsServers }),
    connect,
    ...(extraCa && { extraCa }),
    bootstrap,
    whoisServers,
  };
}

/**
 * The sites live can check: those with `domains`. None at all is a usage error (exit 2): a
 * nightly job that checks nothing must not pass.
 */
export function liveSites(config: ResolvedConfig): LiveSite[] {
  const out: LiveSite[] = [];
  for (const site of config.sites) {
    const c = site.config;
    if (!c.domains || c.domains.length === 0) continue;
    const domains = unique(c.domains.map((d) => mustHost(d, 'domains')));
    const live = c.live;
    const hostLabels = live?.hosts ?? [...LIVE_DEFAULTS.hosts];
    const hosts: LiveHost[] = [];
    const seen = new Set<string>();
    for (const domain of domains) {
      for (const label of hostLabels) {
        const name = label === '@' ? domain : mustHost(`${label}.${domain.ascii}`, 'live.hosts');
        if (seen.has(name.ascii)) continue;
        seen.add(name.ascii);
        hosts.push({ name, domain });
      }
    }
    const ipRanges = (c.ips ?? []).map((text) => {
      const r = parseAddressRange(text);
      if (!r.ok) throw InputError.of('live-address-invalid', { value: quoted(text), why: addressWhy(r) }, 'ips');
      return r.value;
    });
    const base = prepareSiteRules(site, siteFacts(site.config), config.lang);
    out.push({
      site,
      rules: { ...base, active: base.active.filter((a) => a.rule.meta.kind === 'footer') },
      domains,
      hosts,
      schemes: [...new Set(live?.schemes ?? LIVE_DEFAULTS.schemes)],
      paths: [...new Set(['/', ...(live?.paths ?? [])])],
      cnames: (live?.cnames ?? []).map((p) => {
        const wildcard = p.startsWith('*.');
        const name = mustHost(wildcard ? p.slice(2) : p, 'live.cnames');
        return wildcard ? `*.${name.ascii}` : name.ascii;
      }),
      ...(ipRanges.length > 0 && { ips: new AddressMatcher(ipRanges) }),
      ipRanges,
    });
  }
  if (out.length === 0) {
    throw InputError.of('live-no-domains', {}, config.configFile ? path.basename(config.configFile) : both('配置', 'the config'));
  }
  return out;
}

function mustHost(text: string, field: string): Hostname {
  const r = parseHostname(text);
  if (!r.ok) throw InputError.of('live-domain-invalid', { value: quoted(text), why: hostnameWhy(r) }, field);
  return r.value;
}

/** What is wrong with a bootstrap file, in both languages. */
function bootstrapWhy(e: BootstrapError) {
  return e.service === undefined
    ? both('没有 "services" 数组', 'it has no "services" array')
    : both(`services[${e.service}] 不是 [[标签…], [地址…]] 的形式`, `services[${e.service}] is not [[labels], [urls]]`);
}

function unique(names: Hostname[]): Hostname[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.ascii) && seen.add(n.ascii));
}
