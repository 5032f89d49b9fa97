import type { TokenizerCallbacks } from 'htmlparser2';
import { FastTokenizer } from './fast-tokenizer.js';

/**
 * The parser layer of the text model (issue 18): what htmlparser2's Parser does on top of its
 * tokenizer, reduced to what streamPage reads. Parser lower-cases names, keeps the stack of
 * open elements, closes elements an opening tag implies closed (`<li>` after `<li>`, a block
 * after `<p>`), knows void elements and svg/math foreign content (where `/>` closes), turns
 * `</p>` and `</br>` without a start tag into elements, and tracks startIndex and endIndex. It
 * also builds attribute objects, slices through a list of written buffers, and calls its handler
 * through optional calls; and it keeps its stack with unshift/shift, each costing the depth.
 *
 * This class does the same bookkeeping for one whole source, HTML mode, entities left as
 * written, without attributes: one table lookup per tag for everything Parser asks of a name,
 * a stack that grows at its end, and direct calls into one handler. What a handler sees (each
 * callback, its arguments and startIndex/endIndex at that moment) is what Parser with the same
 * options shows a handler that has these callbacks; __tests__/page/tokenizer-differential.test.ts and
 * __tests__/shared/parser-differential.test.ts hold it to that, trace for trace, over fixtures,
 * the fuzzer's pages, generated tag soup and the shared corpora. The element facts below are
 * those of htmlparser2 10.1.0 (pinned exactly in package.json).
 */

/** What a handler of the text model is told. */
export interface TextHandler {
  ontext(data: string): void;
  onopentag(name: string, isImplied: boolean): void;
  onclosetag(name: string, isImplied: boolean): void;
  oncomment(data: string): void;
  oncommentend(): void;
  onprocessinginstruction(name: string, data: string): void;
  onend(): void;
}

/** Where the last callback's source starts and ends, as Parser reports it (read during a callback). */
export interface ParserIndices {
  readonly startIndex: number;
  readonly endIndex: number;
}

/** Everything the parser layer knows about one element name. */
interface ElementKind {
  /** Opening it closes open elements with these names, innermost first, while they are on top. */
  readonly closes: ReadonlySet<string> | null;
  readonly isVoid: boolean;
  /** svg and math start foreign content (true), their HTML integration points end it (false). */
  readonly foreign: boolean | null;
}

