import type { Page, TextPiece } from '../page/page.js';
import { disabledRanges, type DisabledRanges } from './disable-comments.js';
import type { Lexicon, LexiconTerm } from './lexicon.js';
import { allLexicons } from './lexicons.js';
import { excludedBy, mayCarryIgnore, pieceContaining } from './markup.js';
import { foldLatin, matchForm, TermMatcher } from './matcher.js';
import type { SiteFacts } from '../model/index.js';

/**
 * Words the entity-scope detectors look at more closely than a lexicon term: a company-name
 * suffix (the name is read backwards from it), the credit-code label (the code after it is
 * checked), and the yuan sign (prices are counted).
 */
export type Probe = 'company' | 'credit-code' | 'registration' | 'price' | 'yuan';
const PROBES: readonly (readonly [string, Probe])[] = [
  ['有限公司', 'company'],
  ['有限责任公司', 'company'],
  ['统一社会信用代码', 'credit-code'],
  ['营业执照注册号', 'registration'],
  ['工商注册号', 'registration'],
  ['¥', 'price'],
  ['元', 'yuan'],
];

type KeyRef =
  | { readonly kind: 'term'; readonly lexicon: Lexicon; readonly term: LexiconTerm }
  | { readonly kind: 'licence'; readonly lexicon: Lexicon }
  | { readonly kind: 'probe'; readonly probe: Probe };

interface Compiled {
  readonly matcher: TermMatcher;
  readonly refs: readonly (readonly KeyRef[])[];
}

let compiled: Compiled | undefined;

/** One automaton for every lexicon of the three rules, built once per process or worker. */
function compile(): Compiled {
  if (compiled) return compiled;
  const byKey = new Map<string, KeyRef[]>();
  const add = (text: string, ref: KeyRef): void => {
    const key = matchForm(text);
    if (!key) return;
    const list = byKey.get(key);
    if (list) list.push(ref);
    else byKey.set(key, [ref]);
  };
  for (const lexicon of allLexicons()) {
    for (const term of lexicon.terms) add(term.term, { kind: 'term', lexicon, term });
    for (const licence of lexicon.licences ?? []) add(licence.term, { kind: 'licence', lexicon });
  }
  for (const [text, probe] of PROBES) add(text, { kind: 'probe', probe });
  const keys = [...byKey.keys()];
  compiled = { matcher: new TermMatcher(keys), refs: keys.map((k) => byKey.get(k) as KeyRef[]) };
  return compiled;
}

/** A lexicon term found in the page's visible text. Offsets index `page.text.value`. */
export interface ScanHit {
  readonly lexicon: Lexicon;
  readonly term: LexiconTerm;
  readonly start: number;
  readonly end: number;
  /** Source offset of the first character, for disable comments. */
  readonly source: number;
  readonly piece: TextPiece | undefined;
}

export interface ProbeHit {
  readonly probe: Probe;
  readonly start: number;
  readonly end: number;
  readonly source: number;
  readonly piece: TextPiece | undefined;
}

/** What the content rules share about one page: computed once, then read by all three. */
export interface PageScan {
  readonly page: Page;
  readonly text: string;
  /** Hits per lexicon id, in text order, without code samples, ignored elements and allowed words. */
  readonly byLexicon: ReadonlyMap<string, readonly ScanHit[]>;
  readonly probes: readonly ProbeHit[];
  /** Pre-approval categories whose licence string the page shows (suppresses their warning). */
  readonly licencesShown: ReadonlySet<string>;
  readonly disabled: DisabledRanges;
  /** Allow-list entries in match form, for names that are not text hits (widgets, SDKs). */
  readonly allowSet: ReadonlySet<string>;
  /** Is this range of the normalised text inside an occurrence of an allowed phrase? */
  readonly allowed: (start: number, end: number) => boolean;
  /** Can an element of the page carry data-beian-ignore (markup.ts mayCarryIgnore)? Asked once, when a hit needs it. */
  readonly ignorable: () => boolean;
}

