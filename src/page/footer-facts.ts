import type { AnyNode, Element, Text } from 'domhandler';
import { findIcpNumbers, type IcpMatch } from '../domain/icp.js';
import { findPoliceNumbers, type PoliceMatch } from '../domain/police.js';
import { attr, closest } from './dom.js';
import { footerRegionOf, lastBlock } from './footer-region.js';
import { HiddenChecker, type HiddenAt } from './hidden.js';
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
  readonly hidden: HiddenChecker;
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

function locate<M extends { start: number; end: number }>(
  page: Page,
  match: M,
  hidden: HiddenChecker,
  inRegion: (node: AnyNode) => boolean,
): Shown<M> | null {
  const first = pieceAt(page.pieces, match.start);
  const lastPiece = pieceAt(page.pieces, Math.max(match.start, match.end - 1));
  if (!first) return null;
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
    hidden: hidden.hiddenAt(first.node),
    inFooter: inRegion(first.node),
  };
}

/** Computed once per page and shared by every footer rule; `rendered` attaches the browser's facts (render mode). */
export function footerFacts(page: Page, rendered?: RenderedFacts): FooterFacts {
  const hidden = new HiddenChecker(page);
  const inRegion = footerRegionOf(lastBlock(page));
  const icp: ShownIcp[] = [];
  for (const m of findIcpNumbers(page.text.value)) {
    const shown = locate(page, m, hidden, inRegion);
    if (shown) icp.push(shown);
  }
  const police: ShownPolice[] = [];
  for (const m of findPoliceNumbers(page.text.value)) {
    const shown = locate(page, m, hidden, inRegion);
    if (shown) police.push(shown);
  }
  if (rendered) return { icp: withRendered('icp', icp, rendered), police: withRendered('police', police, rendered), hidden };
  return { icp, police, hidden };
}

/**
 * Filing numbers that only appear in comments, scripts, `<noscript>` or `<template>`: the
 * client-rendered footers and commented-out footers that reviewers never see (DOMAIN.md §6.1).
 */
export function unseenNumbers(page: Page, which: 'icp' | 'police'): UnseenNumber[] {
  const out: UnseenNumber[] = [];
  for (const u of page.unseen) {
    const probe = which === 'icp' ? /ICP|B2/i : /公网安备|公安/;
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
