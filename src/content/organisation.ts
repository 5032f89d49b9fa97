import { footerContainer } from '../page/footer-region.js';
import type { ProbeHit, PageScan } from './scan.js';

/** A company name read backwards from its suffix (…有限公司). */
export interface CompanyName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** In a copyright line or a footer: the page says who runs it, rather than mentioning a company. */
  readonly operator: boolean;
}

// Characters a registered name is written with: ideographs, Latin, digits, the brackets around a city.
const NAME_CHAR = /[\u4e00-\u9fffA-Za-z0-9（）()·]/;
const NAME_MAX = 30;
const COPYRIGHT = /©|copyright|版权所有|\(c\)/i;
/** How far before the name a copyright mark may stand, and how far after it 版权所有 may follow. */
const COPYRIGHT_BEFORE = 40;
const COPYRIGHT_AFTER = 12;

export function companyNames(scan: PageScan): CompanyName[] {
  const out: CompanyName[] = [];
  const seen = new Set<string>();
  for (const probe of scan.probes) {
    if (probe.probe !== 'company') continue;
    const found = readName(scan, probe);
    if (!found || seen.has(found.name)) continue;
    seen.add(found.name);
    out.push(found);
  }
  return out;
}

function readName(scan: PageScan, probe: ProbeHit): CompanyName | null {
  const text = scan.text;
  let start = probe.start;
  while (start > 0 && probe.start - start < NAME_MAX && NAME_CHAR.test(text.charAt(start - 1))) start--;
  // “有限公司” alone (a heading, a form label) names nobody.
  if (probe.start - start < 2) return null;
  if (scan.allowed(start, probe.end)) return null;
  const window = text.slice(Math.max(0, start - COPYRIGHT_BEFORE), Math.min(text.length, probe.end + COPYRIGHT_AFTER));
  const inFooter = probe.piece !== undefined && footerContainer(probe.piece.node) !== null;
  return { name: text.slice(start, probe.end), start, end: probe.end, operator: inFooter || COPYRIGHT.test(window) };
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet, the last a check character. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE = /[0-9A-HJ-NPQRTUWXY]{18}/;
/** Characters after the label in which the code must start (“统一社会信用代码：” and spaces). */
const CREDIT_WINDOW = 40;

export function validCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(code.charAt(i));
    if (v < 0) return false;
    sum += v * (CREDIT_WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_ALPHABET.charAt(check) === code.charAt(17);
}

/**
 * A valid code right after its label. The label alone is not enough: an article about the
 * check-digit algorithm writes the label without a company behind it.
 */
export function creditCodes(scan: PageScan): { code: string; start: number; end: number }[] {
  const out: { code: string; start: number; end: number }[] = [];
  for (const probe of scan.probes) {
    if (probe.probe !== 'credit-code') continue;
    const after = scan.text.slice(probe.end, probe.end + CREDIT_WINDOW);
    const m = CREDIT_CODE.exec(after);
    if (!m || !validCreditCode(m[0])) continue;
    const start = probe.end + m.index;
    if (scan.allowed(start, start + 18)) continue;
    out.push({ code: m[0], start, end: start + 18 });
  }
  return out;
}

const PRICE = /^\s?(\d[\d,]*(?:\.\d{1,2})?)/;

/** Distinct prices written with the yuan sign (￥ and ¥ are one character after NFKC). */
export function prices(scan: PageScan): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const seen = new Set<string>();
  for (const probe of scan.probes) {
    if (probe.probe !== 'price') continue;
    const m = PRICE.exec(scan.text.slice(probe.end, probe.end + 16));
    if (!m || seen.has(m[1] as string)) continue;
    seen.add(m[1] as string);
    out.push({ text: `¥${m[1] as string}`, start: probe.start, end: probe.end + m[0].length });
  }
  return out;
}
