/**
 * Our parsing against htmlparser2's own over real and generated sites (issue 18; the fixtures,
 * fuzzer pages and hand-written markup are in __tests__/page/tokenizer-differential.test.ts):
 * on every page of the real Hexo blog, of the real-world pages and of a synthetic site,
 * FastTokenizer must give the stock tokenizer's callbacks, alone and under Parser, and
 * TextParser the stock Parser's, with the same arguments and indices, callback for callback.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';
import { parserDifferences } from '../helpers/parser-trace.js';
import { requireShared } from '../helpers/shared.js';

function pages(dir: string): { rel: string; source: string }[] {
  const out: { rel: string; source: string }[] = [];
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.html?$/i.test(f)).sort()) {
    const bytes = fs.readFileSync(path.join(dir, rel));
    if (!looksBinary(bytes)) out.push({ rel, source: decodeHtml(bytes).text });
  }
  return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-parser-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthetic(): string {
  const out = path.join(tmp, 'synthetic');
  execFileSync(process.execPath, [path.join(requireShared('corpus'), 'gen-corpus.mjs'), '--out', out, '--pages', '600', '--seed', '18'], { stdio: 'ignore' });
  return out;
}

const corpora = [
  { name: 'real-hexo', dir: () => requireShared('corpus/real-hexo'), min: 1000 },
  { name: 'realworld', dir: () => path.join(requireShared('realworld'), 'pages'), min: 50 },
  { name: 'synthetic (600 pages, seed 18)', dir: synthetic, min: 600 },
];

describe.each(corpora)('parsing on $name', ({ dir, min }) => {
  const all = pages(dir());

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
