/**
 * Every relative link in the READMEs and docs/ points at a file that exists, and every #anchor at
 * a heading of its target, so a reader never lands on a 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownFiles, read, ROOT } from './markdown.js';

/** The Markdown with fenced and inline code removed: links inside code are examples, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

function links(markdown: string): string[] {
  const text = prose(markdown);
  const out = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  out.push(...[...text.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!));
  out.push(...[...text.matchAll(/<a\s[^>]*href="([^"]+)"/g)].map((m) => m[1]!));
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    out.add(m[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

describe('relative links in the READMEs and docs', () => {
  for (const file of markdownFiles()) {
    it(file, () => {
      const broken: string[] = [];
      for (const link of links(read(file))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
        const [target = '', anchor] = link.split('#') as [string, string | undefined];
        const abs = target ? path.resolve(path.dirname(path.join(ROOT, file)), decodeURIComponent(target)) : path.join(ROOT, file);
        if (!fs.existsSync(abs)) {
          broken.push(`${link} (no such file)`);
          continue;
        }
        if (anchor && abs.endsWith('.md') && !anchors(fs.readFileSync(abs, 'utf8')).has(decodeURIComponent(anchor).toLowerCase())) {
          broken.push(`${link} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
