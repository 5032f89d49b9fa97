import type { AnyNode, Document, Element } from 'domhandler';
import { ancestors, attr, hasVisibleText, isElement } from './dom.js';
import type { Page } from './page.js';

// Footer containers as themes name them: footer, site-footer, page-foot, copyright, beian, icp.
const FOOTER_WORDS = new Set(['foot', 'footer', 'copyright', 'copy', 'beian', 'icp', 'bottom', 'contentinfo']);

function isFooterToken(token: string): boolean {
  const lower = token.toLowerCase();
  if (lower.includes('footer') || lower.includes('copyright') || lower.includes('beian')) return true;
  return lower.split(/[-_]/).some((part) => FOOTER_WORDS.has(part));
}

function namesFooter(el: Element): boolean {
  if (el.name === 'footer') return true;
  if ((attr(el, 'role') ?? '').toLowerCase() === 'contentinfo') return true;
  const id = attr(el, 'id');
  if (id && isFooterToken(id)) return true;
  const cls = attr(el, 'class');
  if (cls) for (const token of cls.split(/\s+/)) if (token && isFooterToken(token)) return true;
  return false;
}

/** The nearest ancestor that calls itself a footer, if any. */
export function footerContainer(node: AnyNode): Element | null {
  for (const el of ancestors(node)) {
    if (el.name === 'body' || el.name === 'html') return null;
    if (namesFooter(el)) return el;
  }
  return null;
}


/**
 * The last block of the body that shows text, descending through single wrappers such as
 * `<div id="app">`: Article 13 of MIIT order 33 asks for the number at the bottom of the homepage,
 * and a page without a `<footer>` still has a last block.
 */
export function lastBlock(page: Page): Element | null {
  // htmlparser2 adds no implied <body>: a fragment or a page without the tag uses <html> or the document.
  const html = page.doc.children.find((c): c is Element => isElement(c) && c.name === 'html');
  let container: Element | Document | null = page.body ?? html ?? page.doc;
  let last: Element | null = null;
  for (let depth = 0; container && depth < 50; depth++) {
    const blocks: Element[] = container.children.filter((c): c is Element => isElement(c) && hasVisibleText(c, 5000));
    const candidate: Element | undefined = blocks[blocks.length - 1];
    if (!candidate) break;
    last = candidate;
    if (blocks.length > 1) break;
    container = candidate;
  }
  return last;
}

/** Is the node inside the footer region: a footer-named container or the body's last block. */
export function inFooterRegion(node: AnyNode, page: Page, last: Element | null): boolean {
  if (footerContainer(node)) return true;
  if (!last) return false;
  for (const el of ancestors(node)) if (el === last) return true;
  return false;
}

/** First answer up the ancestor chain (true, false, or null to keep climbing), kept for every element passed. */
function climb(node: AnyNode, known: Map<Element, boolean>, own: (el: Element) => boolean | null): boolean {
  const walked: Element[] = [];
  let answer = false;
  for (const el of ancestors(node)) {
    const seen = known.get(el);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    walked.push(el);
    const mine = own(el);
    if (mine !== null) {
      answer = mine;
      break;
    }
  }
  for (const el of walked) known.set(el, answer);
  return answer;
}

/**
 * `inFooterRegion` for every number of one page. Each element's answer is kept, so thousands of
 * numbers nested a thousand deep do not each walk the same ancestors again (that took 30 s).
 */
export function footerRegionOf(last: Element | null): (node: AnyNode) => boolean {
  const named = new Map<Element, boolean>();
  const underLast = new Map<Element, boolean>();
  return (node) =>
    climb(node, named, (el) => (el.name === 'body' || el.name === 'html' ? false : namesFooter(el) ? true : null)) ||
    (last !== null && climb(node, underLast, (el) => (el === last ? true : null)));
}
