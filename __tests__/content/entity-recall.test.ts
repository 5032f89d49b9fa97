/**
 * Recall of content-entity-scope (issue 13): the labelled pages a personal filing must not
 * publish, each signal alone and combined, must all get a warning; the ordinary personal pages
 * that look like them (a VPS price comparison, a tip jar, notes on registering a business) must
 * not. scripts/content-precision.mjs prints the same figures per signal, with precision on the
 * real corpora.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource, ROOT, testSite } from '../helpers/rule-tester.js';

const DIR = path.join(ROOT, 'fixtures/pages/content-entity-scope');
const labels = JSON.parse(fs.readFileSync(path.join(DIR, 'recall/labels.json'), 'utf8')) as { pages: Record<string, string[]> };

function warnings(rel: string): string[] {
  const source = fs.readFileSync(path.join(DIR, rel), 'utf8');
  return checkSource(source, testSite({ filing: 'personal' }, ['content-entity-scope']), { rel: path.basename(rel) })
    .filter((f) => f.severity !== 'notice')
    .map((f) => `${f.messageId}: ${f.evidence}`);
}

describe('content-entity-scope recall on the labelled pages', () => {
  const pages = fs.readdirSync(path.join(DIR, 'recall')).filter((f) => f.endsWith('.html')).sort();

  it('has at least 40 labelled pages, every page labelled and every label a page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(labels.pages).sort()).toEqual(pages);
  });

  it('covers each signal alone and combined', () => {
    const kinds = new Set(Object.values(labels.pages).flat());
    for (const kind of kinds) {
      const withKind = Object.values(labels.pages).filter((s) => s.includes(kind));
      expect(withKind.some((s) => s.length === 1), `${kind} alone`).toBe(true);
      expect(withKind.some((s) => s.length > 1), `${kind} combined`).toBe(true);
    }
  });

  it.each(pages)('warns on recall/%s', (page) => {
    expect(warnings(`recall/${page}`)).not.toEqual([]);
  });
});

describe('content-entity-scope stays quiet on ordinary personal pages that look like them', () => {
  const pages = fs.readdirSync(path.join(DIR, 'ordinary')).filter((f) => f.endsWith('.html')).sort();
  it.each(pages)('ordinary/%s', (page) => {
    expect(warnings(`ordinary/${page}`)).toEqual([]);
  });
});
