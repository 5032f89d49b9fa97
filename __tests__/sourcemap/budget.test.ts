/**
 * Source mapping's budget counts work, not wall time (issue 17 item 4, audit row D5): the same
 * repository gives the same source locations however slow the machine is, so JSON and SARIF are
 * byte-identical between runs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupFindings, mapGroups, SEARCH_BUDGET_BYTES } from '../../src/sourcemap/index.js';
import { indexFromTexts } from '../../src/sourcemap/source-index.js';
import type { Finding } from '../../src/model/index.js';

/** One title finding per page, each title written in its own template. */
function setup(n: number) {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    ruleId: 'title-site-name', messageId: 'mismatch', severity: 'error', file: `public/p${i}/index.html`, page: `p${i}/index.html`,
    line: 1, column: 1, endLine: 1, endColumn: 2, message: `title ${i}`, fix: '', evidence: `Title number ${i} of the site`, fingerprint: `f${i}`, entry: false,
  }));
  const index = indexFromTexts(Array.from({ length: n }, (_, i) => ({ path: `layouts/t${i}.njk`, text: `<head>\n  <title>Title number ${i} of the site</title>\n</head>\n` })));
  return { findings, index };
}

const io = { readPage: () => null };

afterEach(() => vi.restoreAllMocks());

describe('the source mapping budget', () => {
  it('a clock that races ahead (a loaded runner) changes nothing: every title is mapped', () => {
    const { findings, index } = setup(40);
    let now = 0;
    // Each reading of the clock is 20 s later: a wall-clock budget stopped after the first problem.
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 20_000));
    mapGroups(groupFindings(findings, ['public']), index, ['public'], 'en', io);
    expect(findings.filter((f) => f.sourceLocations).length).toBe(40);
    expect(findings[39]!.sourceLocations![0]).toMatchObject({ file: 'layouts/t39.njk', line: 2 });
  });

  it('past the budget the same problems are mapped every time: the cut depends on the index size only', () => {
    const runs = [0, 1].map(() => {
      const { findings, index } = setup(40);
      // An index as large as a huge repository: each search is charged a tenth of the budget.
      const big = { ...index, total: SEARCH_BUDGET_BYTES / 10 };
      mapGroups(groupFindings(findings, ['public']), big, ['public'], 'en', io);
      return findings.map((f) => (f.sourceLocations ? f.sourceLocations[0]!.file : null));
    });
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]!.filter((x) => x !== null)).toHaveLength(10);
  });
});
