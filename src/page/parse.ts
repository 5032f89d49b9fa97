import { DomHandler, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';
import { FastTokenizer } from './fast-tokenizer.js';

/**
 * Open elements a page may nest. htmlparser2 keeps its open-element stack with unshift/shift and
 * looks end tags up with indexOf, so each tag costs time in proportion to the depth: 100,000
 * nested elements took minutes, and 10,000 levels followed by stray end tags over a minute for
 * 20 MB. Below this cap a page costs at most about what a flat page of the same size costs. The
 * deepest of the 1,334 real pages in the shared corpora nests 23 levels.
 */
export const MAX_DEPTH = 1024;

/** The page nests deeper than MAX_DEPTH: it is reported as skipped, never half-checked. */
export class PageTooDeepError extends Error {
  override readonly name = 'PageTooDeepError';
  readonly limit = MAX_DEPTH;
  constructor() {
    super(`elements nested more than ${MAX_DEPTH} levels deep`);
  }
}

class DepthLimitedHandler extends DomHandler {
  override onopentag(name: string, attribs: { [key: string]: string }): void {
    // tagStack holds the document plus every open element.
    if (this.tagStack.length > MAX_DEPTH) throw new PageTooDeepError();
    super.onopentag(name, attribs);
  }
}

/** htmlparser2's parseDocument with source indices, entities left as written, and the depth cap. */
export function parseHtml(source: string): Document {
  const options = { withStartIndices: true, withEndIndices: true, decodeEntities: false };
  const handler = new DepthLimitedHandler(undefined, options);
  new Parser(handler, { ...options, Tokenizer: FastTokenizer }).end(source);
  return handler.root;
}
