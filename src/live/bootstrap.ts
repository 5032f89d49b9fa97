import snapshot from '../../data/rdap/dns.json' with { type: 'json' };

/**
 * The RDAP bootstrap (RFC 9224): which server answers for which top-level label. Looked up by
 * the last label only: `a.com.cn` is `cn` (the public suffix `com.cn` is in no bootstrap, the trap
 * uptime-kuma fell into with `.com.br`).
 */
export class RdapBootstrap {
  private readonly byTld = new Map<string, string>();

  constructor(
    data: unknown,
    /** Where the data came from, for error messages. */
    readonly source: string,
  ) {
    const services = (data as { services?: unknown } | null)?.services;
    if (!Array.isArray(services)) throw new BootstrapError(`${source}: not an RDAP bootstrap file (no "services" array)`);
    services.forEach((service: unknown, i) => {
      const [labels, urls] = Array.isArray(service) ? (service as unknown[]) : [];
      if (!Array.isArray(labels) || !Array.isArray(urls)) throw new BootstrapError(`${source}: services[${i}] is not [[labels], [urls]]`, i);
      // RFC 9224 §4: prefer an https base when a service lists several.
      const base = (urls as unknown[]).filter((u): u is string => typeof u === 'string' && /^https?:\/\//i.test(u)).sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')))[0];
      if (!base) return;
      for (const label of labels) if (typeof label === 'string') this.byTld.set(label.toLowerCase(), base.endsWith('/') ? base : `${base}/`);
    });
  }

  /** The base URL for a top-level label (A-label), or undefined when the TLD has no RDAP. */
  baseFor(tld: string): string | undefined {
    return this.byTld.get(tld.toLowerCase());
  }

  get size(): number {
    return this.byTld.size;
  }
}

export class BootstrapError extends Error {
  override readonly name = 'BootstrapError';

  constructor(
    message: string,
    /** The index of the malformed entry of `services`; undefined when there is no such array. */
    readonly service?: number,
  ) {
    super(message);
  }
}

let shipped: RdapBootstrap | undefined;

/** The snapshot in data/rdap/dns.json (refreshed by scripts/rdap-bootstrap.mjs). */
export function shippedBootstrap(): RdapBootstrap {
  return (shipped ??= new RdapBootstrap(snapshot, 'data/rdap/dns.json'));
}

export const SHIPPED_PUBLICATION: string = (snapshot as { publication?: string }).publication ?? '';