/**
 * The last page scanned. The engine runs every rule of a page before it reads the next one, so
 * one slot shares the scan between the three rules. A WeakMap keyed by Page did the same but kept
 * each page's DOM alive past the young-generation collections (its entry holds the page through
 * the scan), which cost more garbage-collection time on a 1,259-page blog than the search itself.
 */
let last: { page: Page; allow: readonly string[]; scan: PageScan } | undefined;

/**
 * The one pass over a page's text that every content rule reads, so the three rules (and the
 * message kinds of each) never search the same text twice.
 */
export function scanPage(page: Page, site: Pick<SiteFacts, 'allow'>): PageScan {
  if (last && last.page === page && last.allow === site.allow) return last.scan;
  const scan = buildScan(page, site.allow);
  last = { page, allow: site.allow, scan };
  return scan;
}

function buildScan(page: Page, allow: readonly string[]): PageScan {
  const { matcher, refs } = compile();
  const text = page.text.value;
  const allowForms = allow.map(matchForm).filter(Boolean);
  const allowRanges = allowForms.length > 0 ? phraseRanges(foldLatin(text), allowForms) : [];
  const allowed = (start: number, end: number): boolean => allowRanges.some(([a, b]) => start >= a && end <= b);

  const byLexicon = new Map<string, ScanHit[]>();
  const probes: ProbeHit[] = [];
  const licencesShown = new Set<string>();
  let canIgnore: boolean | undefined;
  const ignorable = (): boolean => (canIgnore ??= mayCarryIgnore(page.source));
  for (const hit of matcher.find(text)) {
    const keyRefs = refs[hit.key] ?? [];
    let piece: TextPiece | undefined;
    let checked = false;
    let excluded = false;
    for (const ref of keyRefs) {
      if (ref.kind === 'licence') {
        // A licence number shown anywhere on the page counts, code sample or not.
        licencesShown.add(ref.lexicon.category);
        continue;
      }
      if (!checked) {
        checked = true;
        piece = pieceContaining(page.pieces, hit.start);
        excluded = (piece !== undefined && excludedBy(piece.node, ignorable()) !== null) || allowed(hit.start, hit.end);
      }
      if (excluded) break;
      const source = page.text.map[hit.start] ?? 0;
      if (ref.kind === 'probe') {
        probes.push({ probe: ref.probe, start: hit.start, end: hit.end, source, piece });
        continue;
      }
      if (ref.term.notAfter && hit.start > 0 && ref.term.notAfter.includes(text.charAt(hit.start - 1))) continue;
      const list = byLexicon.get(ref.lexicon.id);
      const scanHit: ScanHit = { lexicon: ref.lexicon, term: ref.term, start: hit.start, end: hit.end, source, piece };
      if (list) list.push(scanHit);
      else byLexicon.set(ref.lexicon.id, [scanHit]);
    }
  }
  for (const [id, list] of byLexicon) byLexicon.set(id, withoutNested(list));
  return {
    page,
    text,
    byLexicon,
    probes,
    licencesShown,
    disabled: disabledRanges(page),
    allowSet: new Set(allowForms),
    allowed,
    ignorable,
  };
}

/**
 * Within one lexicon, a term inside a longer matched term is the same words read twice
 * (游戏充值 holds 充值, 出售冰毒 holds 冰毒): only the longest match counts.
 */
function withoutNested(hits: ScanHit[]): ScanHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ScanHit[] = [];
  let coveredTo = -1;
  for (const h of sorted) {
    if (h.end <= coveredTo) continue;
    out.push(h);
    coveredTo = h.end;
  }
  return out;
}

function phraseRanges(folded: string, phrases: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const phrase of phrases) {
    for (let at = folded.indexOf(phrase); at !== -1; at = folded.indexOf(phrase, at + 1)) out.push([at, at + phrase.length]);
  }
  return out;
}
