import type { AnyNode, Element } from 'domhandler';
import { Cascade, worldOf, WORLDS, type Computed, type CssLimitHit, type Winner } from './css/cascade.js';
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
  /** Depth of the element below `<body>`: the deepest cause is the one to name. */
  readonly depth: number;
}

/**
 * What an element's text inherits in one world: the innermost element above it that hides its
 * box, and the inherited visibility, font size and text indent (undefined: nobody declared one,
 * null: declared and showing).
 */
interface State {
  readonly depth: number;
  readonly found: Hit | null;
  readonly visibility: Hit | null | undefined;
  readonly fontSize: Hit | null | undefined;
  readonly indent: Hit | null | undefined;
}

const ROOT_STATES: readonly State[] = Array.from({ length: WORLDS }, () => ({ depth: 0, found: null, visibility: undefined, fontSize: undefined, indent: undefined }));
const INHERIT = /^(?:inherit|unset|revert)/;

/** The deepest cause that hides the text in this world, or null. */
function verdict(state: State): Hit | null {
  let best: Hit | null = null;
  for (const h of [state.found, state.visibility, state.fontSize, state.indent]) if (h && (!best || h.depth > best.depth)) best = h;
  return best;
}

const OFF_SCREEN_PX = -999;
const SCALE_ZERO = /scale(?:x|y|3d)?\(\s*(?:0+(?:\.0*)?|\.0+)\s*[,)]/;
const ZERO = /^[-+]?(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?$/;

function px(value: string): number | null {
  const m = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))(px|em|rem)?$/.exec(value);
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
  private readonly states = new Map<Element, readonly State[]>();

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
    let inner: Element | undefined;
    for (const el of ancestors(node)) {
      inner = el;
      break;
    }
    if (!inner || inner.name === 'body' || inner.name === 'html') return null;
    const known = this.answers.get(inner);
    if (known !== undefined) return known;
    const states = this.statesOf(inner);
    const perViewport = VIEWPORTS.map((_, v) => {
      const sure = verdict(states[worldOf(v, false)]!);
      const loose = verdict(states[worldOf(v, true)]!);
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

  /**
   * What `el`'s text inherits in each world, derived from its parent's state: each element is
   * judged once per page, so 3,000 numbers under a chain 1,000 deep cost 4,000 steps, not
   * 3,000,000 (4.4 s before this was kept per element).
   */
  private statesOf(el: Element): readonly State[] {
    const pending: Element[] = [];
    let base: readonly State[] = ROOT_STATES;
    for (const a of ancestors(el)) {
      if (a.name === 'body' || a.name === 'html') break;
      const known = this.states.get(a);
      if (known) {
        base = known;
        break;
      }
      pending.push(a);
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const a = pending[i]!;
      const computed = this.cascade.computed(a);
      const parent = base;
      base = computed.map((c, world) => this.derive(parent[world]!, a, c, world));
      this.states.set(a, base);
    }
    return base;
  }

  private derive(parent: State, el: Element, c: Computed, world: number): State {
    const loose = (world & 1) === 1;
    const counts = (winner: Winner | undefined): winner is Winner =>
      // A sheet we could not read, linked after the winning rule, might override it.
      !!winner && !(loose && (winner.origin === 'ua' || (winner.origin === 'sheet' && !winner.decl.important)) && this.cascade.unreadAfter(winner.position));
    const declared = (winner: Winner | undefined): winner is Winner => counts(winner) && !INHERIT.test(winner.decl.value);
    const depth = parent.depth + 1;
    const hit = (winner: Winner, also: Winner[] = []): Hit => ({ element: el, winner, with: also, depth });

    const own = ownHiding(c);
    const found = own && counts(own.winner) ? hit(own.winner, own.with) : parent.found;

    const vis = c.visibility;
    const visibility = declared(vis) ? (vis.decl.value === 'hidden' || vis.decl.value === 'collapse' ? hit(vis) : null) : parent.visibility;

    const fs = c['font-size'];
    let fontSize = parent.fontSize;
    if (declared(fs)) {
      // A relative size of a zero size is zero: only a zero or an absolute size decides.
      if (ZERO.test(fs.decl.value)) fontSize = hit(fs);
      else if (!/(?:em|%|smaller|larger)$/.test(fs.decl.value) || /rem$/.test(fs.decl.value)) fontSize = null;
    }

    const ti = c['text-indent'];
    let indent = parent.indent;
    if (declared(ti)) {
      const n = px(ti.decl.value.split(/\s+/)[0] ?? '');
      indent = n !== null && n <= OFF_SCREEN_PX ? hit(ti) : null;
    }
    return { depth, found, visibility, fontSize, indent };
  }

  private reasonOf(hit: Hit): HiddenReason {
    const { winner } = hit;
    const declaration = [winner, ...hit.with].map((w) => declarationText(w.decl)).join('; ');
    if (winner.origin === 'ua') return { by: 'attribute' };
    if (winner.origin === 'inline') return { by: 'inline-style', declaration };
    return { by: 'stylesheet', selector: winner.rule?.selector ?? '', declaration, sheet: winner.sheet ?? '<style>', media: winner.rule?.mediaText ?? null };
  }
}
