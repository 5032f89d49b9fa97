import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeHtml, looksBinary } from '../../src/source/decode.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(here, '../../fixtures/encoding', name)));

const SIMPLIFIED_FOOTER = '京ICP备12345678号-1</a> 版权所有 示例站点';
const TRADITIONAL_FOOTER = '粵ICP備12345678號</a> 版權所有 範例網站';

describe('decodeHtml: declared legacy encodings', () => {
  it('decodes GBK bytes declared by <meta charset>', () => {
    const d = decodeHtml(fixture('gbk-meta.html'));
    expect(d).toMatchObject({ encoding: 'gbk', source: 'meta', notes: [] });
    expect(d.text).toContain('<p>欢迎访问本站。</p>');
    expect(d.text).toContain(SIMPLIFIED_FOOTER);
  });

  it('decodes Big5 bytes declared by <meta charset>', () => {
    const d = decodeHtml(fixture('big5-meta.html'));
    expect(d).toMatchObject({ encoding: 'big5', source: 'meta', notes: [] });
    expect(d.text).toContain('<p>歡迎光臨本網站。</p>');
    expect(d.text).toContain(TRADITIONAL_FOOTER);
  });

  it('decodes GB18030 declared by http-equiv, including 4-byte sequences and 0x80', () => {
    const d = decodeHtml(fixture('gb18030-http-equiv.html'));
    expect(d).toMatchObject({ encoding: 'gb18030', source: 'meta', notes: [] });
    expect(d.text).toContain('<p>生僻字𠮷与欧元€</p>');
    expect(d.text).toContain(SIMPLIFIED_FOOTER);
  });

  it('decodes 4-byte sequences under a gbk label too, as browsers do', () => {
    const gb18030Bytes = fixture('gb18030-http-equiv.html');
    const relabelled = new TextDecoder('latin1').decode(gb18030Bytes).replace('charset=gb18030', 'charset=gbk');
    const bytes = Uint8Array.from(relabelled, (c) => c.charCodeAt(0));
    const d = decodeHtml(bytes);
    expect(d.encoding).toBe('gbk');
    expect(d.text).toContain('生僻字𠮷与欧元€');
    expect(d.notes).toEqual([]);
  });

  it('treats gb2312 as gbk (WHATWG label mapping)', () => {
    const d = decodeHtml(new Uint8Array([...Buffer.from('<meta charset="gb2312">'), 0xd6, 0xd0, 0xce, 0xc4]));
    expect(d.encoding).toBe('gbk');
    expect(d.text.endsWith('中文')).toBe(true);
  });
});

