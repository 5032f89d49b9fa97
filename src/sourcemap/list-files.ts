import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The repository's own files, relative to the folder they were listed from, with forward slashes. */
export interface ListedFiles {
  readonly files: readonly string[];
  /** `git`: `git ls-files`; `walk`: a folder walk honouring every .gitignore under the folder. */
  readonly via: 'git' | 'walk';
  /** More files existed than `limit`; the rest were not listed. */
  readonly truncated: boolean;
}

// Folders no repository means as its own source, whatever its .gitignore says.
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Lists the files of the repository at `cwd`: `git ls-files` when `cwd` is inside a git work tree
 * (run from `cwd`, git lists only the files under it, relative to it), else a walk that honours
 * .gitignore. Untracked files that are not ignored are listed too: a footer partial created a
 * minute ago is where a local run should point, and a CI checkout has none.
 */
export async function listRepoFiles(cwd: string, limit: number, filter: ListFilter = {}): Promise<ListedFiles> {
  const fromGit = await gitFiles(cwd);
  // An empty answer means cwd sits in an ignored or empty part of the work tree: walking the folder
  // itself is the better guess than reporting nothing.
  if (fromGit && fromGit.length > 0) {
    const keep = filter.keepFile ?? (() => true);
    const skipDir = filter.skipDir ?? (() => false);
    const unique = [...new Set(fromGit)].filter((f) => {
      const parts = f.split('/');
      if (parts.some((s) => ALWAYS_SKIPPED.has(s))) return false;
      for (let i = 1; i < parts.length; i++) if (skipDir(parts.slice(0, i).join('/'))) return false;
      return keep(f);
    });
    unique.sort();
    return { files: unique.slice(0, limit), via: 'git', truncated: unique.length > limit };
  }
  return walkFiles(cwd, limit, filter);
}

/** Applied while listing, so limits count only files that can be indexed and excluded folders are never walked. */
export interface ListFilter {
  /** A folder (relative, posix) whose contents are left out: a site root, an excluded glob. */
  readonly skipDir?: (dir: string) => boolean;
  readonly keepFile?: (file: string) => boolean;
}

// A walk from a wrong cwd (a home folder) must end: folders are capped as well as files.
const MAX_DIRS = 100_000;

function gitFiles(cwd: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      // GIT_OPTIONAL_LOCKS=0: listing must never take the index lock a concurrent git command needs.
      { cwd, maxBuffer: 256 * 1024 * 1024, timeout: 30_000, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout) => {
        // Not a work tree (exit 128), git not installed (ENOENT), a "dubious ownership" refusal in a
        // container: all mean "use the walk", never a failed run.
        if (error) resolve(null);
        else resolve(stdout.split('\0').filter((f) => f.length > 0));
      },
    );
  });
}

interface Rules {
  /** Folder of the .gitignore, relative to the walk root ('' for the root). */
  readonly base: string;
  readonly ig: Ignore;
}

/** Later (deeper) .gitignore files override earlier ones, negations included, as git applies them. */
function isIgnored(rules: readonly Rules[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig } of rules) {
    const sub = base === '' ? rel : rel.slice(base.length + 1);
    let r;
    try {
      r = ig.test(isDir ? `${sub}/` : sub);
    } catch {
      // `ignore` refuses some odd names; a name no rule can speak about is not ignored.
      continue;
    }
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/**
 * Synchronous on purpose, like discover(): a walk is many tiny metadata calls, and through
 * fs/promises each becomes a thread-pool round trip that costs more than the call itself.
 */
export function walkFiles(cwd: string, limit: number, filter: ListFilter = {}): ListedFiles {
  const files: string[] = [];
  const stack: { dir: string; rules: readonly Rules[] }[] = [{ dir: '', rules: [] }];
  let dirs = 0;
  while (stack.length > 0) {
    if (++dirs > MAX_DIRS) return { files: files.sort(), via: 'walk', truncated: true };
    const { dir, rules } = stack.pop()!;
    const abs = dir === '' ? cwd : path.join(cwd, dir);
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      continue;
    }
    let own = rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        own = [...rules, { base: dir, ig: ignore().add(readFileSync(path.join(abs, '.gitignore'), 'utf8')) }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      if (ALWAYS_SKIPPED.has(e.name) || e.isSymbolicLink()) continue;
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      const isDir = e.isDirectory();
      if (!isDir && !e.isFile()) continue;
      if (isIgnored(own, rel, isDir)) continue;
      if (isDir) {
        if (!filter.skipDir?.(rel)) subdirs.push(rel);
      } else if (!filter.keepFile || filter.keepFile(rel)) {
        files.push(rel);
        if (files.length > limit) return { files: files.sort().slice(0, limit), via: 'walk', truncated: true };
      }
    }
    for (const d of subdirs) stack.push({ dir: d, rules: own });
  }
  return { files: files.sort(), via: 'walk', truncated: false };
}

/** Files of one installed theme at most: a theme is its layouts, config and a few scripts. */
const MAX_THEME_FILES = 5_000;
const THEME_PACKAGE = /^hexo-theme-[\w.-]+$/;

/**
 * Files of the Hexo themes installed from npm (`node_modules/hexo-theme-<name>/`), next to cwd
 * and next to each site root's parent: node_modules is never listed otherwise, and such a theme
 * holds the footer partial. Paths are relative to cwd.
 */
export function listInstalledThemes(cwd: string, siteRoots: readonly string[], filter: ListFilter = {}): string[] {
  const bases = new Set(['']);
  for (const root of siteRoots) {
    const parent = path.posix.dirname(root);
    if (parent !== '.' && !parent.startsWith('..') && !path.isAbsolute(parent)) bases.add(parent);
  }
  const out: string[] = [];
  for (const base of bases) {
    const modules = base === '' ? 'node_modules' : `${base}/node_modules`;
    let names: string[];
    try {
      names = readdirSync(path.join(cwd, modules)).filter((n) => THEME_PACKAGE.test(n));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const dir = `${modules}/${name}`;
      const keep = filter.keepFile;
      const listed = walkFiles(path.join(cwd, dir), MAX_THEME_FILES, keep ? { keepFile: (f) => keep(`${dir}/${f}`) } : {});
      for (const f of listed.files) out.push(`${dir}/${f}`);
    }
  }
  return out;
}
