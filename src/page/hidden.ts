import type { AnyNode, Element } from 'domhandler';
import { Cascade, worldOf, type Computed, type CssLimitHit, type Winner } from './css/cascade.js';
import { declarationText, type Prop } from './css/declarations.js';
import { VIEWPORTS, type Viewport } from './css/media.js';
import { ancestors } from './dom.js';
import type { BlockVisibility } from './footer-region.js';
import type { Page } from './page.js';

export type { Viewport } from './css/media.js';
export type { CssLimitHit } from './css/cascade.js';

/** Why an element does not show: the declaration that won the cascade. */
export type HiddenReason =
  | { readonly by: 'attribute' }
  | { readonly by: 'inline-style'; readonly declaration: string }
  | {
      readonly by: 'stylesheet';
      readonly selector: string;
      readonly declaration: string;
      /** `<style>` or the stylesheet's href as the page writes it. */
      readonly sheet: string;
      /** The `@media` condition around the rule, when there is one. */
      readonly media: string | null;
    };

export interface HiddenAt {
  readonly element: Element;
  readonly reason: HiddenReason;
  /** The widths at which the text is hidden (desktop 1366 px, mobile 375 px); never empty. */
  readonly viewports: readonly Viewport[];
}

/** One way an element hides its text, found in one world's cascade. */
interface Hit {
  readonly element: Element;
  readonly winner: Winner;
  /** Declarations that make it hide together (position and left), for the message. */
  readonly with: readonly Winner[];
}

const OFF_SCREEN_PX = -999;
const SCALE_ZERO = /scale(?:x|y|3d)?\(\s*(?:0+(?:\.0*)?|\.0+)\s*[,)]/;
const ZERO = /^[-+]?(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?$/;

function px(value: string): number | null {
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+))(px|em|rem)?$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === 'em' || m[2] === 'rem' ? n * 16 : m[2] === 'px' || n === 0 ? n : null;
}

function tiny(value: string | undefined): boolean {
  if (value === undefined) return false;
  const n = px(value);
  return n !== null && n <= 1;
}

