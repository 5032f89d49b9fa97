import type { AnyNode, Element } from 'domhandler';
import { attr, hasVisibleText, isElement, startTagSpan } from '../../page/dom.js';
import { footerContainer } from '../../page/footer-region.js';
import { unseenNumbers } from '../../page/footer-facts.js';
import type { Page } from '../../page/page.js';
import { footerAnchor } from '../../page/spans.js';
import type { Draft } from '../../model/index.js';

const MOUNT_IDS = new Set(['app', 'root', '__next', '__nuxt', 'q-app', 'svelte', 'main-app']);

/** The mount element of a client-rendered shell, or null when the page has real static content. */
export function shellMount(page: Page): Element | null {
  // A shell has scripts, an empty mount element and next to no text of its own: the footer
  // arrives only after JavaScript runs.
  if (!page.hasScripts || page.text.value.trim().length > 200 || !page.body) return null;
  // Breadth-first through a queue read by index: shift() and push(...children) cost O(n) each,
  // which made a body of 300,000 empty elements take minutes or overflow the call stack.
  const queue: AnyNode[] = [...page.body.children];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i];
    if (!isElement(n)) continue;
    const id = attr(n, 'id');
    if (id && MOUNT_IDS.has(id)) return hasVisibleText(n) ? null : n;
    for (const child of n.children) queue.push(child);
  }
  return null;
}


/** The page's first footer-named element, to point at when something is missing from it. */
export function firstFooter(page: Page): Element | null {
  if (!page.body) return null;
  const stack: Element[] = [page.body];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (!isElement(c)) continue;
      if (c.name === 'footer') return c;
      stack.push(c);
    }
  }
  const last = page.pieces[page.pieces.length - 1];
  return last ? footerContainer(last.node) : null;
}

/**
 * Explains an absent number as precisely as the page allows: only in a script or comment, a
 * client-rendered shell, or simply missing. `messagePrefix` is empty for ICP, and the message ids
 * are shared by icp-present and police-present.
 */
export function absenceDraft(page: Page, which: 'icp' | 'police', missingId: string): Draft {
  const unseen = unseenNumbers(page, which);
  const script = unseen.find((u) => u.kind === 'script');
  if (script) return { messageId: 'only-script', span: script.span, evidence: script.text, data: { number: script.text } };
  const comment = unseen.find((u) => u.kind === 'comment');
  if (comment) return { messageId: 'only-comment', span: comment.span, evidence: comment.text, data: { number: comment.text } };
  const other = unseen[0];
  if (other) return { messageId: 'only-noscript', span: other.span, evidence: other.text, data: { number: other.text, element: `<${other.kind}>` } };
  const mount = shellMount(page);
  if (mount) {
    return { messageId: 'spa-shell', span: startTagSpan(mount, page.source), anchor: 'body', data: { mount: `#${attr(mount, 'id') ?? ''}` } };
  }
  const { span, anchor } = footerAnchor(page, firstFooter(page));
  return { messageId: missingId, span, anchor };
}
