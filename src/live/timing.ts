/** Time limits, back-off and Retry-After: the only places live mode waits. */

/** Raised when a network step outlives its limit. */
export class StepTimeout extends Error {
  override readonly name = 'StepTimeout';
  readonly code = 'ETIMEOUT';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * Runs `work` with an abort signal that fires after `ms`, and rejects with StepTimeout at that
 * moment even if `work` ignores the signal: a step can never hang the run.
 */
export async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>, onTimeout?: () => void): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new StepTimeout(ms));
      onTimeout?.();
      reject(new StepTimeout(ms));
    }, ms);
  });
  const running = work(controller.signal);
  running.catch(() => undefined);
  try {
    return await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The longest Retry-After we honour; a server that asks for more is reported as rate limited. */
export const RETRY_AFTER_CAP_MS = 30_000;

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential back-off with jitter, scaled to the step's time limit so that a test with 300 ms
 * limits waits tens of ms, and a real run with 10 s limits waits about a second.
 */
export function backoff(attempt: number, timeoutMs: number): number {
  const base = Math.min(1000, Math.max(10, timeoutMs / 10));
  return Math.round(base * 2 ** attempt * (0.5 + Math.random() / 2));
}
