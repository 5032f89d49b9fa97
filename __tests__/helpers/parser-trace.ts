/**
 * Callback traces of htmlparser2's stock Tokenizer and Parser and of ours (issue 18): what the
 * differential tests compare. A trace holds every callback in order with its arguments and, for
 * the parser, its startIndex and endIndex at that moment (what the page models read).
 */
import { Parser, Tokenizer, type Handler, type ParserOptions, type TokenizerCallbacks } from 'htmlparser2';
import { FastTokenizer } from '../../src/page/fast-tokenizer.js';

type TokenizerClass = typeof Tokenizer;

const TOKENIZER_EVENTS = [
  'onattribdata', 'onattribentity', 'onattribend', 'onattribname', 'oncdata', 'onclosetag', 'oncomment',
  'ondeclaration', 'onend', 'onopentagend', 'onopentagname', 'onprocessinginstruction', 'onselfclosingtag',
  'ontext', 'ontextentity',
] as const;

/** Splits a source at these fractions of its length, to feed a tokenizer in several writes. */
function chunks(source: string, cuts: readonly number[]): string[] {
  const at = [0, ...cuts.map((f) => Math.floor(source.length * f)), source.length];
  const out: string[] = [];
  for (let i = 1; i < at.length; i++) out.push(source.slice(at[i - 1], at[i]));
  return out;
}

export function tokenizerTrace(Class: TokenizerClass, source: string, decodeEntities: boolean, cuts: readonly number[] = []): string[] {
  const trace: string[] = [];
  const cbs = Object.fromEntries(TOKENIZER_EVENTS.map((name) => [name, (...args: unknown[]) => void trace.push(`${name}(${args.join(',')})`)])) as unknown as TokenizerCallbacks;
  const tokenizer = new Class({ decodeEntities }, cbs);
  for (const chunk of chunks(source, cuts)) tokenizer.write(chunk);
  tokenizer.end();
  return trace;
}

const HANDLER_EVENTS = [
  'onopentagname', 'onopentag', 'onattribute', 'onclosetag', 'ontext', 'oncomment', 'oncommentend',
  'oncdatastart', 'oncdataend', 'onprocessinginstruction', 'onend', 'onerror', 'onreset',
] as const;

/** Every Handler callback of a Parser, with the parser's indices when it came. */
export function parserTrace(options: ParserOptions, source: string, cuts: readonly number[] = []): string[] {
  const trace: string[] = [];
  const parser: Parser = new Parser(
    Object.fromEntries(
      HANDLER_EVENTS.map((name) => [name, (...args: unknown[]) => void trace.push(`${name}${JSON.stringify(args)}@${parser.startIndex}-${parser.endIndex}`)]),
    ) as Partial<Handler>,
    options,
  );
  for (const chunk of chunks(source, cuts)) parser.write(chunk);
  parser.end();
  return trace;
}

/** The first place two traces part, with a few entries before it; null when they are identical. */
export function firstDifference(stock: readonly string[], ours: readonly string[]): null | { at: number; before: string[]; stock: string | undefined; ours: string | undefined } {
  const n = Math.max(stock.length, ours.length);
  for (let i = 0; i < n; i++) {
    if (stock[i] !== ours[i]) return { at: i, before: stock.slice(Math.max(0, i - 3), i), stock: stock[i], ours: ours[i] };
  }
  return null;
}

/** Where the stock tokenizer and FastTokenizer, alone and under Parser, part on one source (null: nowhere). */
export function tokenizerDifferences(source: string, cuts: readonly number[] = []): null | Record<string, unknown> {
  for (const decodeEntities of [false, true]) {
    const tok = firstDifference(tokenizerTrace(Tokenizer, source, decodeEntities, cuts), tokenizerTrace(FastTokenizer, source, decodeEntities, cuts));
    if (tok) return { layer: 'tokenizer', decodeEntities, ...tok };
    const stock = parserTrace({ decodeEntities }, source, cuts);
    const ours = parserTrace({ decodeEntities, Tokenizer: FastTokenizer }, source, cuts);
    const par = firstDifference(stock, ours);
    if (par) return { layer: 'parser', decodeEntities, ...par };
  }
  return null;
}
