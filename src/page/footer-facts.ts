import type { Element, Text } from 'domhandler';
import { findIcpNumbers, type IcpMatch } from '../domain/icp.js';
import { findPoliceNumbers, type PoliceMatch } from '../domain/police.js';
import { attr, closest } from './dom.js';
import { footerRegionOf, lastBlock } from './footer-region.js';
import { StaticVisibility, type CssLimitHit, type HiddenAt } from './hidden.js';
import { normalize } from './normalize.js';
import type { Page, TextPiece, UnseenText } from './page.js';
import type { RenderedFacts, RenderedNumberFacts, Span } from '../model/index.js';
import { withRendered } from './rendered.js';

/** A filing number shown in the page's visible text, with everything the footer rules ask about it. */
export interface Shown<M> {
  readonly match: M;
  /** Source span of the number as written. */
  readonly span: Span;
  readonly node: Text;
  readonly anchor: Element | null;
  /** The anchor's href after entity decoding; null without an anchor or without an href. */
  readonly href: string | null;
  /** The anchor navigates by script (onclick) rather than by href. */
  readonly scripted: boolean;
  readonly hidden: HiddenAt | null;
  readonly inFooter: boolean;
  /** Render mode: what the browser measured, one entry per viewport where the number was found. */
  readonly rendered?: readonly RenderedNumberFacts[];
}

export type ShownIcp = Shown<IcpMatch>;
export type ShownPolice = Shown<PoliceMatch & { nonstandard: boolean }>;

/** A number that only exists where a browser does not show it. */
export interface UnseenNumber {
  readonly kind: UnseenText['kind'];
  readonly span: Span;
  readonly text: string;
}

export interface FooterFacts {
  readonly icp: readonly ShownIcp[];
  readonly police: readonly ShownPolice[];
  /** What the page's CSS had more of than the static judge reads (issue 17); empty when it was read whole. */
  readonly cssLimits: readonly CssLimitHit[];
}

/**
 * The one place that decides whether a number shows and whether it sits in the footer region.
 * The static judge reads the HTML and its CSS; render mode can hand in one that asks a browser.
 */
export interface FooterJudge {
  hidden(node: Text): HiddenAt | null;
  inFooter(node: Text): boolean;
  /** Limits the judge reached while answering (read after every number was judged). */
  limits(): readonly CssLimitHit[];
}

/** The judge that reads the built HTML and its local stylesheets (css/cascade.ts, footer-region.ts). */
export function staticJudge(page: Page): FooterJudge {
  const visibility = new StaticVisibility(page);
  const inRegion = footerRegionOf(() => lastBlock(page, visibility));
  return {
    hidden: (node) => visibility.hiddenAt(node),
    inFooter: (node) => inRegion(node),
    limits: () => visibility.limits(),
  };
}

/** The text piece that holds normalised offset `index` (binary search over sorted pieces). */
export function pieceAt(pieces: readonly TextPiece[], index: number): TextPiece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid] as TextPiece;
    if (index < p.normStart) hi = mid - 1;
    else if (index >= p.normEnd) lo = mid + 1;
    else return p;
  }
  // A separator space between pieces belongs to none: take the next piece.
  return pieces[lo];
}

/** Maps a range of the page's normalised text to the source. */
export function sourceSpan(page: Page, start: number, end: number): Span {
  const map = page.text.map;
  const s = map[start] ?? 0;
  const lastChar = map[Math.max(start, end - 1)] ?? s;
  return { start: s, end: Math.max(s + 1, lastChar + 1) };
}

function locate<M extends { start: number; end: number }>(page: Page, match: M, judge: FooterJudge): Shown<M> | null {
  const first = firstPieceOf(page, match.start, match.end);
  if (!first) return null;
  // `京<a href=…>ICP备…</a>`: when no link holds the first character, the link around the rest
  // of the number is its link.
  const lastPiece = pieceAt(page.pieces, Math.max(match.start, match.end - 1));
  const anchor = closest(first.node, 'a') ?? (lastPiece ? closest(lastPiece.node, 'a') : null);
  const href = anchor ? (attr(anchor, 'href') ?? null) : null;
  const onclick = anchor ? attr(anchor, 'onclick') : undefined;
  return {
    match,
    span: sourceSpan(page, match.start, match.end),
    node: first.node,
    anchor,
    href,
    scripted: !!onclick && /window\.open|location/i.test(onclick),
    hidden: judge.hidden(first.node),
    inFooter: judge.inFooter(first.node),
  };
}

/**
 * The text piece holding the match's first non-space character: that character's element is the
 * number's element, and its `<a>` the number's link. A match that starts with the trailing space
 * inside a police link (`…号 </a><a>ICP备…`) must not be attributed to that link.
 */
function firstPieceOf(page: Page, start: number, end: number): TextPiece | undefined {
  const text = page.text.value;
  let at = start;
  while (at < end - 1 && /\s/.test(text.charAt(at))) at++;
  const piece = pieceAt(page.pieces, at);
  return piece && piece.normStart < end ? piece : undefined;
}

/**
 * Computed once per page and shared by every footer rule. `rendered` attaches what a browser
 * measured about each number (render mode); the static judge still answers for the built HTML.
 */
export function footerFacts(page: Page, rendered?: RenderedFacts): FooterFacts {
  const judge = staticJudge(page);
  const icp: ShownIcp[] = [];
  for (const m of findIcpNumbers(page.text.value)) {
    const shown = locate(page, m, judge);
    if (shown) icp.push(shown);
  }
  const police: ShownPolice[] = [];
  for (const m of findPoliceNumbers(page.text.value)) {
    const shown = locate(page, m, judge);
    if (shown) police.push(shown);
  }
  const cssLimits = judge.limits();
  if (rendered) return { icp: withRendered('icp', icp, rendered), police: withRendered('police', police, rendered), cssLimits };
  return { icp, police, cssLimits };
}

/**
 * Filing numbers that only appear in comments, scripts, `<noscript>` or `<template>`: the
 * client-rendered footers and commented-out footers that reviewers never see (DOMAIN.md §6.1).
 */
export function unseenNumbers(page: Page, which: 'icp' | 'police'): UnseenNumber[] {
  const out: UnseenNumber[] = [];
  for (const u of page.unseen) {
    const probe = which === 'icp' ? /ICP|B2/i : /公网安|公安/;
    if (!probe.test(u.raw)) continue;
    const value = normalize(u.raw);
    const found = which === 'icp' ? findIcpNumbers(value) : findPoliceNumbers(value);
    const hit = found[0];
    if (!hit) continue;
    // Position: the first occurrence of the number's leading characters in the raw text.
    const head = u.raw.search(which === 'icp' ? /ICP|B2/i : /公/);
    const at = u.start + Math.max(0, head - 1);
    out.push({ kind: u.kind, span: { start: at, end: at + hit.text.length }, text: hit.text });
  }
  return out;
}
