/** The ICP grammar on every footer text of the real-world corpus in ../shared/realworld. */
import { describe, it, expect } from 'vitest';
import { loadManifest as loadSharedManifest } from '../../helpers/shared.js';
import { findIcpNumbers } from '../../../src/domain/icp.js';
import type { IcpParse, IcpProblem } from '../../../src/domain/icp.js';

interface ManifestEntry {
  file: string;
  tags: string[];
  icp_texts: string[];
}

function loadManifest(): ManifestEntry[] {
  return loadSharedManifest<ManifestEntry>();
}

/** What the finder's caller does to page text: NFKC, whitespace runs folded to one space. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ');
}

function outcome(p: IcpParse): 'ok' | IcpProblem {
  return p.ok ? 'ok' : p.reason;
}

describe('real-world footers (/work/shared/realworld)', () => {
  const manifest = loadManifest();
  const texts = manifest.flatMap((e) => e.icp_texts.map((text) => ({ file: e.file, text, tags: e.tags })));

  // Every icp_text in the corpus contains a number, including the ones tagged fake/typo/nonstandard,
  // so there are no exceptions to "at least one match". These are the expected non-ok verdicts;
  // every other string must parse ok.
  const NOT_OK: Record<string, { reason: IcpProblem; lookalike?: 'moe' }> = {
    '粤ICP备案15029966': { reason: 'syntax' }, // 008 icp:nonstandard: 备案 and no 号
    '闽B2-201800007': { reason: 'digits' }, // 013: 9-digit B2
    '京ICP证3454545': { reason: 'digits' }, // 022 icp:fake: 7-digit licence
    '萌ICP备20223030号': { reason: 'not-icp', lookalike: 'moe' }, // 045 icp:fake
    '陕ICP备88888888号': { reason: 'placeholder' }, // 065 icp:fake
    '苏ICP备13040704': { reason: 'syntax' }, // 072 icp:nonstandard: no 号
    '京 IPC 证 110745 号': { reason: 'syntax' }, // 073 icp:typo
  };

  it('has a corpus worth testing', () => {
    expect(texts.length).toBeGreaterThan(50);
  });

  it.each(texts)('$file: $text', ({ text }) => {
    const folded = fold(text);
    const found = findIcpNumbers(folded);
    expect(found.length).toBeGreaterThanOrEqual(1);
    const expected = NOT_OK[folded];
    const first = found[0]!;
    if (expected) {
      expect(outcome(first.parsed)).toBe(expected.reason);
      expect(first.lookalike).toBe(expected.lookalike);
    } else {
      expect(found.map((m) => outcome(m.parsed))).toContain('ok');
    }
  });

  it('the expected failures all occur in the corpus', () => {
    const folded = new Set(texts.map((t) => fold(t.text)));
    for (const key of Object.keys(NOT_OK)) expect(folded.has(key)).toBe(true);
  });

  it('reads the licence inside "鄂ICP证：鄂B2-20090055" as the B2 number', () => {
    const entry = texts.find((t) => t.text.includes('鄂B2'));
    expect(entry).toBeDefined();
    const found = findIcpNumbers(fold(entry!.text));
    expect(found.map((m) => m.parsed.value?.canonical)).toEqual(['鄂B2-20090055']);
  });
});
