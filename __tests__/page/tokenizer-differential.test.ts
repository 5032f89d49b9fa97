/**
 * FastTokenizer (src/page/fast-tokenizer.ts) against htmlparser2's stock Tokenizer (issue 18):
 * alone and under Parser, with entity decoding off (the page models) and on, in one write and in
 * several, every callback with its arguments and the parser's indices must be identical, over
 * every fixture page, the fuzzer's pages and markup written to hit each state it skips through.
 * The same over the shared corpora is in __tests__/shared/parser-differential.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssPage, htmlText } from '../fuzz/harness.mjs';
import { tokenizerDifferences } from '../helpers/parser-trace.js';
import { NASTY } from './nasty-markup.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.html?$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

const CUTS = [[], [0.5], [0.13, 0.37, 0.71]] as const;

describe('FastTokenizer gives the stock tokenizer’s callbacks', () => {
  it('on hand-written damaged markup, each case in one write and cut anywhere', () => {
    for (const source of NASTY) {
      expect({ source, diff: tokenizerDifferences(source) }).toEqual({ source, diff: null });
      // Every cut point: a write may end inside any token.
      for (let i = 1; i < source.length; i++) {
        expect({ source, cut: i, diff: tokenizerDifferences(source, [i / source.length]) }).toEqual({ source, cut: i, diff: null });
      }
    }
  });

  it('on every fixture page', () => {
    const files = htmlFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const cuts of CUTS) {
        expect({ file: path.relative(FIXTURES, file), cuts, diff: tokenizerDifferences(source, cuts) }).toEqual({ file: path.relative(FIXTURES, file), cuts, diff: null });
      }
    }
  });

  it('on the fuzzer’s damaged pages', () => {
    fc.assert(
      fc.property(htmlText, fc.constantFrom(...CUTS), (source, cuts) => {
        expect(tokenizerDifferences(source, cuts)).toBeNull();
      }),
      { seed: 1818, numRuns: 600 },
    );
  });

  it('on the fuzzer’s CSS-heavy pages', () => {
    fc.assert(
      fc.property(cssPage, (p) => {
        expect(tokenizerDifferences(p.html)).toBeNull();
      }),
      { seed: 18, numRuns: 100 },
    );
  });

  it('on random strings made of markup’s own characters', () => {
    const alphabet = fc.constantFrom('<', '>', '/', '!', '?', '-', '[', ']', '=', '"', "'", '&', ';', ' ', '\n', '\t', '\f', '\r', 'a', 'S', 'p', 'x', 'é', '\0', '\uD800', 'script', 'style', 'title', 'CDATA[', '</', '-->', '#', 'amp');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), fc.constantFrom(...CUTS), (parts, cuts) => {
        expect(tokenizerDifferences(parts.join(''), cuts)).toBeNull();
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});
