/** Small text-search primitives shared by the needle searches. Pure. */

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Offsets of `needle` in `text`, at most `max`, each accepted by `accept` (a boundary check). */
export function literalOffsets(text: string, needle: string, max: number, accept?: (end: number) => boolean): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let at = text.indexOf(needle); at !== -1 && out.length < max; at = text.indexOf(needle, at + 1)) {
    if (!accept || accept(at + needle.length)) out.push(at);
  }
  return out;
}

/** The line holding `offset`, without its line break. */
export function lineTextAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return text.slice(start, end).replace(/\r$/, '');
}

const GAP = '(?:[\\s\\u00a0\\u3000\\u200b\\u200c\\u200d]|&nbsp;|&#160;|&#x[aA]0;|&ensp;|&thinsp;)*';
const DASH = '[-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]';

/**
 * A pattern for a normalised filing number as a source may write it: spaces or &nbsp; between
 * tokens, full-width digits and letters, any dash before the site suffix (DOMAIN.md §1.2).
 */
export function numberPattern(number: string): RegExp {
  const parts: string[] = [];
  for (const c of number) {
    if (/\s/.test(c)) continue;
    const code = c.charCodeAt(0);
    if (c === '-') parts.push(DASH);
    else if (code >= 0x21 && code <= 0x7e && /[0-9A-Za-z]/.test(c)) parts.push(`[${c}${String.fromCharCode(code + 0xfee0)}]`);
    else parts.push(escapeRegExp(c));
  }
  return new RegExp(parts.join(GAP), 'gu');
}

/** The longest run of ASCII digits in a text (the serial of a filing number). */
export function longestDigitRun(s: string): string {
  let best = '';
  for (const m of s.matchAll(/[0-9]+/g)) if (m[0].length > best.length) best = m[0];
  return best;
}

export function toFullWidthDigits(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** Words that mark a line or key as being about filing numbers. */
export const FILING_WORDS = /icp|beian|miit|mps|gongan|gov\.cn|police|record|filing|备案|公安|公网安/i;
