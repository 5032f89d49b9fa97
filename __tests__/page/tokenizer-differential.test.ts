/**
 * Our parsing against htmlparser2's own (issue 18). FastTokenizer (src/page/fast-tokenizer.ts)
 * against the stock Tokenizer, alone and under Parser, entity decoding off (the page models) and
 * on, in one write and in several; and TextParser (src/page/text-parser.ts), the text model's
 * parser layer, against the stock Parser and Tokenizer. Every callback, its arguments and the
 * parser's indices at that moment must be identical, over every fixture page, the fuzzer's
 * pages, generated tag soup, random strings of markup characters and markup written to hit each
 * state and rule. The same over the shared corpora: __tests__/shared/parser-differential.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssPage, htmlText } from '../fuzz/harness.mjs';
import { parserDifferences, textModelTraces } from '../helpers/parser-trace.js';
import { FIXTURES, fixtureFiles, NASTY, tagSoup } from './parser-inputs.js';

const CUTS = [[], [0.5], [0.13, 0.37, 0.71]] as const;

describe('our tokenizer and parser layer give htmlparser2’s callbacks', () => {
  it('on hand-written damaged markup, each case in one write and cut anywhere', () => {
    for (const source of NASTY) {
      expect({ source, diff: parserDifferences(source) }).toEqual({ source, diff: null });
      // Every cut point: a write may end inside any token.
      for (let i = 1; i < source.length; i++) {
        expect({ source, cut: i, diff: parserDifferences(source, [i / source.length]) }).toEqual({ source, cut: i, diff: null });
      }
    }
  });

  it('on every fixture page', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const rel = path.relative(FIXTURES, file);
      for (const cuts of CUTS) expect({ rel, cuts, diff: parserDifferences(source, cuts) }).toEqual({ rel, cuts, diff: null });
    }
  });

  it('on the fuzzer’s damaged pages', () => {
    fc.assert(
      fc.property(htmlText, fc.constantFrom(...CUTS), (source, cuts) => {
        expect(parserDifferences(source, cuts)).toBeNull();
      }),
      { seed: 1818, numRuns: 600 },
    );
  });

  it('on the fuzzer’s CSS-heavy pages', () => {
    fc.assert(
      fc.property(cssPage, (p) => {
        expect(parserDifferences(p.html)).toBeNull();
      }),
      { seed: 18, numRuns: 100 },
    );
  });

  it('on tag soup of every element name the parser layer treats specially', () => {
    fc.assert(
      fc.property(tagSoup, (source) => {
        expect(parserDifferences(source)).toBeNull();
      }),
      { seed: 2026, numRuns: 3000 },
    );
  });

  it('on random strings made of markup’s own characters', () => {
    const alphabet = fc.constantFrom('<', '>', '/', '!', '?', '-', '[', ']', '=', '"', "'", '&', ';', ' ', '\n', '\t', '\f', '\r', 'a', 'S', 'p', 'x', 'é', '\0', '\uD800', 'script', 'style', 'title', 'CDATA[', '</', '-->', '#', 'amp', 'svg', 'br', 'li');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), fc.constantFrom(...CUTS), (parts, cuts) => {
        expect(parserDifferences(parts.join(''), cuts)).toBeNull();
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('the comparison sees implied closes, implied starts and foreign content', () => {
    // Guards the test itself: the traces hold the cases the parser layer exists for.
    const { stock, ours } = textModelTraces('<ul><li>a<li>b</ul></p></br><svg><rect/></svg><p>x<div>y');
    expect(ours).toEqual(stock);
    const events = stock.join('\n');
    expect(events).toContain('onclosetag["li",true]');
    expect(events).toContain('onopentag["p",true]');
    expect(events).toContain('onopentag["br",true]');
    expect(events).toContain('onclosetag["rect",true]');
    expect(events).toContain('onclosetag["p",true]');
  });
});
