import type { Localized } from '../i18n/lang.js';

/** Edit distance (insertions, deletions, substitutions) between two short words. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known word closest to a mistyped one, if it is close enough to be what was meant. */
export function closest(word: string, known: Iterable<string>, maxDistance = 3): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    const d = distance(word, candidate);
    if (d < bestScore) {
      bestScore = d;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= Math.min(maxDistance, Math.max(1, Math.floor(word.length / 2))) ? best : undefined;
}

/** ` (did you mean "x"?)`, or nothing when no known word is close. */
export function didYouMean(word: string, known: Iterable<string>): Localized {
  const best = closest(word, known);
  if (best === undefined) return { 'zh-CN': '', en: '' };
  return { 'zh-CN': `（是不是 "${best}"？）`, en: ` (did you mean "${best}"?)` };
}
