/**
 * ICP filing and licence numbers: grammar, a linear-time finder for page text, and comparison of
 * a shown number against the configured one. Facts: DOMAIN.md §1.
 */
import { anchoredMatches, type AnchoredSearch } from './anchored-scan.js';
import { ICP_CHARS, provinceByIcpChar } from './provinces.js';
import type { ProvinceHit } from './provinces.js';
import type { IcpKind, IcpNumber } from '../model/index.js';

/** Why a string is not an acceptable ICP number. */
export type IcpProblem =
  | 'empty'
  | 'unknown-province'
  | 'not-icp'
  | 'digits'
  | 'suffix-order'
  | 'app-suffix'
  | 'placeholder'
  | 'syntax';

/**
 * Result of {@link parseIcp}. On failure, `value` is present whenever the string had the shape of
 * an ICP number (so callers can still compare it); it is absent for empty input, unparseable
 * strings and unofficial look-alike registries.
 */
export type IcpParse =
  | { ok: true; value: IcpNumber }
  | { ok: false; reason: IcpProblem; detail?: string; value?: IcpNumber };

/** An ICP-like string found in normalised page text. */
export interface IcpMatch {
  start: number;
  end: number;
  text: string;
  /** `ok: false` means malformed or fake but ICP-looking. */
  parsed: IcpParse;
  lookalike?: 'moe' | 'campus' | 'other';
}

/** How a shown number relates to the configured one. */
export type IcpComparison =
  | 'same'
  | 'entity-only'
  | 'site-of-entity'
  | 'different-site'
  | 'app-suffix'
  | 'placeholder'
  | 'different';

// Hyphen-like characters NFKC leaves alone; pages and pasted config use them for the -N suffix (§1.2).
const DASH_CLASS = '[\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]';
const DASHES = new RegExp(DASH_CLASS, 'gu');
const WHITESPACE = /\s+/gu;

/**
 * NFKC, drop all whitespace and map dash look-alikes to '-'. Shared with the police grammar, which
 * needs the same clean-up for `川公网安备 51010702001250号`-style spacing (§2.2).
 */
export function compactInput(input: string): string {
  return input.normalize('NFKC').replace(WHITESPACE, '').replace(DASHES, '-');
}

// Anchored grammars over compacted input. Each quantified part is followed by a token from a
// disjoint class, so a failing match backtracks at most once over each run: linear. Runs are
// bounded as well (MAX_SERIAL, MAX_SITE): irregexp keeps one backtrack entry per repetition, and
// `京ICP备` with nine million digits overflowed its stack (audit D8). No real serial is near 64
// digits, nor a site suffix near 9: a longer run is simply not a filing number.
const COMPACT_ICP =
  /^(?<pre>\p{sc=Han}{0,2})(?<ic>[Ii][Cc][Pp]|[Ii][Pp][Cc])(?<ty>备案号|备案|备|证):?(?<ser>[0-9Xx*]{1,64})(?:(?<hao>号)(?:-(?<site>[0-9]{1,9})(?<app>[A-Za-z])?)?|-(?<site2>[0-9]{1,9})(?<app2>[A-Za-z])?(?<hao2>号)?)?$/u;
const COMPACT_B2 =
  /^(?<pre>合字|\p{sc=Han})?B2(?<dash>-)?(?<ser>[0-9Xx*]{1,64})(?:-(?<site>[0-9]{1,9})(?<app>[A-Za-z])?)?(?<hao>号)?$/u;

// The finder mirrors the grammars above with an optional single space between tokens (text is
// whitespace-folded by the caller, §1.2). The prefix alternatives are bounded (one or two chars),
// and 号 is excluded as a prefix so '…号ICP' never swallows the end of a previous number.
const P = ICP_CHARS;
const HAN = '(?!号)\\p{sc=Han}';
const SITE = `${DASH_CLASS}[0-9]{1,9}[A-Za-z]?(?![A-Za-z0-9])`;
const FIND_ICP =
  `(?:[${P}](?![${P}])${HAN}|${HAN})? ?(?:[Ii][Cc][Pp]|[Ii][Pp][Cc]) ?(?:备案号|备案|备|证) ?(?:[:：] ?)?` +
  `[0-9Xx*]{1,64}(?![A-Za-z0-9])(?: ?号(?: ?${SITE})?| ?${SITE}(?: ?号)?)?`;