function kinds(): Map<string, ElementKind> {
  const closes = new Map<string, ReadonlySet<string>>();
  const closing = (names: string, closed: string): void => {
    const set = new Set(closed.split(' '));
    for (const n of names.split(' ')) closes.set(n, set);
  };
  closing('p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul', 'p');
  closing('select input output button datalist textarea', 'input option optgroup select button datalist textarea');
  closing('tr', 'tr th td');
  closing('th', 'th');
  closing('td', 'thead th td');
  closing('body', 'head link script');
  closing('li', 'li');
  closing('option', 'option');
  closing('optgroup', 'optgroup option');
  closing('dd dt', 'dd dt');
  closing('rt rp', 'rt rp');
  closing('tbody tfoot', 'thead tbody');
  const voids = new Set('area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(' '));
  const foreign = new Map<string, boolean>([
    ['svg', true],
    ['math', true],
    ...'mi mo mn ms mtext annotation-xml foreignobject desc title'.split(' ').map((n) => [n, false] as [string, boolean]),
  ]);
  const out = new Map<string, ElementKind>();
  for (const name of new Set([...closes.keys(), ...voids, ...foreign.keys()])) {
    out.set(name, { closes: closes.get(name) ?? null, isVoid: voids.has(name), foreign: foreign.get(name) ?? null });
  }
  return out;
}
const KINDS = kinds();

/** What precedes the name of a declaration or processing instruction in its callback. */
const NAME_END = /\s|\//;

export class TextParser implements TokenizerCallbacks, ParserIndices {
  startIndex = 0;
  endIndex = 0;
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /** Whether `/>` closes an element here: true inside svg/math, innermost last (Parser starts it with HTML's false). */
  private readonly foreign: boolean[] = [false];
  private openTagStart = 0;
  private tagName = '';
  /** The start tag being read has not been reported yet. */
  private opening = false;

  constructor(
    private readonly handler: TextHandler,
    private readonly source: string,
  ) {}

  /** Parses the whole source (as Parser.end(source)). */
  run(): void {
    const tokenizer = new FastTokenizer({ decodeEntities: false }, this);
    if (this.source !== '') tokenizer.write(this.source);
    tokenizer.end();
  }

  ontext(start: number, endIndex: number): void {
    this.endIndex = endIndex - 1;
    this.handler.ontext(this.source.slice(start, endIndex));
    this.startIndex = endIndex;
  }

  ontextentity(): void {
    // The tokenizer runs with entity decoding off: entities stay in the text as written.
    throw new Error('TextParser: entity decoding is off');
  }

  onopentagname(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    this.openTag(this.source.slice(start, endIndex).toLowerCase());
  }

  private openTag(name: string): void {
    this.openTagStart = this.startIndex;
    this.tagName = name;
    const kind = KINDS.get(name);
    const stack = this.stack;
    if (kind?.closes) {
      while (stack.length > 0 && kind.closes.has(stack[stack.length - 1]!)) this.handler.onclosetag(stack.pop()!, true);
    }
    if (kind === undefined || !kind.isVoid) {
      stack.push(name);
      if (kind !== undefined && kind.foreign !== null) this.foreign.push(kind.foreign);
    }
    this.opening = true;
  }

  private endOpenTag(isImplied: boolean): void {
    this.startIndex = this.openTagStart;
    const name = this.tagName;
    if (this.opening) {
      this.opening = false;
      this.handler.onopentag(name, isImplied);
    }
    if (KINDS.get(name)?.isVoid === true) this.handler.onclosetag(name, true);
    this.tagName = '';
  }

  onopentagend(endIndex: number): void {
    this.endIndex = endIndex;
    this.endOpenTag(false);
    this.startIndex = endIndex + 1;
  }

  onselfclosingtag(endIndex: number): void {
    const foreign = this.foreign;
    if (foreign.length > 0 && foreign[foreign.length - 1]) {
      this.endIndex = endIndex;
      this.closeCurrent(false);
      this.startIndex = endIndex + 1;
    } else {
      this.onopentagend(endIndex);
    }
  }

  /** Ends the start tag being read and closes its element at once (`/>` in foreign content, an implied `<p>`). */
  private closeCurrent(isOpenImplied: boolean): void {
    const name = this.tagName;
    this.endOpenTag(isOpenImplied);
    const stack = this.stack;
    if (stack.length > 0 && stack[stack.length - 1] === name) {
      this.handler.onclosetag(name, !isOpenImplied);
      stack.pop();
    }
  }

  onclosetag(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    const name = this.source.slice(start, endIndex).toLowerCase();
    const kind = KINDS.get(name);
    // An end tag of svg/math or of an integration point leaves that context, whether it was open or not.
    if (kind !== undefined && kind.foreign !== null) this.foreign.pop();
    if (kind === undefined || !kind.isVoid) {
      const stack = this.stack;
      const at = stack.lastIndexOf(name);
      if (at >= 0) {
        // Elements opened inside it close first, each implied; its own end tag is written.
        while (stack.length > at + 1) this.handler.onclosetag(stack.pop()!, true);
        this.handler.onclosetag(stack.pop()!, false);
      } else if (name === 'p') {
        this.openTag('p');
        this.closeCurrent(true);
      }
    } else if (name === 'br') {
      this.handler.onopentag('br', true);
      this.handler.onclosetag('br', false);
    }
    this.startIndex = endIndex + 1;
  }

  onattribname(start: number): void {
    this.startIndex = start;
  }

  onattribdata(): void {}

  onattribentity(): void {}

  onattribend(_quote: unknown, endIndex: number): void {
    this.endIndex = endIndex;
  }

  ondeclaration(start: number, endIndex: number): void {
    this.instruction('!', start, endIndex);
  }

  onprocessinginstruction(start: number, endIndex: number): void {
    this.instruction('?', start, endIndex);
  }

  private instruction(mark: string, start: number, endIndex: number): void {
    this.endIndex = endIndex;
    const value = this.source.slice(start, endIndex);
    const nameEnd = value.search(NAME_END);
    const name = (nameEnd < 0 ? value : value.slice(0, nameEnd)).toLowerCase();
    this.handler.onprocessinginstruction(mark + name, mark + value);
    this.startIndex = endIndex + 1;
  }

  oncomment(start: number, endIndex: number, offset: number): void {
    this.endIndex = endIndex;
    this.handler.oncomment(this.source.slice(start, endIndex - offset));
    this.handler.oncommentend();
    this.startIndex = endIndex + 1;
  }

  /** In HTML, Parser reports CDATA as a comment holding it, brackets included. */
  oncdata(start: number, endIndex: number, offset: number): void {
    this.endIndex = endIndex;
    this.handler.oncomment(`[CDATA[${this.source.slice(start, endIndex - offset)}]]`);
    this.handler.oncommentend();
    this.startIndex = endIndex + 1;
  }

  onend(): void {
    // Every element still open ends where the last token ended; Parser leaves its stack as it is.
    this.endIndex = this.startIndex;
    const stack = this.stack;
    for (let i = stack.length - 1; i >= 0; i--) this.handler.onclosetag(stack[i]!, true);
    this.handler.onend();
  }
}
