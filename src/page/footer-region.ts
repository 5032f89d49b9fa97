import type { AnyNode, Document, Element } from 'domhandler';
import { ancestors, attr, hasVisibleText, isElement } from './dom.js';
import type { Page } from './page.js';

/**
 * Footer containers as themes name them: footer, site-footer, page-foot, copyright, beian, icp,
 * pageBottom, and the pinyin names of Chinese company sites (dibu 底部, yejiao 页脚, banquan 版权).
 */
const FOOTER_WORDS = new Set(['foot', 'footer', 'copyright', 'copy', 'beian', 'icp', 'bottom', 'contentinfo', 'dibu', 'yejiao', 'banquan']);

function isFooterToken(token: string): boolean {
  const lower = token.toLowerCase();
  if (lower.includes('footer') || lower.includes('copyright') || lower.includes('beian')) return true;
  // camelCase splits like a dash: pageBottom, siteFoot.
  const words = token.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_]/);
  return words.some((part) => FOOTER_WORDS.has(part));
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


/** What the footer region needs to know about how an element renders (hidden.ts answers it statically). */
export interface BlockVisibility {
  /** Hidden at the desktop width. */
  hiddenOnDesktop(el: Element): boolean;
  /** Taken out of the page's flow (`position: fixed`): a back-to-top button, a cookie bar. */
  outOfFlow(el: Element): boolean;
}

/** Elements that never make the bottom of a page: their text does not show, or is not content. */
const NEVER_BLOCK = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta', 'title', 'head', 'iframe', 'object', 'dialog']);

/**
 * Does `el` count as a block at the bottom of the page: it shows text, is in the flow and is not
 * hidden. Scripts after the footer (analytics, a theme's inline bundle), empty icon links and
 * hidden modals do not push the footer up.
 */
function showsText(el: Element, visibility: BlockVisibility | undefined): boolean {
  if (NEVER_BLOCK.has(el.name) || attr(el, 'hidden') !== undefined) return false;
  if (!hasVisibleText(el, 5000)) return false;
  return !visibility || (!visibility.hiddenOnDesktop(el) && !visibility.outOfFlow(el));
}

/**
 * The last block of the body that shows text, descending through single wrappers such as
 * `<div id="app">`: Article 13 of MIIT order 33 asks for the number at the bottom of the homepage,
 * and a page without a `<footer>` still has a last block (docs/rules/icp-placement.md lists the
 * heuristics with examples).
 */
export function lastBlock(page: Page, visibility?: BlockVisibility): Element | null {
  // htmlparser2 adds no implied <body>: a fragment or a page without the tag uses <html> or the document.
  const html = page.doc.children.find((c): c is Element => isElement(c) && c.name === 'html');
  let container: Element | Document | null = page.body ?? html ?? page.doc;
  let last: Element | null = null;
  for (let depth = 0; container && depth < 50; depth++) {
    const kids: AnyNode[] = container.children;
    // From the end: only the last block that shows text and the question of whether another one
    // precedes it matter, so a body of 100,000 children costs two visibility checks, not 100,000.
    let candidate: Element | null = null;
    let another = false;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i];
      if (!isElement(c) || !showsText(c, visibility)) continue;
      if (candidate) {
        another = true;
        break;
      }
      candidate = c;
    }
    if (!candidate) break;
    last = candidate;
    if (another) break;
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
export function footerRegionOf(lastOf: () => Element | null): (node: AnyNode) => boolean {
  const named = new Map<Element, boolean>();
  const underLast = new Map<Element, boolean>();
  // Found on the first number outside a footer-named container: the search reads the page's
  // CSS (hidden and fixed blocks do not count), which most pages never need.
  let last: Element | null | undefined;
  return (node) => {
    if (climb(node, named, (el) => (el.name === 'body' || el.name === 'html' ? false : namesFooter(el) ? true : null))) return true;
    if (last === undefined) last = lastOf();
    const block = last;
    return block !== null && climb(node, underLast, (el) => (el === block ? true : null));
  };
}