// A bare 'B2-' needs a non-alphanumeric before it so product codes like 'AB2-2000' are not taken.
const FIND_B2 =
  `(?:合字|[${P}] ?)?(?<![A-Za-z0-9])B2 ?${DASH_CLASS} ?[0-9Xx*]{1,64}(?![A-Za-z0-9])(?:${SITE})?(?: ?号)?`;
/**
 * How findIcpNumbers searches. Its specification is a global search with the pattern (the tests
 * hold it to that, match for match); the sticky pattern is only tried where a match could reach
 * an anchor (anchored-scan.ts). Every match holds `ICP` or `IPC` in any ASCII case, or `B2`, and
 * these never overlap; the longest lead before one is a province character, an astral Han
 * character and a space.
 */
export const ICP_SEARCH: AnchoredSearch = {
  pattern: new RegExp(`${FIND_ICP}|${FIND_B2}`, 'uy'),
  anchor: /[Ii](?:[Cc][Pp]|[Pp][Cc])|B2/g,
  maxLead: 4,
};

type Prefix =
  | { kind: 'province'; hit: ProvinceHit }
  | { kind: 'none' }
  | { kind: 'unknown' }
  | { kind: 'lookalike'; which: 'moe' | 'campus' | 'other' };

function classifyPrefix(pre: string): Prefix {
  if (pre === '') return { kind: 'none' };
  // §1.2: 萌ICP备 is a hobby registry, 沪交ICP备 a campus numbering; neither is MIIT's.
  if (pre === '萌') return { kind: 'lookalike', which: 'moe' };
  const chars = [...pre];
  const first = chars[0] ?? '';
  if (chars.length === 1) {
    const hit = provinceByIcpChar(first);
    return hit ? { kind: 'province', hit } : { kind: 'unknown' };
  }
  if (chars.length === 2 && provinceByIcpChar(first) && !provinceByIcpChar(chars[1] ?? '')) {
    return { kind: 'lookalike', which: chars[1] === '交' ? 'campus' : 'other' };
  }
  return { kind: 'unknown' };
}

const ASCENDING = '01234567890';
const DESCENDING = '9876543210';

/** §1.2: zero, repeated-digit, counting and X-style serials are shipped as placeholders. */
function isPlaceholderSerial(serial: string): boolean {
  for (const ch of serial) {
    if (ch < '0' || ch > '9') return true;
  }
  const first = serial[0];
  if (first !== undefined && [...serial].every((ch) => ch === first)) return true;
  return serial.length >= 6 && (ASCENDING.includes(serial) || DESCENDING.includes(serial));
}

function appSuffixOf(letter: string | undefined): 'A' | 'X' | 'K' | undefined {
  const up = letter?.toUpperCase();
  return up === 'A' || up === 'X' || up === 'K' ? up : undefined;
}

function digitRuleFor(kind: IcpKind, serial: string): string | undefined {
  const n = serial.length;
  // §1.2: 7/8 digits (old scheme), 10 (2019+); 6 claimed by one source and accepted as rare.
  if (kind === 'filing') return [6, 7, 8, 10].includes(n) ? undefined : `expected 6, 7, 8 or 10 digits, got ${n}`;
  // §1.4: 京ICP证030173号 style licences have 6 digits.
  if (kind === 'licence') return n === 6 ? undefined : `expected 6 digits, got ${n}`;
  // §1.4: 沪B2-2017116 (7) and 粤B2-20090059 (8).
  return n === 7 || n === 8 ? undefined : `expected 7 or 8 digits, got ${n}`;
}

interface Analysis {
  parse: IcpParse;
  lookalike?: 'moe' | 'campus' | 'other';
}

interface Shape {
  kind: IcpKind;
  pre: string;
  prefix: Prefix;
  serial: string;
  site: string | undefined;
  letter: string | undefined;
  /** Problems detected by the grammar itself, in reporting order. */
  suffixOrder: boolean;
  syntax: string | undefined;
}

