import { decodeHTMLAttribute } from 'entities';
import type { AnyNode, Element } from 'domhandler';

/** An attribute's value as the browser sees it (the page is parsed without entity decoding). */
export function attr(el: Element, name: string): string | undefined {
  const raw = el.attribs[name];
  if (raw === undefined) return undefined;
  return raw.indexOf('&') === -1 ? raw : decodeHTMLAttribute(raw);
}

export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

/** The element itself (when it is one) and its element ancestors, innermost first. */
export function* ancestors(node: AnyNode): Generator<Element> {
  for (let n: AnyNode | null = node; n; n = n.parent as AnyNode | null) if (isElement(n)) yield n;
}

export function closest(node: AnyNode, name: string): Element | null {
  for (const el of ancestors(node)) if (el.name === name) return el;
  return null;
}

/** Element span from its start tag to the end of its end tag. */
export function elementSpan(el: Element): { start: number; end: number } {
  const start = el.startIndex ?? 0;
  return { start, end: (el.endIndex ?? start) + 1 };
}

/** Span of the start tag only: where an annotation about the element as a whole belongs. */
export function startTagSpan(el: Element, source: string): { start: number; end: number } {
  const start = el.startIndex ?? 0;
  const close = source.indexOf('>', start);
  return { start, end: close === -1 ? start + 1 + el.name.length : close + 1 };
}

/** Elements whose text a reader with scripts on never sees. */
const NO_TEXT = new Set(['script', 'style', 'template', 'noscript']);

/**
 * Does the element hold any non-blank text outside scripts, styles, templates and `<noscript>`? `budget` caps
 * the nodes visited where an approximate answer is enough (a heuristic over huge subtrees).
 */
export function hasVisibleText(el: Element, budget = Infinity): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'text') {
      if ((n as unknown as { data: string }).data.trim()) return true;
    } else if (isElement(n) && !NO_TEXT.has(n.name)) {
      // One push per child: spreading 300,000 children as arguments overflows the call stack.
      for (const child of n.children) stack.push(child);
    }
  }
  return false;
}
