/**
 * Sharded checks over the synthetic corpus (issue 20): ../shared/corpus/gen-corpus.mjs makes a
 * site of a few hundred generated pages (footers of every kind, legacy encodings, minified and
 * large pages); for N = 1..5 the merged report of N shards must be the unsharded report, byte for
 * byte in JSON and in the terminal report, with the same exit code.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireShared } from '../helpers/shared.js';
import { wholeAndMerged } from '../helpers/shards.js';

const PAGES = 300;
const temps: string[] = [];

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

describe('sharded checks over the synthetic corpus', () => {
  it(`${PAGES} generated pages: N = 1..5 merged is the unsharded report`, async () => {
    const generator = path.join(requireShared('corpus'), 'gen-corpus.mjs');
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-shards-corpus-'));
    temps.push(cwd);
    execFileSync(process.execPath, [generator, '--out', path.join(cwd, 'site'), '--pages', String(PAGES), '--seed', '7'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    const args = ['site', '--icp', '京ICP备2023012345号-1', '--police', '京公网安备11010502030143号', '--site-name', '示例技术笔记', '--scope', 'all', '--no-source-map', '--lang', 'en'];
    for (let n = 1; n <= 5; n++) {
      const { whole, merged, shards } = await wholeAndMerged(cwd, args, n, ['--lang', 'en']);
      expect(merged.json, `JSON, N = ${n}`).toBe(whole.json);
      expect(merged.stylish, `stylish, N = ${n}`).toBe(whole.stylish);
      expect(merged.code, `exit code, N = ${n}`).toBe(whole.code);
      expect(shards.reduce((sum, s) => sum + s.summary.pages, 0)).toBe(JSON.parse(whole.json).summary.pages);
      if (n > 1) for (const s of shards) expect(s.summary.pages, `every shard has work, N = ${n}`).toBeGreaterThan(PAGES / n / 2);
    }
  });
});
