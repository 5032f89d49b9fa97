import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';
import { requireShared } from './shared.js';

/**
 * The three corpora the differential tests of `npm run test:shared` walk: the real Hexo blog, the
 * real-world pages and a synthetic site generated for the test. Only tests under __tests__/shared/
 * may import this (it reads ../shared).
 */
export interface Corpus {
  readonly name: string;
  /** The folder; the synthetic site is generated on first call. */
  readonly dir: () => string;
  /** Pages it must hold at least, so that an emptied corpus fails instead of passing. */
  readonly min: number;
}

/** Every .html/.htm file under `dir`, in a stable order. */
export function* htmlFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(abs);
    else if (/\.html?$/i.test(e.name)) yield abs;
  }
}

/** Every page under `dir` that is not binary, decoded as the engine decodes it. */
export function readPages(dir: string): { rel: string; source: string }[] {
  const out: { rel: string; source: string }[] = [];
  for (const file of htmlFiles(dir)) {
    const bytes = fs.readFileSync(file);
    if (!looksBinary(bytes)) out.push({ rel: path.relative(dir, file), source: decodeHtml(bytes).text });
  }
  return out;
}

/** The corpora, with a synthetic site of `pages` pages from gen-corpus.mjs with `seed`; call at a test file's top level. */
export function sharedCorpora(synthetic: { pages: number; seed: number }): Corpus[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-corpus-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let generated: string | undefined;
  const generate = (): string => {
    if (generated) return generated;
    const out = path.join(tmp, 'synthetic');
    const args = ['--out', out, '--pages', String(synthetic.pages), '--seed', String(synthetic.seed)];
    execFileSync(process.execPath, [path.join(requireShared('corpus'), 'gen-corpus.mjs'), ...args], { stdio: 'ignore' });
    return (generated = out);
  };
  return [
    { name: 'real-hexo', dir: () => requireShared('corpus/real-hexo'), min: 1000 },
    { name: 'realworld', dir: () => path.join(requireShared('realworld'), 'pages'), min: 50 },
    { name: `synthetic (${synthetic.pages} pages, seed ${synthetic.seed})`, dir: generate, min: synthetic.pages },
  ];
}
