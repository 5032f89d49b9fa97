import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampDrafts } from '../../src/engine/stamp.js';
import icpPresent from '../../src/rules/icp-present.js';
import { LineIndex } from '../../src/source/line-index.js';
import type { Draft } from '../../src/model/index.js';

/**
 * stampDrafts finds lines by counting newlines up to the offsets it needs (issue 6); it must
 * place every finding exactly where a full LineIndex does, whatever the line endings.
 */
const PAGE = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/demo/site/index.html'), 'utf8');
const meta = icpPresent.meta;
const messageId = Object.keys(meta.messages)[0]!;

function stamp(source: string, spans: readonly { start: number; end: number }[]) {
  const drafts = spans.map((span): { meta: typeof meta; severity: 'error'; draft: Draft } => ({ meta, severity: 'error', draft: { messageId, span, evidence: 'x' } }));
  return stampDrafts(drafts, { lang: 'en', file: 'index.html', page: 'index.html', entry: true, source });
}

/** LineIndex's answer, with an offset between the \r and \n of a break moved back onto the \r (stamp.ts). */
function expected(source: string, offset: number) {
  const at = Math.min(offset, source.length);
  const onLine = at > 0 && source.charCodeAt(at) === 0x0a && source.charCodeAt(at - 1) === 0x0d ? at - 1 : at;
  return new LineIndex(source).position(onLine);
}

describe('stampDrafts locations', () => {
  const variants: [string, string][] = [
    ['\\n', PAGE.replace(/\r\n?/g, '\n')],
    ['\\r\\n', PAGE.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n')],
    ['lone \\r in the middle', (() => { const t = PAGE.replace(/\r\n?/g, '\n'); const mid = t.indexOf('\n', t.length >> 1); return `${t.slice(0, mid)}\r${t.slice(mid + 1)}`; })()],
  ];

  for (const [name, source] of variants) {
    it(`matches LineIndex on a whole page with ${name} line ends`, () => {
      expect(source.length).toBeGreaterThan(500);
      const offsets = [0, 1, source.indexOf('<body'), source.indexOf('<footer'), source.lastIndexOf('\n'), source.length - 1, source.length, source.length + 50];
      for (let at = 0; at < source.length; at += 7) offsets.push(at);
      const spans = offsets.map((start, i) => ({ start, end: start + (i % 5) * 13 }));
      const findings = stamp(source, spans);
      findings.forEach((f, i) => {
        const span = spans[i]!;
        expect({ line: f.line, column: f.column }).toEqual(expected(source, span.start));
        expect({ line: f.endLine, column: f.endColumn }).toEqual(expected(source, Math.max(span.end, span.start)));
      });
    });
  }

  it('keeps evidence on one line and caps it', () => {
    const [f] = stampDrafts([{ meta, severity: 'error', draft: { messageId, span: { start: 0, end: 1 }, evidence: `a\nb\t${'c'.repeat(500)}` } }], {
      lang: 'en',
      file: 'index.html',
      page: 'index.html',
      entry: true,
      source: PAGE,
    });
    expect(f!.evidence.startsWith('a b ccc')).toBe(true);
    expect(f!.evidence.length).toBe(200);
    expect(f!.evidence.endsWith('…')).toBe(true);
  });
});
