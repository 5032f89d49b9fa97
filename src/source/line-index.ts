/**
 * The one way line and column are counted in this project: page findings, config errors, init's
 * findings in the user's sources and source mapping all use this module.
 *
 * Maps UTF-16 offsets in a text to 1-based line and 1-based column (UTF-16 code units, as SARIF is told).
 * Lines end at \n, \r\n or a lone \r, like the HTML tokenizer's newline normalisation.
 * The line table is built on first use: most pages produce no finding and never need it.
 */
export class LineIndex {
  readonly #text: string;
  #starts: Uint32Array | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** Number of lines; an empty text and a text ending in a newline both end with an (empty) line. */
  get lineCount(): number {
    return this.#lineStarts().length;
  }

  /** Line and column of `offset`; offsets outside the text clamp to its start or end. */
  position(offset: number): { line: number; column: number } {
    const starts = this.#lineStarts();
    const at = clamp(offset, this.#text.length);
    // Largest line start <= at.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  }

  #lineStarts(): Uint32Array {
    if (this.#starts) return this.#starts;
    const text = this.#text;
    let buf = new Uint32Array(64);
    let n = 1; // buf[0] = 0: the first line starts at offset 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      if (n === buf.length) {
        const grown = new Uint32Array(buf.length * 2);
        grown.set(buf);
        buf = grown;
      }
      buf[n++] = i + 1;
    }
    this.#starts = buf.subarray(0, n);
    return this.#starts;
  }
}

/** Offsets outside the text clamp to its start or end. */
function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), length) : offset > 0 ? length : 0;
}

/**
 * Line and column of the offsets a page's findings need. A full LineIndex walks every character
 * of the page in JavaScript; counting newlines with indexOf (native) only up to the last offset
 * needed costs a fraction of that, and every page has findings when a site lacks its footer.
 * Text with a carriage return before that point takes LineIndex, which knows \r\n and a lone \r.
 */
export class OffsetPositions {
  readonly #source: string;
  readonly #at = new Map<number, { line: number; column: number }>();

  constructor(source: string, offsets: readonly number[]) {
    this.#source = source;
    const wanted = [...new Set(offsets.map((o) => this.#clamp(o)))].sort((a, b) => a - b);
    const last = wanted[wanted.length - 1] ?? 0;
    if (source.lastIndexOf('\r', last) !== -1) {
      const lines = new LineIndex(source);
      for (const at of wanted) this.#at.set(at, lines.position(at));
      return;
    }
    let line = 1;
    let lineStart = 0;
    let nl = source.indexOf('\n');
    for (const at of wanted) {
      while (nl !== -1 && nl < at) {
        line++;
        lineStart = nl + 1;
        nl = source.indexOf('\n', lineStart);
      }
      this.#at.set(at, { line, column: at - lineStart + 1 });
    }
  }

  #clamp(offset: number): number {
    return clamp(offset, this.#source.length);
  }

  position(offset: number): { line: number; column: number } {
    return this.#at.get(this.#clamp(offset)) as { line: number; column: number };
  }
}

/** Line and column of one offset, for a single message (a config error, a value init found). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  return new OffsetPositions(text, [offset]).position(offset);
}
