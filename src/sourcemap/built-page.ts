import type { AnyNode, Element } from 'domhandler';
import { textContent } from 'domutils';
import { decodeHTML } from 'entities';
import { findIcpNumbers } from '../domain/icp.js';
import { findPoliceNumbers } from '../domain/police.js';
import { buildPage } from '../page/build-page.js';
import { attr, isElement } from '../page/dom.js';
import { normalize } from '../page/normalize.js';
import { firstFooter } from '../rules/shared/absence.js';

/** What the built page tells about a finding that its message and evidence do not. */
export interface BuiltFacts {
  /** Texts, footer class names and link targets of the page's footer, in page order. */
  readonly footerFragments: readonly string[];
  /** The page has a footer-named element (a `<footer>`, `.site-footer`, role=contentinfo…). */
  readonly hasFooter: boolean;
  /** The filing number inside the `<a>` at the finding's position: the needle for links like href="#". */
  readonly anchorNumber: string | null;
}

const MAX_FRAGMENTS = 24;
// Years, separators and entities sit between the literal parts of a templated footer line:
// "&copy; {{ now.Year }} {{ .Site.Title }} · Powered by Hugo" shares "Powered by Hugo" with its output.
const SPLIT = /\s*(?:&[#\w]+;|[|·•©®™—–\u3000]|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:(?:19|20)\d\d|present|now))?)\s*/giu;
const FOOTERISH = /foot|copyright|beian|icp|colophon/i;

/** 1-based line and column to an offset (columns in UTF-16 units, as findings give them). */
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf('\n', offset);
    if (nl === -1) return source.length;
    offset = nl + 1;
  }
  return Math.min(source.length, offset + Math.max(0, column - 1));
}

/** Splits a footer text into the literal pieces a template could hold, longest first within the text. */
export function textFragments(raw: string): string[] {
  const out: string[] = [];
  for (const piece of raw.replace(/\s+/g, ' ').split(SPLIT)) {
    const text = tidy(piece);
    if (keepable(text)) out.push(text);
    // A value inside a sentence ("周山川. 用 Jekyll 搭建，托管于…") leaves its clauses literal.
    const clauses = text.split(CLAUSE).map(tidy).filter(keepable);
    if (clauses.length > 1) for (const c of clauses) if (c !== text) out.push(c);
  }
  return out;
}

const CLAUSE = /[.,;:!?，。；：！？、]\s*/u;

function tidy(s: string): string {
  return s.trim().replace(/^[,.;:!?，。；：！？、]+|[,.;:!?，。；：！？、]+$/gu, '').trim();
}

function keepable(s: string): boolean {
  return [...s].length >= 4 && /\p{L}/u.test(s);
}

function collectFragments(footer: Element): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    if (!seen.has(s) && out.length < MAX_FRAGMENTS) {
      seen.add(s);
      out.push(s);
    }
  };
  const stack: AnyNode[] = [footer];
  while (stack.length > 0 && out.length < MAX_FRAGMENTS) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      for (const f of textFragments((node as unknown as { data: string }).data)) add(f);
      continue;
    }
    if (!isElement(node) || node.name === 'script' || node.name === 'style') continue;
    for (const name of ['id', 'class']) {
      for (const token of (attr(node, name) ?? '').split(/\s+/)) if (token.length >= 6 && FOOTERISH.test(token)) add(token);
    }
    if (node.name === 'a') {
      const href = attr(node, 'href') ?? '';
      if (/^https?:\/\/[^/]+\.[^/]+/.test(href)) add(href);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

function anchorAt(root: AnyNode, offset: number): Element | null {
  let found: Element | null = null;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('children' in node)) continue;
    if (isElement(node)) {
      const start = node.startIndex ?? -1;
      const end = node.endIndex ?? -1;
      if (start > offset || end < offset) continue;
      if (node.name === 'a') found = node;
    }
    for (const c of node.children) stack.push(c);
  }
  return found;
}

/** Reads what a finding needs from the built page's source. Pure: the caller reads the file. */
export function builtFacts(source: string, rel: string, line: number, column: number): BuiltFacts {
  const page = buildPage(rel, source);
  const footer = firstFooter(page);
  const anchor = anchorAt(page.doc, offsetOf(source, line, column));
  let anchorNumber: string | null = null;
  if (anchor) {
    const text = normalize(decodeHTML(textContent(anchor)));
    anchorNumber = findIcpNumbers(text)[0]?.text ?? findPoliceNumbers(text)[0]?.text ?? null;
  }
  return { footerFragments: footer ? collectFragments(footer) : [], hasFooter: footer !== null, anchorNumber };
}