function shapeOf(compact: string): Shape | undefined {
  const icp = COMPACT_ICP.exec(compact)?.groups;
  if (icp) {
    const pre = icp['pre'] ?? '';
    const type = icp['ty'] ?? '';
    const kind: IcpKind = type === '证' ? 'licence' : 'filing';
    const site = icp['site'] ?? icp['site2'];
    const letter = icp['app'] ?? icp['app2'];
    const suffixOrder = icp['hao2'] !== undefined;
    let syntax: string | undefined;
    if (icp['ic']?.toUpperCase() !== 'ICP') syntax = `'${icp['ic'] ?? ''}' instead of 'ICP'`;
    else if (type !== '备' && type !== '证') syntax = `'${type}' instead of '备'`;
    else if (icp['hao'] === undefined && !suffixOrder) syntax = "missing '号'";
    else if (letter !== undefined && appSuffixOf(letter) === undefined) syntax = `unexpected suffix '${letter}'`;
    const prefix = classifyPrefix(pre);
    return { kind, pre, prefix, serial: (icp['ser'] ?? '').toUpperCase(), site, letter, suffixOrder, syntax };
  }
  const b2 = COMPACT_B2.exec(compact)?.groups;
  if (b2) {
    const pre = b2['pre'] ?? '';
    const letter = b2['app'];
    let syntax: string | undefined;
    if (b2['dash'] === undefined) syntax = "missing '-' after 'B2'";
    else if (b2['hao'] !== undefined) syntax = "unexpected '号' after a B2 licence";
    else if (letter !== undefined && appSuffixOf(letter) === undefined) syntax = `unexpected suffix '${letter}'`;
    // §1.4: cross-regional licences have no province; 合字 marks a foreign-invested licensee.
    let prefix: Prefix;
    if (pre === '' || pre === '合字') prefix = { kind: 'none' };
    else {
      const hit = provinceByIcpChar(pre);
      prefix = hit ? { kind: 'province', hit } : { kind: 'unknown' };
    }
    const serial = (b2['ser'] ?? '').toUpperCase();
    return { kind: 'b2', pre, prefix, serial, site: b2['site'], letter, suffixOrder: false, syntax };
  }
  return undefined;
}

function buildNumber(s: Shape): IcpNumber {
  const appSuffix = appSuffixOf(s.letter);
  const siteText = s.site === undefined ? '' : `-${s.site}${s.letter?.toUpperCase() ?? ''}`;
  let canonical: string;
  if (s.kind === 'b2') canonical = `${s.pre}B2-${s.serial}${siteText}`;
  else canonical = `${s.pre}ICP${s.kind === 'licence' ? '证' : '备'}${s.serial}号${siteText}`;
  const value: IcpNumber = {
    kind: s.kind,
    provinceAlias: s.prefix.kind === 'province' && s.prefix.hit.alias,
    serial: s.serial,
    placeholder: isPlaceholderSerial(s.serial),
    canonical,
  };
  // 合字 is not a province; the licence is national (§1.4).
  if (s.pre !== '' && s.pre !== '合字') value.province = s.pre;
  if (s.site !== undefined) value.site = s.site;
  if (appSuffix !== undefined) value.appSuffix = appSuffix;
  return value;
}

function fail(reason: IcpProblem, detail?: string, value?: IcpNumber): IcpParse {
  const out: { ok: false; reason: IcpProblem; detail?: string; value?: IcpNumber } = { ok: false, reason };
  if (detail !== undefined) out.detail = detail;
  if (value !== undefined) out.value = value;
  return out;
}

