/**
 * The anchored number search (issue 18, src/domain/anchored-scan.ts) against the global search it
 * replaced, over the shared corpora: every page of the real Hexo blog, the real-world pages and a
 * generated synthetic site, on the page's source, its visible text and its normalised unseen texts.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPage } from '../../src/page/build-page.js';
import { normalize } from '../../src/page/normalize.js';
import { PageTooDeepError } from '../../src/page/parse.js';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';
import { finderDifferences, globalMatchCount } from '../helpers/finder-oracle.js';
import { htmlFiles, sharedCorpora } from '../helpers/corpora.js';

// The blog shows no number: there the search must find none, as the global search does.
const MIN_MATCHES: Record<string, number> = { 'real-hexo': 0, realworld: 50 };
const corpora = sharedCorpora({ pages: 400, seed: 18 }).map((c) => ({ ...c, minMatches: MIN_MATCHES[c.name] ?? c.min }));

describe.each(corpora)('number finders on $name', ({ dir, min, minMatches }) => {
  it('find what the global search finds, page by page', { timeout: 900_000 }, () => {
    let pages = 0;
    let matches = 0;
    for (const file of htmlFiles(dir())) {
      const bytes = fs.readFileSync(file);
      if (looksBinary(bytes)) continue;
      const source = decodeHtml(bytes).text;
      const texts = [source];
      try {
        const page = buildPage('page.html', source);
        texts.push(page.text.value);
        for (const u of page.unseen) texts.push(normalize(u.raw));
      } catch (e) {
        if (!(e instanceof PageTooDeepError)) throw e;
      }
      for (const text of texts) {
        expect({ file, differences: finderDifferences(text) }).toEqual({ file, differences: [] });
        matches += globalMatchCount(text);
      }
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(min);
    expect(matches).toBeGreaterThanOrEqual(minMatches);
  });
});
