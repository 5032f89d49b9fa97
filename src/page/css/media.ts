import * as csstree from './csstree.js';

/** The two widths a page is judged at: a laptop and a phone (DOMAIN.md §3.4: mobile pages must show the footer too). */
export type Viewport = 'desktop' | 'mobile';
export const VIEWPORTS: readonly Viewport[] = ['desktop', 'mobile'];

/** Does a condition hold: yes, no, or maybe (a feature we do not model, such as a colour scheme). */
export type Tri = 'yes' | 'no' | 'maybe';

/** A media condition's answer at each width. */
export type MediaFit = Readonly<Record<Viewport, Tri>>;

export const ALWAYS: MediaFit = { desktop: 'yes', mobile: 'yes' };
export const NEVER: MediaFit = { desktop: 'no', mobile: 'no' };
export const UNKNOWN: MediaFit = { desktop: 'maybe', mobile: 'maybe' };

interface Screen {
  readonly width: number;
  readonly height: number;
  readonly hover: 'hover' | 'none';
  readonly pointer: 'fine' | 'coarse';
}

const SCREENS: Readonly<Record<Viewport, Screen>> = {
  desktop: { width: 1366, height: 768, hover: 'hover', pointer: 'fine' },
  mobile: { width: 375, height: 667, hover: 'none', pointer: 'coarse' },
};

/** Media types a screen answers to; everything else (print, speech, tv…) never applies on screen. */
const SCREEN_TYPES = new Set(['all', 'screen']);

export function and(a: Tri, b: Tri): Tri {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'maybe' || b === 'maybe' ? 'maybe' : 'yes';
}

function or(a: Tri, b: Tri): Tri {
  if (a === 'yes' || b === 'yes') return 'yes';
  return a === 'maybe' || b === 'maybe' ? 'maybe' : 'no';
}

function not(a: Tri): Tri {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'maybe';
}

export function fitAnd(a: MediaFit | null, b: MediaFit | null): MediaFit | null {
  if (!a) return b;
  if (!b) return a;
  return { desktop: and(a.desktop, b.desktop), mobile: and(a.mobile, b.mobile) };
}

type Node = { type: string; [k: string]: unknown };

/** A length in CSS pixels (em and rem at the 16px default), or null for units a static reader cannot resolve. */
export function toPx(node: Node | null | undefined): number | null {
  if (!node) return null;
  if (node.type === 'Number') return Number(node['value']) === 0 ? 0 : null;
  if (node.type !== 'Dimension') return null;
  const value = Number(node['value']);
  const unit = String(node['unit']).toLowerCase();
  if (unit === 'px') return value;
  if (unit === 'em' || unit === 'rem') return value * 16;
  return null;
}

function sizeOf(name: string, screen: Screen): number | null {
  if (name === 'width' || name === 'device-width') return screen.width;
  if (name === 'height' || name === 'device-height') return screen.height;
  return null;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return a === b;
  }
}

function feature(node: Node, screen: Screen): Tri {
  const name = String(node['name']).toLowerCase();
  const value = node['value'] as Node | null;
  const ident = value && value.type === 'Identifier' ? String(value['name']).toLowerCase() : null;
  const bare = name.replace(/^(min|max)-/, '');
  const size = sizeOf(bare, screen);
  if (size !== null) {
    if (!value) return 'yes';
    const px = toPx(value);
    if (px === null) return 'maybe';
    if (name.startsWith('min-')) return size >= px ? 'yes' : 'no';
    if (name.startsWith('max-')) return size <= px ? 'yes' : 'no';
    return size === px ? 'yes' : 'no';
  }
  switch (name) {
    case 'orientation':
      if (!ident) return 'maybe';
      return (screen.width > screen.height ? 'landscape' : 'portrait') === ident ? 'yes' : 'no';
    case 'hover':
    case 'any-hover':
      if (!value) return screen.hover === 'hover' ? 'yes' : 'no';
      return ident === screen.hover ? 'yes' : 'no';
    case 'pointer':
    case 'any-pointer':
      if (!value) return 'yes';
      return ident === screen.pointer ? 'yes' : 'no';
    case 'color':
      return 'yes';
    default:
      return 'maybe';
  }
}

