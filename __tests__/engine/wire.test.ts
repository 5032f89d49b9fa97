/** Findings cross from a page process in a compact form; they must come back exactly as they were. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, siteFacts } from '../../src/config/resolve.js';
import { checkPage } from '../../src/engine/check-page.js';
import { prepareSiteRules } from '../../src/engine/site-rules.js';
import { WIRE_TABLE_MAX, WireDecoder, WireEncoder } from '../../src/engine/wire.js';
import type { Finding } from '../../src/model/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function fixtureFindings(): Finding[][] {
  const config = resolveConfig(undefined, { root: ROOT, icp: '京ICP备2023012345号-1', siteName: '示例技术笔记', scope: 'all', lang: 'en' }, ROOT);
  const site = config.sites[0]!;
  const rules = prepareSiteRules(site, siteFacts(site.config), 'en');
  const dir = path.join(ROOT, 'fixtures/pages/icp-link');
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.html'))
    .map((n, i) => checkPage({ rel: n, file: `pages/${n}`, entry: i % 2 === 0, source: fs.readFileSync(path.join(dir, n), 'utf8') }, rules));
}

describe('wire form of findings', () => {
  it('round-trips the findings of real fixture pages, page after page, sending each repeated text once per process', () => {
    const pages = fixtureFindings();
    expect(pages.flat().length).toBeGreaterThan(5);
    const encoder = new WireEncoder();
    const decoder = new WireDecoder();
    let added = 0;
    for (const findings of [...pages, ...pages]) {
      // structuredClone: what crosses the process boundary is a copy, never the encoder's own arrays.
      const wire = structuredClone(encoder.encode(findings));
      added += wire.add.length;
      expect(decoder.decode(wire)).toEqual(findings);
    }
    const all = pages.flat();
    expect(new Set(all.map((f) => f.entry))).toEqual(new Set([true, false]));
    // Rule, message id, severity, message and fix: each distinct text once, although the pages were sent twice.
    const distinct = new Set(all.flatMap((f) => [f.ruleId, f.messageId, f.severity, f.message, f.fix]));
    expect(added).toBe(distinct.size);
  });

  it('starts the table over on both sides once it is full, and still round-trips', () => {
    const [first] = fixtureFindings().filter((f) => f.length > 0);
    const encoder = new WireEncoder();
    const decoder = new WireDecoder();
    let resets = 0;
    for (let i = 0; i < WIRE_TABLE_MAX + 10; i++) {
      // A message that differs on every page fills the table.
      const findings = first!.map((f) => ({ ...f, message: `${f.message} #${i}` }));
      const wire = structuredClone(encoder.encode(findings));
      if (wire.reset) resets++;
      expect(decoder.decode(wire)).toEqual(findings);
    }
    expect(resets).toBeGreaterThan(0);
  });
});
