/** Characters of page text shown on each side of a matched term. */
export const CONTEXT_RADIUS = 20;

/**
 * The matched words with about 20 characters on each side, the term set off with 【】 so a
 * reviewer sees at once which words were read: `…欢迎来到【百家乐】真人荷官…`.
 */
export function contextAround(text: string, start: number, end: number, radius = CONTEXT_RADIUS): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const before = text.slice(from, start).trimStart();
  const after = text.slice(end, to).trimEnd();
  return `${from > 0 ? '…' : ''}${before}【${text.slice(start, end)}】${after}${to < text.length ? '…' : ''}`;
}
