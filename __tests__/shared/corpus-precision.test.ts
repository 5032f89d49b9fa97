/**
 * Precision on real pages: the content rules must stay quiet on an ordinary personal blog and on
 * real-world footers of personal sites. The full measurement with timings is
 * scripts/content-precision.mjs; this keeps the headline numbers from regressing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/source/decode.js';
import { checkSource, testSite } from '../helpers/rule-tester.js';
import { SHARED } from '../helpers/shared.js';

const CONTENT = ['content-prohibited', 'content-preapproval', 'content-entity-scope'];

function htmlFiles(root: string): string[] {
  if (!fs.existsSync(root)) throw new Error(`test corpus missing: ${root}`);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  walk(root);
  if (out.length === 0) throw new Error(`test corpus empty: ${root}`);
  return out.sort();
}

/** Pages flagged (warning or error) per content rule, checked as a personal filing. */
function flaggedPages(root: string): Record<string, string[]> {
  const site = testSite({ filing: 'personal', scope: 'all' }, CONTENT);
  const flagged: Record<string, string[]> = Object.fromEntries(CONTENT.map((id) => [id, []]));
  for (const file of htmlFiles(root)) {
    const rel = path.relative(root, file);
    const source = decodeHtml(fs.readFileSync(file)).text;
    const rules = new Set(checkSource(source, site, { rel, entry: rel === 'index.html' }).filter((f) => f.severity !== 'notice').map((f) => f.ruleId));
    for (const id of rules) flagged[id]!.push(rel);
  }
  return flagged;
}

describe('content rules on ordinary pages', () => {
  it('flag at most 1 % of the 1,259 pages of a real personal blog, per rule', () => {
    const root = path.join(SHARED, 'corpus/real-hexo');
    const pages = htmlFiles(root).length;
    const flagged = flaggedPages(root);
    for (const id of CONTENT) expect(flagged[id]!.length / pages, `${id}: ${flagged[id]!.join(', ')}`).toBeLessThanOrEqual(0.01);
  });

  it('find no prohibited content in the real-world footer corpus', () => {
    expect(flaggedPages(path.join(SHARED, 'realworld/pages'))['content-prohibited']).toEqual([]);
  });
});
