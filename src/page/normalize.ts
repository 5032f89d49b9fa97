import { decodeHTML } from 'entities';

/**
 * Matching text and its way back to the source. Footers write the same number in many shapes
 * (full-width digits, NBSP, zero-width joiners, `&#8209;` dashes, spaces between every token:
 * DOMAIN.md §1.2), so rules match on a normalised form; every normalised character remembers the
 * source offset it came from so a finding still lands on the right line and column.
 */
export interface NormText {
  /** NFKC, whitespace runs folded to one ASCII space, zero-width characters removed, dashes as '-'. */
  readonly value: string;
  /** `map[i]` is the source offset of `value[i]`; `map[value.length]` is the end of the last piece. */
  readonly map: Uint32Array;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x2043]);

function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

// NFKC of single code points repeats across pages (the same punctuation, the same kana);
// remembering them keeps normalisation near the cost of a copy.
const nfkcCache = new Map<number, string>();

function nfkc(cp: number, ch: string): string {
  // CJK ideographs and plain ASCII never change under NFKC: skip the lookup for the common case.
  if (cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff)) return ch;
  // Full-width ASCII variants map by a fixed distance.
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = ch.normalize('NFKC');
    if (nfkcCache.size < 10_000) nfkcCache.set(cp, out);
  }
  return out;
}

// The same for BMP characters by code, with null for "its own normal form": asking by code makes
// no one-character string for every CJK punctuation mark of a page (a tenth of the allocation
// of building a page before; issue 6).
const bmpCache = new Map<number, string | null>();

function bmpForm(cp: number): string | null {
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  let out = bmpCache.get(cp);
  if (out === undefined) {
    const ch = String.fromCharCode(cp);
    const normal = ch.normalize('NFKC');
    out = normal === ch ? null : normal;
    if (bmpCache.size < 10_000) bmpCache.set(cp, out);
  }
  return out;
}

const ENTITY = /&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)/g;

/**
 * The offset map is written into a work buffer the builders of a process hand on to one another:
 * a builder takes the spare buffer when it starts (or makes its own when another builder holds
 * it), and `finish` copies out just the map's length and leaves its buffer as the spare. Sizing a
 * fresh map by the page (a quarter of its source length, zero-filled, outside the JS heap) cost
 * more than the copy, and those buffers drove garbage collection (issue 18). A builder that never
 * finishes (a page too deep to build) simply keeps its buffer; the next one to finish leaves one.
 */
let spare: Uint32Array | null = null;
/** Larger work buffers are not kept between pages (4 MB). */
const SPARE_MAX = 1 << 20;

/** Accumulates normalised text from many source pieces. */
export class NormBuilder {
  private parts: string[] = [];
  private length = 0;
  private map: Uint32Array;
  private lastWasSpace = true;
  private lastEnd = 0;
  /** `map` is a work buffer no caller has seen (until the first finish). */
  private working = true;

  constructor(capacityHint = 1024) {
    const taken = spare;
    spare = null;
    this.map = taken ?? new Uint32Array(Math.max(16, capacityHint));
  }

  /** `step` 1: the characters are a verbatim run of the source; 0: all of them come from one place. */
  private push(s: string, offset: number, step: 0 | 1 = 0): void {
    const needed = this.length + s.length + 1;
    if (needed > this.map.length) {
      const grown = new Uint32Array(Math.max(needed, this.map.length * 2));
      grown.set(this.map.subarray(0, this.length));
      this.map = grown;
    }
    for (let i = 0; i < s.length; i++) this.map[this.length + i] = offset + i * step;
    this.parts.push(s);
    this.length += s.length;
    this.lastWasSpace = s.charCodeAt(s.length - 1) === 0x20;
  }

  /** Characters written so far. */
  get size(): number {
    return this.length;
  }

  /** A boundary between blocks: words on either side must not run together. */
  separate(offset: number): void {
    if (!this.lastWasSpace) this.push(' ', offset);
  }

