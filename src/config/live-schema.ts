import { isIP } from 'node:net';
import * as z from 'zod/mini';
import { parseAddressRange } from '../domain/addresses.js';
import { parseHostname } from '../domain/hostname.js';
import { addressWhy, hostnameWhy } from './domain-reasons.js';
import { ownIssue, ownMessage, quoted } from './schema-issues.js';

/**
 * The config of `beian-guard live` (issue 15): per site, what to fetch (`domains`, `ips`, `live`);
 * at the top level, how (`live`: time limits, retries, and `network`, which points every lookup
 * somewhere else for tests or for a resolver inside China). Defaults are documented here once.
 * Written with zod/mini, as schema.ts; our refinements name their message by id (schema-issues.ts)
 * so that the problem is reported in the user's language.
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

const nonEmpty = z.string().check(z.trim(), z.minLength(1));
const described = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text));

const domainName = nonEmpty.check(
  z.superRefine((value, ctx) => {
    const r = parseHostname(value);
    if (!r.ok) ctx.addIssue(ownIssue('live-domain-invalid', { value: quoted(value), why: hostnameWhy(r) }));
  }),
);

export const domainsSchema = described(
  z.array(domainName).check(z.minLength(1)),
  'The filed domains (registrable names such as example.cn or 例子.中国); live checks their hosts, addresses and expiry.',
);

export const ipsSchema = described(
  z.array(
    nonEmpty.check(
      z.superRefine((value, ctx) => {
        const r = parseAddressRange(value);
        if (!r.ok) ctx.addIssue(ownIssue('live-address-invalid', { value: quoted(value), why: addressWhy(r) }));
      }),
    ),
  ),
  'The filed server addresses or CIDR blocks, IPv4 and IPv6 (203.0.113.7, 198.51.100.0/24).',
);

/** `@` is the domain itself; anything else is a label put in front of it (`www` → www.example.cn). */
const hostLabel = nonEmpty.check(
  z.superRefine((value, ctx) => {
    if (value === '@') return;
    const r = parseHostname(`${value}.example.cn`);
    if (!r.ok || value.includes('..') || /[.]$/.test(value)) ctx.addIssue(ownIssue('live-host-label-invalid', { value: quoted(value) }));
  }),
);

