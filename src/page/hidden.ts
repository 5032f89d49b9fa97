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
  const zero = /^[-+]?0*\.?0*(?:px|em|rem|pt|%|vh|vw)?$/.test(v) && v !== '';
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
const ALWAYS_MEDIA = /^\s*(?:only\s+)?(?:all|screen)?\s*$/i;

const ruleCache = new Map<string, readonly HidingRule[]>();

/** Hiding rules of one stylesheet, compiled once per distinct stylesheet text. */
function hidingRules(css: string): readonly HidingRule[] {
  const cached = ruleCache.get(css);
  if (cached) return cached;
  const rules: HidingRule[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(css, { parseValue: false, parseRulePrelude: false, parseAtrulePrelude: false, parseCustomProperty: false });
  } catch {
    return [];
  }
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
    for (const css of this.page.styles) all.push(...hidingRules(css));
    for (const href of this.page.stylesheetHrefs) {
      const css = this.page.loadStylesheet(href);
      if (css !== undefined) all.push(...hidingRules(css));
    }
    this.rules = all;
    return all;
  }

  /** The innermost hidden element around `node` and why, or null when it shows. */
  hiddenAt(node: AnyNode): HiddenAt | null {
    for (const el of ancestors(node)) {
      if (el.name === 'body' || el.name === 'html') break;
      if (attr(el, 'hidden') !== undefined) return { element: el, reason: { by: 'attribute' } };
      const style = attr(el, 'style');
      if (style) {
        const declaration = inlineHiding(style);
        if (declaration) return { element: el, reason: { by: 'inline-style', declaration } };
      }
      for (const rule of this.stylesheetRules()) {
        if (rule.test(el)) return { element: el, reason: { by: 'stylesheet', selector: rule.selector, declaration: rule.declaration } };
      }
    }
    return null;
  }
}
