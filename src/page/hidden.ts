import * as csstree from 'css-tree/dist/csstree.esm';
import { compile } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { ancestors, attr } from './dom.js';
import type { Page } from './page.js';

/** Why an element does not show. */
export type HiddenReason =
  | { readonly by: 'attribute' }
  | { readonly by: 'inline-style'; readonly declaration: string }
  | { readonly by: 'stylesheet'; readonly selector: string; readonly declaration: string };

export interface HiddenAt {
  readonly element: Element;
  readonly reason: HiddenReason;
}

/** A property value pair that removes text from view. Sizes like `0px`, `0em`, `0%` count as zero. */
function hidingDeclaration(property: string, value: string): string | null {
  const p = property.trim().toLowerCase();
  const v = value.replace(/!important/i, '').trim().toLowerCase();
  // One way to read each zero ('0', '0.', '.0', '00.00px'): the old `0*\.?0*` split a run of
  // zeros both ways and backtracked quadratically on `opacity: 000…0x`.
  const zero = /^[-+]?(?:0+(?:\.0*)?|\.0+)(?:px|em|rem|pt|%|vh|vw)?$/.test(v);
  if (p === 'display' && v === 'none') return `${p}: ${v}`;
  if (p === 'visibility' && (v === 'hidden' || v === 'collapse')) return `${p}: ${v}`;
  if (p === 'content-visibility' && v === 'hidden') return `${p}: ${v}`;
  if ((p === 'opacity' || p === 'font-size') && zero) return `${p}: ${v}`;
  const indent = /^-(\d{3,})(?:\.\d+)?(?:px|em|rem)$/.exec(v);
  if (p === 'text-indent' && indent) return `${p}: ${v}`;
  return null;
}

function inlineHiding(style: string): string | null {
  // Declarations are split on ';' and the first ':' — linear, and enough for style attributes.
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon === -1) continue;
    const found = hidingDeclaration(decl.slice(0, colon), decl.slice(colon + 1));
    if (found) return found;
  }
  return null;
}

interface HidingRule {
  readonly selector: string;
  readonly declaration: string;
  readonly test: (el: Element) => boolean;
}

// Media conditions we treat as always applying; rules behind any other condition (a print sheet,
// a narrow screen) are left out rather than guessed.
// Trailing space is matched only after a media type: two adjacent `\s*` backtracked quadratically.
const ALWAYS_MEDIA = /^\s*(?:(?:only\s+)?(?:all|screen)\s*)?$/i;

const ruleCache = new Map<string, readonly HidingRule[]>();

/** Hiding rules of one stylesheet, compiled once per distinct stylesheet text. */
function hidingRules(pageCss: string): readonly HidingRule[] {
  const cached = ruleCache.get(pageCss);
  if (cached) return cached;
  // A <style> element's text is a slice of its page's source, and so is every selector and value
  // css-tree cuts from it: cached as they were, they kept up to 200 whole pages alive (30 MB of
  // heap on the 5,000-page site; issue 6). Parsing a copy makes the cache hold the CSS only.
  const css = pageCss.length < 13 ? pageCss : Buffer.from(pageCss, 'utf16le').toString('utf16le');
  const rules: HidingRule[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(css, { parseValue: false, parseRulePrelude: false, parseAtrulePrelude: false, parseCustomProperty: false });
  } catch {
    return [];
  }
  try {
    csstree.walk(ast, {
      visit: 'Rule',
      enter(node: csstree.Rule) {
        const at = this.atrule;
        if (at) {
          if (at.name.toLowerCase() !== 'media') return;
          const prelude = at.prelude ? csstree.generate(at.prelude) : '';
          if (!ALWAYS_MEDIA.test(prelude)) return;
        }
        let declaration: string | null = null;
        node.block.children.forEach((d) => {
          if (declaration || d.type !== 'Declaration') return;
          const value = d.value.type === 'Raw' ? d.value.value : csstree.generate(d.value);
          declaration = hidingDeclaration(d.property, value);
        });
        if (!declaration) return;
        const selectorList = csstree.generate(node.prelude);
        for (const selector of selectorList.split(',')) {
          // Pseudo-elements and state pseudo-classes hide generated boxes or only some states,
          // never the number itself.
          if (/::|:(?:hover|focus|active|visited|before|after|target|checked)/i.test(selector)) continue;
          try {
            const test = compile<AnyNode, Element>(selector.trim());
            rules.push({ selector: selector.trim(), declaration, test: (el) => test(el) });
          } catch {
            // css-select rejects selectors it does not support; such a rule cannot be evaluated here.
          }
        }
      },
    });
  } catch (e) {
    // A stylesheet nested thousands of levels deep overflows css-tree's recursive walk: treat it
    // like one css-tree cannot parse.
    if (e instanceof RangeError) return [];
    throw e;
  }
  if (ruleCache.size > 200) ruleCache.clear();
  ruleCache.set(css, rules);
  return rules;
}

