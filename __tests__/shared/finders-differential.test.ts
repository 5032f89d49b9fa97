/**
 * The anchored number search (issue 18, src/domain/anchored-scan.ts) against the global search it
 * replaced, over the shared corpora: every page of the real Hexo blog, the real-world pages and a
 * generated synthetic site, on the page's source, its visible text and its normalised unseen texts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../src/page/build-page.js';
import { normalize } from '../../src/page/normalize.js';
import { PageTooDeepError } from '../../src/page/parse.js';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';
import { finderDifferences, globalMatchCount } from '../helpers/finder-oracle.js';
import { requireShared } from '../helpers/shared.js';

function* htmlFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(abs);
    else if (/\.html?$/i.test(e.name)) yield abs;
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-finders-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthetic(): string {
  const out = path.join(tmp, 'synthetic');
  execFileSync(process.execPath, [path.join(requireShared('corpus'), 'gen-corpus.mjs'), '--out', out, '--pages', '400', '--seed', '18'], { stdio: 'ignore' });
  return out;
}

const corpora = [
  // The blog shows no number: there the search must find none, as the global search does.
  { name: 'real-hexo', dir: () => requireShared('corpus/real-hexo'), min: 1000, minMatches: 0 },
  { name: 'realworld', dir: () => path.join(requireShared('realworld'), 'pages'), min: 50, minMatches: 50 },
  { name: 'synthetic (400 pages, seed 18)', dir: synthetic, min: 400, minMatches: 400 },
];

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
