import { calculateForAST } from '@bramus/specificity/core';
import * as csstree from './csstree.js';
import type { CssTree } from './csstree.js';
import { compile } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { parseDeclarations, type Declaration } from './declarations.js';
import { evaluateMedia, fitAnd, UNKNOWN, type MediaFit } from './media.js';
import { meteredAdapter, spend, WorkExhausted } from './metered-adapter.js';

/** One selector of a style rule that sets at least one property we read. */
export interface StyleRule {
  readonly selector: string;
  /** What the rightmost compound needs: `#id`, `.class`, a tag name, or `*`. */
  readonly key: string;
  /** (a, b, c) packed so that a larger number is a more specific selector. */
  readonly specificity: number;
  /** Position in its sheet: later wins among equals. */
  readonly order: number;
  /** Inside `@layer`: loses to unlayered rules (and wins among !important ones). */
  readonly layered: boolean;
  /** The `@media` conditions around it, evaluated; null when none. */
  readonly media: MediaFit | null;
  readonly mediaText: string | null;
  readonly declarations: readonly Declaration[];
}

/** A parsed stylesheet: its rules, indexed by what their rightmost compound needs. */
export interface ParsedSheet {
  readonly rules: readonly StyleRule[];
  readonly byKey: ReadonlyMap<string, readonly StyleRule[]>;
  /** Parsing stopped at `cap` rules: the rest of the sheet was not read. */
  readonly truncated: boolean;
}

/** Rules that apply only in a state (hover, focus) or to generated boxes never hide the number as the page loads. */
const STATE = new Set([
  'hover', 'focus', 'focus-within', 'focus-visible', 'active', 'visited', 'target', 'checked', 'indeterminate',
  'before', 'after', 'first-line', 'first-letter', 'selection', 'placeholder', 'placeholder-shown', 'autofill',
  'invalid', 'user-invalid', 'open', 'popover-open', 'modal', 'fullscreen', 'playing', 'paused', 'hover-within',
]);

type Node = csstree.CssNode;

function packSpecificity(a: number, b: number, c: number): number {
  const cap = (n: number) => Math.min(n, 1023);
  return cap(a) * 1_048_576 + cap(b) * 1024 + cap(c);
}

/** Does the selector (or anything nested in it) use a pseudo-element or a state pseudo-class? */
function usesState(selector: Node): boolean {
  let found = false;
  csstree.walk(selector, (n: Node) => {
    if (n.type === 'PseudoElementSelector') found = true;
    else if (n.type === 'PseudoClassSelector' && STATE.has(n.name.toLowerCase())) found = true;
  });
  return found;
}

/** The key of the rightmost compound selector: the most selective simple selector it holds. */
function keyOf(selector: CssTree.Selector): string {
  const items: Node[] = [];
  selector.children.forEach((c) => {
    if (c.type === 'Combinator') items.length = 0;
    else items.push(c);
  });
  const id = items.find((c): c is CssTree.IdSelector => c.type === 'IdSelector');
  if (id) return `#${id.name}`;
  const cls = items.find((c): c is CssTree.ClassSelector => c.type === 'ClassSelector');
  if (cls) return `.${cls.name}`;
  const tag = items.find((c): c is CssTree.TypeSelector => c.type === 'TypeSelector');
  if (tag && tag.name !== '*' && !tag.name.includes('|')) return tag.name.toLowerCase();
  return '*';
}

interface Frame {
  readonly kind: 'group' | 'style' | 'skip';
  readonly media: MediaFit | null;
  readonly mediaText: string | null;
  readonly layered: boolean;
  readonly prelude: string;
  readonly blockStart: number;
}

class Stop extends Error {}

/**
 * Reads a stylesheet with css-tree's tokenizer for its structure and css-tree's parser for each
 * rule's parts, so only one rule's syntax tree exists at a time: a 2 MB sheet of 90,000 rules
 * no longer builds a tree that fills a worker's heap. Parsing stops after `cap` rules that set a
 * property we read; `@media` is evaluated per viewport, `@supports` is taken as true, `@layer`
 * marks its rules, `@container` is unknown; other at-rule blocks and nested rules are skipped.
 */
