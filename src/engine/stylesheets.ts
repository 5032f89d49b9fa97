import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../paths.js';

const MAX_STYLESHEET = 2 * 1024 * 1024;
/**
 * Characters of CSS kept across pages. A page process lives for many pages, and each page is
 * meant to be checked within its own memory budget: past this, the cache starts over.
 */
const MAX_CACHED = 32 * 1024 * 1024;

/**
 * Reads the local stylesheets pages link, once per file: every page of a theme links the same
 * few sheets. Remote sheets are not read, nor any file whose real path (links resolved) is outside
 * the site root: a link in the build output must not let a page read the runner's other files.
 */
export class StylesheetCache {
  private readonly cache = new Map<string, string | undefined>();
  private cached = 0;
  private rootReal: string | undefined;

  constructor(private readonly root: string) {}

  private realRoot(): string {
    if (this.rootReal === undefined) {
      try {
        this.rootReal = fs.realpathSync(this.root);
      } catch {
        this.rootReal = path.resolve(this.root);
      }
    }
    return this.rootReal;
  }

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
    if (!isInside(path.resolve(this.root), abs)) return undefined;
    if (this.cache.has(abs)) return this.cache.get(abs);
    let css: string | undefined;
    try {
      const real = fs.realpathSync(abs);
      const stat = fs.statSync(real);
      if (isInside(this.realRoot(), real) && stat.isFile() && stat.size <= MAX_STYLESHEET) css = fs.readFileSync(real, 'utf8');
    } catch {
      css = undefined;
    }
    if (this.cached + (css?.length ?? 0) > MAX_CACHED) {
      this.cache.clear();
      this.cached = 0;
    }
    this.cache.set(abs, css);
    this.cached += css?.length ?? 0;
    return css;
  }
}
