import { DomHandler, type Document } from 'domhandler';
import { SourceElement } from './source-element.js';
import { TextParser, type ParserIndices, type TextHandler } from './text-parser.js';

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

const OPTIONS = { withStartIndices: true, withEndIndices: true } as const;

/**
 * domhandler's DomHandler fed by TextParser: the same tree htmlparser2's parseDocument builds,
 * except that each element reads its attributes from the source when asked (SourceElement).
 */
class TreeHandler extends DomHandler {
  private indices: ParserIndices = { startIndex: 0, endIndex: 0 };

  constructor(private readonly source: string) {
    super(undefined, OPTIONS);
  }

  override onparserinit(parser: TextParser): void {
    super.onparserinit(parser);
    this.indices = parser;
  }

  /** DomHandler.onopentag without the attributes. */
  open(name: string): void {
    // tagStack holds the document plus every open element.
    if (this.tagStack.length > MAX_DEPTH) throw new PageTooDeepError();
    const element = new SourceElement(name, this.source, this.indices.endIndex);
    this.addNode(element);
    this.tagStack.push(element);
  }
}

/**
 * htmlparser2's parseDocument with source indices, entities left as written, and the depth cap.
 * TextParser gives DomHandler Parser's callbacks and indices (text-parser.ts); the tests hold the
 * tree, attributes included, to parseDocument's on the fixtures, the fuzzer's pages and the
 * shared corpora (__tests__/page/tokenizer-differential.test.ts, __tests__/shared/parser-differential.test.ts).
 */
export function parseHtml(source: string): Document {
  const tree = new TreeHandler(source);
  const callbacks: TextHandler = {
    ontext: (data) => tree.ontext(data),
    onopentag: (name) => tree.open(name),
    onclosetag: () => tree.onclosetag(),
    oncomment: (data) => tree.oncomment(data),
    oncommentend: () => tree.oncommentend(),
    onprocessinginstruction: (name, data) => tree.onprocessinginstruction(name, data),
    onend: () => tree.onend(),
  };
  const parser = new TextParser(callbacks, source);
  tree.onparserinit(parser);
  parser.run();
  return tree.root;
}