  /**
   * Appends raw source text starting at `sourceStart`. With `entities`, character references
   * are decoded as the browser would and the decoded characters map to the reference's start.
   */
  appendRaw(raw: string, sourceStart: number, entities: boolean): void {
    if (!entities || raw.indexOf('&') === -1) {
      this.appendDecoded(raw, sourceStart, null);
      return;
    }
    let last = 0;
    ENTITY.lastIndex = 0;
    for (let m = ENTITY.exec(raw); m; m = ENTITY.exec(raw)) {
      if (m.index > last) this.appendDecoded(raw.slice(last, m.index), sourceStart + last, null);
      const decoded = decodeHTML(m[0]);
      this.appendDecoded(decoded, sourceStart + m.index, sourceStart + m.index);
      last = m.index + m[0].length;
    }
    if (last < raw.length) this.appendDecoded(raw.slice(last), sourceStart + last, null);
  }

  /** `fixedOffset` maps every character to one offset (a decoded reference); otherwise offsets advance. */
  private appendDecoded(text: string, start: number, fixedOffset: number | null): void {
    if (fixedOffset !== null) {
      this.appendFixed(text, fixedOffset);
      return;
    }
    // Characters that are their own normal form stay in a verbatim run that is pushed as one slice:
    // per-character work on the common path was a third of building a page (profile of issue 6).
    const n = text.length;
    let runFrom = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // Printable ASCII and CJK ideographs never change under NFKC and are neither spaces nor dashes.
      if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) continue;
      // A single ASCII space after a character of the run is its own folded form and maps to itself:
      // it stays in the run, so running text is one slice rather than two pieces per word.
      if (c === 0x20 && i > runFrom && text.charCodeAt(i - 1) !== 0x20) continue;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          // Astral characters are never spaces, zero-width or dashes; both code units map to the first.
          const out = nfkc((c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000, text.slice(i, i + 2));
          this.pushRun(text, runFrom, i, start);
          if (out) this.push(out, start + i);
          i++;
          runFrom = i + 1;
          continue;
        }
      }
      if (isSpace(c)) {
        this.pushRun(text, runFrom, i, start);
        if (!this.lastWasSpace) this.push(' ', start + i);
        runFrom = i + 1;
        continue;
      }
      if (ZERO_WIDTH.has(c)) {
        this.pushRun(text, runFrom, i, start);
        runFrom = i + 1;
        continue;
      }
      const out = DASHES.has(c) ? '-' : bmpForm(c);
      if (out === null) continue;
      this.pushRun(text, runFrom, i, start);
      if (out) this.push(out, start + i);
      runFrom = i + 1;
    }
    this.pushRun(text, runFrom, n, start);
    this.lastEnd = start + n;
  }

  /** `text[from, to)` verbatim; `start` is the source offset of `text[0]`. */
  private pushRun(text: string, from: number, to: number, start: number): void {
    if (to > from) this.push(text.slice(from, to), start + from, 1);
  }

  /** A decoded character reference: every character it produced maps to the reference's start. */
  private appendFixed(text: string, offset: number): void {
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      let ch = text[i] as string;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          ch = text.slice(i, i + 2);
          i++;
        }
      }
      if (isSpace(cp)) {
        if (!this.lastWasSpace) this.push(' ', offset);
        continue;
      }
      if (ZERO_WIDTH.has(cp)) continue;
      const out = DASHES.has(cp) ? '-' : nfkc(cp, ch);
      if (out) this.push(out, offset);
    }
    this.lastEnd = offset;
  }

  finish(endOffset = this.lastEnd): NormText {
    const value = this.parts.join('');
    // push() always leaves room for this end slot.
    this.map[value.length] = endOffset;
    const work = this.map;
    this.map = work.slice(0, value.length + 1);
    // The copy now belongs to the caller; only a buffer no caller has seen may be handed on.
    if (this.working && work.length <= SPARE_MAX && (spare === null || spare.length < work.length)) spare = work;
    this.working = false;
    return { value, map: this.map };
  }
}

/** The matching form of a short string such as a configured site name or a `<title>`. */
export function normalize(text: string): string {
  const b = new NormBuilder(text.length + 1);
  b.appendRaw(text, 0, false);
  return b.finish().value.trim();
}