function analyse(compact: string): Analysis {
  if (compact === '') return { parse: fail('empty') };
  const shape = shapeOf(compact);
  if (!shape) return { parse: fail('syntax', 'not an ICP filing, ICP licence or B2 licence number') };
  const { prefix } = shape;
  if (prefix.kind === 'lookalike') {
    return { parse: fail('not-icp', `'${shape.pre}' is not an MIIT prefix`), lookalike: prefix.which };
  }
  const value = buildNumber(shape);
  if (prefix.kind === 'unknown' || (prefix.kind === 'none' && shape.kind !== 'b2')) {
    const detail = shape.pre === '' ? 'no province character' : `'${shape.pre}' is not a province prefix`;
    return { parse: fail('unknown-province', detail, value) };
  }
  // Placeholder before digit count: 'XXXX' or '0000000000000' is better explained as a placeholder.
  if (value.placeholder) return { parse: fail('placeholder', `serial '${value.serial}'`, value) };
  // §1.1: '-N' belongs after '号'; a public scanner gets this wrong, so users copy it.
  if (shape.suffixOrder) return { parse: fail('suffix-order', "'-N' must follow '号'", value) };
  const digits = digitRuleFor(shape.kind, shape.serial);
  if (digits !== undefined) return { parse: fail('digits', digits, value) };
  if (shape.syntax !== undefined) return { parse: fail('syntax', shape.syntax, value) };
  // §1.1: A/X/K suffixes are App, mini-program and quick-app numbers, never a website's.
  if (value.appSuffix !== undefined) {
    return { parse: fail('app-suffix', `'${value.appSuffix}' is an app/mini-program suffix`, value) };
  }
  return { parse: { ok: true, value } };
}

/**
 * Validate a configured ICP number. Input is NFKC-normalised and stripped of whitespace first.
 * Filing serials of 6, 7, 8 or 10 digits, 6-digit licences and 7–8-digit B2 licences are
 * accepted; placeholders and app suffixes are rejected because the number is for a website.
 */
export function parseIcp(input: string): IcpParse {
  return analyse(compactInput(input)).parse;
}

/**
 * Find every ICP-like string in normalised text (NFKC, whitespace folded to single spaces).
 * Malformed, typo'd (`IPC`, `备案`, missing `号`) and look-alike (`萌ICP备`, `沪交ICP备`) strings
 * are returned with `parsed.ok === false`. Runs in linear time.
 */
export function findIcpNumbers(text: string): IcpMatch[] {
  const out: IcpMatch[] = [];
  anchoredMatches(text, ICP_SEARCH, (start, raw) => {
    const { parse, lookalike } = analyse(compactInput(raw));
    const match: IcpMatch = { start, end: start + raw.length, text: raw, parsed: parse };
    if (lookalike !== undefined) match.lookalike = lookalike;
    out.push(match);
  });
  return out;
}

/** Same province for ICP purposes: 川 and 蜀 (and the other §1.3 aliases) name one province. */
export function sameIcpProvince(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a === b) return true;
  const pa = provinceByIcpChar(a);
  const pb = provinceByIcpChar(b);
  return pa !== undefined && pb !== undefined && pa.province.code === pb.province.code;
}

/**
 * Compare a shown number with the configured one. `entity-only` means the page shows the
 * configured number without its `-N`; whether that passes is the caller's call
 * ({@link entityNumberAccepted}, §1.5). `site-of-entity` is the reverse: the configured number is
 * an entity number (主体号, no `-N`) and the page shows one of that entity's site numbers, which
 * is what §1.1 expects a footer to show; which `-N` is right cannot be told from the config.
 */
export function compareIcp(expected: IcpNumber, shown: IcpNumber): IcpComparison {
  if (shown.placeholder) return 'placeholder';
  const sameEntity =
    expected.kind === shown.kind &&
    expected.serial === shown.serial &&
    sameIcpProvince(expected.province, shown.province);
  if (!sameEntity) return 'different';
  if (shown.appSuffix !== expected.appSuffix && shown.appSuffix !== undefined) return 'app-suffix';
  if (expected.site === shown.site && expected.appSuffix === shown.appSuffix) return 'same';
  if (expected.site !== undefined && shown.site === undefined) return 'entity-only';
  if (expected.site === undefined && expected.appSuffix === undefined && shown.appSuffix === undefined) return 'site-of-entity';
  return 'different-site';
}

/**
 * §1.5: two providers report that Guangdong sites show the entity number (粤ICP备…号 without -N);
 * the decision table accepts that for 粤 only.
 */
export function entityNumberAccepted(expected: IcpNumber): boolean {
  if (expected.province === undefined) return false;
  return provinceByIcpChar(expected.province)?.province.code === '44';
}
