import { topLevelLabel, type Hostname } from '../domain/hostname.js';
import type { Net } from './net.js';
import { lookupRdap } from './rdap.js';
import type { LiveSettings } from './settings.js';
import { backoff, sleep } from './timing.js';
import { queryWhois, readWhois, WhoisFailure, type ExpiryReading } from './whois.js';

export type ExpiryResult =
  | { readonly kind: 'reading'; readonly source: string; readonly reading: ExpiryReading }
  | { readonly kind: 'failed'; readonly source: string; readonly detail: string }
  | { readonly kind: 'no-source'; readonly tld: string };

/**
 * Expiry lookups for a run: one per registrable domain however many sites list it, and one at
 * a time per server (registries rate-limit and publish no limits).
 */
export class ExpiryLookups {
  private readonly results = new Map<string, Promise<ExpiryResult>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly net: Net,
    private readonly settings: LiveSettings,
  ) {}

  lookup(domain: Hostname): Promise<ExpiryResult> {
    let p = this.results.get(domain.ascii);
    if (!p) {
      p = this.run(domain);
      this.results.set(domain.ascii, p);
    }
    return p;
  }

  private serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    this.queues.set(key, mine.catch(() => undefined));
    return mine;
  }

  private async run(domain: Hostname): Promise<ExpiryResult> {
    const tld = topLevelLabel(domain.ascii);
    const base = this.settings.bootstrap.baseFor(tld);
    if (base) {
      const source = `RDAP ${new URL(base).host}`;
      const reading = await this.serial(new URL(base).host, () => lookupRdap(base, domain.ascii, this.net, this.settings));
      return reading.kind === 'failed' ? { kind: 'failed', source, detail: reading.detail } : { kind: 'reading', source, reading };
    }
    const server = this.settings.whoisServers.get(tld);
    if (!server) return { kind: 'no-source', tld };
    const source = `WHOIS ${server.host}${server.port === 43 ? '' : `:${server.port}`}`;
    return this.serial(`${server.host}:${server.port}`, async () => {
      for (let attempt = 0; ; attempt++) {
        let reading: ExpiryReading;
        try {
          reading = readWhois(await queryWhois(server, domain.ascii, this.net, this.settings));
        } catch (e) {
          const code = e instanceof WhoisFailure ? e.code : String(e);
          if (attempt < this.settings.retries && (code === 'ETIMEOUT' || code === 'ECONNRESET')) {
            await sleep(backoff(attempt, this.settings.timeoutMs));
            continue;
          }
          return { kind: 'failed', source, detail: code };
        }
        if (reading.kind === 'rate-limited' && attempt < this.settings.retries) {
          await sleep(backoff(attempt + 1, this.settings.timeoutMs));
          continue;
        }
        return { kind: 'reading', source, reading };
      }
    });
  }
}
