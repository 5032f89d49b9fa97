import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { looksBinary } from '../source/decode.js';
import { fileKind, type FileKind } from './file-kinds.js';
import { looksLikeOurReport } from '../reporters/own-files.js';
import { listInstalledThemes, listRepoFiles } from './list-files.js';

/** One repository file held in memory for searching. */
export interface SourceFile {
  /** Relative to the repository root (the run's cwd), with forward slashes. */
  readonly path: string;
  readonly kind: FileKind;
  readonly text: string;
}

export interface SourceIndex {
  readonly files: readonly SourceFile[];
  readonly via: 'git' | 'walk' | 'memory';
  /** Files left out because a limit was reached (count, or total bytes); the map still works on the rest. */
  readonly truncated: boolean;
  /** Prose files listed but not read yet (see withProse). */
  readonly deferred: readonly string[];
  /** Bytes read so far, counted against maxTotalBytes. */
  readonly total: number;
}

export interface IndexOptions {
  /** Folders (relative to cwd, posix) that hold built output: the site roots. */
  readonly excludeDirs: readonly string[];
  /** `sources.include`: when given, only matching files (globs relative to cwd). */
  readonly include?: readonly string[];
  /** `sources.exclude`: globs relative to cwd. */
  readonly exclude?: readonly string[];
  readonly maxFileBytes?: number;
  readonly maxFiles?: number;
  readonly maxTotalBytes?: number;
}

export const INDEX_LIMITS = {
  maxFileBytes: 1024 * 1024,
  maxFiles: 50_000,
  maxTotalBytes: 256 * 1024 * 1024,
} as const;

// Generators stamp their name and version into built pages; a template never holds it literally
// (it calls a helper), so such a page is a built copy that lives outside the configured root.
const GENERATOR_META = /<meta\s[^>]*name\s*=\s*["']?generator["']?[^>]*content\s*=\s*["'][^"']*\d/i;
const TEMPLATE_SYNTAX = /\{\{|\{%|<%|\{#|@\{/;

function looksBuilt(file: string, text: string): boolean {
  if (!/\.html?$/i.test(file)) return false;
  const head = text.slice(0, 8192);
  return GENERATOR_META.test(head) && !TEMPLATE_SYNTAX.test(text);
}

/** Decides, from the path alone, whether a listed file belongs in the index, and which folders need no walk. */
export function pathFilter(options: IndexOptions): { keepFile: (file: string) => boolean; skipDir: (dir: string) => boolean } {
  const dirs = new Set(options.excludeDirs.map((d) => d.replace(/(?<!\/)\/+$/, '')).filter((d) => d !== '' && d !== '.'));
  const globOptions = { dot: true };
  const include = options.include && options.include.length > 0 ? picomatch([...options.include], globOptions) : null;
  const exclude = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], globOptions) : null;
  return {
    skipDir: (dir) => dirs.has(dir) || (exclude !== null && exclude(`${dir}/`)),
    keepFile: (file) => {
      for (const d of dirs) if (file.startsWith(`${d}/`)) return false;
      if (fileKind(file) === 'other') return false;
      if (include && !include(file)) return false;
      if (exclude && exclude(file)) return false;
      return true;
    },
  };
}

interface ReadState {
  total: number;
  truncated: boolean;
}

/** Reads `rels` into `files`; never throws for repository contents (an unreadable file is left out). */
function readFiles(cwd: string, rels: readonly string[], files: SourceFile[], state: ReadState, options: IndexOptions): void {
  const maxFileBytes = options.maxFileBytes ?? INDEX_LIMITS.maxFileBytes;
  const maxTotalBytes = options.maxTotalBytes ?? INDEX_LIMITS.maxTotalBytes;
  for (const rel of rels) {
    const abs = path.join(cwd, rel);
    let bytes: Buffer;
    try {
      const st = lstatSync(abs);
      // Symlinks may lead out of the repository; submodules are listed as folders.
      if (!st.isFile() || st.size > maxFileBytes) continue;
      if (state.total + st.size > maxTotalBytes) {
        state.truncated = true;
        return;
      }
      bytes = readFileSync(abs);
    } catch {
      continue;
    }
    if (bytes.length > maxFileBytes || looksBinary(bytes)) continue;
    // UTF-16 sources are rare enough that reading them as UTF-8 garbage is worse than leaving them out.
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) continue;
    state.total += bytes.length;
    // Buffer#toString is several times faster than TextDecoder here; it keeps a BOM, which we drop.
    const decoded = bytes.toString('utf8');
    const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    if (looksBuilt(rel, text) || looksLikeOurReport(text.slice(0, 1024))) continue;
    files.push({ path: rel, kind: fileKind(rel), text });
  }
}

function byPath(a: SourceFile, b: SourceFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Reads the repository's own files once per run: listed by git or a .gitignore-aware walk, minus
 * the site roots, node_modules (but for installed themes), binaries, files over 1 MB and kinds
 * that never hold a footer.
 * Prose (Markdown, text) is listed but not read: it is most of a blog's files and rarely what
 * made a footer, so it is read only when templates and config explain nothing (withProse).
 */
export async function buildSourceIndex(cwd: string, options: IndexOptions): Promise<SourceIndex> {
  const filter = pathFilter(options);
  const listed = await listRepoFiles(cwd, options.maxFiles ?? INDEX_LIMITS.maxFiles, filter);
  // Themes installed from npm (node_modules/hexo-theme-*) are the site's templates; ranking keeps
  // only the one the generator config selects.
  const themes = listInstalledThemes(cwd, options.excludeDirs, filter);
  const markup: string[] = [];
  const prose: string[] = [];
  for (const rel of [...listed.files, ...themes]) (fileKind(rel) === 'content' ? prose : markup).push(rel);
  const files: SourceFile[] = [];
  const state = { total: 0, truncated: listed.truncated };
  readFiles(cwd, markup, files, state, options);
  return { files, via: listed.via, truncated: state.truncated, deferred: prose, total: state.total };
}

/** The index with its deferred prose files read as well (the same limits apply to the sum). */
export function withProse(cwd: string, index: SourceIndex, options: IndexOptions): SourceIndex {
  if (index.deferred.length === 0) return index;
  const files = [...index.files];
  const state = { total: index.total, truncated: index.truncated };
  readFiles(cwd, index.deferred, files, state, options);
  files.sort(byPath);
  return { files, via: index.via, truncated: state.truncated, deferred: [], total: state.total };
}

/** An index over texts already in memory (tests, and callers that hold the files themselves). */
export function indexFromTexts(entries: readonly { path: string; text: string }[], options: IndexOptions = { excludeDirs: [] }): SourceIndex {
  const { keepFile } = pathFilter(options);
  const files = entries.filter((e) => keepFile(e.path)).map((e) => ({ path: e.path, kind: fileKind(e.path), text: e.text }));
  files.sort(byPath);
  return { files, via: 'memory', truncated: false, deferred: [], total: 0 };
}
