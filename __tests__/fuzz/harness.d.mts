// Types for harness.mjs, which is plain JavaScript so that scripts/fuzz.mjs can load it without a compiler.
import type { Arbitrary } from 'fast-check';
import type { Finding } from '../../src/model/index.js';

export declare const ICP: string;
export declare const POLICE: string;
export declare const SITE_NAME: string;
export declare const htmlText: Arbitrary<string>;

/** A CSS-heavy page and the three sheets it may link (sheet-0.css … sheet-2.css beside it). */
export interface CssPage {
  readonly html: string;
  readonly sheets: readonly string[];
}
export declare const cssPage: Arbitrary<CssPage>;

export type FuzzCase =
  | { kind: 'text'; text: string; v: number; entry: boolean }
  | { kind: 'bytes'; bytes: Uint8Array; v: number; entry: boolean }
  | { kind: 'css'; page: CssPage; v: number; entry: boolean };

/** The functions under test, from the TypeScript sources or from dist/lib/index.js. */
export interface FuzzApi {
  readonly [name: string]: unknown;
}

export interface Fuzzer {
  readonly caseArb: Arbitrary<FuzzCase>;
  runCase(c: FuzzCase): Promise<number>;
  checkText(source: string, variant: number, entry: boolean): Finding[];
  checkBytes(bytes: Uint8Array, variant: number, entry: boolean): Promise<Finding[]>;
  checkCss(page: CssPage, variant: number, entry: boolean): Promise<Finding[]>;
}

export declare function lineLengths(source: string): number[];
export declare function locationProblems(findings: readonly Finding[], source: string): string[];
export declare function createFuzzer(api: FuzzApi, options: { tmpDir: string; seeds?: readonly Uint8Array[] }): Fuzzer;
export declare function readSeeds(root: string): Uint8Array[];