function range(node: Node, screen: Screen): Tri {
  // (width >= 600px), (400px <= width <= 700px): the feature is the identifier among the terms.
  const left = node['left'] as Node | null;
  const middle = node['middle'] as Node | null;
  const right = node['right'] as Node | null;
  const lop = node['leftComparison'] as string | null;
  const rop = node['rightComparison'] as string | null;
  const sizeOfTerm = (n: Node | null): number | null => (n && n.type === 'Identifier' ? sizeOf(String(n['name']).toLowerCase(), screen) : null);
  const leftSize = sizeOfTerm(left);
  if (leftSize !== null && lop) {
    const px = toPx(middle);
    return px === null ? 'maybe' : compare(leftSize, lop, px) ? 'yes' : 'no';
  }
  const midSize = sizeOfTerm(middle);
  if (midSize === null || !lop) return 'maybe';
  const lpx = toPx(left);
  if (lpx === null) return 'maybe';
  let result: Tri = compare(lpx, lop, midSize) ? 'yes' : 'no';
  if (rop && right) {
    const rpx = toPx(right);
    result = rpx === null ? and(result, 'maybe') : and(result, compare(midSize, rop, rpx) ? 'yes' : 'no');
  }
  return result;
}

function condition(node: Node, screen: Screen): Tri {
  const children: Node[] = [];
  (node['children'] as { forEach(f: (n: Node) => void): void }).forEach((c) => children.push(c));
  let result: Tri | null = null;
  let op: 'and' | 'or' = 'and';
  let negate = false;
  for (const c of children) {
    if (c.type === 'Identifier') {
      const word = String(c['name']).toLowerCase();
      if (word === 'not') negate = !negate;
      else if (word === 'and' || word === 'or') op = word;
      continue;
    }
    let term: Tri;
    if (c.type === 'Feature') term = feature(c, screen);
    else if (c.type === 'FeatureRange') term = range(c, screen);
    else if (c.type === 'Condition') term = condition(c, screen);
    else term = 'maybe';
    if (negate) term = not(term);
    negate = false;
    result = result === null ? term : op === 'and' ? and(result, term) : or(result, term);
  }
  return result ?? 'yes';
}

function query(node: Node, screen: Screen): Tri {
  const type = node['mediaType'] ? String(node['mediaType']).toLowerCase() : 'all';
  let result: Tri = SCREEN_TYPES.has(type) ? 'yes' : 'no';
  const cond = node['condition'] as Node | null;
  if (cond) result = and(result, condition(cond, screen));
  return node['modifier'] === 'not' ? not(result) : result;
}

const cache = new Map<string, MediaFit>();

/**
 * Evaluates a media query list (`screen and (max-width: 768px)`, `print`) at both widths. Print
 * and other non-screen media never apply; features we do not model are `maybe`, and a list that
 * does not parse is `maybe` at both widths.
 */
export function evaluateMedia(text: string): MediaFit {
  const key = text.trim().toLowerCase();
  if (key === '' || key === 'all' || key === 'screen') return ALWAYS;
  const known = cache.get(key);
  if (known) return known;
  let fit: MediaFit = UNKNOWN;
  try {
    const ast = csstree.parse(key, { context: 'mediaQueryList' }) as unknown as Node;
    const queries: Node[] = [];
    (ast['children'] as { forEach(f: (n: Node) => void): void }).forEach((q) => queries.push(q));
    if (queries.length > 0 && queries.every((q) => q.type === 'MediaQuery')) {
      const at = (screen: Screen): Tri => queries.reduce<Tri>((acc, q) => or(acc, query(q, screen)), 'no');
      fit = { desktop: at(SCREENS.desktop), mobile: at(SCREENS.mobile) };
    }
  } catch {
    fit = UNKNOWN;
  }
  if (cache.size > 1000) cache.clear();
  cache.set(key, fit);
  return fit;
}
