import { isIP } from 'node:net';
import { z } from 'zod';
import { parseAddressRange } from '../domain/addresses.js';
import { parseHostname } from '../domain/hostname.js';

/**
 * The config of `beian-guard live` (issue 15): per site, what to fetch (`domains`, `ips`, `live`);
 * at the top level, how (`live`: time limits, retries, and `network`, which points every lookup
 * somewhere else for tests or for a resolver inside China). Defaults are documented here once.
 */
export const LIVE_DEFAULTS = {
  hosts: ['@', 'www'],
  schemes: ['https', 'http'],
  paths: ['/'],
  cnames: [] as string[],
  timeoutMs: 10_000,
  retries: 2,
  maxRedirects: 5,
  expiryWarnDays: 30,
  certWarnDays: 14,
} as const;

const nonEmpty = z.string().trim().min(1);

const domainName = nonEmpty.superRefine((value, ctx) => {
  const r = parseHostname(value);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: `"${value}" is not a domain: ${r.reason}` });
});

export const domainsSchema = z
  .array(domainName)
  .min(1)
  .describe('The filed domains (registrable names such as example.cn or 例子.中国); live checks their hosts, addresses and expiry.');

export const ipsSchema = z
  .array(
    nonEmpty.superRefine((value, ctx) => {
      const r = parseAddressRange(value);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `"${value}" is not an address or CIDR block: ${r.reason}` });
    }),
  )
  .describe('The filed server addresses or CIDR blocks, IPv4 and IPv6 (203.0.113.7, 198.51.100.0/24).');

/** `@` is the domain itself; anything else is a label put in front of it (`www` → www.example.cn). */
const hostLabel = nonEmpty.superRefine((value, ctx) => {
  if (value === '@') return;
  const r = parseHostname(`${value}.example.cn`);
  if (!r.ok || value.includes('..') || /[.]$/.test(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is not "@" or a host label such as "www"` });
});

const urlPath = nonEmpty.regex(/^\/[^\s#]*$/, 'a path starts with / and has no spaces or #');

/** `*.cdn.example.net` (any name under it) or `cdn.example.net` (that name only). */
const cnamePattern = nonEmpty.superRefine((value, ctx) => {
  const r = parseHostname(value.replace(/^\*\./, ''));
  if (!r.ok) ctx.addIssue({ code: 'custom', message: `"${value}" is not a host name or *.suffix pattern: ${r.reason}` });
});

export const siteLiveFields = {
  hosts: z.array(hostLabel).min(1).default([...LIVE_DEFAULTS.hosts]).describe('Hosts of every domain to fetch: "@" is the domain itself, "www" is www.<domain>.'),
  schemes: z.array(z.enum(['https', 'http'])).min(1).default([...LIVE_DEFAULTS.schemes]).describe('Schemes to fetch each host over.'),
  paths: z.array(urlPath).min(1).default([...LIVE_DEFAULTS.paths]).describe('Paths fetched on each host besides "/"; the footer and title rules run on each.'),
  cnames: z
    .array(cnamePattern)
    .default([])
    .describe('CNAME targets that count as filed (a CDN in front of the site): "*.cdn.example.net" or an exact name.'),
};

export const siteLiveSchema = z.object(siteLiveFields).strict();

/** `host:port`, `[v6]:port`; the port may be left out where `defaultPort` is given. */
function endpoint(defaultPort: number | undefined, what: string) {
  return nonEmpty.superRefine((value, ctx) => {
    if (parseEndpoint(value, defaultPort) === undefined) ctx.addIssue({ code: 'custom', message: `"${value}" is not ${what}` });
  });
}

/** Splits `host[:port]` / `[v6][:port]`; undefined when it does not read as one. */
export function parseEndpoint(value: string, defaultPort: number | undefined): { host: string; port: number } | undefined {
  const text = value.trim();
  const m = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(text) ?? /^([^:[\]\s]+)(?::(\d{1,5}))?$/.exec(text);
  if (!m) {
    // A bare IPv6 address without brackets or port.
    return isIP(text) === 6 && defaultPort !== undefined ? { host: text, port: defaultPort } : undefined;
  }
  const host = m[1]!;
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (port === undefined || port < 1 || port > 65_535) return undefined;
  if (isIP(host) === 0 && host !== 'localhost' && !parseHostname(host).ok) return undefined;
  return { host, port };
}

export const liveNetworkSchema = z
  .object({
    dnsServers: z
      .array(
        nonEmpty.superRefine((value, ctx) => {
          const at = parseEndpoint(value, 53);
          if (!at || isIP(at.host) === 0) ctx.addIssue({ code: 'custom', message: `"${value}" is not an IP address with an optional :port` });
        }),
      )
      .min(1)
      .optional().describe('DNS servers to ask instead of the system\'s, as "ip" or "ip:port".'),
    connect: z
      .record(nonEmpty, endpoint(undefined, 'host:port'))
      .superRefine((record, ctx) => {
        // Keys are checked here rather than by the record's key schema, whose error does not say why.
        for (const key of Object.keys(record)) {
          if (parseEndpoint(key, undefined) === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not host:port` });
        }
      })
      .optional()
      .describe('Like curl --resolve: "www.example.cn:443" → "127.0.0.1:8443". Used by HTTP and TLS; SNI and Host stay the real name.'),
    caFile: nonEmpty.optional().describe('Extra trusted CA certificates (PEM file), relative to the config file.'),
    rdapBootstrap: nonEmpty.optional().describe('An RDAP bootstrap file in IANA dns.json format, relative to the config file (default: the snapshot shipped with beian-guard).'),
    whoisServers: z
      .record(nonEmpty, endpoint(43, 'host or host:port'))
      .optional()
      .describe('WHOIS server per top-level label, e.g. { "cn": "whois.cnnic.cn:43" }, for TLDs without RDAP.'),
  })
  .strict();

export const liveRunFields = {
  timeoutMs: z.number().int().min(1).max(600_000).default(LIVE_DEFAULTS.timeoutMs).describe('Time limit of each network step (DNS query, HTTP request, TLS handshake, RDAP or WHOIS lookup), in ms.'),
  retries: z.number().int().min(0).max(10).default(LIVE_DEFAULTS.retries).describe('Retries of a failed step (timeouts, 5xx, 429), with back-off; GET requests only.'),
  maxRedirects: z.number().int().min(0).max(50).default(LIVE_DEFAULTS.maxRedirects).describe('Redirects followed before live-redirect reports the chain.'),
  userAgent: nonEmpty.optional().describe('User-Agent of every request (default: beian-guard/<version> with the project URL).'),
  expiryWarnDays: z.number().int().min(0).max(3650).default(LIVE_DEFAULTS.expiryWarnDays).describe('domain-expiry warns this many days before the domain expires.'),
  certWarnDays: z.number().int().min(0).max(3650).default(LIVE_DEFAULTS.certWarnDays).describe('tls-certificate warns this many days before a certificate expires.'),
  network: liveNetworkSchema.optional(),
};

export const liveRunSchema = z.object(liveRunFields).strict();

/** In the one-site form the site and the run share the top level, so `live` holds both sets of keys. */
export const liveSingleSchema = z.object({ ...siteLiveFields, ...liveRunFields }).strict();

export type SiteLiveConfig = z.infer<typeof siteLiveSchema>;
export type LiveRunConfig = z.infer<typeof liveRunSchema>;
export type LiveNetworkConfig = z.infer<typeof liveNetworkSchema>;

export const SITE_LIVE_KEYS = Object.keys(siteLiveFields) as (keyof typeof siteLiveFields)[];
