import { describe, expect, it } from 'vitest';
import { LineIndex, lineColumnAt, OffsetPositions } from '../../src/source/line-index.js';

describe('LineIndex', () => {
  it('maps offsets across \\n lines', () => {
    const idx = new LineIndex('ab\ncd\n\nef');
    expect(idx.lineCount).toBe(4);
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(2)).toEqual({ line: 1, column: 3 }); // the \n itself ends line 1
    expect(idx.position(3)).toEqual({ line: 2, column: 1 });
    expect(idx.position(6)).toEqual({ line: 3, column: 1 });
    expect(idx.position(7)).toEqual({ line: 4, column: 1 });
    expect(idx.position(8)).toEqual({ line: 4, column: 2 });
  });

  it('treats \\r\\n as one line break', () => {
    const idx = new LineIndex('ab\r\ncd\r\n');
    expect(idx.lineCount).toBe(3);
    expect(idx.position(2)).toEqual({ line: 1, column: 3 });
    expect(idx.position(3)).toEqual({ line: 1, column: 4 }); // the \n of \r\n is still on line 1
    expect(idx.position(4)).toEqual({ line: 2, column: 1 });
    expect(idx.position(8)).toEqual({ line: 3, column: 1 });
  });

  it('treats a lone \\r as a line break, and \\n\\r as two', () => {
    const idx = new LineIndex('a\rb\n\rc');
    expect(idx.lineCount).toBe(4);
    expect(idx.position(2)).toEqual({ line: 2, column: 1 });
    expect(idx.position(4)).toEqual({ line: 3, column: 1 });
    expect(idx.position(5)).toEqual({ line: 4, column: 1 });
  });

  it('counts columns in UTF-16 code units, so astral characters take two', () => {
    const text = '𠮷a\n😀😀b';
    const idx = new LineIndex(text);
    expect(idx.position(text.indexOf('a'))).toEqual({ line: 1, column: 3 });
    expect(idx.position(text.indexOf('b'))).toEqual({ line: 2, column: 5 });
  });

  it('handles offsets at and beyond the ends', () => {
    const text = 'ab\ncd';
    const idx = new LineIndex(text);
    expect(idx.position(text.length)).toEqual({ line: 2, column: 3 });
    expect(idx.position(text.length + 100)).toEqual({ line: 2, column: 3 });
    expect(idx.position(Number.POSITIVE_INFINITY)).toEqual({ line: 2, column: 3 });
    expect(idx.position(-5)).toEqual({ line: 1, column: 1 });
  });

  it('handles an empty text and a text ending in a newline', () => {
    const empty = new LineIndex('');
    expect(empty.lineCount).toBe(1);
    expect(empty.position(0)).toEqual({ line: 1, column: 1 });
    expect(empty.position(3)).toEqual({ line: 1, column: 1 });
    const trailing = new LineIndex('x\n');
    expect(trailing.lineCount).toBe(2);
    expect(trailing.position(2)).toEqual({ line: 2, column: 1 });
  });

  it('agrees with a naive split on a large mixed text', () => {
    const breaks = ['\n', '\r\n', '\r'];
    let text = '';
    for (let i = 0; i < 5000; i++) text += `第${i}行 line ${'x'.repeat(i % 7)}${breaks[i % 3]}`;
    const idx = new LineIndex(text);
    const naiveLines = text.split(/\r\n|\r|\n/);
    expect(idx.lineCount).toBe(naiveLines.length);
    for (let line = 0; line < naiveLines.length; line += 97) {
      const offset = naiveLines.slice(0, line).reduce((sum, l, i) => sum + l.length + breaks[i % 3]!.length, 0);
      expect(idx.position(offset + 1)).toEqual({ line: line + 1, column: 2 });
    }
  });
});

describe('OffsetPositions and lineColumnAt (the batched and single forms)', () => {
  it('give the same answer as LineIndex for every offset, with and without carriage returns', () => {
    for (const text of ['ab\ncd\n\nef', 'a\r\nb\rc\nd', '', '\n', '一\n二三\n']) {
      const offsets = Array.from({ length: text.length + 3 }, (_, i) => i - 1);
      const batched = new OffsetPositions(text, offsets);
      const index = new LineIndex(text);
      for (const o of offsets) {
        expect(batched.position(o)).toEqual(index.position(o));
        expect(lineColumnAt(text, o)).toEqual(index.position(o));
      }
    }
  });
});

