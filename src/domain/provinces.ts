/**
 * Province prefixes used by ICP filing numbers and public-security (公网安备) numbers.
 *
 * Source: DOMAIN.md §1.3 (ICP prefixes and aliases) and §2.3 (公安 prefixes). The two numbering
 * systems use different characters for 四川 (蜀/川), 贵州 (黔/贵) and 甘肃 (陇/甘), so each
 * province carries a separate canonical character and alias list per system.
 */

/** One provincial-level region with its ICP and public-security prefix characters. */
export interface Province {
  /** Two-digit administrative-division code, e.g. `'11'`. */
  code: string;
  /** Short Chinese name, e.g. `'北京'`. */
  name: string;
  /** Canonical ICP prefix character, e.g. `'京'`. */
  icp: string;
  /** Other characters seen at the start of ICP numbers for this province (a warning, not an error). */
  icpAliases: readonly string[];
  /** Canonical public-security prefix character. */
  police: string;
  /** Other characters seen at the start of 公网安备 numbers for this province. */
  policeAliases: readonly string[];
}

function p(
  code: string,
  name: string,
  icp: string,
  police: string = icp,
  icpAliases: readonly string[] = [],
  policeAliases: readonly string[] = [],
): Province {
  return Object.freeze({ code, name, icp, icpAliases, police, policeAliases });
}

/** All 31 provincial-level regions (DOMAIN.md §1.3 table). */
export const PROVINCES: readonly Province[] = Object.freeze([
  p('11', '北京', '京'),
  p('12', '天津', '津'),
  p('13', '河北', '冀'),
  p('14', '山西', '晋'),
  p('15', '内蒙古', '蒙'),
  p('21', '辽宁', '辽'),
  p('22', '吉林', '吉'),
  p('23', '黑龙江', '黑'),
  p('31', '上海', '沪'),
  p('32', '江苏', '苏'),
  p('33', '浙江', '浙'),
  p('34', '安徽', '皖'),
  p('35', '福建', '闽'),
  p('36', '江西', '赣'),
  p('37', '山东', '鲁'),
  p('41', '河南', '豫'),
  p('42', '湖北', '鄂'),
  p('43', '湖南', '湘'),
  p('44', '广东', '粤'),
  p('45', '广西', '桂'),
  p('46', '海南', '琼'),
  p('50', '重庆', '渝'),
  // §1.3: ICP uses 蜀 (川 in the 2009–2015 era); 公安 uses 川 (蜀 also seen, §2.3).
  p('51', '四川', '蜀', '川', ['川'], ['蜀']),
  // §1.3: ICP uses 黔 (贵 rare); 公安 uses 贵 (黔 also seen).
  p('52', '贵州', '黔', '贵', ['贵'], ['黔']),
  // §1.3: 云 seen rarely in ICP numbers; 云公网安备 seen once with a wrong code, so not a 公安 alias.
  p('53', '云南', '滇', '滇', ['云']),
  p('54', '西藏', '藏'),
  p('61', '陕西', '陕'),
  // §1.3: ICP uses 陇 (甘 in older numbers); 公安 uses 甘 and 陇公网安备 was never seen.
  p('62', '甘肃', '陇', '甘', ['甘']),
  p('63', '青海', '青'),
  p('64', '宁夏', '宁'),
  p('65', '新疆', '新'),
]);

/** A province found through a prefix character, and whether that character is an alias. */
export interface ProvinceHit {
  province: Province;
  alias: boolean;
}

function findByChar(
  ch: string,
  canonical: (pr: Province) => string,
  aliases: (pr: Province) => readonly string[],
): ProvinceHit | undefined {
  for (const province of PROVINCES) {
    if (canonical(province) === ch) return { province, alias: false };
  }
  for (const province of PROVINCES) {
    if (aliases(province).includes(ch)) return { province, alias: true };
  }
  return undefined;
}

/** Look up the province of an ICP number's leading character (canonical or alias). */
export function provinceByIcpChar(ch: string): ProvinceHit | undefined {
  return findByChar(
    ch,
    (pr) => pr.icp,
    (pr) => pr.icpAliases,
  );
}

/** Look up the province of a 公网安备 number's leading character (canonical or alias). */
export function provinceByPoliceChar(ch: string): ProvinceHit | undefined {
  return findByChar(
    ch,
    (pr) => pr.police,
    (pr) => pr.policeAliases,
  );
}

/** Look up a province by its two-digit code (the first two digits of a 公网安备 number, §2.2). */
export function provinceByCode(code2: string): Province | undefined {
  return PROVINCES.find((pr) => pr.code === code2);
}

/** Every character that may start an ICP number (canonical and aliases), for building regexes. */
export const ICP_CHARS: string = PROVINCES.map((pr) => pr.icp + pr.icpAliases.join('')).join('');

/** Every character that may start a 公网安备 number (canonical and aliases), for building regexes. */
export const POLICE_CHARS: string = PROVINCES.map((pr) => pr.police + pr.policeAliases.join('')).join(
  '',
);
