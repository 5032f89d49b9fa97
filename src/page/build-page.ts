import type { AnyNode, Element, Text } from 'domhandler';
import { NormBuilder } from './normalize.js';
import type { Page, SheetSource, TextPiece, UnseenText } from './page.js';
import { attr } from './dom.js';
import { parseHtml } from './parse.js';

/** Elements whose text never shows: their contents are recorded as unseen instead. */
export const UNSEEN = new Map<string, UnseenText['kind']>([
  ['script', 'script'],
  ['noscript', 'noscript'],
  ['template', 'template'],
]);
export const SKIP = new Set(['style', 'head', 'title', 'iframe', 'object']);

/** Inline elements do not break words: `京ICP备<b>123</b>` stays one token run. */
export const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'label',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'img',
  'big', 'tt', 'strike', 'nobr',
]);

export interface BuildOptions {
  /** Reads a linked local stylesheet by its href as written (see Page.loadStylesheet). */
  readonly loadStylesheet?: (href: string) => string | undefined;
}

export const noStylesheets = (): undefined => undefined;

/**
 * Parses a page once and collects what every rule needs.
 *
 * Parser choice, measured on the 1,259-page real blog (../shared/PERF.md and our own run):
 * htmlparser2 10.1 with start/end indices builds the tree in 0.6× the time of a bare parse5 parse
 * without locations, while parse5 with locations costs 2×. Its indices plus a line index give
 * exact line and column for the few places a finding needs them, so the whole site is parsed
 * once at the cheap price. It is the parser cheerio itself uses, and css-select matches on its
 * tree directly (the hidden-by-stylesheet check needs that).
 */
export function buildPage(rel: string, source: string, options: BuildOptions = {}): Page {
  // Entities stay as written (NormBuilder decodes them so each character keeps its source offset);
  // nesting deeper than MAX_DEPTH throws PageTooDeepError, which checkPage reports as a skipped page.
  const doc = parseHtml(source);
  // Visible text is 8–16 % of a page's source on the two benchmark corpora; the builder grows if not.
  const text = new NormBuilder(source.length >> 2);
  const pieces: TextPiece[] = [];
  const unseen: UnseenText[] = [];
  const sheets: SheetSource[] = [];
  let title: Page['title'] = null;
  let body: Element | null = null;
  let head: Element | null = null;
  let hasScripts = false;

  // Iterative walk: a page with 100,000 nested elements must not overflow the call stack. A number
  // on the stack is where a block element ends (words must not run across it); plain numbers
  // instead of { node, exit } records keep the walk free of a per-node allocation.
  const stack: (AnyNode | number)[] = [];
  for (let i = doc.children.length - 1; i >= 0; i--) stack.push(doc.children[i] as AnyNode);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode | number;
    if (typeof node === 'number') {
      text.separate(node);
      continue;
    }
    const start = node.startIndex ?? 0;
    if (node.type === 'text') {
      const t = node as Text;
      const normStart = textLength(text);
      text.appendRaw(t.data, start, true);
      const normEnd = textLength(text);
      if (normEnd > normStart) pieces.push({ node: t, normStart, normEnd });
      continue;
    }
    if (node.type === 'comment') {
      unseen.push({ kind: 'comment', raw: (node as unknown as { data: string }).data, start: start + 4 });
      continue;
    }
    if (node.type === 'cdata') continue;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const name = el.name;
    if (name === 'title') {
      if (title === null) title = { text: decodeTitle(el), span: { start, end: (el.endIndex ?? start) + 1 } };
      continue;
    }
    if (name === 'head' && head === null) head = el;
    if (name === 'body' && body === null) body = el;
    if (name === 'style') {
      sheets.push(styleSheet(el));
      continue;
    }
    if (name === 'link') {
      const link = linkedSheet(el);
      if (link) sheets.push(link);
    }
    const unseenKind = UNSEEN.get(name);
    if (unseenKind) {
      if (name === 'script') hasScripts = true;
      const firstChild = el.children[0];
      unseen.push({ kind: unseenKind, raw: rawInner(source, el), start: firstChild?.startIndex ?? start });
      continue;
    }
    if (SKIP.has(name)) {
      // <head> holds the title and styles; walk it for those, but its text is not visible.
      if (name === 'head') walkHead(el, source, (t) => (title ??= t), sheets, unseen, () => (hasScripts = true));
      continue;
    }
    if (name === 'br') {
      text.separate(start);
      continue;
    }
    if (!INLINE.has(name)) {
      text.separate(start);
      stack.push((el.endIndex ?? start) + 1);
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as AnyNode);
  }

  return {
    rel,
    source,
    doc,
    body,
    title,
    text: text.finish(source.length),
    pieces,
    unseen,
    sheets,
    loadStylesheet: options.loadStylesheet ?? noStylesheets,
    head,
    hasScripts,
  };
}

