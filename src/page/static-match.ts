import type { AnyNode, Element, Text } from 'domhandler';
import { decodeHTML } from 'entities';
import { attr, isElement, startTagSpan } from './dom.js';
import type { Page } from './page.js';
import { attrValueSpan } from './spans.js';
import type { Span } from '../model/index.js';

/**
 * Render mode reads a document the browser wrote, but findings must point into the built file
 * the user can open. A span of the rendered document is carried over to the element of the built
 * file that is the same element (same tag, same attributes, same text); an element that only the
 * script created has no line there, so the finding goes to the nearest ancestor that exists in
 * the file (for an app shell, its mount point) and says which element it meant by its path.
 */
export interface StaticLocation {
  readonly span: Span;
  /** The element itself is in the built file (the span points at it, not at an ancestor). */
  readonly exact: boolean;
  /** Path of the rendered element, e.g. `div#app > footer > a`, for the message when not exact. */
  readonly path: string;
}

const TEXT_CAP = 4000;

function segment(el: Element): string {
  const id = attr(el, 'id');
  if (id) return `${el.name}#${id}`;
  const classes = (attr(el, 'class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return [el.name, ...classes].join('.');
}

/** The path format the in-page probe uses: up to the body or the nearest element with an id, six steps at most. */
export function elementPath(el: Element, max = 6): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && isElement(e); e = e.parent as Element | null) {
    parts.unshift(segment(e));
    if (e.name === 'body' || attr(e, 'id')) break;
    if (parts.length >= max) {
      parts.unshift('…');
      break;
    }
  }
  return parts.join(' > ');
}

function textOf(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length > 0 && out.length < TEXT_CAP) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'text') out += (n as Text).data;
    else if (isElement(n) && n.name !== 'script' && n.name !== 'style' && n.name !== 'template') {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
    }
  }
  return decodeHTML(out).replace(/\s+/g, ' ').trim();
}

function attrsOf(el: Element): string {
  return Object.keys(el.attribs)
    .sort()
    .map((name) => `${name}=${attr(el, name) ?? ''}`)
    .join('\u0000');
}

function elementsByName(root: AnyNode): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (isElement(n)) {
      const list = out.get(n.name);
      if (list) list.push(n);
      else out.set(n.name, [n]);
    }
    const children = (n as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as AnyNode);
  }
  return out;
}

/** The innermost element whose source range holds `offset`, or null for a place outside every element. */
function elementAt(root: AnyNode, offset: number): Element | null {
  let found: Element | null = null;
  let children = (root as { children?: AnyNode[] }).children ?? [];
  for (;;) {
    let next: Element | null = null;
    for (const c of children) {
      if (!isElement(c)) continue;
      const start = c.startIndex ?? 0;
      const end = c.endIndex ?? start;
      if (offset >= start && offset <= end) {
        next = c;
        break;
      }
    }
    if (!next) return found;
    found = next;
    children = next.children;
  }
}

export class StaticMatcher {
  private readonly renderedByName: Map<string, Element[]>;
  private readonly staticByName: Map<string, Element[]>;

  /**
   * @param fallback where a finding goes when nothing of it exists in the built file: the
   * shell's mount point, else the body.
   */
  constructor(
    private readonly rendered: Page,
    private readonly built: Page,
    private readonly fallback: Element | null,
  ) {
    this.renderedByName = elementsByName(rendered.doc);
    this.staticByName = elementsByName(built.doc);
  }

  locate(span: Span, evidence?: string): StaticLocation {
    const el = elementAt(this.rendered.doc, span.start);
    if (!el || el.name === 'html' || el.name === 'body') {
      return { span: this.fallbackSpan(), exact: !this.fallback, path: el ? el.name : 'document' };
    }
    const path = elementPath(el);
    const same = this.sameElement(el);
    if (same) return { span: this.innerSpan(el, same, span, evidence), exact: true, path };
    for (let p = el.parent as Element | null; p && isElement(p); p = p.parent as Element | null) {
      if (p.name === 'html' || p.name === 'body') break;
      const host = this.sameAncestor(p);
      if (host) return { span: startTagSpan(host, this.built.source), exact: false, path };
    }
    return { span: this.fallbackSpan(), exact: false, path };
  }

  private fallbackSpan(): Span {
    const target = this.fallback ?? this.built.body;
    if (target && target.startIndex != null) return startTagSpan(target, this.built.source);
    return { start: 0, end: Math.min(1, this.built.source.length) };
  }

  private readonly keys = new Map<Element, string>();

  private key(e: Element): string {
    let k = this.keys.get(e);
    if (k === undefined) this.keys.set(e, (k = `${attrsOf(e)}\u0001${textOf(e)}`));
    return k;
  }

  /** Same tag, attributes and text; among equals, the one in the same position of the sequence. */
  private sameElement(el: Element): Element | null {
    const key = (e: Element) => this.key(e);
    const mine = key(el);
    const rendered = this.renderedByName.get(el.name) ?? [];
    let ordinal = 0;
    for (const r of rendered) {
      if (r === el) break;
      if (key(r) === mine) ordinal++;
    }
    const matches = (this.staticByName.get(el.name) ?? []).filter((s) => key(s) === mine);
    return matches[ordinal] ?? matches[matches.length - 1] ?? null;
  }

  /** An ancestor in the built file: by id when it has one (frameworks add attributes to their mount), else by tag and attributes. */
  private sameAncestor(el: Element): Element | null {
    const candidates = this.staticByName.get(el.name) ?? [];
    const id = attr(el, 'id');
    if (id) return candidates.find((s) => attr(s, 'id') === id) ?? null;
    const mine = attrsOf(el);
    const same = candidates.filter((s) => attrsOf(s) === mine);
    return same.length === 1 ? same[0]! : null;
  }

  /** The span inside the built element that corresponds to `span` inside the rendered one. */
  private innerSpan(el: Element, target: Element, span: Span, evidence: string | undefined): Span {
    const source = this.rendered.source;
    const tag = startTagSpan(el, source);
    if (span.start < tag.end) {
      for (const name of Object.keys(el.attribs)) {
        const value = attrValueSpan(el, name, source);
        if (span.start >= value.start && span.start < value.end) return attrValueSpan(target, name, this.built.source);
      }
      return startTagSpan(target, this.built.source);
    }
    const from = target.startIndex ?? 0;
    const to = (target.endIndex ?? from) + 1;
    const raw = source.slice(span.start, span.end);
    if (raw) {
      const at = this.built.source.indexOf(raw, from);
      if (at !== -1 && at + raw.length <= to) return { start: at, end: at + raw.length };
    }
    if (evidence) {
      // The normalised text of the built page, mapped back to its source: entities and spacing may differ.
      const text = this.built.text;
      for (let i = text.value.indexOf(evidence); i !== -1; i = text.value.indexOf(evidence, i + 1)) {
        const start = text.map[i] ?? 0;
        if (start >= from && start < to) return { start, end: (text.map[i + evidence.length - 1] ?? start) + 1 };
      }
    }
    return startTagSpan(target, this.built.source);
  }
}
