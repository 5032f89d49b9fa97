import { request, RequestFailure } from './http.js';
import type { Net } from './net.js';
import type { LiveSettings } from './settings.js';
import type { ExpiryReading } from './whois.js';

const RDAP_MAX_BYTES = 1024 * 1024;
const RDAP_MAX_REDIRECTS = 3;

/** The failure of an RDAP lookup, as opposed to an answer about the domain. */
export interface RdapFailed {
  readonly kind: 'failed';
  readonly detail: string;
}

/** RFC 9083: the `expiration` event of the domain object; undefined when there is none. */
export function expirationOf(body: unknown): string | undefined {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return undefined;
  for (const e of events) {
    if (e && typeof e === 'object' && (e as { eventAction?: unknown }).eventAction === 'expiration') {
      const date = (e as { eventDate?: unknown }).eventDate;
      if (typeof date === 'string') return date;
    }
  }
  return undefined;
}

/** `GET {base}domain/{a-label}` with the RDAP media type; redirects to another RDAP server are followed. */
export async function lookupRdap(base: string, ascii: string, net: Net, settings: LiveSettings): Promise<ExpiryReading | RdapFailed> {
  let url = `${base}domain/${ascii}`;
  for (let hop = 0; ; hop++) {
    let answer;
    try {
      answer = await request(url, net, settings, { accept: 'application/rdap+json, application/json;q=0.9', maxBytes: RDAP_MAX_BYTES });
    } catch (e) {
      if (e instanceof RequestFailure) return { kind: 'failed', detail: e.failure.code ?? e.failure.kind };
      throw e;
    }
    const location = answer.headers.get('location');
    if (answer.status >= 300 && answer.status < 400 && location && hop < RDAP_MAX_REDIRECTS) {
      url = new URL(location, url).href;
      continue;
    }
    if (answer.status === 404) return { kind: 'not-registered', detail: 'HTTP 404' };
    if (answer.status === 429) return { kind: 'rate-limited', detail: `HTTP 429${answer.headers.get('retry-after') ? `, Retry-After ${answer.headers.get('retry-after')}` : ''}` };
    if (answer.status < 200 || answer.status >= 300) return { kind: 'failed', detail: `HTTP ${answer.status}` };
    if (answer.tooLarge) return { kind: 'unreadable', detail: 'reply larger than 1 MB' };
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8').decode(answer.body));
    } catch {
      return { kind: 'unreadable', detail: 'not JSON' };
    }
    const date = expirationOf(body);
    if (date === undefined) return { kind: 'unreadable', detail: 'no expiration event' };
    const ms = Date.parse(date);
    if (Number.isNaN(ms)) return { kind: 'unreadable', detail: `expiration "${date.slice(0, 40)}"` };
    return { kind: 'expiry', date: new Date(ms), display: new Date(ms).toISOString().slice(0, 10) };
  }
}
