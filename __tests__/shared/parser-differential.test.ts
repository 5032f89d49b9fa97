/**
 * Our parsing against htmlparser2's own over real and generated sites (issue 18; the fixtures,
 * fuzzer pages and hand-written markup are in __tests__/page/tokenizer-differential.test.ts):
 * on every page of the real Hexo blog, of the real-world pages and of a synthetic site,
 * FastTokenizer must give the stock tokenizer's callbacks, alone and under Parser, and
 * TextParser the stock Parser's, with the same arguments and indices, callback for callback.
 */
import { describe, expect, it } from 'vitest';
import { parserDifferences } from '../helpers/parser-trace.js';
import { readPages, sharedCorpora } from '../helpers/corpora.js';

const corpora = sharedCorpora({ pages: 600, seed: 18 });

describe.each(corpora)('parsing on $name', ({ dir, min }) => {
  const all = readPages(dir());

  it('gives htmlparser2’s exact callbacks on every page', { timeout: 900_000 }, () => {
    expect(all.length).toBeGreaterThanOrEqual(min);
    const differing = all.map(({ rel, source }) => ({ rel, diff: parserDifferences(source) })).filter((p) => p.diff !== null);
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it('in several writes too (each page cut in three places)', { timeout: 900_000 }, () => {
    const differing = all.map(({ rel, source }) => ({ rel, diff: parserDifferences(source, [0.21, 0.5, 0.83]) })).filter((p) => p.diff !== null);
    expect(differing.slice(0, 3)).toEqual([]);
  });
});
