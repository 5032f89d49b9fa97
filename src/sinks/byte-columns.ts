import fs from 'node:fs';
import path from 'node:path';
import { decodeHtml } from '../source/decode.js';
import type { ByteColumn } from '../reporters/rdjson.js';

/**
 * UTF-8 byte columns for reviewdog, from the built files themselves: a finding's column counts
 * UTF-16 code units of the decoded page, reviewdog counts bytes of the line in UTF-8. Each file is
 * read and decoded once (GBK and Big5 pages included, as the check read them); a file that cannot
 * be read, or a finding that is not in a file (live mode's URLs), keeps its column as it is.
 */
export function byteColumns(cwd: string): ByteColumn {
  const lines = new Map<string, string[] | null>();
  return (file, line, column) => {
    let text = lines.get(file);
    if (text === undefined) {
      text = null;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(file)) {
        try {
          text = decodeHtml(fs.readFileSync(path.resolve(cwd, file))).text.split(/\r\n|\r|\n/);
        } catch {
          text = null;
        }
      }
      lines.set(file, text);
    }
    const content = text?.[line - 1];
    if (content === undefined) return column;
    return Buffer.byteLength(content.slice(0, Math.max(0, column - 1)), 'utf8') + 1;
  };
}
