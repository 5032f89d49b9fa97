/**
 * The differential test of issue 18 over real and generated sites: every page of the real Hexo
 * blog (../shared/corpus/real-hexo), of the real-world pages (../shared/realworld) and of a
 * synthetic site from ../shared/corpus/gen-corpus.mjs is built on both page models, and checked
 * both ways under three configurations, entry page and not. The text model must give the same
 * page (text, map, pieces and their ancestors, unseen texts, stylesheets, title, head, body,
 * elements), and the engine's choice of model must give exactly the findings of the tree.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';
import { bothFindings, modelDifferences, modelSites, takesTextModel } from '../helpers/page-models.js';
import { requireShared } from '../helpers/shared.js';

function* htmlFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(abs);
    else if (/\.html?$/i.test(e.name)) yield abs;
  }
}

function pages(dir: string): { rel: string; source: string }[] {
  const out: { rel: string; source: string }[] = [];
  for (const file of htmlFiles(dir)) {
    const bytes = fs.readFileSync(file);
    if (looksBinary(bytes)) continue;
    out.push({ rel: path.relative(dir, file), source: decodeHtml(bytes).text });
  }
  return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-models-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthetic(): string {
  const out = path.join(tmp, 'synthetic');
  execFileSync(process.execPath, [path.join(requireShared('corpus'), 'gen-corpus.mjs'), '--out', out, '--pages', '600', '--seed', '7'], { stdio: 'ignore' });
  return out;
}

const corpora = [
  { name: 'real-hexo', dir: () => requireShared('corpus/real-hexo'), min: 1000 },
  { name: 'realworld', dir: () => path.join(requireShared('realworld'), 'pages'), min: 50 },
  { name: 'synthetic (600 pages, seed 7)', dir: synthetic, min: 600 },
];

describe.each(corpora)('page models on $name', ({ dir, min }) => {
  const all = pages(dir());
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
