/**
 * The differential test of issue 18 over real and generated sites: every page of the real Hexo
 * blog (../shared/corpus/real-hexo), of the real-world pages (../shared/realworld) and of a
 * synthetic site from ../shared/corpus/gen-corpus.mjs is built on both page models, and checked
 * both ways under three configurations, entry page and not. The text model must give the same
 * page (text, map, pieces and their ancestors, unseen texts, stylesheets, title, head, body,
 * elements), and the engine's choice of model must give exactly the findings of the tree.
 */
import { describe, expect, it } from 'vitest';
import { bothFindings, modelDifferences, modelSites, takesTextModel } from '../helpers/page-models.js';
import { readPages, sharedCorpora } from '../helpers/corpora.js';

const corpora = sharedCorpora({ pages: 600, seed: 7 });

describe.each(corpora)('page models on $name', ({ dir, min }) => {
  const all = readPages(dir());
  const sites = modelSites();

  it('holds the pages it should', () => {
    expect(all.length).toBeGreaterThanOrEqual(min);
  });

  it('the text model builds the same page as the tree, page by page', { timeout: 900_000 }, () => {
    const differing = all.map(({ rel, source }) => ({ rel, differences: modelDifferences(source) })).filter((p) => p.differences.length > 0);
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it.each(sites)('the engine reports exactly what the tree reports: $name', { timeout: 900_000 }, ({ rules }) => {
    let text = 0;
    let checked = 0;
    for (const { rel, source } of all) {
      for (const entry of [false, true]) {
        const { tree, auto } = bothFindings(source, rules, entry);
        expect({ rel, entry, findings: auto }).toEqual({ rel, entry, findings: tree });
        checked++;
        if (takesTextModel(source, entry || rules.scope === 'all')) text++;
      }
    }
    // The comparison must have covered the text model, not only pages it sends to the tree.
    console.info(`${checked} checks, ${text} on the text model`);
    expect(text).toBeGreaterThan(0);
  });
});
