/**
 * The number finders against their specification (issue 18): findIcpNumbers and
 * findPoliceNumbers only try their pattern near an anchor (src/domain/anchored-scan.ts) and must
 * find exactly what a plain global search with that pattern finds, which is how both searched
 * before. Used by __tests__/domain/finders-differential.test.ts (fixture pages, edge cases,
 * generated near misses) and __tests__/shared/finders-differential.test.ts (the shared corpora).
 */
import { anchoredMatches, type AnchoredSearch } from '../../src/domain/anchored-scan.js';
import { findIcpNumbers, ICP_SEARCH } from '../../src/domain/icp.js';
import { POLICE_SEARCH } from '../../src/domain/police.js';

const SEARCHES: readonly (readonly [string, AnchoredSearch])[] = [
  ['icp', ICP_SEARCH],
  ['police', POLICE_SEARCH],
];
/** The oracle: the global searches the finders ran before (`text.matchAll` with flags `gu`). */
const GLOBAL = new Map(SEARCHES.map(([name, s]) => [name, new RegExp(s.pattern.source, 'gu')]));

/**
 * Where the anchored searches disagree with the global ones over `text` (empty when they agree),
 * and where findIcpNumbers does (it keeps every match; findPoliceNumbers reads its matches
 * through the same code as before, so its search is what can differ).
 */
export function finderDifferences(text: string): string[] {
  const out: string[] = [];
  for (const [name, search] of SEARCHES) {
    const want = [...text.matchAll(GLOBAL.get(name)!)].map((m) => `${m.index}:${m[0]}`);
    const got: string[] = [];
    anchoredMatches(text, search, (start, match) => got.push(`${start}:${match}`));
    if (want.join('\n') !== got.join('\n')) out.push(`${name}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    if (name === 'icp') {
      const found = findIcpNumbers(text).map((m) => `${m.start}:${m.text}`);
      if (want.join('\n') !== found.join('\n')) out.push(`findIcpNumbers: want ${JSON.stringify(want)}, got ${JSON.stringify(found)}`);
    }
  }
  return out;
}

/** How many matches the global searches find in `text` (tests check that the inputs held some). */
export function globalMatchCount(text: string): number {
  let n = 0;
  for (const re of GLOBAL.values()) for (const _ of text.matchAll(re)) n++;
  return n;
}

/** A small deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/**
 * Pieces numbers are made of, and near misses of them: province and other Han characters (one
 * astral), 号 (never a prefix), every case of ICP and IPC, B2 after letters and digits, the
 * wordings of police numbers, dashes, colons, spaces, digit runs, app suffixes, lone surrogates.
 */
const TOKENS = [
  '京', '粤', '川', '萌', '交', '沪', '号', '站', '𠀀', '𪚥', '合字', 'ICP', 'icp', 'IcP', 'iCp', 'IPC', 'ipc', 'IpC', 'IC', 'CP', 'I', 'P',
  'B2', 'b2', 'AB2', '9B2', 'B', '2', '备', '备案', '备案号', '证', ':', '：', ' ', ' ', '-', '‐', '－', '−', '1', '7', '0', '23', '2023012345',
  '11010502030143', '4406', 'X', 'x', '*', 'A', 'a', 'K', 'z', '\uD800', '\uDC00', '公', '公网安备', '公网安', '公安', '公安备案号', '公安网备', '公安备号',
  '公网安备案号', '。', '\n', 'é',
];

/** `count` strings of 1 to 14 tokens each, the same on every run. */
export function nearMisses(count: number, seed = 18): string[] {
  const next = lcg(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = 1 + Math.floor(next() * 14);
    for (let k = 0; k < n; k++) s += TOKENS[Math.floor(next() * TOKENS.length)];
    out.push(s);
  }
  return out;
}
