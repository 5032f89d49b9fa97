/**
 * The partition of `--shard K/N` (issue 20) is public: tests outside the project and users' own
 * scripts may compute which shard a page is in. These pin it: SHA-256 of the site-relative POSIX
 * path, first 4 bytes big-endian, mod N, plus 1; entry pages in shard 1.
 */
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/config/errors.js';
import { ownsSiteFindings, pageInShard, parseShard, shardFromCi, shardOfPath } from '../../src/engine/shard.js';

describe('shardOfPath', () => {
  it('is the documented hash of the path, the same on every machine', () => {
    // u32be(sha256("about/index.html")[0..4]) = 3219192753
    expect([2, 3, 4, 5].map((n) => shardOfPath('about/index.html', n))).toEqual([2, 1, 2, 4]);
    expect([2, 3, 4, 5].map((n) => shardOfPath('posts/2024/你好.html', n))).toEqual([1, 3, 1, 3]);
    expect([2, 3, 4, 5].map((n) => shardOfPath('docs/a b/index.html', n))).toEqual([2, 2, 2, 1]);
    expect(shardOfPath('anything.html', 1)).toBe(1);
  });

  it('hashes the NFC form, so a decomposed name (as macOS may list it) lands where the composed one does', () => {
    const composed = 'posts/caf\u00e9/r\u00e9sum\u00e9.html';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    for (const n of [2, 3, 4, 5, 7, 16]) expect(shardOfPath(decomposed, n)).toBe(shardOfPath(composed, n));
    // Hangul composes too: different bytes, one shard.
    expect([2, 3, 5, 7, 11, 13].map((n) => shardOfPath('\u1112\u1161\u11ab/index.html', n))).toEqual([2, 3, 5, 7, 11, 13].map((n) => shardOfPath('\ud55c/index.html', n)));
  });

  it('spreads pages evenly and puts each in exactly one shard', () => {
    const paths = Array.from({ length: 10_000 }, (_, i) => `section-${i % 37}/post-${i}.html`);
    for (const n of [2, 3, 4, 7]) {
      const counts = new Array<number>(n).fill(0);
      for (const p of paths) {
        const owners = Array.from({ length: n }, (_, k) => pageInShard(p, false, { index: k + 1, total: n })).filter(Boolean);
        expect(owners).toHaveLength(1);
        counts[shardOfPath(p, n) - 1]!++;
      }
      for (const c of counts) expect(Math.abs(c - paths.length / n) / (paths.length / n), `N = ${n}: ${counts.join(', ')}`).toBeLessThan(0.06);
    }
  });

  it('puts entry pages and site-level findings in shard 1 only', () => {
    // index.html hashes to shard 3 of 3, yet as an entry page it is shard 1's.
    expect(shardOfPath('index.html', 3)).toBe(3);
    expect([1, 2, 3].map((k) => pageInShard('index.html', true, { index: k, total: 3 }))).toEqual([true, false, false]);
    expect([1, 2, 3].map((k) => ownsSiteFindings({ index: k, total: 3 }))).toEqual([true, false, false]);
    expect(ownsSiteFindings(undefined)).toBe(true);
    expect(pageInShard('x.html', false, undefined)).toBe(true);
  });
});

describe('parseShard and shardFromCi', () => {
  it('reads K/N with 1 ≤ K ≤ N ≤ 1000 and refuses the rest naming where', () => {
    expect(parseShard('2/4', '--shard')).toEqual({ index: 2, total: 4 });
    expect(parseShard(' 1 / 1 ', '--shard')).toEqual({ index: 1, total: 1 });
    expect(parseShard('1000/1000', '--shard')).toEqual({ index: 1000, total: 1000 });
    for (const bad of ['', '0/1', '2/1', '1/1001', '-1/2', '+1/2', '1/2/3', '1.0/2', '0x1/2', '１/２']) {
      let error: unknown;
      try {
        parseShard(bad, '--shard');
      } catch (e) {
        error = e;
      }
      expect(isInputError(error), bad).toBe(true);
      expect((error as Error).message).toBe(`--shard: "${bad}" is not a shard: write K/N with 1 ≤ K ≤ N ≤ 1000, e.g. 2/4 for the second of four`);
    }
  });

  it('takes the GitLab variables only when both make a shard', () => {
    expect(shardFromCi({ CI_NODE_INDEX: '3', CI_NODE_TOTAL: '5' })).toEqual({ shard: { index: 3, total: 5 } });
    expect(shardFromCi({})).toEqual({});
    expect(shardFromCi({ CI_NODE_TOTAL: '1' })).toEqual({});
    expect(shardFromCi({ CI_NODE_INDEX: '3' })).toEqual({ ignored: 'CI_NODE_INDEX=3, CI_NODE_TOTAL=' });
    expect(shardFromCi({ CI_NODE_INDEX: '6', CI_NODE_TOTAL: '5' })).toEqual({ ignored: 'CI_NODE_INDEX=6, CI_NODE_TOTAL=5' });
  });
});
