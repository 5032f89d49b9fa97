import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

/** Config and template files are small; anything larger is not what we are looking for. */
const MAX_READ_BYTES = 512 * 1024;
/** Folders that hold dependencies, history or build output, never the user's own sources. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.next', '.nuxt', '.astro', '.docusaurus', '.cache', 'public', 'dist', 'build', 'out', '_site', 'resources', 'vendor']);
const WALK_ENTRY_LIMIT = 5000;

/**
 * Read-only view of the project folder `beian-guard init` looks at. Paths are posix and relative
 * to the folder; nothing is executed and nothing outside the folder is read.
 */
export class Project {
  readonly dir: string;
  private readonly texts = new Map<string, string | undefined>();
  private listing: string[] | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  abs(rel: string): string {
    return path.join(this.dir, ...rel.split('/'));
  }

  isFile(rel: string): boolean {
    try {
      return fs.statSync(this.abs(rel)).isFile();
    } catch {
      return false;
    }
  }

  isDir(rel: string): boolean {
    try {
      return fs.statSync(this.abs(rel)).isDirectory();
    } catch {
      return false;
    }
  }

  /** The first of `names` that exists as a file. */
  firstFile(names: readonly string[]): string | undefined {
    return names.find((n) => this.isFile(n));
  }

  /** UTF-8 text of a file, or undefined when it is missing, unreadable or too large to be a config. */
  read(rel: string): string | undefined {
    if (this.texts.has(rel)) return this.texts.get(rel);
    let text: string | undefined;
    try {
      const abs = this.abs(rel);
      if (fs.statSync(abs).size <= MAX_READ_BYTES) text = fs.readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      text = undefined;
    }
    this.texts.set(rel, text);
    return text;
  }

  /** package.json as an object, or undefined when absent or not valid JSON. */
  packageJson(): PackageJson | undefined {
    const text = this.read('package.json');
    if (text === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as PackageJson) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether package.json lists `name` in any dependency field. */
  hasDependency(name: string | RegExp): boolean {
    const pkg = this.packageJson();
    if (!pkg) return false;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies'] as const) {
      const deps = pkg[field];
      if (!deps || typeof deps !== 'object') continue;
      for (const dep of Object.keys(deps)) if (typeof name === 'string' ? dep === name : name.test(dep)) return true;
    }
    return false;
  }

  /** The npm script named `name`, if package.json has it. */
  script(name: string): string | undefined {
    const scripts = this.packageJson()?.scripts;
    const value = scripts && typeof scripts === 'object' ? scripts[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** Source files matching the globs, skipping dependencies and build output; sorted, capped. */
  find(globs: readonly string[], limit = 40): string[] {
    const match = picomatch(globs as string[], { dot: true });
    return this.allFiles().filter((f) => match(f)).slice(0, limit);
  }

  /**
   * Files under `base` matching the globs (relative to the project), for folders the general walk
   * skips on purpose: a theme installed in node_modules, a vendored Hugo module.
   */
  findIn(base: string, globs: readonly string[], limit = 40): string[] {
    if (!this.isDir(base)) return [];
    const match = picomatch(globs as string[], { dot: true });
    return this.walk(base).filter((f) => match(f)).slice(0, limit);
  }

  /** Names in a folder, sorted; empty when it is missing. */
  list(rel: string): string[] {
    try {
      return fs.readdirSync(this.abs(rel)).sort();
    } catch {
      return [];
    }
  }

  private allFiles(): string[] {
    this.listing ??= this.walk('');
    return this.listing;
  }

  private walk(base: string): string[] {
    const out: string[] = [];
    const stack: string[] = [base];
    let seen = 0;
    while (stack.length > 0 && seen < WALK_ENTRY_LIMIT) {
      const rel = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(rel ? this.abs(rel) : this.dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (++seen > WALK_ENTRY_LIMIT) break;
        const child = rel ? `${rel}/${e.name}` : e.name;
        // Symlinks are not followed: a project folder has no reason to link its config elsewhere.
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && child.split('/').length <= 6 + (base ? base.split('/').length : 0)) stack.push(child);
        } else if (e.isFile()) out.push(child);
      }
    }
    return out.sort();
  }
}

export interface PackageJson {
  readonly name?: unknown;
  readonly scripts?: Record<string, unknown>;
  readonly dependencies?: Record<string, unknown>;
  readonly devDependencies?: Record<string, unknown>;
  readonly peerDependencies?: Record<string, unknown>;
  readonly packageManager?: unknown;
}

/** The nearest folder at or above `dir` that holds `.git` (a folder or a worktree file). */
export function gitRoot(dir: string): string | undefined {
  let current = dir;
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** The checked-out branch of a fresh clone is its default branch; undefined when it cannot be read. */
export function currentBranch(repo: string): string | undefined {
  try {
    const head = fs.readFileSync(path.join(repo, '.git', 'HEAD'), 'utf8');
    const m = /^ref: refs\/heads\/(\S+)\s*$/.exec(head);
    return m?.[1];
  } catch {
    return undefined;
  }
}
