import { connect, isIP, type Socket } from 'node:net';
import type { Net } from './net.js';
import type { Endpoint, LiveSettings } from './settings.js';
import { StepTimeout, withTimeout } from './timing.js';

/** A WHOIS reply is a few KB; anything past this is not a reply we can use. */
export const WHOIS_MAX_BYTES = 64 * 1024;

export class WhoisFailure extends Error {
  override readonly name = 'WhoisFailure';
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * One WHOIS query over TCP (RFC 3912): send the name and CRLF, read until the server closes.
 * The bytes are joined first and decoded once: a reply split inside a multi-byte character
 * (CNNIC's registrar names are UTF-8) must not lose it. Capped at 64 KB and timed out as a
 * whole, so a server that never closes ends the query at the time limit.
 */
export async function queryWhois(server: Endpoint, query: string, net: Net, settings: LiveSettings): Promise<string> {
  let socket: Socket | undefined;
  try {
    const bytes = await withTimeout(
      settings.timeoutMs,
      () =>
        new Promise<Buffer>((resolve, reject) => {
          const chunks: Buffer[] = [];
          let total = 0;
          socket = connect({ host: server.host, port: server.port, ...(isIP(server.host) === 0 && { lookup: net.lookup as never }) });
          socket.once('connect', () => socket!.write(`${query}\r\n`));
          socket.on('data', (chunk: Buffer) => {
            total += chunk.length;
            chunks.push(chunk);
            if (total >= WHOIS_MAX_BYTES) {
              socket!.destroy();
              resolve(Buffer.concat(chunks).subarray(0, WHOIS_MAX_BYTES));
            }
          });
          socket.once('end', () => resolve(Buffer.concat(chunks)));
          socket.once('close', () => resolve(Buffer.concat(chunks)));
          socket.once('error', (e: NodeJS.ErrnoException) => reject(new WhoisFailure(e.code ?? e.message)));
        }),
    );
    return new TextDecoder('utf-8').decode(bytes);
  } catch (e) {
    if (e instanceof StepTimeout) throw new WhoisFailure('ETIMEOUT');
    throw e;
  } finally {
    socket?.destroy();
  }
}

export type ExpiryReading =
  | { readonly kind: 'expiry'; readonly date: Date; readonly display: string }
  | { readonly kind: 'not-registered'; readonly detail: string }
  | { readonly kind: 'rate-limited'; readonly detail: string }
  | { readonly kind: 'unreadable'; readonly detail: string };

/**
 * Expiry keys, most specific first. CNNIC writes `Expiration Time: 2030-03-17 12:48:36` in
 * local time without a zone (read as Beijing time, UTC+8); Verisign and most gTLD registries
 * write `Registry Expiry Date: 2030-09-14T04:00:00Z`.
 */
const EXPIRY_KEYS = /^[ \t]*(Expiration Time|Registry Expiry Date|Registrar Registration Expiration Date|Expiry Date|Expiration Date|Expires On|paid-till|expires)[ \t]*:[ \t]*(\S[^\r\n]*)/im;
const NOT_FOUND = /no matching record|no match(?:es)? for|^[ \t]*not found|no entries found|no data found|domain not found|status:[ \t]*(?:free|available)|is available for registration|requested is prohibited|reserved domain/im;
const RATE_LIMITED = /exceeded|too many (?:requests|queries)|rate limit|queried interval is too short|try again later|quota/i;

/** Reads a WHOIS reply. Never throws, whatever the bytes were. */
export function readWhois(text: string): ExpiryReading {
  const m = EXPIRY_KEYS.exec(text);
  if (m) {
    const value = m[2]!.trim();
    const parsed = parseWhoisDate(value, m[1]!.toLowerCase() === 'expiration time');
    if (parsed) return { kind: 'expiry', ...parsed };
    return { kind: 'unreadable', detail: `${m[1]}: ${value.slice(0, 60)}` };
  }
  const firstLine = (s: string) => s.replace(/^\s+/, '').split(/\r?\n/)[0]!.slice(0, 80);
  const nf = NOT_FOUND.exec(text);
  if (nf) return { kind: 'not-registered', detail: firstLine(text.slice(nf.index)) };
  if (RATE_LIMITED.test(text)) return { kind: 'rate-limited', detail: firstLine(text) };
  return { kind: 'unreadable', detail: text.trim() === '' ? 'empty reply' : 'no expiry date in the reply' };
}

/** ISO dates with a zone as written; zone-less `YYYY-MM-DD[ HH:MM:SS]` as UTC+8 when `beijing`, else UTC. */
export function parseWhoisDate(value: string, beijing: boolean): { date: Date; display: string } | undefined {
  const text = value.trim();
  const naive = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text);
  if (naive) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = naive;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - (beijing ? 8 * 3600_000 : 0);
    if (Number.isNaN(utc)) return undefined;
    return { date: new Date(utc), display: `${y}-${mo}-${d}` };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text) || /^\d{4}\.\d{2}\.\d{2}$/.test(text)) {
    const ms = Date.parse(text.replace(/^(\d{4})\.(\d{2})\.(\d{2})$/, '$1-$2-$3'));
    if (Number.isNaN(ms)) return undefined;
    return { date: new Date(ms), display: new Date(ms).toISOString().slice(0, 10) };
  }
  return undefined;
}
