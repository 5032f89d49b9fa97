/**
 * NormBuilder as it was before issue 18's changes to it (src/page/normalize.ts), kept as the oracle
 * of the differential tests: __tests__/page/normalize-differential.test.ts (fixture pages, edge
 * cases) and __tests__/shared/normalize-differential.test.ts (the shared corpora). Do not
 * optimise this copy: it is the specification.
 */
import { decodeHTML } from 'entities';
import { buildPage } from '../../src/page/build-page.js';
import { NormBuilder, normalize } from '../../src/page/normalize.js';
import { PageTooDeepError } from '../../src/page/parse.js';
import { streamPage } from '../../src/page/stream-page.js';

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

/** Accumulates normalised text from many source pieces. */
export class OracleNormBuilder {
  private parts: string[] = [];
  private length = 0;
  private map: Uint32Array;
  private lastWasSpace = true;
  private lastEnd = 0;

  constructor(capacityHint = 1024) {
    this.map = new Uint32Array(Math.max(16, capacityHint));
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

  finish(endOffset = this.lastEnd): { value: string; map: Uint32Array } {
    const value = this.parts.join('');
    // push() always leaves room for this end slot; a view instead of a copy saves a page-sized copy.
    this.map[value.length] = endOffset;
    return { value, map: this.map.subarray(0, value.length + 1) };
  }
}


type Call = ['appendRaw', string, number, boolean] | ['separate', number];

/**
 * While `run` runs, every NormBuilder the page models create is mirrored by an oracle builder fed
 * the same calls; each `finish` compares value and offset map, and at the end every map is compared
 * again (a builder must never write into a map it has handed out). Returns the builds compared
 * and the first differences found.
 */
export function mirrorNormBuilders(run: () => void): { builds: number; differences: string[] } {
  type Method = (this: object, ...a: never[]) => unknown;
  const proto = NormBuilder.prototype as unknown as Record<string, Method>;
  const saved = { appendRaw: proto['appendRaw']!, separate: proto['separate']!, finish: proto['finish']! };
  const calls = new WeakMap<object, Call[]>();
  const log = (self: object): Call[] => {
    let list = calls.get(self);
    if (!list) calls.set(self, (list = []));
    return list;
  };
  let builds = 0;
  const differences: string[] = [];
  const kept: [Uint32Array, Uint32Array][] = [];
  const call = (m: Method, self: object, args: unknown[]): unknown => (m as (...a: unknown[]) => unknown).apply(self, args);
  proto['appendRaw'] = function (this: object, ...args: never[]) {
    const [raw, start, entities] = args as unknown as [string, number, boolean];
    log(this).push(['appendRaw', raw, start, entities]);
    return call(saved.appendRaw, this, args);
  };
  proto['separate'] = function (this: object, ...args: never[]) {
    log(this).push(['separate', args[0] as unknown as number]);
    return call(saved.separate, this, args);
  };
  proto['finish'] = function (this: object, ...args: never[]) {
    const got = call(saved.finish, this, args) as { value: string; map: Uint32Array };
    const oracle = new OracleNormBuilder();
    for (const c of log(this)) {
      if (c[0] === 'appendRaw') oracle.appendRaw(c[1], c[2], c[3]);
      else oracle.separate(c[1]);
    }
    const want = (oracle.finish as (...a: unknown[]) => { value: string; map: Uint32Array }).apply(oracle, args);
    builds++;
    // Kept to be compared again at the end: a map must not change once its builder has finished.
    if (kept.length < 20_000) kept.push([got.map, want.map]);
    if (differences.length < 5) {
      if (got.value !== want.value) differences.push(`value: want ${JSON.stringify(want.value.slice(0, 200))}, got ${JSON.stringify(got.value.slice(0, 200))}`);
      else if (got.map.length !== want.map.length || got.map.some((v, i) => v !== want.map[i])) {
        const i = got.map.findIndex((v, k) => v !== want.map[k]);
        differences.push(`map at ${i} of ${JSON.stringify(want.value.slice(Math.max(0, i - 20), i + 20))}: want ${want.map[i]}, got ${got.map[i]}`);
      }
    }
    return got;
  };
  try {
    run();
  } finally {
    Object.assign(proto, saved);
  }
  const changed = kept.findIndex(([got, want]) => got.length !== want.length || got.some((v, i) => v !== want[i]));
  if (changed !== -1) differences.push(`the map of build ${changed} changed after its builder finished`);
  return { builds, differences };
}

/** Builds a page on both page models, and normalize() over its unseen texts: every NormBuilder a page makes. */
export function buildBothModels(source: string): void {
  try {
    const page = buildPage('page.html', source);
    for (const un of page.unseen) normalize(un.raw);
    streamPage('page.html', source);
  } catch (e) {
    if (!(e instanceof PageTooDeepError)) throw e;
  }
}
