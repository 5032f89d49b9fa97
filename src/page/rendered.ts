import type { Needle, RenderedFacts, RenderedNumberFacts } from '../model/index.js';

/**
 * Joins the numbers the page model finds in a rendered document to what the browser measured
 * about them (render mode, issue 14). Both sides name a number by its text, folded the same way
 * (the page model's normalisation with every space removed), and by which occurrence of that
 * text it is: the k-th `京ICP备…号-1` here is the k-th one the browser finds at every viewport.
 */

type Kind = 'icp' | 'police';

function fold(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Keys for a list of numbers of one kind, in page order. */
function keysOf(kind: Kind, items: readonly { readonly match: { readonly text: string } }[]): { key: string; text: string; occurrence: number }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const text = fold(item.match.text);
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    return { key: `${kind}:${text}#${occurrence}`, text, occurrence };
  });
}

/** What to ask the browser to measure: every ICP and police number the page shows. */
export function needlesOf(numbers: {
  readonly icp: readonly { readonly match: { readonly text: string } }[];
  readonly police: readonly { readonly match: { readonly text: string } }[];
}): Needle[] {
  return [...keysOf('icp', numbers.icp), ...keysOf('police', numbers.police)];
}

/** The numbers with the browser's facts attached: one entry per viewport where the number was found. */
export function withRendered<T extends { readonly match: { readonly text: string } }>(
  kind: Kind,
  items: readonly T[],
  rendered: RenderedFacts,
): (T & { readonly rendered: readonly RenderedNumberFacts[] })[] {
  const keys = keysOf(kind, items);
  return items.map((item, i) => ({ ...item, rendered: rendered.numbers.get(keys[i]!.key) ?? [] }));
}