const urlPath = nonEmpty.check(z.regex(/^\/[^\s#]*$/, { error: ownMessage('live-path-invalid') }));

/** `*.cdn.example.net` (any name under it) or `cdn.example.net` (that name only). */
const cnamePattern = nonEmpty.check(
  z.superRefine((value, ctx) => {
    const r = parseHostname(value.replace(/^\*\./, ''));
    if (!r.ok) ctx.addIssue(ownIssue('live-cname-invalid', { value: quoted(value), why: hostnameWhy(r) }));
  }),
);

export const siteLiveFields = {
  hosts: described(
    z._default(z.array(hostLabel).check(z.minLength(1)), [...LIVE_DEFAULTS.hosts]),
    'Hosts of every domain to fetch: "@" is the domain itself, "www" is www.<domain>.',
  ),
  schemes: described(z._default(z.array(z.enum(['https', 'http'])).check(z.minLength(1)), [...LIVE_DEFAULTS.schemes]), 'Schemes to fetch each host over.'),
  paths: described(
    z._default(z.array(urlPath).check(z.minLength(1)), [...LIVE_DEFAULTS.paths]),
    'Paths fetched on each host besides "/"; the footer and title rules run on each.',
  ),
  cnames: described(
    z._default(z.array(cnamePattern), []),
    'CNAME targets that count as filed (a CDN in front of the site): "*.cdn.example.net" or an exact name.',
  ),
};

export const siteLiveSchema = z.strictObject(siteLiveFields);

/** `host:port`, `[v6]:port`; the port may be left out where `defaultPort` is given. */
function endpoint(defaultPort: number | undefined, id: 'live-endpoint-invalid' | 'live-whois-server-invalid') {
  return nonEmpty.check(
    z.superRefine((value, ctx) => {
      if (parseEndpoint(value, defaultPort) === undefined) ctx.addIssue(ownIssue(id, { value: quoted(value) }));
    }),
  );
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

export const liveNetworkSchema = z.strictObject({
  dnsServers: described(
    z.optional(
      z
        .array(
          nonEmpty.check(
            z.superRefine((value, ctx) => {
              const at = parseEndpoint(value, 53);
              if (!at || isIP(at.host) === 0) ctx.addIssue(ownIssue('live-dns-server-invalid', { value: quoted(value) }));
            }),
          ),
        )
        .check(z.minLength(1)),
    ),
    'DNS servers to ask instead of the system\'s, as "ip" or "ip:port".',
  ),
  connect: described(
    z.optional(
      z.record(nonEmpty, endpoint(undefined, 'live-endpoint-invalid')).check(
        z.superRefine((record, ctx) => {
          // Keys are checked here rather than by the record's key schema, whose error does not say why.
          for (const key of Object.keys(record)) {
            if (parseEndpoint(key, undefined) === undefined) ctx.addIssue(ownIssue('live-endpoint-invalid', { value: quoted(key) }, [key]));
          }
        }),
      ),
    ),
    'Like curl --resolve: "www.example.cn:443" → "127.0.0.1:8443". Used by HTTP and TLS; SNI and Host stay the real name.',
  ),
  caFile: described(z.optional(nonEmpty), 'Extra trusted CA certificates (PEM file), relative to the config file.'),
  rdapBootstrap: described(
    z.optional(nonEmpty),
    'An RDAP bootstrap file in IANA dns.json format, relative to the config file (default: the snapshot shipped with beian-guard).',
  ),
  whoisServers: described(
    z.optional(z.record(nonEmpty, endpoint(43, 'live-whois-server-invalid'))),
    'WHOIS server per top-level label, e.g. { "cn": "whois.cnnic.cn:43" }, for TLDs without RDAP.',
  ),
});

const whole = (min: number, max: number, fallback: number, text: string) => described(z._default(z.int().check(z.minimum(min), z.maximum(max)), fallback), text);

export const liveRunFields = {
  timeoutMs: whole(1, 600_000, LIVE_DEFAULTS.timeoutMs, 'Time limit of each network step (DNS query, HTTP request, TLS handshake, RDAP or WHOIS lookup), in ms.'),
  retries: whole(0, 10, LIVE_DEFAULTS.retries, 'Retries of a failed step (timeouts, 5xx, 429), with back-off; GET requests only.'),
  maxRedirects: whole(0, 50, LIVE_DEFAULTS.maxRedirects, 'Redirects followed before live-redirect reports the chain.'),
  userAgent: described(z.optional(nonEmpty), 'User-Agent of every request (default: beian-guard/<version> with the project URL).'),
  expiryWarnDays: whole(0, 3650, LIVE_DEFAULTS.expiryWarnDays, 'domain-expiry warns this many days before the domain expires.'),
  certWarnDays: whole(0, 3650, LIVE_DEFAULTS.certWarnDays, 'tls-certificate warns this many days before a certificate expires.'),
  network: z.optional(liveNetworkSchema),
};

export const liveRunSchema = z.strictObject(liveRunFields);

/** In the one-site form the site and the run share the top level, so `live` holds both sets of keys. */
export const liveSingleSchema = z.strictObject({ ...siteLiveFields, ...liveRunFields });

export type SiteLiveConfig = z.infer<typeof siteLiveSchema>;
export type LiveRunConfig = z.infer<typeof liveRunSchema>;
export type LiveNetworkConfig = z.infer<typeof liveNetworkSchema>;

export const SITE_LIVE_KEYS = Object.keys(siteLiveFields) as (keyof typeof siteLiveFields)[];
