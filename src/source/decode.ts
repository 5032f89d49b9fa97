import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import { Buffer, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/** A page's source text as a browser would see it, and how its encoding was chosen. */
export interface Decoded {
  /** Decoded as a browser would (BOM, then the `<meta>` prescan of the first 1024 bytes, else UTF-8); a leading BOM is not part of it. */
  text: string;
  /** WHATWG encoding name, lower-case: 'utf-8', 'gbk', 'gb18030', 'big5', 'utf-16le', ... */
  encoding: string;
  /** What chose the encoding. An XML declaration counts as 'meta': it is an in-document declaration too. 'transport' is the HTTP charset (live mode). */
  source: 'bom' | 'transport' | 'meta' | 'default';
  /** Where the bytes disagree with what the page declares, or did not decode cleanly. */
  notes: DecodeNote[];
}

/** Something worth telling the user about a page's bytes; none of them stops decoding. */
export type DecodeNote =
  | { kind: 'bom-overrides-meta'; declared: string }
  | { kind: 'invalid-bytes'; encoding: string; count: number /* replacement chars produced */ }
  | { kind: 'nul-bytes'; count: number }
  | { kind: 'meta-mismatch'; declared: string; likely: string };

export interface DecodeOptions {
  /**
   * The `charset` of an HTTP Content-Type header. WHATWG order: a BOM wins over it, and it wins
   * over the `<meta>` prescan (a GBK page served with `charset=GBK` and no `<meta>` decodes as GBK).
   * An unknown label is ignored, as browsers ignore it.
   */
  readonly transportCharset?: string;
}

const PRESCAN_BYTES = 1024;
const BINARY_SAMPLE_BYTES = 8192;
const REPLACEMENT = 0xfffd;

/**
 * Decodes an HTML file's bytes the way the WHATWG encoding sniffing algorithm does, with UTF-8 as the
 * default (static-site generators emit UTF-8; a browser's locale default such as GBK would make the
 * check depend on the reader's machine).
 */
export function decodeHtml(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const sniffer = new Sniffer({
    maxBytes: PRESCAN_BYTES,
    defaultEncoding: 'utf-8',
    ...(options.transportCharset && { transportLayerEncodingLabel: options.transportCharset }),
  });
  sniffer.write(bytes);
  const encoding = sniffer.encoding.toLowerCase();
  const source: Decoded['source'] =
    sniffer.resultType === ResultType.BOM
      ? 'bom'
      : sniffer.resultType === ResultType.DEFAULT
        ? 'default'
        : sniffer.resultType === ResultType.PASSED
          ? 'transport'
          : 'meta';

  const { text, replaced } = decodeWith(bytes, encoding);
  const notes: DecodeNote[] = [];

  if (source === 'bom') {
    const declared = declaredBehindBom(bytes, encoding, text);
    if (declared !== null && declared !== encoding) notes.push({ kind: 'bom-overrides-meta', declared });
  }
  if (replaced > 0) notes.push({ kind: 'invalid-bytes', encoding, count: replaced });
  // NUL is a single 0x00 byte in every ASCII-compatible encoding (no legacy CJK trail byte is 0x00), and
  // memchr over bytes is cheaper than scanning the decoded string.
  const nul = encoding.startsWith('utf-16') ? countChar(text, 0) : countByte(bytes, 0);
  if (nul > 0) notes.push({ kind: 'nul-bytes', count: nul });
  if (source === 'meta' || source === 'transport') {
    const likely = likelyEncodingAgainst(bytes, encoding, replaced);
    if (likely !== null) notes.push({ kind: 'meta-mismatch', declared: encoding, likely });
  }
  return { text, encoding, source, notes };
}

/** true when the bytes are not text: binary magic, a NUL in the first 8 KiB of a non-UTF-16 file, or many control bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasBinaryMagic(bytes)) return true;
  // UTF-16 text is half NUL bytes for ASCII content, so byte-level heuristics would misfire on it.
  if (looksUtf16(bytes)) return false;
  const end = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // TAB, LF, FF, CR are ordinary in text; ESC introduces ISO-2022-JP shifts.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  return end > 0 && control / end > 0.1;
}

function hasBinaryMagic(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || // PNG
    startsWith(b, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(b, [0x47, 0x49, 0x46, 0x38]) || // GIF8(7|9)a
    startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) || // %PDF-
    (startsWith(b, [0x50, 0x4b]) && // ZIP local header, empty archive, spanned archive
      (startsWith(b.subarray(2), [0x03, 0x04]) || startsWith(b.subarray(2), [0x05, 0x06]) || startsWith(b.subarray(2), [0x07, 0x08]))) ||
    startsWith(b, [0x1f, 0x8b]) || // gzip
    (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50])) || // RIFF....WEBP
    startsWith(b, [0x00, 0x61, 0x73, 0x6d]) // \0asm
  );
}

function looksUtf16(b: Uint8Array): boolean {
  return (
    startsWith(b, [0xff, 0xfe]) ||
    startsWith(b, [0xfe, 0xff]) ||
    // BOM-less UTF-16 that the sniffer recognises by its `<?` XML prefix.
    startsWith(b, [0x3c, 0x00, 0x3f, 0x00]) ||
    startsWith(b, [0x00, 0x3c, 0x00, 0x3f])
  );
}

function startsWith(b: Uint8Array, prefix: readonly number[]): boolean {
  if (b.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[i] !== prefix[i]) return false;
  return true;
}

function decodeWith(bytes: Uint8Array, encoding: string): { text: string; replaced: number } {
  if (encoding === 'replacement') {
    // WHATWG: the replacement decoder turns any non-empty input into a single U+FFFD (ISO-2022-KR & co).
    return bytes.length === 0 ? { text: '', replaced: 0 } : { text: '\ufffd', replaced: 1 };
  }
  if (encoding === 'x-user-defined') return { text: decodeUserDefined(bytes), replaced: 0 };
  // Valid UTF-8 (SIMD-checked), nearly every page: Buffer's decoder is about a fifth cheaper than
  // TextDecoder's (issue 18), and it cannot have produced a replacement to count. TextDecoder drops
  // a leading BOM; so does this.
  if (encoding === 'utf-8' && isUtf8(bytes)) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom), replaced: 0 };
  }
  const text = decoderFor(encoding).decode(bytes);
  let replaced = countChar(text, REPLACEMENT);
  if (replaced > 0) {
    // A page may contain U+FFFD on purpose; only count what the decoder had to invent.
    replaced =
      encoding === 'utf-8'
        ? replaced - countLiteralUtf8Replacement(bytes)
        : decodesCleanly(bytes, encoding)
          ? 0
          : replaced;
  }
  return { text, replaced: Math.max(0, replaced) };
}

// Decoders keep no state between non-streaming decode() calls, so one per encoding and mode serves every page.
const decoders = new Map<string, TextDecoder>();

function decoderFor(encoding: string, fatal = false): TextDecoder {
  const cacheKey = `${encoding}:${fatal}`;
  let decoder = decoders.get(cacheKey);
  if (!decoder) {
    // WHATWG's gbk decoder is the gb18030 decoder; ICU's "gbk" drops the 4-byte sequences browsers accept.
    const label = encoding === 'gbk' ? 'gb18030' : encoding;
    try {
      decoder = new TextDecoder(label, { fatal });
    } catch {
      // An encoding the sniffer knows but this Node build lacks: browsers fall back to windows-1252 too.
      decoder = new TextDecoder('windows-1252', { fatal });
    }
    decoders.set(cacheKey, decoder);
  }
  return decoder;
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  if (encoding === 'utf-8') return isUtf8(bytes);
  try {
    decoderFor(encoding, true).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeUserDefined(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b < 0x80 ? b : 0xf780 + b - 0x80);
  return out;
}

function countChar(text: string, code: number): number {
  const ch = String.fromCharCode(code);
  let count = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

function countByte(bytes: Uint8Array, value: number): number {
  // Buffer#indexOf is memchr; Uint8Array#indexOf is a plain loop, ~3x slower on a 100 MB corpus.
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let i = view.indexOf(value); i !== -1; i = view.indexOf(value, i + 1)) count++;
  return count;
}

function countLiteralUtf8Replacement(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}

/** The encoding a `<meta>` behind the BOM declares, or null when there is none. */
function declaredBehindBom(bytes: Uint8Array, bomEncoding: string, text: string): string | null {
  let sniffed: Sniffer;
  if (bomEncoding === 'utf-8') {
    sniffed = new Sniffer({ maxBytes: PRESCAN_BYTES });
    sniffed.write(bytes.subarray(3));
  } else {
    // A UTF-16 page's <meta> is not ASCII-compatible on the wire; prescan its decoded start instead.
    const ascii = asciiProjection(text, PRESCAN_BYTES);
    sniffed = new Sniffer({ maxBytes: PRESCAN_BYTES });
    sniffed.write(ascii);
    // The prescan turns a declared UTF-16 into UTF-8 (it cannot be right on ASCII bytes), but behind a UTF-16 BOM it is.
    if (sniffed.resultType === ResultType.META_TAG && /charset\s*=\s*(?:["']\s*)?(?:utf-?16|unicode|ucs-2|csunicode|iso-10646-ucs-2)/i.test(String.fromCharCode(...ascii))) {
      return bomEncoding;
    }
  }
  if (sniffed.resultType !== ResultType.META_TAG && sniffed.resultType !== ResultType.XML_ENCODING) return null;
  return sniffed.encoding.toLowerCase();
}

function asciiProjection(text: string, max: number): Uint8Array {
  const n = Math.min(text.length, max);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 ? c : 0x3f;
  }
  return out;
}

/**
 * The encoding the bytes are actually in when the declared one is wrong, else null.
 * Valid UTF-8 with multi-byte sequences under a legacy declaration is the usual "saved as UTF-8, kept the
 * old gb2312 meta" mistake: legacy CJK text is practically never valid UTF-8 by accident, while UTF-8 bytes
 * mostly decode "cleanly" as GBK mojibake, so the UTF-8 test is the one that discriminates.
 */
function likelyEncodingAgainst(bytes: Uint8Array, declared: string, replaced: number): string | null {
  if (declared === 'utf-8') {
    if (replaced === 0) return null;
    return guessLegacyCjk(bytes);
  }
  if (declared === 'utf-16le' || declared === 'utf-16be') return null;
  if (hasNonAscii(bytes) && decodesCleanly(bytes, 'utf-8')) return 'utf-8';
  return null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/**
 * GBK or Big5, judged by byte ranges rather than tables: Big5 uses trail bytes 0x40–0x7E for about
 * 40 % of its characters, which GB2312 (the bulk of any simplified-Chinese page) never does, and
 * trail bytes 0x80–0xA0 exist only in GBK.
 */
function guessLegacyCjk(bytes: Uint8Array): string | null {
  let pairs = 0;
  let lowTrail = 0;
  let gbkOnlyTrail = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead > 0xfe) continue;
    const trail = bytes[i + 1]!;
    pairs++;
    if (trail >= 0x40 && trail <= 0x7e) lowTrail++;
    else if (trail >= 0x80 && trail <= 0xa0) gbkOnlyTrail++;
    i++;
  }
  if (pairs === 0) return null;
  const big5Clean = decodesCleanly(bytes, 'big5');
  const gbkClean = decodesCleanly(bytes, 'gb18030');
  const big5Looking = gbkOnlyTrail === 0 && lowTrail / pairs > 0.15;
  if (big5Clean && (big5Looking || !gbkClean)) return 'big5';
  if (gbkClean) return 'gbk';
  return null;
}
