import { fetch } from 'undici';
import type { Net } from './net.js';
import type { LiveSettings } from './settings.js';
import { backoff, parseRetryAfter, RETRY_AFTER_CAP_MS, sleep, StepTimeout, withTimeout } from './timing.js';

/** Why a request got no usable answer, in words the report can use. */
export type FailureKind = 'dns' | 'refused' | 'timeout' | 'tls' | 'reset' | 'status' | 'network' | 'bad-redirect' | 'redirect-loop' | 'too-many-redirects';

export interface Failure {
  readonly kind: FailureKind;
  /** HTTP status for `status`. */
  readonly status?: number;
  /** The low-level code (ENOTFOUND, CERT_HAS_EXPIRED…), when there was one. */
  readonly code?: string;
}

export class RequestFailure extends Error {
  override readonly name = 'RequestFailure';
  constructor(readonly failure: Failure) {
    super(failure.code ?? failure.kind);
  }
}

/** One answer: the status and headers, and for 2xx the body bytes (capped). */
export interface Answer {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body?: Uint8Array;
  /** The body was longer than the cap and was not read to its end. */
  readonly tooLarge?: boolean;
}

type Headers = { get(name: string): string | null };

/** Statuses worth asking again after a pause (a busy server, a gateway hiccup, a rate limit). */
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** Connection failures worth asking again: the server may answer the next time. */
const RETRY_FAILURE = new Set<FailureKind>(['timeout', 'reset']);

const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;

/** Maps what undici or Node threw to a failure kind. */
export function classify(error: unknown): Failure {
  const codes: string[] = [];
  let timeout = false;
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StepTimeout) timeout = true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    const name = (e as { name?: unknown }).name;
    // Only our own time limit aborts a request.
    if (name === 'AbortError' || name === 'TimeoutError') timeout = true;
  }
  const code = codes.find((c) => c !== 'UND_ERR_SOCKET') ?? codes[0];
  if (timeout || (code && /TIMEOUT/i.test(code))) return { kind: 'timeout', ...(code && { code }) };
  if (!code) return { kind: 'network' };
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_AGAIN' || code === 'ESERVFAIL') return { kind: 'dns', code };
  if (code === 'ECONNREFUSED') return { kind: 'refused', code };
  if (TLS_CODES.test(code)) return { kind: 'tls', code };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') return { kind: 'reset', code };
  return { kind: 'network', code };
}

async function readCapped(body: AsyncIterable<Uint8Array> | null, max: number): Promise<{ bytes: Uint8Array; tooLarge: boolean }> {
  if (!body) return { bytes: new Uint8Array(0), tooLarge: false };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > max) return { bytes: new Uint8Array(0), tooLarge: true };
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), tooLarge: false };
}

export interface RequestOptions {
  readonly accept: string;
  /** Largest 2xx body read, after decompression. */
  readonly maxBytes: number;
}

/**
 * One GET, retried with back-off on timeouts, resets, 5xx and 429 (Retry-After honoured up to
 * 30 s). Only GET is ever sent, so every retry is safe to repeat. Redirects are not followed:
 * the caller walks them to record the chain. Throws RequestFailure when no answer came.
 */
export async function request(url: string, net: Net, settings: LiveSettings, options: RequestOptions): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    let answer: Answer;
    try {
      answer = await withTimeout(settings.timeoutMs, async (signal) => {
        const response = await fetch(url, {
          method: 'GET',
          redirect: 'manual',
          dispatcher: net.dispatcher,
          signal,
          headers: { 'user-agent': settings.userAgent, accept: options.accept, 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
        });
        if (response.status >= 200 && response.status < 300) {
          const { bytes, tooLarge } = await readCapped(response.body as AsyncIterable<Uint8Array> | null, options.maxBytes);
          if (tooLarge) await response.body?.cancel().catch(() => undefined);
          return { url, status: response.status, headers: response.headers, body: bytes, ...(tooLarge && { tooLarge }) };
        }
        await response.body?.cancel().catch(() => undefined);
        return { url, status: response.status, headers: response.headers };
      });
    } catch (e) {
      const failure = classify(e);
      if (attempt < settings.retries && RETRY_FAILURE.has(failure.kind)) {
        await sleep(backoff(attempt, settings.timeoutMs));
        continue;
      }
      throw new RequestFailure(failure);
    }
    if (attempt < settings.retries && RETRY_STATUS.has(answer.status)) {
      const asked = parseRetryAfter(answer.headers.get('retry-after'), Date.now());
      if (asked !== undefined && asked > RETRY_AFTER_CAP_MS) return answer;
      await sleep(asked ?? backoff(attempt, settings.timeoutMs));
      continue;
    }
    return answer;
  }
}
