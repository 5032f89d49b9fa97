import type { Options } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { removeSubsets } from 'domutils';
import { attr, isElement } from '../dom.js';

/**
 * Selector matching that counts its real cost. css-select walks the tree only through its
 * adapter, so counting here charges `:has()` for every node of the subtree it scans, `:nth-child`
 * for the siblings it counts, and a descendant selector for every ancestor it climbs (issue 17:
 * a budget of tests let 300 `:has()` rules take 194 s on one page).
 */
export class WorkExhausted extends Error {
  constructor() {
    super('selector work budget exhausted');
  }
}

/** Steps left for the page being judged; set by the cascade before it matches, read by every adapter call. */
export const meter = { left: Number.POSITIVE_INFINITY };

/** Charges `n` steps to the page's budget; throws WorkExhausted when it runs out. */
export function spend(n: number): void {
  meter.left -= n;
  if (meter.left < 0) throw new WorkExhausted();
}

function childrenOf(node: AnyNode): AnyNode[] {
  return 'children' in node ? (node.children as AnyNode[]) : [];
}

/** Depth-first over `nodes` and their descendants, one step per node; stops when `visit` says so. */
function walk(nodes: readonly AnyNode[], visit: (el: Element) => boolean): void {
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i] as AnyNode);
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    spend(1);
    if (!isElement(n)) continue;
    if (visit(n)) return;
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
  }
}

type Adapter = NonNullable<Options<AnyNode, Element>['adapter']>;

export const meteredAdapter: Adapter = {
  isTag: (node): node is Element => isElement(node),
  getName: (el) => {
    spend(1);
    return el.name;
  },
  getAttributeValue: (el, name) => {
    spend(1);
    return attr(el, name);
  },
  hasAttrib: (el, name) => {
    spend(1);
    return Object.prototype.hasOwnProperty.call(el.attribs, name);
  },
  getParent: (node) => {
    spend(1);
    return (node.parent as AnyNode | null) ?? null;
  },
  getChildren: (node) => {
    const kids = childrenOf(node);
    spend(1 + kids.length);
    return kids;
  },
  getSiblings: (node) => {
    const parent = node.parent as AnyNode | null;
    const siblings = parent ? childrenOf(parent) : [node];
    spend(1 + siblings.length);
    return siblings;
  },
  prevElementSibling: (node) => {
    for (let n = node.prev as AnyNode | null; n; n = n.prev as AnyNode | null) {
      spend(1);
      if (isElement(n)) return n;
    }
    return null;
  },
  getText: (node) => {
    let out = '';
    const stack: AnyNode[] = [node];
    while (stack.length > 0) {
      const n = stack.pop() as AnyNode;
      spend(1);
      if (n.type === 'text') out += (n as unknown as { data: string }).data;
      else {
        const kids = childrenOf(n);
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
      }
    }
    return out;
  },
  // Only whole-document queries call it, never a compiled test.
  removeSubsets,
  existsOne: (test, nodes) => {
    let found = false;
    walk(nodes, (el) => (found = test(el)));
    return found;
  },
  findOne: (test, nodes) => {
    let found: Element | null = null;
    walk(nodes, (el) => {
      if (test(el)) found = el;
      return found !== null;
    });
    return found;
  },
  findAll: (test, nodes) => {
    const out: Element[] = [];
    walk(nodes, (el) => {
      if (test(el)) out.push(el);
      return false;
    });
    return out;
  },
};
