import { Tokenizer } from 'htmlparser2';

/**
 * htmlparser2's Tokenizer with its runs of uninteresting characters skipped in tight loops
 * (issue 18). The stock tokenizer steps one character per turn of its state machine: a turn is a
 * bounds check, a switch and a method call, paid for every character of every attribute value,
 * text run, tag name and attribute name. Here those runs are skipped in one go (the native
 * String.prototype.indexOf where one character ends the run, a table lookup where several do)
 * and the stock state method is then called on the character that ends the run, so every
 * callback, its arguments and the state after it are what the stock tokenizer produces.
 *
 * It overrides private methods of htmlparser2's Tokenizer, checked against htmlparser2 10.1.0
 * (pinned exactly in package.json). The skipped states do nothing but advance on the characters
 * skipped, which is what makes the skip safe; __tests__/page/tokenizer-differential.test.ts runs
 * the stock tokenizer and parser and these over every fixture, the fuzzer's pages and
 * hand-written damaged markup and requires the identical callback trace, and the load-time
 * check below refuses a Tokenizer without the methods overridden here.
 */

/** What this file reads and overrides of the stock Tokenizer (private in its typings). */
interface TokenizerInternals {
  buffer: string;
  index: number;
  offset: number;
  fastForwardTo(c: number): boolean;
  stateInTagName(c: number): void;
  stateInClosingTagName(c: number): void;
  stateInAttributeName(c: number): void;
  stateBeforeAttributeName(c: number): void;
  stateAfterAttributeName(c: number): void;
  stateInAttributeValueNoQuotes(c: number): void;
}

const OVERRIDDEN = [
  'fastForwardTo',
  'stateInTagName',
  'stateInClosingTagName',
  'stateInAttributeName',
  'stateBeforeAttributeName',
  'stateAfterAttributeName',
  'stateInAttributeValueNoQuotes',
] as const;
for (const name of OVERRIDDEN) {
  if (typeof (Tokenizer.prototype as unknown as Record<string, unknown>)[name] !== 'function') {
    throw new Error(`htmlparser2's Tokenizer has no ${name}: fast-tokenizer.ts was written for htmlparser2 10.1.0`);
  }
}

/** A set of ASCII characters as a lookup table; no character above 127 is ever in one. */
function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}
const SPACE = '\t\n\f\r ';
/** What ends a tag name; the same in the stock tokenizer's InTagName. */
const TAG_NAME_END = charSet(`${SPACE}/>`);
const CLOSING_NAME_END = charSet(`${SPACE}>`);
const ATTRIBUTE_NAME_END = charSet(`${SPACE}/>=`);
/** `&` stops the run too: with entity decoding on, the stock state starts an entity there. */
const UNQUOTED_VALUE_END = charSet(`${SPACE}>&`);
const NOT_SPACE = charSet(SPACE).map((v, i) => (i < 128 ? 1 - v : 0));

function inSet(set: Uint8Array, c: number): boolean {
  return c < 128 ? set[c] === 1 : set === NOT_SPACE;
}

const CHARS: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

const Base = Tokenizer as unknown as new (...args: ConstructorParameters<typeof Tokenizer>) => TokenizerInternals;

class SkippingTokenizer extends Base {
  /**
   * Moves `index` to the next character in `set` after the current one and returns it, or, when
   * the buffer ends first, leaves `index` on its last character (the stock parse loop steps past
   * it, as after the stock fastForwardTo) and returns -1.
   */
  private skipTo(set: Uint8Array): number {
    const buffer = this.buffer;
    const offset = this.offset;
    for (let i = this.index + 1 - offset; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (inSet(set, c)) {
        this.index = i + offset;
        return c;
      }
    }
    this.index = buffer.length + offset - 1;
    return -1;
  }

  override fastForwardTo(c: number): boolean {
    const buffer = this.buffer;
    const offset = this.offset;
    // Every character the stock tokenizer waits for is ASCII (<, >, quotes, - and ]).
    const at = buffer.indexOf(CHARS[c] ?? String.fromCharCode(c), this.index + 1 - offset);
    if (at >= 0) {
      this.index = at + offset;
      return true;
    }
    this.index = buffer.length + offset - 1;
    return false;
  }

  override stateInTagName(c: number): void {
    if (inSet(TAG_NAME_END, c) || (c = this.skipTo(TAG_NAME_END)) >= 0) super.stateInTagName(c);
  }

  override stateInClosingTagName(c: number): void {
    if (inSet(CLOSING_NAME_END, c) || (c = this.skipTo(CLOSING_NAME_END)) >= 0) super.stateInClosingTagName(c);
  }

  override stateInAttributeName(c: number): void {
    if (inSet(ATTRIBUTE_NAME_END, c) || (c = this.skipTo(ATTRIBUTE_NAME_END)) >= 0) super.stateInAttributeName(c);
  }

  override stateBeforeAttributeName(c: number): void {
    if (inSet(NOT_SPACE, c) || (c = this.skipTo(NOT_SPACE)) >= 0) super.stateBeforeAttributeName(c);
  }

  override stateAfterAttributeName(c: number): void {
    if (inSet(NOT_SPACE, c) || (c = this.skipTo(NOT_SPACE)) >= 0) super.stateAfterAttributeName(c);
  }

  override stateInAttributeValueNoQuotes(c: number): void {
    if (inSet(UNQUOTED_VALUE_END, c) || (c = this.skipTo(UNQUOTED_VALUE_END)) >= 0) super.stateInAttributeValueNoQuotes(c);
  }
}

/** Pass as the `Tokenizer` option of every htmlparser2 Parser the checker creates. */
export const FastTokenizer = SkippingTokenizer as unknown as typeof Tokenizer;
