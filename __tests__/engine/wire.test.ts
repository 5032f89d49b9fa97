/** Findings cross from a page process in a compact form; they must come back exactly as they were. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, siteFacts } from '../../src/config/resolve.js';
import { checkPage } from '../../src/engine/check-page.js';
import { prepareSiteRules } from '../../src/engine/site-rules.js';
import { decodeFindings, encodeFindings } from '../../src/engine/wire.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('wire form of findings', () => {
  it('round-trips the findings of real fixture pages, entry and not, sharing one copy of each repeated text', () => {
    const config = resolveConfig(undefined, { root: ROOT, icp: '京ICP备2023012345号-1', siteName: '示例技术笔记', scope: 'all', lang: 'en' }, ROOT);
    const site = config.sites[0]!;
    const rules = prepareSiteRules(site, siteFacts(site.config), 'en');
    const dir = path.join(ROOT, 'fixtures/pages/icp-link');
    const findings = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.html'))
      .flatMap((n, i) => checkPage({ rel: n, file: `pages/${n}`, entry: i % 2 === 0, source: fs.readFileSync(path.join(dir, n), 'utf8') }, rules));
    expect(findings.length).toBeGreaterThan(5);
    const wire = encodeFindings(findings);
    const back = decodeFindings(structuredClone(wire));
    expect(back).toEqual(findings);
    expect(new Set(back.map((f) => f.entry))).toEqual(new Set([true, false]));
    expect(wire.strings.length).toBeLessThan(findings.length * 6);
  });
});
