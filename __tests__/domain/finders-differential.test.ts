/**
 * findIcpNumbers and findPoliceNumbers search near anchors (`ICP`/`IPC`/`B2`, `公`) instead of
 * running their pattern from every character (issue 18). They must find exactly what the global
 * search they replaced finds: over every fixture page (its source, its visible text, the text of
 * its scripts and comments), over hand-written edge cases and over generated near misses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPage } from '../../src/page/build-page.js';
import { normalize } from '../../src/page/normalize.js';
import { PageTooDeepError } from '../../src/page/parse.js';
import { streamPage } from '../../src/page/stream-page.js';
import { finderDifferences, globalMatchCount, nearMisses } from '../helpers/finder-oracle.js';
import { ROOT } from '../helpers/rule-tester.js';

function* htmlFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(abs);
    else if (/\.html?$/i.test(e.name)) yield abs;
  }
}

/** The texts a page puts before the finders: its visible text, its unseen texts normalised, and its source as a stress input. */
function textsOf(source: string): string[] {
  const out = [source];
  try {
    const page = buildPage('page.html', source);
    out.push(page.text.value, streamPage('page.html', source).text.value);
    for (const u of page.unseen) out.push(normalize(u.raw));
  } catch (e) {
    if (!(e instanceof PageTooDeepError)) throw e;
  }
  return out;
}

const EDGE_CASES = [
  '京ICP备2023012345号-1',
  '京ICP备2023012345号-1京ICP备2023012345号-2',
  'ICP备12345678号',
  '京icp备12345678号 粤IPC备87654321号-3 沪ICP证030173号',
  '京ICP备12345678号ICP备1号',
  '号ICP备12345678号',
  '京交ICP备12345678号',
  '萌ICP备20230001号',
  '京 ICP 备 : 12345678 号 - 2',
  '京ICP备案号：12345678',
  '京ICP备12345678-1号',
  '京ICP备12345678号-1A',
  '京ICP备12345678X号',
  '京ICP备12345678号-1234567890',
  '𠀀ICP备12345678号',
  '京𠀀 ICP备12345678号',
  '京𠀀ICP备12345678号',
  '\uD800ICP备12345678号',
  '京\uDC00ICP备12345678号',
  '沪B2-20090059',
  '合字B2-20090059',
  '粤 B2-20090059-1',
  'AB2-2000 9B2-2000 B2-2000',
  'B2B2-12345678',
  'ICPICPICP备12345678号ICP',
  'ICP',
  'B2',
  '公',
  '京公网安备11010502030143号',
  '京公网安备 11010502030143 号京公网安备11010502030144号',
  '本站公安备案号11010502030143',
  '号公网安备11010502030143号',
  '𠀀 公网安备11010502030143号',
  '川公网安备 51010702001250号',
  '公安备案 30 天内办理',
  '粤公网安 44060402000001',
  '京ICP备12345678号 京公网安备11010502030143号',
  'x'.repeat(5000) + '京ICP备12345678号',
  // Adversarial runs: every character an anchor or a prefix, digit runs far past any bound.
  '京 ICP 备 '.repeat(20_000),
  `京ICP备${'1'.repeat(100_000)}号`,
  'ICP'.repeat(50_000),
  'B2-'.repeat(50_000),
  '京 公网安 : '.repeat(20_000) + '1'.repeat(100_000),
  '公'.repeat(100_000),
  '京ICP备12345678号' + '公'.repeat(3000) + 'ICP'.repeat(3000),
];

/** Pages whose numbers only appear once entities are decoded or full-width letters are folded. */
const PAGES = [
  '<p>京&#73;CP备2023012345号-1</p>',
  '<p>京&#x49;&#x43;&#x50;备2023012345号</p>',
  '<p>京ＩＣＰ备２０２３０１２３４５号－１</p>',
  '<p>京ｉｃｐ备１２３４５６７８号 粤Ｂ２－２００９００５９</p>',
  '<p>京&#20844;网安备11010502030143号</p>',
  '<p>京<b>ICP</b>备<span>12345678</span>号</p><p>京公网安备<br>11010502030143号</p>',
  '<footer>京&nbsp;ICP&nbsp;备&nbsp;12345678&nbsp;号&#8209;1</footer>',
];

describe('number finders search near anchors and find what the global search finds', () => {
  it('on every fixture page', () => {
    const files = [...htmlFiles(path.join(ROOT, 'fixtures'))];
    expect(files.length).toBeGreaterThan(200);
    let matches = 0;
    for (const file of files) {
      for (const text of textsOf(fs.readFileSync(file, 'utf8'))) {
        expect({ file, differences: finderDifferences(text) }).toEqual({ file, differences: [] });
        matches += globalMatchCount(text);
      }
    }
    expect(matches).toBeGreaterThan(500);
  });

  it('on hand-written edge cases, alone and run together', () => {
    for (const text of [...EDGE_CASES, EDGE_CASES.join(''), EDGE_CASES.join(' ')]) {
      expect({ text: text.slice(0, 80), differences: finderDifferences(text) }).toEqual({ text: text.slice(0, 80), differences: [] });
    }
  });

  it('on pages whose numbers show only once entities and full-width letters are read', () => {
    for (const html of PAGES) {
      const texts = textsOf(html).slice(1);
      expect(texts.reduce((n, t) => n + globalMatchCount(t), 0)).toBeGreaterThan(0);
      for (const text of texts) expect({ html, differences: finderDifferences(text) }).toEqual({ html, differences: [] });
    }
  });

  it('on generated near misses, alone and run together', () => {
    const texts = nearMisses(20_000);
    let matches = 0;
    for (const text of texts) {
      expect({ text, differences: finderDifferences(text) }).toEqual({ text, differences: [] });
      matches += globalMatchCount(text);
    }
    expect(matches).toBeGreaterThan(1000);
    for (let i = 0; i < texts.length; i += 500) {
      const joined = texts.slice(i, i + 500).join('');
      expect(finderDifferences(joined)).toEqual([]);
    }
  });
});
