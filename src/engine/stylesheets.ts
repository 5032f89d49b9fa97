import fs from 'node:fs';
import path from 'node:path';

const MAX_STYLESHEET = 2 * 1024 * 1024;

/**
 * Reads the local stylesheets pages link, once per file: every page of a theme links the same
 * few sheets. Remote sheets and paths that leave the site root are not read.
 */
export class StylesheetCache {
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly root: string) {}

  loader(pageAbs: string): (href: string) => string | undefined {
    return (href) => this.load(pageAbs, href);
  }

  private load(pageAbs: string, href: string): string | undefined {
    // Everything from the first ? or #, newlines included: `.*$` stopped at a newline and then
    // retried from every later ?, quadratic on an href of 100,000 question marks.
    const clean = href.trim().replace(/[?#][\s\S]*/, '');
    if (!clean || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(clean)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(clean);
    } catch {
      return undefined;
    }
    const abs = decoded.startsWith('/') ? path.join(this.root, decoded) : path.resolve(path.dirname(pageAbs), decoded);
    const rel = path.relative(this.root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    if (this.cache.has(abs)) return this.cache.get(abs);
    let css: string | undefined;
    try {
      const stat = fs.statSync(abs);
      if (stat.isFile() && stat.size <= MAX_STYLESHEET) css = fs.readFileSync(abs, 'utf8');
    } catch {
      css = undefined;
    }
    this.cache.set(abs, css);
    return css;
  }
}