function textLength(b: NormBuilder): number {
  return b.size;
}

function styleSheet(el: Element): SheetSource {
  return { kind: 'style', text: childText(el), media: attr(el, 'media') ?? null, scripted: false };
}

/**
 * A `<link>` that loads a stylesheet: `rel=stylesheet`, or a preload a script turns into one.
 * Disabled and alternate sheets do not apply as the page loads.
 */
export function linkedSheet(el: Element): SheetSource | null {
  const rel = (attr(el, 'rel') ?? '').toLowerCase();
  const href = attr(el, 'href');
  if (!href || attr(el, 'disabled') !== undefined || /(^|\s)alternate(\s|$)/.test(rel)) return null;
  const onload = attr(el, 'onload') ?? '';
  const stylesheet = /(^|\s)stylesheet(\s|$)/.test(rel);
  const preload = /(^|\s)preload(\s|$)/.test(rel) && (attr(el, 'as') ?? '').toLowerCase() === 'style' && /stylesheet/i.test(onload);
  if (!stylesheet && !preload) return null;
  return { kind: 'link', href, media: attr(el, 'media') ?? null, scripted: preload || /media/i.test(onload) };
}

function childText(el: Element): string {
  let out = '';
  for (const c of el.children) if (c.type === 'text') out += (c as Text).data;
  return out;
}

function rawInner(source: string, el: Element): string {
  const first = el.children[0];
  const last = el.children[el.children.length - 1];
  if (!first || !last || first.startIndex == null || last.endIndex == null) return '';
  // Capped: an inline bundle can be megabytes, and only a footer number inside it matters.
  return source.slice(first.startIndex, Math.min(last.endIndex + 1, first.startIndex + 2_000_000));
}

function decodeTitle(el: Element): string {
  const b = new NormBuilder(64);
  for (const c of el.children) if (c.type === 'text') b.appendRaw((c as Text).data, c.startIndex ?? 0, true);
  return b.finish().value.trim();
}

/** Head contents: title, styles and scripts only. Heads are shallow, so recursion is safe here. */
function walkHead(
  head: Element,
  source: string,
  setTitle: (t: NonNullable<Page['title']>) => void,
  sheets: SheetSource[],
  unseen: UnseenText[],
  sawScript: () => void,
): void {
  // A queue read by index: shift() and push(...children) cost O(n) each on a head with 100,000 children.
  const queue: AnyNode[] = [...head.children];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as AnyNode;
    if (node.type === 'comment') {
      unseen.push({ kind: 'comment', raw: (node as unknown as { data: string }).data, start: (node.startIndex ?? 0) + 4 });
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const start = el.startIndex ?? 0;
    if (el.name === 'title') setTitle({ text: decodeTitle(el), span: { start, end: (el.endIndex ?? start) + 1 } });
    else if (el.name === 'style') sheets.push(styleSheet(el));
    else if (el.name === 'script') {
      sawScript();
      unseen.push({ kind: 'script', raw: rawInner(source, el), start: el.children[0]?.startIndex ?? start });
    } else if (el.name === 'link') {
      const link = linkedSheet(el);
      if (link) sheets.push(link);
    } else if (el.name !== 'noscript') for (const child of el.children) queue.push(child);
  }
}
