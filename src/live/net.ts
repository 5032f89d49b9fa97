import { Resolver } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, buildConnector, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { Endpoint, LiveSettings } from './settings.js';
import { backoff, sleep, StepTimeout, withTimeout } from './timing.js';

/**
 * Everything live mode sends over the network goes through one of these, built once per run
 * from the settings: a test (or a user inside China) points them elsewhere with live.network.
 */
export interface Net {
  readonly dns: Dns;
  /** undici dispatcher for HTTP(S) and RDAP: connect overrides, extra CAs, proxies from the environment. */
  readonly dispatcher: Dispatcher;
  /** Where to open a TCP connection to `host:port` (a `connect` override, else the host itself). */
  target(host: string, port: number): Endpoint | undefined;
  /** A `lookup` for net/tls that asks our DNS servers, for connections without an override. */
  readonly lookup: LookupFunction;
  /** Node's bundled roots plus caFile, or undefined when there is no caFile. */
  readonly ca?: readonly string[];
  close(): Promise<void>;
}

export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/** DNS answers with the run's servers and limits. Errors carry Node's codes (ENOTFOUND, ENODATA, ETIMEOUT…). */
export interface Dns {
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveCname(name: string): Promise<string[]>;
  /** A and AAAA together, IPv4 first; memoised for the run so the address check and HTTP agree. */
  addresses(name: string): Promise<string[]>;
  /** The servers asked, for "checked from" messages. */
  servers(): string[];
}

/** Codes worth asking again: the server did not answer, or answered that it failed. */
const DNS_RETRY = new Set(['ETIMEOUT', 'ESERVFAIL', 'ECONNREFUSED', 'ECANCELLED', 'EREFUSED']);

export function createDns(settings: LiveSettings): Dns {
  const query = async <T>(run: (r: Resolver) => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      // One resolver per query: cancelling it on our own time limit must not cancel other queries.
      const resolver = new Resolver({ timeout: settings.timeoutMs, tries: 1 });
      if (settings.dnsServers) resolver.setServers([...settings.dnsServers]);
      try {
        return await withTimeout(settings.timeoutMs, () => run(resolver), () => resolver.cancel());
      } catch (e) {
        const code = e instanceof StepTimeout ? 'ETIMEOUT' : (e as NodeJS.ErrnoException).code;
        if (attempt >= settings.retries || !DNS_RETRY.has(code ?? '')) throw e instanceof StepTimeout ? dnsError('ETIMEOUT', e.message) : e;
        await sleep(backoff(attempt, settings.timeoutMs));
      }
    }
  };
  const memo = new Map<string, Promise<string[]>>();
  const addresses = (name: string): Promise<string[]> => {
    let p = memo.get(name);
    if (!p) {
      p = (async () => {
        const [v4, v6] = await Promise.allSettled([query((r) => r.resolve4(name)), query((r) => r.resolve6(name))]);
        const found = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
        if (found.length > 0) return found;
        // Both failed: the more telling error wins (a timeout over "no AAAA record").
        const errors = [v4, v6].map((r) => (r.status === 'rejected' ? (r.reason as NodeJS.ErrnoException) : dnsError('ENODATA', 'no address')));
        throw errors.find((e) => e.code !== 'ENODATA' && e.code !== 'ENOTFOUND') ?? errors.find((e) => e.code === 'ENOTFOUND') ?? errors[0]!;
      })();
      p.catch(() => undefined);
      memo.set(name, p);
    }
    return p;
  };
  return {
    resolve4: (name) => query((r) => r.resolve4(name)),
    resolve6: (name) => query((r) => r.resolve6(name)),
    resolveCname: (name) => query((r) => r.resolveCname(name)),
    addresses,
    servers: () => {
      if (settings.dnsServers) return [...settings.dnsServers];
      return new Resolver().getServers();
    },
  };
}

function dnsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

export function createNet(settings: LiveSettings, env: Readonly<Record<string, string | undefined>>): Net {
  const dns = createDns(settings);
  const lookup: LookupFunction = (hostname, options, callback) => {
    const family = isIP(hostname);
    if (family !== 0) {
      if (options.all) callback(null, [{ address: hostname, family }]);
      else callback(null, hostname, family);
      return;
    }
    dns.addresses(hostname).then(
      (found) => {
        const list = found.map((address) => ({ address, family: isIP(address) }));
        if (options.all) callback(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (e: NodeJS.ErrnoException) => callback(e, options.all ? [] : ''),
    );
  };
  const target = (host: string, port: number): Endpoint | undefined => settings.connect.get(`${host.toLowerCase()}:${port}`);
  const ca = settings.extraCa ? [...rootCertificates, ...settings.extraCa] : undefined;
  const base = buildConnector({
    timeout: settings.timeoutMs,
    ...(ca && { ca: [...ca] }),
    lookup: lookup as never,
    // No TLS session reuse: each run asks each host once, and a resumed session skips the certificate.
    maxCachedSessions: 0,
  });
  const connector: buildConnector.connector = (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    const to = target(options.hostname, port);
    if (!to) {
      base(options, callback);
      return;
    }
    // Like curl --resolve: the socket goes to the override, SNI and Host stay the real name.
    base({ ...options, hostname: to.host, host: `${to.host}:${to.port}`, port: String(to.port), servername: isIP(options.hostname) ? '' : options.hostname }, callback);
  };
  const agentOptions = {
    connect: connector,
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
    keepAliveTimeout: 1000,
    connections: 4,
  };
  const httpProxy = env.https_proxy ?? env.HTTPS_PROXY ?? env.http_proxy ?? env.HTTP_PROXY;
  const dispatcher: Dispatcher = httpProxy
    ? new EnvHttpProxyAgent({
        ...agentOptions,
        ...((env.http_proxy ?? env.HTTP_PROXY) && { httpProxy: env.http_proxy ?? env.HTTP_PROXY }),
        ...((env.https_proxy ?? env.HTTPS_PROXY) && { httpsProxy: env.https_proxy ?? env.HTTPS_PROXY }),
        ...((env.no_proxy ?? env.NO_PROXY) !== undefined && { noProxy: env.no_proxy ?? env.NO_PROXY }),
        ...(ca && { requestTls: { ca: [...ca] } }),
      })
    : new Agent(agentOptions);
  return {
    dns,
    dispatcher,
    target,
    lookup,
    ...(ca && { ca }),
    close: async () => {
      await dispatcher.destroy().catch(() => undefined);
    },
  };
}
