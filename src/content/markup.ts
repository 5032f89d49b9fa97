import type { AnyNode, Element } from 'domhandler';
import { ancestors, attr } from '../page/dom.js';
import type { TextPiece } from '../page/page.js';

/**
 * Text a reader does not take as the site's own content: code samples (a tech blog quoting
 * `<button>立即购买</button>` or a sensitive-word filter's list sells nothing) and anything the
 * owner marked with `data-beian-ignore`.
 */
const CODE = new Set(['code', 'pre', 'kbd', 'samp', 'var']);

export type Exclusion = 'code' | 'ignore-attribute';

const IGNORE_ATTRIBUTE = /data-beian-ignore/i;

/**
 * Whether any element of the page can carry `data-beian-ignore`: the parser lower-cases attribute
 * names by ASCII case only, so the source must spell it in some ASCII case. Reading an element's
 * attributes parses its start tag (both page models read attributes on demand), so on a page
 * without the attribute, asking every ancestor of every hit was the content scan's largest cost
 * after the term search (≈2 % of checking the real blog).
 */
export function mayCarryIgnore(source: string): boolean {
  return IGNORE_ATTRIBUTE.test(source);
}

/** `ignoreAttribute: false` when the page cannot carry the attribute (mayCarryIgnore): only code elements are looked for. */
export function excludedBy(node: AnyNode, ignoreAttribute = true): Exclusion | null {
  for (const el of ancestors(node)) {
    if (ignoreAttribute && el.attribs['data-beian-ignore'] !== undefined) return 'ignore-attribute';
    if (CODE.has(el.name)) return 'code';
  }
  return null;
}

/** The text piece holding normalised offset `index`, or undefined between pieces. */
export function pieceContaining(pieces: readonly TextPiece[], index: number): TextPiece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid] as TextPiece;
    if (index < p.normStart) hi = mid - 1;
    else if (index >= p.normEnd) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** Longest label we still read as a button: “加入购物车”, “立即购买”, “登录 / 注册”. */
const CONTROL_TEXT_MAX = 12;
/** Link targets that perform an action rather than open an article. */
const ACTION_HREF = /login|log-in|signin|sign-in|signup|sign-up|register|\breg\b|account|passport|member|user|auth|cart|checkout|buy|order|pay|shop/i;
/** Permalinks of articles, notes, docs and taxonomy pages: a link there opens reading, not an action. */
const ARTICLE_HREF = /\/(posts?|archives?|articles?|blog|notes?|docs?|tags?|categor(y|ies))\/|\/\d{4}\/\d{1,2}\//i;
const BUTTON_CLASS = /(^|[\s_-])(btn|button)([\s_-]|$)/i;

/**
 * Is this text the label of a button or of a link that performs an action? Purchase and
 * sign-up words weigh fully only there: the same words in running text, in a heading, in a
 * table of contents (`href="#…"`) or in a link to an article (“注册中心 ZooKeeper”) are
 * writing about the thing, not offering it.
 */
export function isControlLabel(piece: TextPiece): boolean {
  if (piece.normEnd - piece.normStart > CONTROL_TEXT_MAX) return false;
  let depth = 0;
  for (const el of ancestors(piece.node)) {
    if (depth++ > 4) break;
    if (el.name === 'button' || el.name === 'summary') return true;
    const role = attr(el, 'role');
    if (role === 'button' || role === 'menuitem') return true;
    if (BUTTON_CLASS.test(attr(el, 'class') ?? '')) return true;
    if (el.name === 'a') {
      const href = (attr(el, 'href') ?? '').trim();
      if (href === '' || href === '#' || /^javascript:/i.test(href)) return true;
      if (href.startsWith('#') || ARTICLE_HREF.test(href)) return false;
      return ACTION_HREF.test(href);
    }
    if (el.name === 'p' || el.name === 'li' || el.name === 'td' || el.name === 'article' || el.name === 'section' || /^h[1-6]$/.test(el.name)) break;
  }
  return false;
}

/** Text of an element's subtree (capped): the label and surroundings of a form. */
export function elementText(el: Element, cap = 4000): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && out.length < cap) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'text') out += `${(n as unknown as { data: string }).data} `;
    else if ('children' in n && n.type !== 'script' && n.type !== 'style') {
      const kids = (n as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
    }
    if (n.type === 'tag') {
      const e = n as Element;
      // Placeholders and button values label a form as much as its text does.
      for (const name of ['placeholder', 'value', 'aria-label']) {
        const v = attr(e, name);
        if (v) out += `${v} `;
      }
    }
  }
  return out;
}
