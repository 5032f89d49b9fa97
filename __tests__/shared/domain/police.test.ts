/** The 公安 grammar on every footer text of the real-world corpus in ../shared/realworld. */
import { describe, it, expect } from 'vitest';
import { loadManifest as loadSharedManifest } from '../../helpers/shared.js';
import { findPoliceNumbers } from '../../../src/domain/police.js';
import type { PoliceParse, PoliceProblem } from '../../../src/domain/police.js';

interface ManifestEntry {
  file: string;
  tags: string[];
  police_texts: string[];
}

function loadManifest(): ManifestEntry[] {
  return loadSharedManifest<ManifestEntry>();
}

/** What the finder's caller does to page text: NFKC, whitespace runs folded to one space. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ');
}

function outcome(p: PoliceParse): 'ok' | PoliceProblem {
  return p.ok ? 'ok' : p.reason;
}

describe('real-world footers (/work/shared/realworld)', () => {
  const manifest = loadManifest();
  const texts = manifest.flatMap((e) =>
    e.police_texts.map((text) => ({ file: e.file, text, tags: e.tags })),
  );

  // Strings that contain no 公网安备-style number, with the reason; asserted to yield no match.
  const EXCEPTIONS: Record<string, string> = {
    // 022 (icp:fake, police:nonstandard): prose '…公安局…备案编号' with 7 digits, not a 公网安备 form.
    '北京市公安局朝阳分区备案编号1223423': 'free prose, no 公网安备 wording',
  };
  // Expected non-ok verdicts; every other match must be ok and not nonstandard.
  const NOT_OK: Record<string, { reason: PoliceProblem; nonstandard: boolean }> = {
    '深公网安备:4403101910665': { reason: 'unknown-province', nonstandard: false }, // 024: city char, 13 digits
    '闽公安网备16032016': { reason: 'digits', nonstandard: true }, // 029: ICP digits reused
    '公安备案号42010602000216': { reason: 'unknown-province', nonstandard: true }, // 050: no prefix
    '宝公网安备61032800003号': { reason: 'unknown-province', nonstandard: false }, // 065: city char, 11 digits
    '苏公网安备 320212150号': { reason: 'digits', nonstandard: false }, // 072: 9 digits
  };

  it('has a corpus worth testing', () => {
    expect(texts.length).toBeGreaterThan(30);
  });

  it.each(texts)('$file: $text', ({ text }) => {
    const folded = fold(text);
    const found = findPoliceNumbers(folded);
    if (folded in EXCEPTIONS) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.length).toBeGreaterThanOrEqual(1);
    const first = found[0]!;
    const expected = NOT_OK[folded];
    if (expected) {
      expect(outcome(first.parsed)).toBe(expected.reason);
      expect(first.nonstandard).toBe(expected.nonstandard);
    } else {
      expect(outcome(first.parsed)).toBe('ok');
      expect(first.nonstandard).toBe(false);
    }
  });

  it('the listed exceptions and failures all occur in the corpus', () => {
    const folded = new Set(texts.map((t) => fold(t.text)));
    for (const key of [...Object.keys(EXCEPTIONS), ...Object.keys(NOT_OK)]) {
      expect(folded.has(key)).toBe(true);
    }
  });
});
