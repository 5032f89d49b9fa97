import type { AnyNode } from 'domhandler';
import { isElement } from '../page/dom.js';
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

/** Is the probe's text in the page's footer: the site says it of itself, rather than quoting it. */
function inFooter(probe: ProbeHit): boolean {
  return probe.piece !== undefined && footerContainer(probe.piece.node) !== null;
}

/** A 统一社会信用代码 after its label; `valid` when its check character is right. */
export interface CreditCode {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly valid: boolean;
  readonly inFooter: boolean;
}

/**
 * Code-shaped strings right after the credit-code label. A valid one is the site showing a
 * company's code; a wrong check character in the footer is still the site's own code mistyped,
 * while in running text (an article about the check-digit algorithm) it weighs little.
 */
export function creditCodes(scan: PageScan): CreditCode[] {
  const out: CreditCode[] = [];
  for (const probe of scan.probes) {
    if (probe.probe !== 'credit-code') continue;
    const after = scan.text.slice(probe.end, probe.end + CREDIT_WINDOW);
    const m = CREDIT_CODE.exec(after);
    if (!m) continue;
    const start = probe.end + m.index;
    if (scan.allowed(start, start + 18)) continue;
    out.push({ code: m[0], start, end: start + 18, valid: validCreditCode(m[0]), inFooter: inFooter(probe) });
  }
  return out;
}

/** A 15-digit 营业执照注册号 (the registration number before credit codes) after its label. */
export function registrationNumbers(scan: PageScan): { number: string; start: number; end: number; inFooter: boolean }[] {
  const out: { number: string; start: number; end: number; inFooter: boolean }[] = [];
  for (const probe of scan.probes) {
    if (probe.probe !== 'registration') continue;
    const m = /^[:：\s]{0,4}(\d{15})(?!\d)/.exec(scan.text.slice(probe.end, probe.end + 24));
    if (!m) continue;
    const start = probe.end + m[0].length - 15;
    if (scan.allowed(start, start + 15)) continue;
    out.push({ number: m[1] as string, start, end: start + 15, inFooter: inFooter(probe) });
  }
  return out;
}

/** A price on the page, and whether it is shown as an item (a list, a table, a price tag) rather than in prose. */
export interface Price {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly item: boolean;
}

const PRICE = /^\s?(\d[\d,]*(?:\.\d{1,2})?)/;
const PRICE_BEFORE_YUAN = /(?<![\d.,])(\d[\d,]*(?:\.\d{1,2})?)\s?$/;
/** Short enough to be a price tag or a cell, not a sentence that mentions a cost. */
const ITEM_TEXT_MAX = 24;
const ITEM_CLASS = /price|plan|cost|amount|sku|product/i;

function isItem(probe: ProbeHit): boolean {
  const piece = probe.piece;
  if (!piece) return false;
  if (piece.normEnd - piece.normStart <= ITEM_TEXT_MAX) return true;
  let depth = 0;
  for (let n = piece.node.parent as AnyNode | null; n && depth < 3; n = n.parent as AnyNode | null, depth++) {
    if (!isElement(n)) break;
    if (n.name === 'li' || n.name === 'td' || n.name === 'dd' || n.name === 'th') return true;
    if (ITEM_CLASS.test(n.attribs['class'] ?? '')) return true;
  }
  return false;
}

/** Distinct prices written with the yuan sign (￥ and ¥ are one character after NFKC) or with 元 after the amount. */
export function prices(scan: PageScan): Price[] {
  const out: Price[] = [];
  const seen = new Set<string>();
  for (const probe of scan.probes) {
    let amount: string;
    let start: number;
    let end: number;
    if (probe.probe === 'price') {
      const m = PRICE.exec(scan.text.slice(probe.end, probe.end + 16));
      if (!m) continue;
      amount = m[1] as string;
      start = probe.start;
      end = probe.end + m[0].length;
    } else if (probe.probe === 'yuan') {
      const from = Math.max(0, probe.start - 16);
      const m = PRICE_BEFORE_YUAN.exec(scan.text.slice(from, probe.start));
      if (!m) continue;
      amount = m[1] as string;
      start = from + m.index;
      end = probe.end;
    } else continue;
    if (seen.has(amount)) continue;
    seen.add(amount);
    out.push({ text: `¥${amount}`, start, end, item: isItem(probe) });
  }
  return out;
}
