/**
 * NormBuilder keeps single spaces inside its verbatim runs (issue 18: half the pieces it used to
 * join). It must produce exactly the text and offset map it produced before: every builder the
 * page models create over every fixture page, over edge cases and over generated text is mirrored
 * by the old builder (__tests__/helpers/norm-oracle.ts) and compared when it finishes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/page/normalize.js';
import { buildBothModels, mirrorNormBuilders } from '../helpers/norm-oracle.js';
import { ROOT } from '../helpers/rule-tester.js';

function* htmlFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(abs);
    else if (/\.html?$/i.test(e.name)) yield abs;
  }
}


const EDGES = [
  'a b', 'a  b', ' a', 'a ', '  ', ' ', '', 'a \u00a0b', 'a\u00a0 b', 'a\n b', 'a \nb', 'a\t\tb', 'a b c  d   e',
  '京 ICP 备 12345678 号', '京　ICP　备', 'ＡＢ　ｃｄ', 'a \u200b b', 'a\u200b b', 'a - b', 'a ‑ b', 'a &amp; b', 'a &nbsp; b', 'a&nbsp;b',
  'a &#32; b', '&#32;a', 'a&#32;', 'x 𠀀 y', '𠀀 ', ' 𠀀', '\ud800 a', 'a \udc00', 'é é', 'ﬁ ﬁ', 'a ½ b', 'a\r\n b', '中 文 字',
];

/** Text made of the characters the builder treats differently, the same on every run. */
function generated(count: number): string[] {
  const units = ['a', 'Z', '中', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\u200b', '‑', '－', 'Ａ', '½', '𠀀', '&amp;', '&#32;', '&nbsp;', '&lt;', 'é', 'ﬁ'];
  let x = 18;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let k = Math.floor(next() * 12); k >= 0; k--) s += units[Math.floor(next() * units.length)];
    out.push(s);
  }
  return out;
}

describe('normalised text is what the old builder made', () => {
  it('on every fixture page, both page models', () => {
    const files = [...htmlFiles(path.join(ROOT, 'fixtures'))];
    const { builds, differences } = mirrorNormBuilders(() => {
      for (const file of files) buildBothModels(fs.readFileSync(file, 'utf8'));
    });
    expect(differences).toEqual([]);
    expect(builds).toBeGreaterThan(files.length);
  });

  it('on edge cases, as text, as pages and run together', () => {
    const texts = [...EDGES, ...generated(3000)];
    const { builds, differences } = mirrorNormBuilders(() => {
      for (const t of texts) {
        normalize(t);
        buildBothModels(`<p>${t}</p><div> ${t}<b>${t}</b> </div>${t}`);
      }
      buildBothModels(`<p>${texts.join('')}</p>`);
    });
    expect(differences).toEqual([]);
    expect(builds).toBeGreaterThan(texts.length * 3);
  });
});