/** A hiding that does not inherit: the element itself removes its box or its text from view. */
function ownHiding(c: Computed): { winner: Winner; with: Winner[] } | null {
  const v = (p: Prop) => c[p]?.decl.value;
  const w = (p: Prop) => c[p] as Winner;
  if (v('display') === 'none') return { winner: w('display'), with: [] };
  if (v('content-visibility') === 'hidden') return { winner: w('content-visibility'), with: [] };
  const opacity = v('opacity');
  if (opacity !== undefined && ZERO.test(opacity)) return { winner: w('opacity'), with: [] };
  const transform = v('transform');
  if (transform && SCALE_ZERO.test(transform)) return { winner: w('transform'), with: [] };
  const clipPath = v('clip-path');
  if (clipPath && (/^inset\(\s*(?:50|100)%/.test(clipPath) || /^circle\(\s*0(?:px|%)?\s*[)a]/.test(clipPath))) return { winner: w('clip-path'), with: [] };
  const position = v('position');
  if (position === 'absolute' || position === 'fixed') {
    const clip = v('clip');
    if (clip && /^rect\(/.test(clip)) {
      const sizes = clip.slice(5, -1).split(/[\s,]+/).filter(Boolean).map(px);
      if (sizes.length === 4 && sizes.every((n) => n !== null && n <= 1)) return { winner: w('clip'), with: [w('position')] };
    }
    for (const side of ['left', 'top', 'right'] as const) {
      const at = v(side);
      const n = at === undefined ? null : px(at);
      if (n !== null && n <= OFF_SCREEN_PX) return { winner: w(side), with: [w('position')] };
    }
  }
  const overflow = v('overflow');
  if (overflow && /^(?:hidden|clip)(?:\s|$)/.test(overflow)) {
    for (const size of ['height', 'max-height', 'width', 'max-width'] as const) {
      if (tiny(v(size))) return { winner: w(size), with: [w('overflow')] };
    }
  }
  return null;
}

/**
 * Answers "is this text hidden, at which width, and by what" for one page, from a static cascade
 * (css/cascade.ts). Stylesheets are read on the first question only: most pages never ask,
 * because only the elements holding a filing number are judged. `<body>` and `<html>` are not
 * judged: a hidden body is a loading screen that the page's script removes.
 */
export class StaticVisibility implements BlockVisibility {
  private readonly cascade: Cascade;
  private readonly answers = new Map<Element, HiddenAt | null>();

  constructor(page: Page) {
    this.cascade = new Cascade(page);
  }

  /** What the page's CSS had more of than the limits allow; empty when it was read whole. */
  limits(): readonly CssLimitHit[] {
    return this.cascade.hits;
  }

  /** Hidden at the desktop width (the footer region skips such blocks). */
  hiddenOnDesktop(el: Element): boolean {
    return this.hiddenAt(el)?.viewports.includes('desktop') ?? false;
  }

  /** `position: fixed` at the desktop width: out of the page's flow, never its bottom block. */
  outOfFlow(el: Element): boolean {
    return this.cascade.computed(el)[worldOf(0, false)]?.position?.decl.value === 'fixed';
  }

  /** The hidden element around `node` and why, or null when it shows at both widths. */
  hiddenAt(node: AnyNode): HiddenAt | null {
    const chain: Element[] = [];
    for (const el of ancestors(node)) {
      if (el.name === 'body' || el.name === 'html') break;
      chain.push(el);
    }
    const inner = chain[0];
    if (!inner) return null;
    const known = this.answers.get(inner);
    if (known !== undefined) return known;
    const perViewport = VIEWPORTS.map((_, v) => {
      const sure = this.judge(chain, worldOf(v, false));
      const loose = this.judge(chain, worldOf(v, true));
      // Hidden only when the rules we could not evaluate (unknown media, unread sheets) do not matter.
      return sure && loose ? sure : null;
    });
    const first = perViewport.find((h): h is Hit => h !== null);
    const answer: HiddenAt | null = first
      ? { element: first.element, reason: this.reasonOf(first), viewports: VIEWPORTS.filter((_, v) => perViewport[v] !== null) }
      : null;
    this.answers.set(inner, answer);
    return answer;
  }

  private judge(chain: readonly Element[], world: number): Hit | null {
    const loose = (world & 1) === 1;
    const counts = (winner: Winner | undefined): winner is Winner =>
      // A sheet we could not read, linked after the winning rule, might override it.
      !!winner && !(loose && (winner.origin === 'ua' || (winner.origin === 'sheet' && !winner.decl.important)) && this.cascade.unreadAfter(winner.position));
    let found: Hit | null = null;
    // Inherited properties: the innermost element that declares one decides.
    let visibility: Hit | null | undefined;
    let fontSize: Hit | null | undefined;
    let indent: Hit | null | undefined;
    for (const el of chain) {
      const c = this.cascade.computed(el)[world]!;
      if (!found) {
        const own = ownHiding(c);
        if (own && counts(own.winner)) found = { element: el, winner: own.winner, with: own.with };
      }
      const vis = c.visibility;
      if (visibility === undefined && counts(vis) && !/^(?:inherit|unset|revert)/.test(vis.decl.value)) {
        visibility = vis.decl.value === 'hidden' || vis.decl.value === 'collapse' ? { element: el, winner: vis, with: [] } : null;
      }
      const fs = c['font-size'];
      if (fontSize === undefined && counts(fs) && !/^(?:inherit|unset|revert)/.test(fs.decl.value)) {
        // A relative size of a zero size is zero: keep climbing until an absolute size or a zero decides.
        if (ZERO.test(fs.decl.value)) fontSize = { element: el, winner: fs, with: [] };
        else if (!/(?:em|%|smaller|larger)$/.test(fs.decl.value) || /rem$/.test(fs.decl.value)) fontSize = null;
      }
      const ti = c['text-indent'];
      if (indent === undefined && counts(ti) && !/^(?:inherit|unset|revert)/.test(ti.decl.value)) {
        const n = px(ti.decl.value.split(/\s+/)[0] ?? '');
        indent = n !== null && n <= OFF_SCREEN_PX ? { element: el, winner: ti, with: [] } : null;
      }
    }
    const inherited = [visibility, fontSize, indent].filter((h): h is Hit => !!h);
    const all = found ? [found, ...inherited] : inherited;
    if (all.length === 0) return null;
    // The innermost cause is the one to name.
    return all.reduce((best, h) => (chain.indexOf(h.element) < chain.indexOf(best.element) ? h : best));
  }

  private reasonOf(hit: Hit): HiddenReason {
    const { winner } = hit;
    const declaration = [winner, ...hit.with].map((w) => declarationText(w.decl)).join('; ');
    if (winner.origin === 'ua') return { by: 'attribute' };
    if (winner.origin === 'inline') return { by: 'inline-style', declaration };
    return { by: 'stylesheet', selector: winner.rule?.selector ?? '', declaration, sheet: winner.sheet ?? '<style>', media: winner.rule?.mediaText ?? null };
  }
}
