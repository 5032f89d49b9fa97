import { generatorConfigRank } from './file-kinds.js';
import type { SourceIndex } from './source-index.js';

/** What ranking needs to know about the generator that built one site. */
export interface ProjectContext {
  /** Folder holding the generator config nearest above the site root, relative to cwd ('' = cwd). */
  readonly genRoot: string;
  /** That config file, relative to cwd, when one was found. */
  readonly genConfig: string | null;
  /** Themes the config selects (Hugo `theme = "x"`, Hexo `theme: x`); empty when unknown. */
  readonly themes: readonly string[];
  /**
   * The site's own sources, relative to cwd ('' = cwd): the generator root, or the folder of
   * beian-guard's config file when that sits deeper and holds the site (a demo site inside a
   * tool's repository). Hints never name a file outside it.
   */
  readonly sourceRoot: string;
  /** The built site root, relative to cwd ('' when it is cwd or outside it). */
  readonly siteRoot: string;
}

function parentOf(dir: string): string | null {
  if (dir === '') return null;
  const slash = dir.lastIndexOf('/');
  return slash === -1 ? '' : dir.slice(0, slash);
}

/** Best generator config per folder, found by trying each file as "<folder>/<config path>". */
function configsByFolder(index: SourceIndex): Map<string, { file: string; rank: number }> {
  const byDir = new Map<string, { file: string; rank: number }>();
  for (const f of index.files) {
    const parts = f.path.split('/');
    // The deepest config pattern is three segments (config/_default/hugo.toml).
    for (let k = 1; k <= Math.min(3, parts.length); k++) {
      const dir = parts.slice(0, parts.length - k).join('/');
      const rank = generatorConfigRank(parts.slice(parts.length - k).join('/'));
      if (rank < 0) continue;
      const seen = byDir.get(dir);
      if (!seen || rank < seen.rank) byDir.set(dir, { file: f.path, rank });
    }
  }
  return byDir;
}

// Top level only: an indented `theme:` is some other setting (a colour scheme, a code theme).
const THEME_LINE = /^theme[ \t]*[:=][ \t]*(.+)$/m;

/** Theme names from a TOML or YAML config line: `theme = "a"`, `theme = ["a", "b"]`, `theme: a`. */
export function themesIn(configText: string): string[] {
  const m = THEME_LINE.exec(configText);
  if (!m) return [];
  const value = m[1]!.replace(/(?<!\s)\s+#.*$/, '');
  return value
    .replace(/[[\]"']/g, ' ')
    .split(/[\s,]+/)
    .filter((t) => /^[\w.@/-]+$/.test(t));
}

function contains(dir: string, file: string): boolean {
  return dir === '' || file === dir || file.startsWith(`${dir}/`);
}

/**
 * The generator context of a site whose built root is `siteRoot` (relative to cwd, posix; '' or
 * '.' is cwd itself; a root outside cwd starts the search at cwd). `configDir` is the folder of
 * beian-guard's config file, relative to cwd, when one was used.
 */
export function projectContext(index: SourceIndex, siteRoot: string, configDir: string | null = null): ProjectContext {
  const byDir = configsByFolder(index);
  const inside = siteRoot !== '' && siteRoot !== '.' && !siteRoot.startsWith('../') && siteRoot !== '..';
  const site = inside ? siteRoot : '';
  const sourceRootFor = (genRoot: string): string =>
    configDir !== null && configDir.length > genRoot.length && contains(genRoot, configDir) && contains(configDir, site) ? configDir : genRoot;
  for (let dir: string | null = inside ? parentOf(siteRoot) : ''; dir !== null; dir = parentOf(dir)) {
    const found = byDir.get(dir);
    if (!found) continue;
    const text = index.files.find((f) => f.path === found.file)?.text ?? '';
    return { genRoot: dir, genConfig: found.file, themes: /\.(toml|ya?ml)$/.test(found.file) ? themesIn(text) : [], sourceRoot: sourceRootFor(dir), siteRoot: site };
  }
  return { genRoot: '', genConfig: null, themes: [], sourceRoot: sourceRootFor(''), siteRoot: site };
}

/** Path of `file` relative to the site's own sources, or null when it lies outside them. */
export function underSourceRoot(file: string, ctx: ProjectContext): string | null {
  if (ctx.sourceRoot === '') return file;
  return file.startsWith(`${ctx.sourceRoot}/`) ? file.slice(ctx.sourceRoot.length + 1) : null;
}

/** Path of `file` relative to the generator root, or null when it lies outside it. */
export function underGenRoot(file: string, ctx: ProjectContext): string | null {
  if (ctx.genRoot === '') return file;
  return file.startsWith(`${ctx.genRoot}/`) ? file.slice(ctx.genRoot.length + 1) : null;
}

/**
 * A file of a theme the generator config does not select: an old theme left in themes/, or an
 * installed package node_modules/hexo-theme-<name>/ that is not the configured one (or when the
 * config names none).
 */
export function inUnusedTheme(file: string, ctx: ProjectContext): boolean {
  const installed = /(?:^|\/)node_modules\/hexo-theme-([^/]+)\//.exec(file);
  if (installed) return !ctx.themes.includes(installed[1]!);
  if (ctx.themes.length === 0) return false;
  const rel = underGenRoot(file, ctx);
  if (rel === null || !rel.startsWith('themes/')) return false;
  const name = rel.split('/')[1] ?? '';
  return !ctx.themes.includes(name);
}

/** Folder depth below the generator root; files outside it rank after every file inside. */
export function distance(file: string, ctx: ProjectContext): number {
  const rel = underGenRoot(file, ctx);
  const depth = (p: string) => p.split('/').length - 1;
  return rel === null ? 100 + depth(file) : depth(rel);
}
