/**
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
    const at = Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), this.#text.length) : offset > 0 ? this.#text.length : 0;
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
