/** What one page may cost while it is checked (see docs/hostile-input.md). */
export interface PageLimits {
  /** Wall-clock time for one page; past it the page's process is killed (BEIAN_GUARD_PAGE_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Heap of the process that checks pages up to 2 MB (BEIAN_GUARD_PAGE_MEMORY_MB); larger pages get more. */
  readonly memoryMb: number;
}

/**
 * A real page is checked in well under a second, and the largest the default size limit admits
 * (20 MB) in about five; a minute leaves a slow, shared runner a wide margin. 256 MB of heap is
 * several times what a 2 MB page needs (about 15 MB per MB of HTML).
 */
export const DEFAULT_PAGE_LIMITS: PageLimits = { timeoutMs: 60_000, memoryMb: 256 };

function positiveInt(value: string | undefined, fallback: number, min: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= min ? n : fallback;
}

/** The limits, with the environment's overrides; a value that is not a whole number is ignored. */
export function readPageLimits(env: Readonly<Record<string, string | undefined>>): PageLimits {
  return {
    timeoutMs: positiveInt(env.BEIAN_GUARD_PAGE_TIMEOUT_MS, DEFAULT_PAGE_LIMITS.timeoutMs, 1),
    memoryMb: positiveInt(env.BEIAN_GUARD_PAGE_MEMORY_MB, DEFAULT_PAGE_LIMITS.memoryMb, 32),
  };
}