export function parseSheet(css: string, cap: number): ParsedSheet {
  const rules: StyleRule[] = [];
  const T = csstree.tokenTypes;
  const stack: Frame[] = [];
  const top: Frame = { kind: 'group', media: null, mediaText: null, layered: false, prelude: '', blockStart: 0 };
  let preludeStart = 0;
  let truncated = false;

  const addRule = (frame: Frame, block: string): void => {
    const declarations = parseDeclarations(block);
    if (declarations.length === 0) return;
    let list: Node;
    try {
      list = csstree.parse(frame.prelude, { context: 'selectorList', onParseError: () => undefined });
    } catch {
      return;
    }
    if (list.type !== 'SelectorList') return;
    list.children.forEach((selector) => {
      if (selector.type !== 'Selector' || usesState(selector)) return;
      let specificity: number;
      try {
        const s = calculateForAST(selector);
        specificity = packSpecificity(s.a, s.b, s.c);
      } catch {
        return;
      }
      if (rules.length >= cap) {
        truncated = true;
        throw new Stop();
      }
      rules.push({
        selector: csstree.generate(selector),
        key: keyOf(selector),
        specificity,
        order: rules.length,
        layered: frame.layered,
        media: frame.media,
        mediaText: frame.mediaText,
        declarations,
      });
    });
  };

  const open = (start: number, end: number): void => {
    const parent = stack[stack.length - 1] ?? top;
    const prelude = css.slice(preludeStart, start).trim();
    preludeStart = end;
    const inherit = { media: parent.media, mediaText: parent.mediaText, layered: parent.layered, prelude, blockStart: end };
    if (parent.kind !== 'group') {
      stack.push({ ...inherit, kind: 'skip' });
      return;
    }
    if (!prelude.startsWith('@')) {
      stack.push({ ...inherit, kind: 'style' });
      return;
    }
    const name = (/^@([-\w]+)/.exec(prelude)?.[1] ?? '').toLowerCase();
    const rest = prelude.slice(name.length + 1).trim();
    if (name === 'media') {
      const text = parent.mediaText ? `${parent.mediaText} and ${rest}` : rest;
      stack.push({ ...inherit, kind: 'group', media: fitAnd(parent.media, evaluateMedia(rest)), mediaText: text });
    } else if (name === 'supports') stack.push({ ...inherit, kind: 'group' });
    else if (name === 'layer') stack.push({ ...inherit, kind: 'group', layered: true });
    else if (name === 'container') stack.push({ ...inherit, kind: 'group', media: fitAnd(parent.media, UNKNOWN), mediaText: prelude });
    else stack.push({ ...inherit, kind: 'skip' });
  };

  try {
    csstree.tokenize(css, (type: number, start: number, end: number) => {
      if (type === T.LeftCurlyBracket) open(start, end);
      else if (type === T.RightCurlyBracket) {
        const frame = stack.pop();
        if (frame?.kind === 'style') addRule(frame, css.slice(frame.blockStart, start));
        preludeStart = end;
      } else if (type === T.Semicolon) {
        // `@import …;` and `@layer a, b;` end a prelude; inside a rule a ';' separates declarations.
        if ((stack[stack.length - 1] ?? top).kind === 'group') preludeStart = end;
      }
    });
    // A rule left open at the end of the sheet is closed by it.
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i] as Frame;
      if (frame.kind === 'style' && !stack.slice(0, i).some((f) => f.kind !== 'group')) addRule(frame, css.slice(frame.blockStart));
    }
  } catch (e) {
    // Stop: the cap was reached. RangeError: a selector nested thousands of levels deep
    // overflowed css-tree's recursive parser; what was read so far stands.
    if (!(e instanceof Stop) && !(e instanceof RangeError)) throw e;
  }
  const byKey = new Map<string, StyleRule[]>();
  for (const r of rules) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  return { rules, byKey, truncated };
}

const MAX_CACHED_RULES = 200_000;
const sheetCache = new Map<string, ParsedSheet>();
let cachedRules = 0;

/**
 * A sheet parsed once per distinct text: every page of a theme links the same few sheets. The
 * cache holds a copy of each text (a `<style>`'s text is a slice of its page, which would keep
 * the whole page alive) and is emptied when it holds too many rules.
 */
export function sheetFor(css: string, cap: number): ParsedSheet {
  const cached = sheetCache.get(css);
  if (cached) return cached;
  const own = css.length < 13 ? css : Buffer.from(css, 'utf16le').toString('utf16le');
  const parsed = parseSheet(own, cap);
  if (cachedRules + parsed.rules.length > MAX_CACHED_RULES || sheetCache.size >= 500) {
    sheetCache.clear();
    cachedRules = 0;
  }
  sheetCache.set(own, parsed);
  cachedRules += parsed.rules.length;
  return parsed;
}

type Test = (el: Element) => boolean;
const COMPILE_COST = 25;
const compiled = new WeakMap<StyleRule, Test | null>();

/**
 * The rule's selector compiled for the metered adapter, once per rule. Null for a selector
 * css-select does not support: such a rule cannot be evaluated and is left out.
 */
export function testOf(rule: StyleRule): Test | null {
  const known = compiled.get(rule);
  if (known !== undefined) return known;
  // Compiling costs about as much as a few dozen matching steps.
  spend(COMPILE_COST);
  let test: Test | null;
  try {
    test = compile<AnyNode, Element>(rule.selector, { adapter: meteredAdapter, xmlMode: false });
  } catch (e) {
    if (e instanceof WorkExhausted) throw e;
    test = null;
  }
  compiled.set(rule, test);
  return test;
}
