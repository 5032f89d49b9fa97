import { describe, it, expect } from 'vitest';
import { findPoliceNumbers, parsePolice } from '../../src/domain/police.js';
import type { PoliceParse, PoliceProblem } from '../../src/domain/police.js';
import { PROVINCES, provinceByCode, provinceByPoliceChar } from '../../src/domain/provinces.js';
import type { PoliceNumber } from '../../src/model/index.js';

// ---------------------------------------------------------------------------------------------
// helpers

/** What the finder's caller does to page text: NFKC, whitespace runs folded to one space. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ');
}

function outcome(p: PoliceParse): 'ok' | PoliceProblem {
  return p.ok ? 'ok' : p.reason;
}

function timed<T>(fn: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = fn();
  return { result, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------

describe('公安 prefix table (DOMAIN §2.3)', () => {
  // Copied from §2.3 so a change to the province table is caught here.
  const TABLE =
    '11 京 · 12 津 · 13 冀 · 14 晋 · 15 蒙 · 21 辽 · 22 吉 · 23 黑 · 31 沪 · 32 苏 · 33 浙 · 34 皖 · ' +
    '35 闽 · 36 赣 · 37 鲁 · 41 豫 · 42 鄂 · 43 湘 · 44 粤 · 45 桂 · 46 琼 · 50 渝 · 51 川 · 52 贵 · ' +
    '53 滇 · 54 藏 · 61 陕 · 62 甘 · 63 青 · 64 宁 · 65 新';
  const rows = TABLE.split(' · ').map((cell) => cell.split(' ') as [string, string]);

  it('covers every province', () => {
    expect(rows).toHaveLength(31);
    expect(rows.map(([code]) => code).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
  });

  it.each(rows)('%s → %s', (code, ch) => {
    expect(provinceByCode(code)?.police).toBe(ch);
    expect(provinceByPoliceChar(ch)).toEqual({ province: provinceByCode(code), alias: false });
  });

  it.each([
    ['蜀', '51'],
    ['黔', '52'],
  ])('%s is an alias of %s', (ch, code) => {
    expect(provinceByPoliceChar(ch)).toEqual({ province: provinceByCode(code), alias: true });
  });

  it.each(['陇', '云', '深', '宝'])('%s is not a 公安 prefix', (ch) => {
    expect(provinceByPoliceChar(ch)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

describe('parsePolice: accepted numbers', () => {
  const cases: [string, Partial<PoliceNumber>, PoliceProblem[]][] = [
    ['京公网安备11010502030143号', { province: '京', provinceAlias: false, digits: '11010502030143', canonical: '京公网安备11010502030143号' }, []],
    ['粤公网安备44030502008569号', { province: '粤', digits: '44030502008569' }, []],
    ['京公网安备11000002000001号', { digits: '11000002000001' }, []],
    // §2.2 spacing, colon, missing 号, full width
    ['川公网安备 51010702001250号', { canonical: '川公网安备51010702001250号' }, []],
    ['蒙公网安备：15010502001204', { canonical: '蒙公网安备15010502001204号' }, []],
    ['京公网安备１１０１０５０２０３０１４３号', { digits: '11010502030143' }, []],
    ['  粤公网安备 44049102496009 号 ', { canonical: '粤公网安备44049102496009号' }, []],
    // §2.3 samples per prefix
    ['川公网安备51010802000202号', { province: '川', provinceAlias: false }, []],
    ['贵公网安备52052302000396号', { province: '贵', provinceAlias: false }, []],
    ['滇公网安备53010302000732号', { province: '滇' }, []],
    ['甘公网安备62010302000249号', { province: '甘' }, []],
    ['蒙公网安备15060202000456号', { province: '蒙' }, []],
    ['宁公网安备64010602001156号', { province: '宁' }, []],
    ['藏公网安备54010002000237号', { province: '藏' }, []],
    ['琼公网安备46010002001548号', { province: '琼' }, []],
    ['青公网安备63010502000671号', { province: '青' }, []],
    ['桂公网安备45032302000182号', { province: '桂' }, []],
    ['陕公网安备61010302001034号', { province: '陕' }, []],
    // §2.3 aliases: marked, but no problem id
    ['蜀公网安备51078202110037号', { province: '蜀', provinceAlias: true }, []],
    ['黔公网安备52270102000276号', { province: '黔', provinceAlias: true }, []],
    // §2.2 legacy lengths: warning only
    ['京公网安备110105015321', { digits: '110105015321', canonical: '京公网安备110105015321号' }, ['legacy-length']],
    ['京公网安备110105001181号', { digits: '110105001181' }, ['legacy-length']],
    ['浙公网安备3301000000001号', { digits: '3301000000001' }, ['legacy-length']],
    // §2.2 variant wording: the finder flags it, the number itself is fine
    ['沪公安网备31010602001529号', { canonical: '沪公网安备31010602001529号' }, []],
  ];

  it.each(cases)('%s', (input, expected, warnings) => {
    const p = parsePolice(input);
    expect(outcome(p)).toBe('ok');
    if (p.ok) {
      expect(p.value).toMatchObject(expected);
      expect(p.warnings).toEqual(warnings);
    }
  });
});

describe('parsePolice: rejected numbers', () => {
  const cases: [string, PoliceProblem][] = [
    ['', 'empty'],
    ['  \n', 'empty'],
    // §2.2 mismatches seen in the wild
    ['京公网安备21021102000825号', 'region-mismatch'],
    ['宁公网安备15010502001271号', 'region-mismatch'],
    ['蜀公网安备52078202110037号', 'region-mismatch'],
    ['京公网安备210105015321', 'region-mismatch'],
    ['京公网安备99010502030143号', 'region-mismatch'],
    // unknown or missing prefix
    ['深公网安备：4403101910665', 'unknown-province'],
    ['宝公网安备61032800003号', 'unknown-province'],
    ['云公网安备36010502000123号', 'unknown-province'],
    ['陇公网安备62010302000249号', 'unknown-province'],
    ['公网安备11010502030143号', 'unknown-province'],
    ['公安备案号42010602000216', 'unknown-province'],
    // digit count
    ['苏公网安备 320212150号', 'digits'],
    ['京公网安备110105020301430号', 'digits'],
    ['京公网安备11010502030号', 'digits'],
    ['闽公安网备16032016', 'digits'],
    // not a 公网安备 number
    ['京ICP备11018762号', 'syntax'],
    ['11010502030143', 'syntax'],
    ['京公网安备号', 'syntax'],
    ['京公网安备11010502030143号-1', 'syntax'],
    ['北京市公安局朝阳分区备案编号1223423', 'syntax'],
  ];

  it.each(cases)('%s → %s', (input, reason) => {
    expect(outcome(parsePolice(input))).toBe(reason);
  });

  it('keeps what it could read on failure', () => {
    const mismatch = parsePolice('京公网安备21021102000825号');
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) {
      expect(mismatch.value).toMatchObject({ province: '京', digits: '21021102000825' });
      expect(mismatch.detail).toContain('21');
    }
    const unknown = parsePolice('深公网安备：4403101910665');
    if (!unknown.ok) expect(unknown.value).toMatchObject({ province: '深', digits: '4403101910665' });
    const noPrefix = parsePolice('公安备案号42010602000216');
    if (!noPrefix.ok) expect(noPrefix.value?.digits).toBe('42010602000216');
  });
});

// ---------------------------------------------------------------------------------------------

describe('findPoliceNumbers', () => {
  type Expect = [text: string, outcome: 'ok' | PoliceProblem, nonstandard: boolean];
  const cases: [string, Expect[]][] = [
    ['', []],
    ['京公网安备', []],
    ['京ICP备11018762号-11 京公网安备11010502030143号', [['京公网安备11010502030143号', 'ok', false]]],
    ['粤公网安备 44049102496009 号 版权所有', [['粤公网安备 44049102496009 号', 'ok', false]]],
    ['蒙公网安备:15010502001204 版权', [['蒙公网安备:15010502001204', 'ok', false]]],
    ['蒙公网安备：15010502001204', [['蒙公网安备：15010502001204', 'ok', false]]],
    ['川公网安备 : 51010702001250', [['川公网安备 : 51010702001250', 'ok', false]]],
    ['闽公网安备35030202001138', [['闽公网安备35030202001138', 'ok', false]]],
    ['京公网安备 110105015321', [['京公网安备 110105015321', 'ok', false]]],
    ['广东粤公网安备44030502008569号', [['粤公网安备44030502008569号', 'ok', false]]],
    // variant wordings
    ['沪公安网备31010602001529号', [['沪公安网备31010602001529号', 'ok', true]]],
    ['鄂公安备案号42010602000216', [['鄂公安备案号42010602000216', 'ok', true]]],
    ['公安备案号42010602000216', [['公安备案号42010602000216', 'unknown-province', true]]],
    ['本站公安备案号 42010602000216', [['公安备案号 42010602000216', 'unknown-province', true]]],
    ['京公网安备案号：11010502030143', [['京公网安备案号：11010502030143', 'ok', true]]],
    // problems
    ['京公网安备21021102000825号', [['京公网安备21021102000825号', 'region-mismatch', false]]],
    ['深公网安备:4403101910665', [['深公网安备:4403101910665', 'unknown-province', false]]],
    ['苏公网安备 320212150号', [['苏公网安备 320212150号', 'digits', false]]],
    // the previous number's 号 is not a prefix
    ['京ICP备11018762号公网安备11010502030143号', [['公网安备11010502030143号', 'unknown-province', false]]],
    // free prose is not a number (realworld 022)
    ['北京市公安局朝阳分区备案编号1223423', []],
    // issue 13: variants are found and flagged, never missed
    ['闽公安备号350203021545', [['闽公安备号350203021545', 'ok', true]]],
    ['粤公网安 44030502008569号', [['粤公网安 44030502008569号', 'ok', true]]],
    ['京公安备11010502030143号', [['京公安备11010502030143号', 'ok', true]]],
    ['京公网安备11010502030号', [['京公网安备11010502030号', 'digits', false]]],
    ['京 公网安备 11010502030143', [['京 公网安备 11010502030143', 'ok', false]]],
    // prose about filing is not a number
    ['网站上线后 30 天内完成公安备案 30 天', []],
    ['公网安全 2024 年度报告', []],
    ['本站公网安 11010502030143', []],
    [
      '京公网安备11010502030143号 | 蜀公网安备51078202110037号',
      [
        ['京公网安备11010502030143号', 'ok', false],
        ['蜀公网安备51078202110037号', 'ok', false],
      ],
    ],
  ];

  it.each(cases)('%s', (text, expected) => {
    const found = findPoliceNumbers(text);
    expect(found.map((m) => [m.text, outcome(m.parsed), m.nonstandard])).toEqual(expected);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('reports the legacy-length warning and offsets', () => {
    const text = '© 京公网安备 110105015321';
    const [m] = findPoliceNumbers(text);
    expect(m?.start).toBe(2);
    expect(m?.end).toBe(text.length);
    expect(m?.parsed.ok && m.parsed.warnings).toEqual(['legacy-length']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('linear time on 100k-character adversarial input', () => {
  const N = 100_000;
  const digits = '1'.repeat(N);
  // Each input targets one regex: the finder, the anchored grammar, whitespace and dashes.
  const inputs: [string, string][] = [
    ['long digits', '京公网安备' + digits],
    ['long digits then letter', '京公网安备' + digits + 'x'],
    ['long digits with spaces and colon', '京 公网安备 : ' + digits + ' 号号'],
    ['repeated wording', '公网安备'.repeat(N / 4)],
    ['repeated variant wording', '公安备案'.repeat(N / 4)],
    ['repeated prefix chars with spaces', '京 '.repeat(N / 2)],
    ['repeated Han chars', '号'.repeat(N)],
    ['whitespace', ' \t\u3000'.repeat(N / 3)],
    ['dashes', '－'.repeat(N)],
  ];

  it.each(inputs)('findPoliceNumbers: %s', (_name, input) => {
    const { result, ms } = timed(() => findPoliceNumbers(input));
    expect(Array.isArray(result)).toBe(true);
    expect(ms).toBeLessThan(2000);
  });

  it.each(inputs)('parsePolice: %s', (_name, input) => {
    const { result, ms } = timed(() => parsePolice(input));
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(2000);
  });

  it('tells whether the number ends with 号 and how it is worded', () => {
    const [a, b] = findPoliceNumbers('京公网安备 11010502030143 粤公安备号44030502008569号');
    expect([a?.wording, a?.hao, b?.wording, b?.hao]).toEqual(['公网安备', false, '公安备号', true]);
  });

  it('finds a long number as one match', () => {
    const found = findPoliceNumbers('京公网安备' + digits + '号');
    expect(found).toHaveLength(1);
    expect(found[0] && outcome(found[0].parsed)).toBe('digits');
  });
});


// ---------------------------------------------------------------------------------------------

describe('footer texts written the way sites write them (in-repo cases, DOMAIN §2)', () => {
  // Our own footer lines in the shapes real sites use; ../shared holds the real pages.
  const cases: [footer: string, outcome: 'ok' | PoliceProblem | 'none', nonstandard?: boolean][] = [
    ['京公网安备 11010502030143号', 'ok', false],
    ['© 2024 示例站点 粤公网安备44030502009876号 粤ICP备2024012345号-1', 'ok', false],
    ['浙公网安备３３０１０６０２０１２３４５号', 'ok', false],
    // a city character instead of the province, and a legacy length
    ['深公网安备:4403051234567', 'unknown-province', false],
    // ICP digits pasted after 公安网备 (wrong word order) and no province prefix at all
    ['闽公安网备20180032', 'digits', true],
    ['公安备案号35020302001234', 'unknown-province', true],
    ['苏公网安备 320212151号', 'digits', false],
    // prose that names the police but is not a 公网安备 number
    ['已在本市公安局备案，备案编号1234567', 'none'],
  ];

  it.each(cases)('%s → %s', (footer, expected, nonstandard) => {
    const found = findPoliceNumbers(fold(footer));
    if (expected === 'none') {
      expect(found).toEqual([]);
      return;
    }
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(outcome(found[0]!.parsed)).toBe(expected);
    expect(found[0]!.nonstandard).toBe(nonstandard);
  });
});
