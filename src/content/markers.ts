import type { AnyNode, Element } from 'domhandler';
import { attr, closest, isElement, startTagSpan } from '../page/dom.js';
import { normalize } from '../page/normalize.js';
import type { Page } from '../page/page.js';
import type { Marker } from './lexicon.js';
import { lexiconsFor } from './lexicons.js';
import { elementText } from './markup.js';
import { matchForm } from './matcher.js';
import type { Span } from '../model/index.js';

/** A comment system, forum package or payment SDK the page loads. */
export interface MarkerHit {
  readonly marker: Marker;
  readonly span: Span;
  readonly evidence: string;
}

interface MarkerTable {
  readonly pattern: RegExp;
  readonly byText: ReadonlyMap<string, Marker>;
}

let table: MarkerTable | undefined;

function markerTable(): MarkerTable {
  if (table) return table;
  const byText = new Map<string, Marker>();
  for (const lexicon of lexiconsFor('content-entity-scope')) {
    for (const marker of lexicon.markers ?? []) for (const p of marker.patterns) byText.set(p, marker);
  }
  const alternatives = [...byText.keys()].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  table = { pattern: new RegExp(alternatives.join('|'), 'gi'), byText };
  return table;
}

const SNIPPET_RADIUS = 30;
/** Script types that carry data or templates, not code that loads anything (__NEXT_DATA__, JSON-LD). */
const DATA_SCRIPT = /\btype\s*=\s*["']?(application\/(ld\+)?json|text\/(template|html|x-template))/i;
const GENERATOR = /<meta\b[^>]*\bname\s*=\s*["']?generator[^>]*>/i;
/** How far into the page a generator meta tag is looked for when the page has no <head>. */
const HEAD_FALLBACK = 65_536;

/**
 * Comment systems, forums and payment SDKs a page loads. They show in script tags (URLs), in
 * inline scripts (init calls) and in the generator meta tag, so only those are searched: a
 * page that writes about Twikoo, links to a phpBB site or keeps an empty `twikooEnvId` in a
 * theme config does not load anything. On the real blog this is ≈1 % of a parse, where one
 * case-insensitive RegExp over the whole source cost ≈10 %. Each marker counts once per page.
 */
export function findMarkers(page: Page, allow: ReadonlySet<string>): MarkerHit[] {
  const { pattern, byText } = markerTable();
  const source = page.source;
  const out: MarkerHit[] = [];
  const seen = new Set<Marker>();
  const search = (text: string, base: number): void => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const marker = byText.get(m[0].toLowerCase());
      if (!marker || seen.has(marker) || allow.has(matchForm(marker.name))) continue;
      seen.add(marker);
      const at = base + m.index;
      const from = Math.max(0, at - SNIPPET_RADIUS);
      const to = Math.min(source.length, at + m[0].length + SNIPPET_RADIUS);
      out.push({ marker, span: { start: at, end: at + m[0].length }, evidence: source.slice(from, to).replace(/\s+/g, ' ').trim() });
    }
  };
  for (const u of page.unseen) {
    if (u.kind !== 'script') continue;
    // An inline script's offset is its content; its start tag is just before it.
    const tagStart = u.raw ? source.lastIndexOf('<', u.start - 1) : u.start;
    const tagEnd = source.indexOf('>', tagStart);
    if (tagStart < 0 || tagEnd < 0) continue;
    const tag = source.slice(tagStart, tagEnd + 1);
    if (DATA_SCRIPT.test(tag)) continue;
    search(tag, tagStart);
    if (u.raw) search(u.raw, u.start);
  }
  const headEnd = page.head?.endIndex != null ? page.head.endIndex + 1 : Math.min(source.length, HEAD_FALLBACK);
  const generator = GENERATOR.exec(source.slice(0, headEnd));
  if (generator) search(generator[0], generator.index);
  return out;
}

/** A password field, or a text area: what loginForms and messageForms look for before they walk the tree. */
const FORM_FIELDS = /(type\s*=\s*["']?password)|(<textarea)/gi;

/**
 * Which form fields the page's source mentions, for the last page asked about. Case-insensitive
 * searches of a whole page cost about 1 % of checking it each, and three places asked (the page
 * model, loginForms, messageForms): one pass now answers all three.
 */
let fields: { source: string; password: boolean; textarea: boolean } | undefined;

function formFields(source: string): { password: boolean; textarea: boolean } {
  if (fields?.source === source) return fields;
  let password = false;
  let textarea = false;
  FORM_FIELDS.lastIndex = 0;
  for (let m = FORM_FIELDS.exec(source); m && !(password && textarea); m = FORM_FIELDS.exec(source)) {
    if (m[1]) password = true;
    else textarea = true;
  }
  fields = { source, password, textarea };
  return fields;
}

/**
 * Whether loginForms or messageForms could find anything: only then do they walk the document
 * tree (a page built without one, engine/page-model.ts, must not get here).
 */
export function mayHoldForms(source: string): boolean {
  const f = formFields(source);
  return f.password || f.textarea;
}
const LOGIN_WORDS = /登录|登入|注册|用户名|账号|帐号|sign ?in|log ?in|sign ?up|register|username/i;

/**
 * Login and sign-up forms: a password field whose form speaks of accounts. A password field
 * alone is not one: encrypted-post plugins (hexo-blog-encrypt) ask for a password to decrypt
 * an article on otherwise static blogs.
 */
export function loginForms(page: Page): { span: Span; evidence: string }[] {
  if (!formFields(page.source).password) return [];
  const out: { span: Span; evidence: string }[] = [];
  const stack: AnyNode[] = [...page.doc.children];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (node.name === 'input' && (attr(node, 'type') ?? '').toLowerCase() === 'password') {
      const container = closest(node, 'form') ?? ancestorAt(node, 3);
      const label = normalize(elementText(container));
      const words = LOGIN_WORDS.exec(label);
      if (words) out.push({ span: startTagSpan(node, page.source), evidence: label.slice(0, 120) });
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return out;
}

const MESSAGE_WORDS = /留言|评论|反馈|咨询|联系|意见|message|comment|feedback|contact/i;
const SEARCH_FORM = /search|搜索|查询/i;

/**
 * Forms that take a visitor's message: a `<form>` with a text area that speaks of messages,
 * comments or feedback (a guestbook, a contact form), not a search box. Comment systems that
 * run by script are found as markers instead.
 */
export function messageForms(page: Page): { span: Span; evidence: string }[] {
  if (!formFields(page.source).textarea) return [];
  const out: { span: Span; evidence: string }[] = [];
  const stack: AnyNode[] = [...page.doc.children];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (node.name === 'textarea') {
      const form = closest(node, 'form');
      if (form) {
        const label = normalize(elementText(form));
        const role = `${attr(form, 'action') ?? ''} ${attr(form, 'role') ?? ''} ${attr(form, 'class') ?? ''}`;
        if (MESSAGE_WORDS.test(label) && !SEARCH_FORM.test(role)) out.push({ span: startTagSpan(form, page.source), evidence: label.slice(0, 120) });
      }
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return out;
}

function ancestorAt(el: Element, levels: number): Element {
  let current = el;
  for (let i = 0; i < levels && current.parent && isElement(current.parent as AnyNode); i++) current = current.parent as Element;
  return current;
}
