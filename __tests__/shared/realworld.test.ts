import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyMiitHref, classifyPoliceHref } from '../../src/domain/links.js';
import { parseIcp } from '../../src/domain/icp.js';
import { parsePolice } from '../../src/domain/police.js';
import { checkFile } from '../../src/engine/check-file.js';
import { prepareSiteRules } from '../../src/engine/site-rules.js';
import { StylesheetCache } from '../../src/engine/stylesheets.js';
import { siteFacts } from '../../src/config/resolve.js';
import { normalize } from '../../src/page/normalize.js';
import { LineIndex } from '../../src/source/line-index.js';
import { decodeHtml } from '../../src/source/decode.js';
import { testSite } from '../helpers/rule-tester.js';
import { REALWORLD } from '../helpers/shared.js';

/**
 * Every real page of ../shared/realworld through the whole engine, with expectations derived
 * from the corpus manifest (observations made by hand, independent of this code).
 */
const CORPUS = REALWORLD;
if (!fs.existsSync(path.join(CORPUS, 'manifest.json'))) {
  throw new Error(`the real-world corpus is missing at ${CORPUS}; these tests need ../shared`);
}

interface Entry {
  file: string;
  encoding: string;
  title: string | null;
  icp_texts: string[];
  icp_hrefs: (string | null)[];
  police_texts: string[];
  police_hrefs: (string | null)[];
  tags: string[];
  notes: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as Entry[];

const FALLBACK_ICP = '京ICP备2023012345号-1';

function firstValid<T>(texts: string[], parse: (s: string) => { ok: boolean; value?: T }): { text: string; index: number } | undefined {
  for (let i = 0; i < texts.length; i++) {
    const text = normalize(texts[i]!);
    const r = parse(text);
    if (r.ok) return { text, index: i };
  }
  return undefined;
}

/** Pages whose manifest facts the engine reads differently, each with the reason. */
const KNOWN: Record<string, string> = {};

async function run(entry: Entry) {
  const icp = firstValid(entry.icp_texts, parseIcp);
  const police = firstValid(entry.police_texts, parsePolice);
  const visibleTitle = entry.title ? normalize(entry.title) : '';
  const site = testSite({
    icp: icp?.text ?? FALLBACK_ICP,
    police: police?.text,
    siteName: visibleTitle || '示例技术笔记',
    miitLink: 'exact',
  });
  const rules = prepareSiteRules(site, siteFacts(site.config), 'en');
  const abs = path.join(CORPUS, entry.file);
  const findings = await checkFile({ abs, rel: entry.file, file: entry.file, entry: true }, rules, new StylesheetCache(path.dirname(abs)));
  return { icp, police, findings };
}

describe('real-world pages', () => {
  it('has the 75 pages the README describes', () => expect(manifest).toHaveLength(75));

  for (const entry of manifest) {
    const unseenOnly = entry.tags.some((t) => ['icp:in-comment-only', 'icp:in-script-only', 'icp:image-only'].includes(t));
    it(`${entry.file} (${entry.tags.filter((t) => t.startsWith('link:') || t.startsWith('icp:')).join(', ')})`, async () => {
      if (KNOWN[entry.file]) return;
      const { icp, police, findings } = await run(entry);
      const ids = (rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => f.messageId);

      // Every location is inside the file.
      const bytes = fs.readFileSync(path.join(CORPUS, entry.file));
      const lines = new LineIndex(decodeHtml(bytes).text);
      for (const f of findings) {
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.line).toBeLessThanOrEqual(lines.lineCount);
        expect(f.column).toBeGreaterThanOrEqual(1);
      }

      if (entry.tags.includes('icp:in-comment-only')) expect(ids('icp-present')).toEqual(['only-comment']);
      if (entry.tags.includes('icp:in-script-only')) expect(ids('icp-present')).toEqual(['only-script']);

      if (icp && !unseenOnly) {
        // The configured number is on the page: it is found and nothing calls it missing or wrong.
        expect(ids('icp-present')).toEqual([]);
        expect(ids('icp-mismatch')).toEqual([]);
        // The link verdicts for every occurrence of that number, from the manifest's hrefs.
        const expected = new Set<string>();
        entry.icp_texts.forEach((text, i) => {
          const parsed = parseIcp(normalize(text));
          if (!parsed.ok || parsed.value.canonical !== parseIcp(icp.text).value?.canonical) return;
          const href = entry.icp_hrefs[i];
          if (href === null || href === undefined) expected.add('not-linked|no-href|scripted');
          else {
            const v = classifyMiitHref(href, 'exact');
            if (!v.ok) expected.add(v.problem === 'missing' ? 'placeholder' : v.problem);
          }
        });
        const got = ids('icp-link');
        for (const id of got) expect([...expected].some((e) => e.split('|').includes(id)), `unexpected icp-link/${id}; expected ${[...expected].join(', ') || 'none'}`).toBe(true);
        if (expected.size === 0) expect(got).toEqual([]);
        else expect(got.length).toBeGreaterThan(0);
      }
      if (!icp && !unseenOnly && entry.icp_texts.length === 0 && !entry.tags.some((t) => t.startsWith('shell:'))) {
        expect(ids('icp-present')).toEqual(['missing']);
      }

      if (police) {
        expect(ids('police-present')).toEqual([]);
        expect(ids('police-mismatch')).toEqual([]);
        const href = entry.police_hrefs[police.index];
        const digits = normalize(police.text).replace(/\D/g, '');
        const got = ids('police-link');
        if (href) {
          const v = classifyPoliceHref(href, digits);
          if (v.ok) expect(got).toEqual([]);
          else expect(got).toContain(v.problem === 'missing' ? 'not-linked' : v.problem);
        } else expect(got).toContain('not-linked');
      }

      if (entry.title === null) expect(ids('title-site-name')).toEqual(['missing']);
      else if (entry.title === '') expect(ids('title-site-name')).toEqual(['empty']);
      else expect(ids('title-site-name')).toEqual([]);

      if (entry.encoding !== 'utf-8' && !entry.encoding.includes('BOM')) {
        // GB-encoded pages decode to real Chinese: the ICP number is found, no mojibake warning.
        expect(ids('file-encoding')).toEqual([]);
      }
    });
  }
});
