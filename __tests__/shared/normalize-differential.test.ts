/**
 * NormBuilder against the builder it replaced (issue 18, __tests__/helpers/norm-oracle.ts) over the
 * shared corpora: every page of the real Hexo blog, the real-world pages and a generated synthetic
 * site, built on both page models, every builder's text and offset map compared with the oracle's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../src/page/build-page.js';
import { normalize } from '../../src/page/normalize.js';
import { PageTooDeepError } from '../../src/page/parse.js';
import { streamPage } from '../../src/page/stream-page.js';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';
import { mirrorNormBuilders } from '../helpers/norm-oracle.js';
import { requireShared } from '../helpers/shared.js';

function* htmlFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(abs);
    else if (/\.html?$/i.test(e.name)) yield abs;
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-normalize-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthetic(): string {
  const out = path.join(tmp, 'synthetic');
  execFileSync(process.execPath, [path.join(requireShared('corpus'), 'gen-corpus.mjs'), '--out', out, '--pages', '400', '--seed', '18'], { stdio: 'ignore' });
  return out;
}

const corpora = [
  { name: 'real-hexo', dir: () => requireShared('corpus/real-hexo'), min: 1000 },
  { name: 'realworld', dir: () => path.join(requireShared('realworld'), 'pages'), min: 50 },
  { name: 'synthetic (400 pages, seed 18)', dir: synthetic, min: 400 },
];

describe.each(corpora)('normalised text on $name', ({ dir, min }) => {
  it('is what the old builder made, page by page, on both page models', { timeout: 900_000 }, () => {
    let pages = 0;
    const { builds, differences } = mirrorNormBuilders(() => {
      for (const file of htmlFiles(dir())) {
        const bytes = fs.readFileSync(file);
        if (looksBinary(bytes)) continue;
        const source = decodeHtml(bytes).text;
        pages++;
        try {
          const page = buildPage('page.html', source);
          for (const u of page.unseen) normalize(u.raw);
          streamPage('page.html', source);
        } catch (e) {
          if (!(e instanceof PageTooDeepError)) throw e;
        }
      }
    });
    expect(differences).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(min);
    expect(builds).toBeGreaterThan(pages);
  });
});
