/**
 * Public-security filing numbers (公网安备): grammar and a linear-time finder. Facts: DOMAIN.md §2.
 */
import { anchoredMatches, type AnchoredSearch } from './anchored-scan.js';
import { compactInput } from './icp.js';
import { provinceByCode, provinceByPoliceChar } from './provinces.js';
import type { PoliceNumber } from '../model/index.js';

/** Why a string is not an acceptable 公网安备 number (`legacy-length` is only ever a warning). */
export type PoliceProblem =
  | 'empty'
  | 'unknown-province'
  | 'digits'
  | 'legacy-length'
  | 'region-mismatch'
  | 'syntax';

/** Result of {@link parsePolice}. */
export type PoliceParse =
  | { ok: true; value: PoliceNumber; warnings: PoliceProblem[] }
  | { ok: false; reason: PoliceProblem; value?: Partial<PoliceNumber>; detail?: string };

/** A 公网安备-like string found in normalised page text. */
export interface PoliceMatch {
  start: number;
  end: number;
  text: string;
  parsed: PoliceParse;
  /** The wording as written (公网安备, 公安备案号, 公网安 …). */
  wording: string;
  /** The number ends with 号, as the platform writes it. */
  hao: boolean;
}

// §2.2: 公网安备 is the platform's wording. Seen in the wild: 公安网备 (FreeBuf), 公安备案号,
// 公网安备案号, 公安备号 (闽公安备号…), 公网安 without 备 (粤公网安 4406…). Longest first: the
// alternation takes the first that matches.
const STANDARD_WORDING = '公网安备';
const WORDING = '公网安备案号|公网安备案|公网安备|公网安|公安网备|公安备案号|公安备案|公安备号|公安备';
/** Longer than any real number (14 digits) by far; a bound keeps every match linear. */
const MAX_DIGITS = 32;
/** Fewer digits than any number ever issued (the shortest legacy ones have 12). */
const MIN_VARIANT_DIGITS = 11;

// Anchored, one optional prefix char, a literal, then digits followed only by an optional 号: linear.
const COMPACT = new RegExp(
  `^(?<pre>\\p{sc=Han})?(?<w>${WORDING}):?(?<d>[0-9]{1,${MAX_DIGITS}})(?<hao>号)?$`,
  'u',
);
/**
 * How findPoliceNumbers searches: as a global search with the pattern would (see ICP_SEARCH).
 * Optional single spaces between tokens because the caller folds whitespace (§2.2 `川公网安备
 * 5101…`); 号 is never a prefix so '…号公网安备' does not take the previous number's last char.
 * Every wording starts with 公; before it at most an astral Han character and a space.
 */
export const POLICE_SEARCH: AnchoredSearch = {
  pattern: new RegExp(`(?:(?!号)\\p{sc=Han} ?)?(?:${WORDING}) ?(?:[:：] ?)?[0-9]{1,${MAX_DIGITS}}(?: ?号)?`, 'uy'),
  anchor: /公/g,
  maxLead: 3,
};

function fail(
  reason: PoliceProblem,
  value?: Partial<PoliceNumber>,
  detail?: string,
): PoliceParse {
  const out: { ok: false; reason: PoliceProblem; value?: Partial<PoliceNumber>; detail?: string } = {
    ok: false,
    reason,
  };
  if (value !== undefined) out.value = value;
  if (detail !== undefined) out.detail = detail;
  return out;
}

interface PoliceShape {
  pre: string | undefined;
  wording: string;
  digits: string;
  hao: boolean;
}

function shapeOf(compact: string): PoliceShape | undefined {
  const g = COMPACT.exec(compact)?.groups;
  if (!g) return undefined;
  return { pre: g['pre'], wording: g['w'] ?? '', digits: g['d'] ?? '', hao: g['hao'] !== undefined };
}

function judge(shape: PoliceShape): PoliceParse {
  const { pre, digits } = shape;
  const partial: Partial<PoliceNumber> = { provinceAlias: false, digits };
  if (pre === undefined) return fail('unknown-province', partial, 'no province character');
  partial.province = pre;
  partial.canonical = `${pre}${STANDARD_WORDING}${digits}号`;
  const hit = provinceByPoliceChar(pre);
  if (!hit) return fail('unknown-province', partial, `'${pre}' is not a 公安 prefix`);
  partial.provinceAlias = hit.alias;
  const warnings: PoliceProblem[] = [];
  // §2.2: 14 digits today; 12/13-digit numbers predate the national platform and only warrant a warning.
  if (digits.length === 12 || digits.length === 13) warnings.push('legacy-length');
  else if (digits.length !== 14) {
    return fail('digits', partial, `expected 14 digits, got ${digits.length}`);
  }
  // §2.2/§2.3: the first two digits are the province code of the accepting police organ.
  const code = digits.slice(0, 2);
  if (code !== hit.province.code) {
    const named = provinceByCode(code);
    const detail = `prefix '${pre}' is ${hit.province.code} (${hit.province.name}); digits start with ${code}${named ? ` (${named.name})` : ''}`;
    return fail('region-mismatch', partial, detail);
  }
  return {
    ok: true,
    value: { province: pre, provinceAlias: hit.alias, digits, canonical: partial.canonical },
    warnings,
  };
}

/**
 * Validate a configured 公网安备 number. Whitespace, a colon after 备 and a missing 号 are
 * tolerated; a wrong digit count or a prefix that disagrees with the digits is an error;
 * 12/13-digit numbers pass with a `legacy-length` warning.
 */
export function parsePolice(input: string): PoliceParse {
  const compact = compactInput(input);
  if (compact === '') return fail('empty');
  const shape = shapeOf(compact);
  if (!shape) return fail('syntax', undefined, 'expected <省>公网安备<14 digits>号');
  return judge(shape);
}

/**
 * Find 公网安备 numbers in normalised text. Spaces, ':' after 备 and a missing 号 are tolerated;
 * the variant wordings (公安网备, 公安备案号, 公安备号, 公网安 …) are found and flagged
 * `nonstandard`, so a footer that words its number unusually is told so, never that it has none.
 * Runs in linear time.
 */
export function findPoliceNumbers(text: string): (PoliceMatch & { nonstandard: boolean })[] {
  const out: (PoliceMatch & { nonstandard: boolean })[] = [];
  anchoredMatches(text, POLICE_SEARCH, (at, whole) => {
    let start = at;
    let raw = whole;
    let shape = shapeOf(compactInput(raw));
    if (!shape) return;
    // A variant wording after an arbitrary word ('本站公安备案号…') has no province char: keep
    // the preceding character out of the match unless it is a real 公安 prefix.
    if (shape.wording !== STANDARD_WORDING && shape.pre !== undefined && !provinceByPoliceChar(shape.pre)) {
      const cut = raw.indexOf(shape.wording, shape.pre.length);
      start += cut;
      raw = raw.slice(cut);
      shape = { ...shape, pre: undefined };
    }
    const nonstandard = shape.wording !== STANDARD_WORDING;
    // Prose about filing ('公安备案 30 天内办理') is not a number: a variant wording without a
    // province needs as many digits as a real number has; 公网安 alone always needs its province.
    if (nonstandard && shape.pre === undefined && (shape.digits.length < MIN_VARIANT_DIGITS || shape.wording === '公网安')) return;
    out.push({
      start,
      end: start + raw.length,
      text: raw,
      parsed: judge(shape),
      wording: shape.wording,
      hao: shape.hao,
      nonstandard,
    });
  });
  return out;
}
