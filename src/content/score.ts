import type { Lexicon, LexiconTerm } from './lexicon.js';
import type { ScanHit } from './scan.js';

/** One distinct term of a category on a page. */
export interface TermTally {
  readonly term: LexiconTerm;
  /** The earliest occurrence: where the finding points. */
  readonly first: ScanHit;
  readonly count: number;
  /** The term's weight, or its control weight when any occurrence is a button or link label. */
  readonly weight: number;
}

export interface CategoryScore {
  readonly lexicon: Lexicon;
  /** Distinct terms with a positive weight, in text order. */
  readonly tallies: readonly TermTally[];
  readonly score: number;
  readonly threshold: number;
  readonly flagged: boolean;
}

export interface ScoreOptions {
  /** Length of the page's visible text, for categories whose threshold grows with it. */
  readonly textLength: number;
  /** Does this occurrence label a button or short link? Only asked for terms with a control weight. */
  readonly isControl?: (hit: ScanHit) => boolean;
  /** Is this occurrence in the page's footer? Only asked for terms with a footer weight. */
  readonly inFooter?: (hit: ScanHit) => boolean;
  /** Quoted context (warnings, moderation): a single strong term no longer suffices. */
  readonly strict?: boolean;
}

/**
 * Precision before recall: a page is reported for a category only when the distinct terms'
 * weights reach the threshold, and, unless one term is strong enough on its own, with at least
 * `minDistinct` different terms. Repeats add `repeatBonus` each (two at most), so one word
 * written fifty times is not a site about it. Long pages need proportionally more evidence
 * where the lexicon sets `lengthBase`: scattered topic words in a 60,000-character archive page
 * are not a density.
 */
export function scoreCategory(lexicon: Lexicon, hits: readonly ScanHit[], options: ScoreOptions): CategoryScore {
  const byTerm = new Map<LexiconTerm, { first: ScanHit; count: number; weight: number }>();
  for (const hit of hits) {
    const control = hit.term.controlWeight !== undefined && options.isControl?.(hit) === true;
    const footer = hit.term.footerWeight !== undefined && options.inFooter?.(hit) === true;
    const w = Math.max(control ? (hit.term.controlWeight as number) : hit.term.weight, footer ? (hit.term.footerWeight as number) : 0);
    const t = byTerm.get(hit.term);
    if (!t) byTerm.set(hit.term, { first: hit, count: 1, weight: w });
    else {
      t.count++;
      if (hit.start < t.first.start) t.first = hit;
      if (w > t.weight) t.weight = w;
    }
  }
  const tallies: TermTally[] = [];
  let score = 0;
  let strongest = 0;
  for (const [term, t] of byTerm) {
    if (t.weight <= 0) continue;
    tallies.push({ term, first: t.first, count: t.count, weight: t.weight });
    score += t.weight * (1 + lexicon.repeatBonus * Math.min(t.count - 1, 2));
    strongest = Math.max(strongest, t.weight);
  }
  tallies.sort((a, b) => a.first.start - b.first.start);
  const growth = lexicon.lengthBase ? Math.max(1, Math.sqrt(options.textLength / lexicon.lengthBase)) : 1;
  const threshold = lexicon.threshold * growth;
  const enough = score >= threshold - 1e-9;
  const varied = tallies.length >= lexicon.minDistinct || (!options.strict && strongest >= lexicon.threshold);
  return { lexicon, tallies, score, threshold, flagged: enough && varied };
}

/** The `n` heaviest tallies (ties: earliest), returned in text order. */
export function strongest(tallies: readonly TermTally[], n: number): TermTally[] {
  return [...tallies]
    .sort((a, b) => b.weight - a.weight || a.first.start - b.first.start)
    .slice(0, n)
    .sort((a, b) => a.first.start - b.first.start);
}
