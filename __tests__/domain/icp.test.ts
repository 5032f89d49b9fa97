import { describe, it, expect } from 'vitest';
import {
  compareIcp,
  entityNumberAccepted,
  findIcpNumbers,
  parseIcp,
  sameIcpProvince,
} from '../../src/domain/icp.js';
import type { IcpComparison, IcpParse, IcpProblem } from '../../src/domain/icp.js';
import {
  ICP_CHARS,
  POLICE_CHARS,
  PROVINCES,
  provinceByCode,
  provinceByIcpChar,
} from '../../src/domain/provinces.js';
import type { IcpNumber } from '../../src/model/index.js';

// ---------------------------------------------------------------------------------------------
// helpers

/** What the finder's caller does to page text: NFKC, whitespace runs folded to one space. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ');
}

function outcome(p: IcpParse): 'ok' | IcpProblem {
  return p.ok ? 'ok' : p.reason;
}

/** The parsed number, also from a failed parse that still had the shape of one. */
function num(input: string): IcpNumber {
  const p = parseIcp(input);
  const value = p.value;
  if (!value) throw new Error(`no value for ${input}: ${outcome(p)}`);
  return value;
}

function timed<T>(fn: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = fn();
  return { result, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------

describe('provinces (DOMAIN §1.3)', () => {
  it('has the 31 provincial-level regions with unique codes and ICP characters', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(31);
    expect(new Set(PROVINCES.map((p) => p.icp)).size).toBe(31);
    expect(new Set(PROVINCES.map((p) => p.police)).size).toBe(31);
  });

  it.each([
    ['11', '北京', '京', '京'],
    ['15', '内蒙古', '蒙', '蒙'],
    ['44', '广东', '粤', '粤'],
    ['50', '重庆', '渝', '渝'],
    ['51', '四川', '蜀', '川'],
    ['52', '贵州', '黔', '贵'],
    ['53', '云南', '滇', '滇'],
    ['62', '甘肃', '陇', '甘'],
    ['65', '新疆', '新', '新'],
  ])('code %s is %s with ICP %s and 公安 %s', (code, name, icp, police) => {
    const p = provinceByCode(code);
    expect(p?.name).toBe(name);
    expect(p?.icp).toBe(icp);
    expect(p?.police).toBe(police);
  });

  it.each([
    ['蜀', '51', false],
    ['川', '51', true],
    ['黔', '52', false],
    ['贵', '52', true],
    ['滇', '53', false],
    ['云', '53', true],
    ['陇', '62', false],
    ['甘', '62', true],
    ['粤', '44', false],
  ])('ICP char %s → %s (alias %s)', (ch, code, alias) => {
    const hit = provinceByIcpChar(ch);
    expect(hit?.province.code).toBe(code);
    expect(hit?.alias).toBe(alias);
  });

  it('rejects characters that are not ICP prefixes', () => {
    for (const ch of ['萌', '深', '宝', '合', '', '京京']) expect(provinceByIcpChar(ch)).toBeUndefined();
    expect(provinceByCode('99')).toBeUndefined();
  });

  it('ICP_CHARS and POLICE_CHARS hold every canonical and alias character once', () => {
    expect([...ICP_CHARS].sort()).toEqual(
      PROVINCES.flatMap((p) => [p.icp, ...p.icpAliases]).sort(),
    );
    expect(new Set(ICP_CHARS).size).toBe(35);
    expect(new Set(POLICE_CHARS).size).toBe(33);
    for (const ch of '蜀川黔贵滇云陇甘') expect(ICP_CHARS).toContain(ch);
    expect(POLICE_CHARS).not.toContain('陇');
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseIcp: accepted numbers', () => {
  const cases: [string, Partial<IcpNumber>][] = [
    // §1.1 worked example: site number and entity number
    ['京ICP备11018762号-11', { kind: 'filing', province: '京', serial: '11018762', site: '11', canonical: '京ICP备11018762号-11' }],
    ['京ICP备11018762号', { kind: 'filing', serial: '11018762', canonical: '京ICP备11018762号' }],
    // §1.2 digit counts: 7 (2005/2008), 8, 10 (new scheme), 2019–2020 mixed
    ['沪ICP备0810721号', { serial: '0810721', canonical: '沪ICP备0810721号' }],
    ['浙ICP备0501457号', { serial: '0501457' }],
    ['京ICP备05002571号', { serial: '05002571' }],
    ['豫ICP备2020028892号-1', { serial: '2020028892', site: '1' }],
    ['京ICP备2019036842号-1', { serial: '2019036842', site: '1' }],
    ['皖ICP备20000299号-1', { serial: '20000299', site: '1' }],
    ['津ICP备20000929号-2', { serial: '20000929', site: '2' }],
    ['藏ICP备2026000658号', { province: '藏', serial: '2026000658' }],
    ['京ICP备050025号', { serial: '050025' }], // 6 digits: legal but rare (§1.2)
    // §1.2 spacing and width variants normalise to the canonical form
    ['京 ICP 备 11018762 号-11', { canonical: '京ICP备11018762号-11' }],
    ['陕 ICP 备 19000424 号 -2', { canonical: '陕ICP备19000424号-2', site: '2' }],
    ['京ＩＣＰ备１１０１８７６２号－１１', { canonical: '京ICP备11018762号-11' }],
    ['京\u3000ICP备11018762号\u00a0—11', { canonical: '京ICP备11018762号-11' }],
    ['  京icp备11018762号-11\n', { canonical: '京ICP备11018762号-11' }],
    // §1.3 aliases are accepted but marked
    ['川ICP备09150084号', { province: '川', provinceAlias: true }],
    ['甘ICP备16003251号-1', { province: '甘', provinceAlias: true }],
    ['蜀ICP备2025120814号-1', { province: '蜀', provinceAlias: false }],
    ['黔ICP备2025044906号', { province: '黔', provinceAlias: false }],
    ['陇ICP备2021003158号-1', { province: '陇', provinceAlias: false }],
    ['滇ICP备2023006063号-1', { province: '滇', provinceAlias: false }],
    // §1.4 licences
    ['京ICP证030173号', { kind: 'licence', serial: '030173', canonical: '京ICP证030173号' }],
    ['京ICP证030173号-1', { kind: 'licence', site: '1', canonical: '京ICP证030173号-1' }],
    ['京ICP证：070525号', { kind: 'licence', canonical: '京ICP证070525号' }],
    ['粤B2-20090059', { kind: 'b2', province: '粤', serial: '20090059', canonical: '粤B2-20090059' }],
    ['粤B2-20090059-5', { kind: 'b2', site: '5', canonical: '粤B2-20090059-5' }],
    ['浙B2-20080224-1', { kind: 'b2', province: '浙', site: '1' }],
    ['沪B2-2017116', { kind: 'b2', serial: '2017116' }],
    ['粤 B2-20090203', { kind: 'b2', canonical: '粤B2-20090203' }],
    ['B2-20080207', { kind: 'b2', provinceAlias: false, canonical: 'B2-20080207' }],
    ['合字B2-20170010', { kind: 'b2', canonical: '合字B2-20170010' }],
  ];

  it.each(cases)('%s', (input, expected) => {
    const p = parseIcp(input);
    expect(outcome(p)).toBe('ok');
    expect(p.value).toMatchObject({ placeholder: false, ...expected });
    if (!('appSuffix' in expected)) expect(p.value?.appSuffix).toBeUndefined();
  });

  it.each(['B2-20080207', '合字B2-20170010'])('cross-regional %s has no province', (input) => {
    const p = parseIcp(input);
    expect(p.ok).toBe(true);
    expect(p.value?.province).toBeUndefined();
  });
});

describe('parseIcp: rejected numbers', () => {
  const cases: [string, IcpProblem][] = [
    ['', 'empty'],
    [' \u3000\n', 'empty'],
    // §1.2 unofficial look-alikes
    ['萌ICP备20205201号', 'not-icp'],
    ['沪交ICP备20190085号', 'not-icp'],
    // no or unknown province
    ['ICP备11018762号', 'unknown-province'],
    ['深ICP备11018762号', 'unknown-province'],
    ['港B2-20090059', 'unknown-province'],
    // §1.2 digit counts that look fabricated; §1.4 licence lengths
    ['贵ICP备202698015号', 'digits'],
    ['川ICP备202208282355号-1', 'digits'],
    ['京ICP备11018762111号', 'digits'],
    ['京ICP备11018号', 'digits'],
    ['京ICP证3454545', 'digits'],
    ['京ICP证03017号', 'digits'],
    ['闽B2-201800007', 'digits'],
    ['B2-200802', 'digits'],
    // §1.1 -N must follow 号
    ['京ICP备11018762-1号', 'suffix-order'],
    ['京ICP备2020028892-12号', 'suffix-order'],
    // §1.1 App / mini-program / quick-app numbers on a website
    ['滇ICP备2026011700号-7X', 'app-suffix'],
    ['粤B2-20090059-1626X', 'app-suffix'],
    ['京ICP备11018762号-2A', 'app-suffix'],
    ['京ICP备11018762号-4k', 'app-suffix'],
    // §1.2 placeholders
    ['京ICP备00000000号', 'placeholder'],
    ['沪ICP备00000000号-1', 'placeholder'],
    ['京ICP备XXXXXXXX号', 'placeholder'],
    ['京ICP备xxxx号-1', 'placeholder'],
    ['京ICP备12345678号', 'placeholder'],
    ['京ICP备1234567890号', 'placeholder'],
    ['陕ICP备88888888号', 'placeholder'],
    ['京ICP备****号', 'placeholder'],
    ['B2-00000000', 'placeholder'],
    // structural typos
    ['京ICP备11018762', 'syntax'],
    ['京ICP备11018762-1', 'syntax'],
    ['粤ICP备案15029966', 'syntax'],
    ['京 IPC 证 110745 号', 'syntax'],
    ['粤B220090059', 'syntax'],
    ['粤B2-20090059号', 'syntax'],
    ['京ICP备11018762号-1B', 'syntax'],
    ['京ICP备11018762号京ICP备11018762号', 'syntax'],
    ['京公网安备11010502030143号', 'syntax'],
    ['hello', 'syntax'],
  ];

  it.each(cases)('%s → %s', (input, reason) => {
    expect(outcome(parseIcp(input))).toBe(reason);
  });

  it('keeps the parsed value on shape-level failures so callers can still compare', () => {
    expect(parseIcp('滇ICP备2026011700号-7X').value).toMatchObject({
      province: '滇',
      serial: '2026011700',
      site: '7',
      appSuffix: 'X',
      canonical: '滇ICP备2026011700号-7X',
    });
    expect(parseIcp('京ICP备11018762').value?.canonical).toBe('京ICP备11018762号');
    expect(parseIcp('京ICP备11018762-1号').value).toMatchObject({ site: '1', canonical: '京ICP备11018762号-1' });
    expect(parseIcp('京ICP备00000000号').value?.placeholder).toBe(true);
  });

  it('gives no value for look-alike registries and unparseable text', () => {
    expect(parseIcp('萌ICP备20205201号').value).toBeUndefined();
    expect(parseIcp('hello').value).toBeUndefined();
    expect(parseIcp('').value).toBeUndefined();
  });

  it('explains the digit problem in detail', () => {
    const p = parseIcp('贵ICP备202698015号');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.detail).toContain('9');
  });
});

// ---------------------------------------------------------------------------------------------

describe('findIcpNumbers', () => {
  type Expect = [text: string, outcome: 'ok' | IcpProblem, lookalike?: 'moe' | 'campus' | 'other'];
  const cases: [string, Expect[]][] = [
    ['', []],
    ['ICP备案号：', []],
    ['© 2024 腾讯 京ICP备11018762号-11 京公网安备11010502030143号', [['京ICP备11018762号-11', 'ok']]],
    ['京 ICP 备 11018762 号 -2', [['京 ICP 备 11018762 号 -2', 'ok']]],
    ['陕 ICP 备 19000424 号 -2 版权所有', [['陕 ICP 备 19000424 号 -2', 'ok']]],
    ['备案号: 苏ICP备2022009550号-1', [['苏ICP备2022009550号-1', 'ok']]],
    ['蜀ICP 备2020032341号', [['蜀ICP 备2020032341号', 'ok']]],
    ['京icp备11018762号', [['京icp备11018762号', 'ok']]],
    ['京ICP备11018762号—11', [['京ICP备11018762号—11', 'ok']]],
    // 号 missing before -N or at the end; -N before 号
    ['苏ICP备13040704-1 版权所有', [['苏ICP备13040704-1', 'syntax']]],
    ['苏ICP备13040704 苏B2-20100154', [['苏ICP备13040704', 'syntax'], ['苏B2-20100154', 'ok']]],
    ['京ICP备11018762-1号', [['京ICP备11018762-1号', 'suffix-order']]],
    // typos
    ['京 IPC 证 110745 号', [['京 IPC 证 110745 号', 'syntax']]],
    ['粤ICP备案15029966', [['粤ICP备案15029966', 'syntax']]],
    // look-alikes
    ['萌ICP备20205201号', [['萌ICP备20205201号', 'not-icp', 'moe']]],
    ['沪交ICP备20190085号', [['沪交ICP备20190085号', 'not-icp', 'campus']]],
    ['京师ICP备20190085号', [['京师ICP备20190085号', 'not-icp', 'other']]],
    // a province name before the prefix is not a look-alike
    ['广东粤ICP备09070608号-4', [['粤ICP备09070608号-4', 'ok']]],
    ['江苏苏ICP备19061327号-3', [['苏ICP备19061327号-3', 'ok']]],
    ['北京京ICP备11018762号', [['京ICP备11018762号', 'ok']]],
    ['四川川ICP备09150084号', [['川ICP备09150084号', 'ok']]],
    // labels before the number
    ['粤ICP备案号：粤ICP备13003602号', [['粤ICP备13003602号', 'ok']]],
    ['备案号：ICP备11018762号', [['ICP备11018762号', 'unknown-province']]],
    // licences
    ['ICP备案/许可证号：粤B2-20090059', [['粤B2-20090059', 'ok']]],
    ['增值电信业务经营许可证：B2-20080207', [['B2-20080207', 'ok']]],
    ['合字B2-20170010', [['合字B2-20170010', 'ok']]],
    ['粤 B2-20090203', [['粤 B2-20090203', 'ok']]],
    ['鄂ICP证:鄂B2-20090055', [['鄂B2-20090055', 'ok']]],
    ['京ICP证030173号 京公网安备11000002000001号 京ICP备10020153号', [['京ICP证030173号', 'ok'], ['京ICP备10020153号', 'ok']]],
    ['粤B2-20090059-1626X', [['粤B2-20090059-1626X', 'app-suffix']]],
    ['型号 AB2-20090059', []],
    // suffix glued to a word is not a suffix; glued serials are not numbers
    ['京ICP备11018762号-1All rights reserved', [['京ICP备11018762号', 'ok']]],
    ['京ICP备11018762号-2A 小程序', [['京ICP备11018762号-2A', 'app-suffix']]],
    ['京ICP备12345678abc', []],
    ['陕ICP备88888888号', [['陕ICP备88888888号', 'placeholder']]],
    ['京ICP备XXXXXXXX号', [['京ICP备XXXXXXXX号', 'placeholder']]],
    ['京ICP备11018762号京ICP备11018762号-1', [['京ICP备11018762号', 'ok'], ['京ICP备11018762号-1', 'ok']]],
  ];

  it.each(cases)('%s', (text, expected) => {
    const found = findIcpNumbers(text);
    expect(found.map((m) => [m.text, outcome(m.parsed), ...(m.lookalike ? [m.lookalike] : [])])).toEqual(expected);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('reports offsets into the given text', () => {
    const text = '版权所有 京ICP备11018762号-11';
    const [m] = findIcpNumbers(text);
    expect(m?.start).toBe(5);
    expect(m?.end).toBe(text.length);
    expect(m?.parsed.value?.canonical).toBe('京ICP备11018762号-11');
  });
});

// ---------------------------------------------------------------------------------------------

describe('compareIcp', () => {
  const cases: [expected: string, shown: string, result: IcpComparison][] = [
    ['京ICP备11018762号-11', '京ICP备11018762号-11', 'same'],
    ['京ICP备11018762号-11', '京 ICP 备 11018762 号 -11', 'same'],
    ['京ICP备11018762号-11', '京ICP备11018762号', 'entity-only'],
    ['京ICP备11018762号-11', '京ICP备11018762号-2', 'different-site'],
    // a configured entity number (主体号) and one of its site numbers on the page
    ['粤ICP备13003602号', '粤ICP备13003602号-1', 'site-of-entity'],
    ['京ICP备11018762号', '京ICP备11018762号-11', 'site-of-entity'],
    ['京ICP备11018762号', '京ICP备11018762号', 'same'],
    ['京ICP备11018762号', '京ICP备11018763号-1', 'different'],
    ['京ICP备11018762号', '京ICP备11018762号-2A', 'app-suffix'],
    ['粤B2-20090059', '粤B2-20090059-5', 'site-of-entity'],
    ['京ICP备11018762号-11', '京ICP备11018762号-11A', 'app-suffix'],
    ['滇ICP备2026011700号-7', '滇ICP备2026011700号-7X', 'app-suffix'],
    ['京ICP备11018762号-11', '京ICP备00000000号', 'placeholder'],
    ['京ICP备11018762号-11', '沪ICP备11018762号-11', 'different'],
    ['京ICP备11018762号-11', '京ICP备11018763号-11', 'different'],
    ['京ICP证030173号', '京ICP备030173号', 'different'],
    // §1.3 alias and canonical name the same province
    ['蜀ICP备08088888号-1', '川ICP备08088888号-1', 'same'],
    ['黔ICP备2025044906号', '贵ICP备2025044906号', 'same'],
    ['陇ICP备2021003158号-1', '甘ICP备2021003158号-1', 'same'],
    ['滇ICP备2023006063号-1', '云ICP备2023006063号-1', 'same'],
    // §1.4 licences as filing numbers
    ['粤B2-20090059-5', '粤B2-20090059-5', 'same'],
    ['粤B2-20090059-5', '粤B2-20090059', 'entity-only'],
    ['B2-20080207', 'B2-20080207', 'same'],
    ['B2-20080207', '京B2-20080207', 'different'],
    ['粤B2-20090059', '粤ICP备20090059号', 'different'],
  ];

  it.each(cases)('configured %s, shown %s → %s', (configured, shown, result) => {
    expect(compareIcp(num(configured), num(shown))).toBe(result);
  });

  it('sameIcpProvince treats aliases as one province and keeps cross-regional apart', () => {
    expect(sameIcpProvince('川', '蜀')).toBe(true);
    expect(sameIcpProvince('京', '沪')).toBe(false);
    expect(sameIcpProvince(undefined, undefined)).toBe(true);
    expect(sameIcpProvince(undefined, '京')).toBe(false);
    expect(sameIcpProvince('深', '粤')).toBe(false);
  });
});

describe('entityNumberAccepted (DOMAIN §1.5)', () => {
  it.each([
    ['粤ICP备13003602号-1', true],
    ['粤B2-20090059-5', true],
    ['京ICP备11018762号-11', false],
    ['B2-20080207', false],
    ['蜀ICP备08088888号-1', false],
  ])('%s → %s', (input, accepted) => {
    expect(entityNumberAccepted(num(input))).toBe(accepted);
  });
});

// ---------------------------------------------------------------------------------------------

describe('linear time on 100k-character adversarial input', () => {
  const N = 100_000;
  const digits = '1'.repeat(N);
  // Each input targets one regex: the finder, the anchored ICP/B2 grammars, whitespace and dashes.
  const inputs: [string, string][] = [
    ['long serial', '京ICP备' + digits],
    ['long serial then letter', '京ICP备' + digits + 'a'],
    ['long site suffix then letters', '京ICP备11018762号-' + digits + 'Zz'],
    ['long suffix-order tail', '京ICP备11018762-' + digits + 'Q号'],
    ['repeated prefixes', '京ICP备'.repeat(N / 5)],
    ['repeated province chars with spaces', '京 '.repeat(N / 2)],
    ['repeated look-alike prefixes', '沪交'.repeat(N / 2)],
    ['repeated Han chars', '萌'.repeat(N)],
    ['long B2 serial', '粤 B2 - ' + '9'.repeat(N) + 'x'],
    ['repeated B2', 'B2-'.repeat(N / 3)],
    ['long placeholder', '京ICP备' + 'X'.repeat(N) + '号'],
    ['whitespace', ' \u3000'.repeat(N / 2)],
    ['dashes', '—'.repeat(N)],
    ['long IPC typo', '京 IPC 备案号 : ' + digits],
  ];

  it.each(inputs)('findIcpNumbers: %s', (_name, input) => {
    const { result, ms } = timed(() => findIcpNumbers(input));
    expect(Array.isArray(result)).toBe(true);
    expect(ms).toBeLessThan(2000);
  });

  it.each(inputs)('parseIcp: %s', (_name, input) => {
    const { result, ms } = timed(() => parseIcp(input));
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(2000);
  });

  it('finds a long number (up to 64 digits) as one match; a longer run is no filing number at all', () => {
    const found = findIcpNumbers('京ICP备' + '12'.repeat(32) + '号');
    expect(found).toHaveLength(1);
    expect(found[0]?.end).toBe(64 + 6);
    expect(outcome(found[0]!.parsed)).toBe('digits');
    expect(outcome(findIcpNumbers('京ICP备' + '1'.repeat(64))[0]!.parsed)).toBe('placeholder');
    expect(findIcpNumbers('京ICP备' + '12'.repeat(N / 2) + '号')).toEqual([]);
  });

  it('nine million digits after 京ICP备 (audit D8) end without overflowing the regex stack', () => {
    const page = '京ICP备' + '1'.repeat(9_000_000) + '号 京ICP备2023012345号-1';
    const found = findIcpNumbers(page);
    expect(found.map((f) => page.slice(f.start, f.end))).toEqual(['京ICP备2023012345号-1']);
  });
});


// ---------------------------------------------------------------------------------------------

describe('footer texts written the way sites write them (in-repo cases, DOMAIN §1)', () => {
  // Whole footer lines of our own, one per shape the real-world corpus shows: labels before the
  // number, full-width and spaced digits, licences, and the usual mistakes. ../shared holds the
  // real pages (npm run test:shared); these keep the same shapes covered without it.
  const cases: [footer: string, outcome: 'ok' | IcpProblem, canonical?: string, lookalike?: 'moe'][] = [
    ['© 2024 示例技术笔记 · 京ICP备2023012345号-1', 'ok', '京ICP备2023012345号-1'],
    ['备案号：苏ICP备20230088号-3 | 关于本站', 'ok', '苏ICP备20230088号-3'],
    ['粤ＩＣＰ备２０２４０１２３４５号－２', 'ok', '粤ICP备2024012345号-2'],
    ['浙 ICP 备 2022 号', 'digits'],
    ['ICP备案/许可证号：沪B2-20230456', 'ok', '沪B2-20230456'],
    ['增值电信业务经营许可证：B2-20210789', 'ok', 'B2-20210789'],
    ['湘ICP证：湘B2-20180077', 'ok', '湘B2-20180077'],
    ['闽ICP备案20180032', 'syntax'],
    ['桂ICP备20210567 版权所有', 'syntax'],
    ['湘 IPC 备 20190123 号', 'syntax'],
    ['京ICP证2034571号', 'digits'],
    ['浙B2-202000123', 'digits'],
    ['萌ICP备20240321号', 'not-icp', undefined, 'moe'],
    ['豫ICP备66666666号', 'placeholder'],
    ['京ICP备2023012345-1号', 'suffix-order'],
    ['川ICP备2023012345号-1 川公网安备51010702001234号', 'ok', '川ICP备2023012345号-1'],
  ];

  it.each(cases)('%s → %s', (footer, expected, canonical, lookalike) => {
    const found = findIcpNumbers(fold(footer));
    expect(found.length).toBeGreaterThanOrEqual(1);
    const first = found[0]!;
    expect(outcome(first.parsed)).toBe(expected);
    if (canonical !== undefined) expect(first.parsed.value?.canonical).toBe(canonical);
    expect(first.lookalike).toBe(lookalike);
  });
});