/**
 * Answers "is this node hidden, and by what" for one page. Stylesheets are parsed on the first
 * question only: most pages never ask, because only elements holding a filing number are checked.
 */
export class HiddenChecker {
  private rules: readonly HidingRule[] | null = null;

  constructor(private readonly page: Page) {}

  private stylesheetRules(): readonly HidingRule[] {
    if (this.rules) return this.rules;
    const all: HidingRule[] = [];
    // One push per rule: spreading 200,000 rules as arguments overflows the call stack.
    for (const css of this.page.styles) for (const rule of hidingRules(css)) all.push(rule);
    for (const href of this.page.stylesheetHrefs) {
      const css = this.page.loadStylesheet(href);
      if (css !== undefined) for (const rule of hidingRules(css)) all.push(rule);
    }
    this.rules = all;
    return all;
  }

  /**
   * Each element is judged once per page: thousands of numbers under one deep chain of elements
   * otherwise re-tested every ancestor for every number (a 250 KB page took 30 s).
   */
  private readonly own = new Map<Element, HiddenReason | null>();
  /**
   * Selector tests left for this page. A descendant selector walks up the whole ancestor chain, so a
   * crafted page (thousands of hiding rules over elements nested a thousand deep) could still cost
   * minutes; real pages use a few thousand tests at most. Past the budget, stylesheet rules are no
   * longer consulted (attributes and inline styles still are).
   */
  private testsLeft = 200_000;

  /** Answers already given, per element: a chain of ancestors is walked once, not once per number. */
  private readonly answers = new Map<Element, HiddenAt | null>();

  /** The innermost hidden element around `node` and why, or null when it shows. */
  hiddenAt(node: AnyNode): HiddenAt | null {
    const walked: Element[] = [];
    let answer: HiddenAt | null = null;
    for (const el of ancestors(node)) {
      if (el.name === 'body' || el.name === 'html') break;
      const known = this.answers.get(el);
      if (known !== undefined) {
        answer = known;
        break;
      }
      walked.push(el);
      let reason = this.own.get(el);
      if (reason === undefined) {
        reason = this.ownReason(el);
        this.own.set(el, reason);
      }
      if (reason) {
        answer = { element: el, reason };
        break;
      }
    }
    for (const el of walked) this.answers.set(el, answer);
    return answer;
  }

  private ownReason(el: Element): HiddenReason | null {
    if (attr(el, 'hidden') !== undefined) return { by: 'attribute' };
    const style = attr(el, 'style');
    if (style) {
      const declaration = inlineHiding(style);
      if (declaration) return { by: 'inline-style', declaration };
    }
    for (const rule of this.stylesheetRules()) {
      if (this.testsLeft-- <= 0) return null;
      if (rule.test(el)) return { by: 'stylesheet', selector: rule.selector, declaration: rule.declaration };
    }
    return null;
  }
}
