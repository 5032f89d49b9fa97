/** Decoding the real GB2312 pages of ../shared/realworld. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, REALWORLD } from '../helpers/shared.js';
import { decodeHtml } from '../../src/source/decode.js';

describe('decodeHtml: real-world GB2312 pages', () => {
  // ../shared is part of the test environment; if it is gone this must fail, not skip.
  const realworld = REALWORLD;
  const manifest = loadManifest<{
    file: string;
    encoding: string;
    icp_texts: string[];
    title: string;
  }>();
  const gb2312 = manifest.filter((e) => e.encoding === 'gb2312');

  it('finds the two GB2312 pages in the manifest', () => {
    expect(gb2312).toHaveLength(2);
  });

  it.each(gb2312.map((e) => [e.file, e] as const))('%s decodes to its ICP number and title', (_file, entry) => {
    const bytes = new Uint8Array(readFileSync(path.join(realworld, entry.file)));
    const d = decodeHtml(bytes);
    expect(d).toMatchObject({ encoding: 'gbk', source: 'meta' });
    expect(d.notes).toEqual([]);
    expect(d.text).toContain('ICP');
    expect(entry.icp_texts.length).toBeGreaterThan(0);
    for (const icp of entry.icp_texts) expect(d.text).toContain(icp);
    expect(d.text).toContain(`<title>${entry.title}</title>`);
  });
});

