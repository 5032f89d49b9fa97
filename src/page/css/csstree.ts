/**
 * The parts of css-tree the cascade uses, from its modular entries: no lexer and no syntax data
 * (the main entry reads those through createRequire, which a single-file bundle cannot do), and
 * the same modules @bramus/specificity imports, so the bundle holds one copy of each.
 */
import type { CssNode, ParseOptions, WalkOptions, GenerateOptions } from 'css-tree';
import generateImpl from 'css-tree/generator';
import parseImpl from 'css-tree/parser';
import { tokenize as tokenizeImpl, tokenTypes as tokenTypesImpl } from 'css-tree/tokenizer';
import walkImpl from 'css-tree/walker';

export type { CssNode } from 'css-tree';
export type * as CssTree from 'css-tree';


export const parse = parseImpl as (text: string, options?: ParseOptions) => CssNode;
export const generate = generateImpl as (ast: CssNode, options?: GenerateOptions) => string;
export const walk = walkImpl as (ast: CssNode, options: WalkOptions | ((node: CssNode) => void)) => void;
export const tokenize = tokenizeImpl as (source: string, onToken: (type: number, start: number, end: number) => void) => void;
export const tokenTypes = tokenTypesImpl as { readonly LeftCurlyBracket: number; readonly RightCurlyBracket: number; readonly Semicolon: number };