describe('decodeHtml: BOM and defaults', () => {
  it('honours a UTF-8 BOM and leaves it out of the text', () => {
    const d = decodeHtml(fixture('utf8-bom.html'));
    expect(d).toMatchObject({ encoding: 'utf-8', source: 'bom', notes: [] });
    expect(d.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(d.text).toContain(SIMPLIFIED_FOOTER);
  });

  it('decodes UTF-16LE with a BOM; a meta saying utf-16 agrees with it', () => {
    const d = decodeHtml(fixture('utf16le-bom.html'));
    expect(d).toMatchObject({ encoding: 'utf-16le', source: 'bom', notes: [] });
    expect(d.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(d.text).toContain(SIMPLIFIED_FOOTER);
  });

  it('decodes UTF-16BE with a BOM', () => {
    const le = Buffer.from('<p>京ICP备1号</p>', 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const d = decodeHtml(new Uint8Array([0xfe, 0xff, ...be]));
    expect(d).toMatchObject({ encoding: 'utf-16be', source: 'bom', text: '<p>京ICP备1号</p>', notes: [] });
  });

  it('lets a BOM override a contradicting <meta> and says so', () => {
    const d = decodeHtml(fixture('bom-contradicts-meta.html'));
    expect(d).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(d.notes).toEqual([{ kind: 'bom-overrides-meta', declared: 'gbk' }]);
    expect(d.text).toContain(SIMPLIFIED_FOOTER);
  });

  it('reports a <meta> behind a UTF-16 BOM that declares something else', () => {
    const d = decodeHtml(new Uint8Array([0xff, 0xfe, ...Buffer.from('<meta charset="big5"><p>备案</p>', 'utf16le')]));
    expect(d.encoding).toBe('utf-16le');
    expect(d.notes).toEqual([{ kind: 'bom-overrides-meta', declared: 'big5' }]);
    expect(d.text).toBe('<meta charset="big5"><p>备案</p>');
  });

  it('defaults to UTF-8 when nothing is declared', () => {
    const d = decodeHtml(fixture('no-charset-utf8.html'));
    expect(d).toMatchObject({ encoding: 'utf-8', source: 'default', notes: [] });
    expect(d.text).toContain(SIMPLIFIED_FOOTER);
  });

  it('only prescans the first 1024 bytes for <meta>', () => {
    const late = `<!--${'x'.repeat(1100)}--><meta charset="gbk">`;
    const d = decodeHtml(new Uint8Array(Buffer.from(late)));
    expect(d).toMatchObject({ encoding: 'utf-8', source: 'default' });
  });

  it('decodes an empty file', () => {
    expect(decodeHtml(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', source: 'default', notes: [] });
  });
});

describe('decodeHtml: notes', () => {
  it('GBK bytes under a utf-8 meta: invalid-bytes with a count, and meta-mismatch guessing gbk', () => {
    const d = decodeHtml(fixture('invalid-utf8.html'));
    expect(d).toMatchObject({ encoding: 'utf-8', source: 'meta' });
    const invalid = d.notes.find((n) => n.kind === 'invalid-bytes');
    expect(invalid).toMatchObject({ kind: 'invalid-bytes', encoding: 'utf-8' });
    expect(invalid && invalid.kind === 'invalid-bytes' ? invalid.count : 0).toBe(countReplacement(d.text));
    expect(countReplacement(d.text)).toBeGreaterThan(10);
    expect(d.notes).toContainEqual({ kind: 'meta-mismatch', declared: 'utf-8', likely: 'gbk' });
  });

  it('Big5 bytes under a utf-8 meta: meta-mismatch guesses big5', () => {
    const d = decodeHtml(fixture('big5-declared-utf8.html'));
    expect(d.notes).toContainEqual({ kind: 'meta-mismatch', declared: 'utf-8', likely: 'big5' });
    expect(d.notes.some((n) => n.kind === 'invalid-bytes')).toBe(true);
  });

  it('UTF-8 bytes under a gb2312 http-equiv: decoded as gbk (like a browser) with meta-mismatch → utf-8', () => {
    const d = decodeHtml(fixture('gbk-declared-utf8-bytes.html'));
    expect(d).toMatchObject({ encoding: 'gbk', source: 'meta' });
    expect(d.notes).toContainEqual({ kind: 'meta-mismatch', declared: 'gbk', likely: 'utf-8' });
    expect(d.text).not.toContain('京ICP备');
  });

  it('an ASCII-only page under a legacy meta is not a mismatch', () => {
    const d = decodeHtml(new Uint8Array(Buffer.from('<meta charset="gbk"><p>ICP 12345678</p>')));
    expect(d.notes).toEqual([]);
  });

  it('does not count a literal U+FFFD in valid UTF-8 as invalid', () => {
    const d = decodeHtml(new Uint8Array(Buffer.from('<meta charset="utf-8"><p>\ufffd 备案</p>')));
    expect(d.notes).toEqual([]);
    expect(d.text).toContain('\ufffd 备案');
  });

  it('counts NUL characters', () => {
    const d = decodeHtml(fixture('nul-bytes.html'));
    expect(d.notes).toEqual([{ kind: 'nul-bytes', count: 3 }]);
    expect(d.text).toContain('\0\0\0</html>');
  });

  it('counts invalid bytes in a legacy encoding', () => {
    // 0xFF is never a valid GBK lead byte.
    const d = decodeHtml(new Uint8Array([...Buffer.from('<meta charset="gbk">'), 0xd6, 0xd0, 0xff, 0x41]));
    expect(d.notes).toEqual([{ kind: 'invalid-bytes', encoding: 'gbk', count: 1 }]);
    expect(d.text.endsWith('中\ufffdA')).toBe(true);
  });
});

describe('looksBinary', () => {
  it('recognises PNG bytes named .html', () => {
    expect(looksBinary(fixture('binary.html'))).toBe(true);
  });

  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['GIF', [...Buffer.from('GIF89a')]],
    ['PDF', [...Buffer.from('%PDF-1.7\n')]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14]],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00]],
    ['WebP', [...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]],
    ['wasm', [0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0]],
  ])('recognises %s magic', (_name, magic) => {
    expect(looksBinary(new Uint8Array([...magic, ...Buffer.from('<html>')]))).toBe(true);
  });

  it('flags a NUL byte in the first 8 KiB, but not after it', () => {
    const early = new Uint8Array(Buffer.from('<html>\0</html>'));
    expect(looksBinary(early)).toBe(true);
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    expect(looksBinary(late)).toBe(false);
  });

  it('flags a high ratio of control bytes', () => {
    const bytes = new Uint8Array(1000).fill(0x61);
    for (let i = 0; i < 200; i++) bytes[i * 5] = 0x01;
    expect(looksBinary(bytes)).toBe(true);
    for (let i = 0; i < 200; i++) bytes[i * 5] = i % 2 === 0 ? 0x0a : 0x09;
    expect(looksBinary(bytes)).toBe(false);
  });

  it('accepts every text fixture, including UTF-16 with its NUL bytes', () => {
    for (const name of ['gbk-meta.html', 'big5-meta.html', 'gb18030-http-equiv.html', 'utf8-bom.html', 'utf16le-bom.html', 'no-charset-utf8.html', 'invalid-utf8.html']) {
      expect([name, looksBinary(fixture(name))]).toEqual([name, false]);
    }
  });

  it('accepts an empty file as text', () => {
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
});

function countReplacement(text: string): number {
  return [...text].filter((c) => c === '\ufffd').length;
}

describe('decodeHtml: valid UTF-8 decoded by Buffer', () => {
  it('gives exactly what TextDecoder gives, BOM dropped, on every fixture page and on edge cases', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const abs = path.join(dir, name);
        if (statSync(abs).isDirectory()) walk(abs);
        else if (name.endsWith('.html')) files.push(abs);
      }
    };
    walk(root);
    const bytes = files.map((f) => readFileSync(f));
    const enc = new TextEncoder();
    const edge = ['', '\ufeff', '\ufeff<p>京ICP备2023012345号</p>', '<p>𠀀😀\ufeff</p>', '\ufeff\ufeff<p>x</p>', '<meta charset="utf-8">\u00e9'].map((s) => Buffer.from(enc.encode(s)));
    let utf8 = 0;
    for (const b of [...bytes, ...edge]) {
      const decoded = decodeHtml(b);
      if (decoded.encoding !== 'utf-8' || decoded.notes.length > 0) continue;
      utf8++;
      expect(decoded.text).toBe(new TextDecoder('utf-8').decode(b));
      // A subarray of a larger buffer (as a pooled read may hand us) decodes the same.
      const padded = Buffer.concat([Buffer.from('xx'), b, Buffer.from('yy')]).subarray(2, 2 + b.length);
      expect(decodeHtml(padded).text).toBe(decoded.text);
    }
    expect(utf8).toBeGreaterThan(100);
  });
});
