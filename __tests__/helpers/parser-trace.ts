/**
 * Callback traces of htmlparser2's stock Tokenizer and Parser and of ours (issue 18): what the
 * differential tests compare. A trace holds every callback in order with its arguments and, for
 * the parser, its startIndex and endIndex at that moment (what the page models read).
 */
import type { AnyNode, Element } from 'domhandler';
import { parseDocument, Parser, Tokenizer, type Handler, type ParserOptions, type TokenizerCallbacks } from 'htmlparser2';
import { FastTokenizer } from '../../src/page/fast-tokenizer.js';
import { parseHtml } from '../../src/page/parse.js';
import { TextParser, type TextHandler } from '../../src/page/text-parser.js';

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

/**
 * What streamPage's handler is told, from htmlparser2's stock Parser and Tokenizer with the text
 * model's options and from TextParser: every callback the text model has, with its arguments
 * (attribute objects aside: TextParser builds none) and the indices at that moment.
 */
export function textModelTraces(source: string): { stock: string[]; ours: string[] } {
  const stock: string[] = [];
  const parser: Parser = new Parser(
    {
      ontext: (data) => void stock.push(`ontext${JSON.stringify([data])}@${parser.startIndex}-${parser.endIndex}`),
      onopentag: (name, _attribs, isImplied) => void stock.push(`onopentag${JSON.stringify([name, isImplied])}@${parser.startIndex}-${parser.endIndex}`),
      onclosetag: (name, isImplied) => void stock.push(`onclosetag${JSON.stringify([name, isImplied])}@${parser.startIndex}-${parser.endIndex}`),
      oncomment: (data) => void stock.push(`oncomment${JSON.stringify([data])}@${parser.startIndex}-${parser.endIndex}`),
      oncommentend: () => void stock.push(`oncommentend[]@${parser.startIndex}-${parser.endIndex}`),
      onprocessinginstruction: (name, data) => void stock.push(`onprocessinginstruction${JSON.stringify([name, data])}@${parser.startIndex}-${parser.endIndex}`),
      // streamPage has no handler for these: they must never come.
      oncdatastart: () => void stock.push('oncdatastart'),
      oncdataend: () => void stock.push('oncdataend'),
      onend: () => void stock.push(`onend[]@${parser.startIndex}-${parser.endIndex}`),
    },
    { decodeEntities: false },
  );
  parser.end(source);

  const ours: string[] = [];
  const indices = { parser: null as TextParser | null };
  const at = (): string => `@${indices.parser!.startIndex}-${indices.parser!.endIndex}`;
  const handler: TextHandler = {
    ontext: (data) => void ours.push(`ontext${JSON.stringify([data])}${at()}`),
    onopentag: (name, isImplied) => void ours.push(`onopentag${JSON.stringify([name, isImplied])}${at()}`),
    onclosetag: (name, isImplied) => void ours.push(`onclosetag${JSON.stringify([name, isImplied])}${at()}`),
    oncomment: (data) => void ours.push(`oncomment${JSON.stringify([data])}${at()}`),
    oncommentend: () => void ours.push(`oncommentend[]${at()}`),
    onprocessinginstruction: (name, data) => void ours.push(`onprocessinginstruction${JSON.stringify([name, data])}${at()}`),
    onend: () => void ours.push(`onend[]${at()}`),
  };
  const text = new TextParser(handler, source);
  indices.parser = text;
  text.run();
  return { stock, ours };
}

/**
 * Every node of a domhandler tree in document order: its depth, type, name, attributes (in
 * order), data, indices, and whether its parent and sibling links agree with the child lists.
 */
export function treeLines(root: AnyNode & { children: AnyNode[] }): string[] {
  const lines: string[] = [];
  const visit = (node: AnyNode, depth: number): void => {
    const el = node as Element;
    const attribs = 'attribs' in node ? JSON.stringify(Object.entries(el.attribs)) : '';
    const data = 'data' in node ? JSON.stringify((node as { data: string }).data) : '';
    const name = 'name' in node ? (node as { name: string }).name : '';
    lines.push(`${depth} ${node.type} ${name} ${attribs} ${data} @${node.startIndex}-${node.endIndex}`);
    if (!('children' in node)) return;
    const kids = (node as Element).children;
    kids.forEach((kid, i) => {
      if (kid.parent !== node || kid.prev !== (kids[i - 1] ?? null) || kid.next !== (kids[i + 1] ?? null)) lines.push(`${depth + 1} broken links at child ${i}`);
      visit(kid, depth + 1);
    });
  };
  for (const kid of root.children) visit(kid, 0);
  return lines;
}

/** htmlparser2's parseDocument with the page models' options, and parseHtml (attributes read on demand). */
export function treeTraces(source: string): { stock: string[]; ours: string[] } {
  const stock = treeLines(parseDocument(source, { withStartIndices: true, withEndIndices: true, decodeEntities: false }));
  return { stock, ours: treeLines(parseHtml(source)) };
}

/** Where our tokenizer, TextParser or parseHtml's tree part from htmlparser2's on one source (null: nowhere). */
export function parserDifferences(source: string, cuts: readonly number[] = []): null | Record<string, unknown> {
  const tok = tokenizerDifferences(source, cuts);
  if (tok) return tok;
  const { stock, ours } = textModelTraces(source);
  const diff = firstDifference(stock, ours);
  if (diff) return { layer: 'TextParser', ...diff };
  // parseHtml reads the source in one piece: the cuts only concern the tokenizer.
  if (cuts.length > 0) return null;
  const trees = treeTraces(source);
  const tree = firstDifference(trees.stock, trees.ours);
  return tree && { layer: 'tree', ...tree };
}
