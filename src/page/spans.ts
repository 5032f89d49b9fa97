import type { Element } from 'domhandler';
import { startTagSpan } from './dom.js';
import type { Page } from './page.js';
import type { Span } from '../model/index.js';

/**
 * The span of an attribute's value inside an element's start tag, so a wrong href is annotated
 * at the href itself. Falls back to the start tag when the attribute is not found as written.
 */
export function attrValueSpan(el: Element, name: string, source: string): Span {
  const tag = startTagSpan(el, source);
  const text = source.slice(tag.start, tag.end);
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]*))`, 'i');
  const m = re.exec(text);
  if (!m) return tag;
  const value = m[1] ?? m[2] ?? m[3] ?? '';
  const valueStart = tag.start + m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
  return { start: valueStart, end: valueStart + Math.max(1, value.length) };
}

/** Where to point when something is missing from the footer: the footer, else the body, else the top. */
export function footerAnchor(page: Page, footer: Element | null): { span: Span; anchor: 'footer' | 'body' | 'document' } {
  if (footer) return { span: startTagSpan(footer, page.source), anchor: 'footer' };
  if (page.body && page.body.startIndex != null) return { span: startTagSpan(page.body, page.source), anchor: 'body' };
  return { span: { start: 0, end: Math.min(1, page.source.length) }, anchor: 'document' };
}
