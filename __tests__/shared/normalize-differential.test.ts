/**
 * NormBuilder against the builder it replaced (issue 18, __tests__/helpers/norm-oracle.ts) over the
 * shared corpora: every page of the real Hexo blog, the real-world pages and a generated synthetic
 * site, built on both page models, every builder's text and offset map compared with the oracle's.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';
import { buildBothModels, mirrorNormBuilders } from '../helpers/norm-oracle.js';
import { htmlFiles, sharedCorpora } from '../helpers/corpora.js';

const corpora = sharedCorpora({ pages: 400, seed: 18 });

describe.each(corpora)('normalised text on $name', ({ dir, min }) => {
  it('is what the old builder made, page by page, on both page models', { timeout: 900_000 }, () => {
    let pages = 0;
    const { builds, differences } = mirrorNormBuilders(() => {
      for (const file of htmlFiles(dir())) {
        const bytes = fs.readFileSync(file);
        if (looksBinary(bytes)) continue;
        const source = decodeHtml(bytes).text;
        pages++;
        buildBothModels(source);
      }
    });
    expect(differences).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(min);
    expect(builds).toBeGreaterThan(pages);
  });
});
