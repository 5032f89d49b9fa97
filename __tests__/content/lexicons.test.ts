import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/content/lexicon.js';
import { allLexicons, lexiconsFor } from '../../src/content/lexicons.js';
import { foldLatin, matchForm, TermMatcher } from '../../src/content/matcher.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { ROOT } from '../helpers/rule-tester.js';
import { PREAPPROVAL_CATEGORIES } from '../../src/model/index.js';

const DIR = path.join(ROOT, 'data/lexicons');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('shipped lexicons', () => {
  it('are every JSON file in data/lexicons, each valid and named by its id', () => {
    expect(allLexicons().map((l) => `${l.id}.json`).sort()).toEqual([...files].sort());
  });

  it('load at run time exactly as the schema reads them (the run skips the validation)', () => {
    for (const f of files) {
      const id = f.replace(/\.json$/, '');
      const validated = parseLexicon(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')), id);
      expect(allLexicons().find((l) => l.id === id), f).toEqual(validated);
    }
  });

  it('record where their terms come from and under which licence', () => {
    for (const l of allLexicons()) {
      expect(l.licence, l.id).toMatch(/MIT/);
      expect(l.sources.length, l.id).toBeGreaterThan(0);
      for (const s of l.sources) expect(s.licence, `${l.id}: ${s.name}`).not.toBe('');
    }
  });

  it('are listed with their sources in data/lexicons/README.md', () => {
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    for (const f of files) expect(readme, f).toContain(f);
  });

  it('cover exactly the pre-approval categories the config accepts', () => {
    expect(lexiconsFor('content-preapproval').map((l) => l.category).sort()).toEqual([...PREAPPROVAL_CATEGORIES].sort());
  });

  it('give every category a message in the rule that reports it', () => {
    for (const rule of ['content-prohibited', 'content-preapproval'] as const) {
      const messages = RULES_BY_ID.get(rule)!.meta.messages;
      for (const l of lexiconsFor(rule)) expect(Object.keys(messages), l.id).toContain(l.category);
    }
  });

  it('hold no political word lists', () => {
    for (const l of allLexicons()) expect(`${l.id} ${l.category} ${l.name.en}`).not.toMatch(/politic|政治|反动/i);
  });

  it('write each term in its matching form, once per list', () => {
    for (const l of allLexicons()) {
      const seen = new Set<string>();
      for (const t of [...l.terms, ...(l.licences ?? [])]) {
        expect(matchForm(t.term), `${l.id}: ${t.term}`).toBe(foldLatin(t.term));
        expect(seen.has(matchForm(t.term)), `${l.id}: duplicate ${t.term}`).toBe(false);
        seen.add(matchForm(t.term));
      }
    }
  });

  it('let a single term decide only where the list says it is unambiguous', () => {
    // Pre-approval categories always need several signals: no term reaches the threshold alone.
    for (const l of lexiconsFor('content-preapproval')) {
      for (const t of l.terms) expect(t.weight, `${l.id}: ${t.term}`).toBeLessThan(l.threshold);
      expect(l.minDistinct, l.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('reject a malformed list with the file and field named', () => {
    expect(() => parseLexicon({ id: 'broken', terms: [] }, 'broken')).toThrow(/data\/lexicons\/broken\.json is malformed: .*rule/);
    const good = JSON.parse(fs.readFileSync(path.join(DIR, 'prohibited-gambling.json'), 'utf8')) as unknown;
    expect(() => parseLexicon(good, 'prohibited-other')).toThrow(/id "prohibited-gambling" must equal the file name/);
  });
});

describe('term matcher', () => {
  const find = (keys: string[], text: string) => {
    const m = new TermMatcher(keys.map(matchForm));
    return m.find(foldLatin(text)).map((h) => text.slice(h.start, h.end));
  };

  it('keeps Latin terms to whole words: AV is not in JAVA, AV1 or AVX', () => {
    expect(find(['AV'], 'JAVA 调用 AV1 与 AVX')).toEqual([]);
    expect(find(['AV'], '这是AV女优')).toEqual(['AV']);
    expect(find(['pk10'], '北京赛车PK10计划')).toEqual(['PK10']);
    expect(find(['1080P'], 'width: 1080px')).toEqual([]);
  });

  it('folds Latin case without moving any offset', () => {
    expect(foldLatin('İstanbul ABC')).toBe('İstanbul abc');
    expect(foldLatin('İstanbul ABC')).toHaveLength('İstanbul ABC'.length);
    expect(find(['porn'], 'PORN site')).toEqual(['PORN']);
  });

  it('reports overlapping terms', () => {
    expect(find(['游戏', '游戏充值', '充值'], '游戏充值').sort()).toEqual(['充值', '游戏', '游戏充值']);
  });

  it('finds exactly what a naive search finds, overlaps and shared suffixes included', () => {
    // A tiny alphabet forces deep failure chains (abab…, 游戏游戏…).
    const word = fc.string({ unit: fc.constantFrom('a', 'b', '游', '戏'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '游', '戏', ' '), maxLength: 60 }), (keys, text) => {
        const got = new TermMatcher(keys)
          .find(text)
          .map((h) => `${h.start}:${keys[h.key]}`)
          .sort();
        const want: string[] = [];
        for (const k of keys) for (let at = text.indexOf(k); at !== -1; at = text.indexOf(k, at + 1)) {
          // Keys made only of a and b are Latin: they need word boundaries.
          const latin = /^[ab]/.test(k) && at > 0 && /[ab]/.test(text[at - 1]!);
          const latinEnd = /[ab]$/.test(k) && /[ab]/.test(text[at + k.length] ?? '');
          if (!latin && !latinEnd) want.push(`${at}:${k}`);
        }
        expect(got).toEqual(want.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('finds every shipped term in every fixture page exactly where a naive search does', () => {
    const keys = [...new Set(allLexicons().flatMap((l) => [...l.terms.map((t) => t.term), ...(l.licences ?? []).map((x) => x.term)].map(matchForm)))].filter(Boolean);
    const matcher = new TermMatcher(keys);
    const word = (c: string | undefined) => c !== undefined && /[0-9A-Za-z_]/.test(c);
    const pages: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.html')) pages.push(path.join(dir, e.name));
      }
    };
    walk(path.join(ROOT, 'fixtures'));
    let hits = 0;
    for (const file of pages) {
      // The source stands in for page text: long, mixed Latin and Chinese, every term the fixtures hold.
      const text = foldLatin(fs.readFileSync(file, 'utf8'));
      const got = matcher.find(text).map((h) => `${h.start}:${h.key}`);
      const want: string[] = [];
      keys.forEach((k, key) => {
        for (let at = text.indexOf(k); at !== -1; at = text.indexOf(k, at + 1)) {
          if (word(k[0]) && word(text[at - 1])) continue;
          if (word(k[k.length - 1]) && word(text[at + k.length])) continue;
          want.push(`${at}:${key}`);
        }
      });
      expect({ file, hits: got.sort() }).toEqual({ file, hits: want.sort() });
      hits += got.length;
    }
    expect(hits).toBeGreaterThan(300);
  });

  it('refuses duplicate keys', () => {
    expect(() => new TermMatcher(['a', 'a'])).toThrow(/duplicate/);
  });
});
