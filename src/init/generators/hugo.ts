import { foundString, noNumbers, numbersInTree, type NumbersFound } from '../scan.js';
import type { Project } from '../project.js';
import { readDataTree } from '../sources/data-files.js';
import { lget, lmap, lstring, merge, type LValue, type Origin } from '../sources/tree.js';
import type { GeneratorProbe } from '../types.js';
import { addNumbers, cleanDir, scanFiles } from './shared.js';

const EXTS = ['toml', 'yaml', 'yml', 'json'];
const ROOT_NAMES = ['hugo', 'config'];

/** A config.toml alone could belong to anything; Hugo's always names a baseURL, a theme or a language. */
function looksLikeHugo(project: Project, file: string, tree: LValue | undefined): boolean {
  if (file.startsWith('hugo.') || file.startsWith('config/')) return true;
  return ['baseurl', 'theme', 'languagecode', 'title'].some((k) => lget(tree, [k]) !== undefined) || project.isDir('archetypes');
}

function read(project: Project, file: string, origin: Origin): LValue | undefined {
  const text = project.read(file);
  return text === undefined ? undefined : readDataTree(file, text, { caseInsensitive: true, origin });
}

/**
 * A Hugo config as Hugo assembles it: the root file (hugo.* before config.*), then the files of
 * a config folder (`config/_default/`, then `config/production/`, the environment `hugo` builds
 * with): `hugo.toml` or `config.toml` there is the root, any other name (`params.toml`,
 * `languages.yaml`) is the key of that name. Keys are case-insensitive in Hugo, and here.
 */
function siteConfig(project: Project, base: string, origin: Origin): { tree: LValue | undefined; files: string[] } {
  const files: string[] = [];
  let tree: LValue | undefined;
  const rootFile = ROOT_NAMES.flatMap((n) => EXTS.map((e) => `${base}${n}.${e}`)).find((f) => project.isFile(f));
  if (rootFile) {
    const t = read(project, rootFile, origin);
    if (t) {
      tree = t;
      files.push(rootFile);
    }
  }
  for (const env of ['_default', 'production']) {
    const dir = `${base}config/${env}`;
    for (const name of project.list(dir)) {
      const m = /^(.+)\.(toml|ya?ml|json)$/i.exec(name);
      if (!m) continue;
      const file = `${dir}/${name}`;
      const t = read(project, file, origin);
      if (!t) continue;
      files.push(file);
      const key = m[1]!.toLowerCase();
      tree = merge(tree, ROOT_NAMES.includes(key) ? t : lmap([[key, t]], true));
    }
  }
  return { tree, files };
}

/** Theme folders: `theme` (a name or a list) under themes/, and imported modules vendored into _vendor/. */
function themeDirs(project: Project, site: LValue | undefined): string[] {
  const dirs: string[] = [];
  const theme = lget(site, ['theme']);
  const names = theme?.kind === 'string' ? [theme.value] : theme?.kind === 'list' ? theme.items.flatMap((i) => (i.kind === 'string' ? [i.value] : [])) : [];
  for (const n of names) if (project.isDir(`themes/${n}`)) dirs.push(`themes/${n}`);
  const imports = lget(site, ['module', 'imports']);
  if (imports?.kind === 'list') {
    for (const item of imports.items) {
      const p = lstring(item, ['path'])?.value;
      if (p && project.isDir(`_vendor/${p}`)) dirs.push(`_vendor/${p}`);
    }
  }
  return dirs;
}

/** Hugo: hugo.toml (or config.toml, or a config folder); the filing line usually sits in [params]. */
export const hugo: GeneratorProbe = {
  id: 'hugo',
  name: 'Hugo',
  detect(project) {
    const { tree: site, files } = siteConfig(project, '', 'user');
    const first = files[0];
    if (!first || !looksLikeHugo(project, first, site)) return undefined;
    // Theme defaults first, the site on top: a theme's own sample params are what the site overrides.
    let merged: LValue | undefined;
    const dirs = themeDirs(project, site);
    for (const dir of dirs) merged = merge(siteConfig(project, `${dir}/`, 'theme').tree, merged);
    merged = merge(merged, site);
    const numbers: NumbersFound = numbersInTree(merged, noNumbers());
    const userTemplates = project.find(['layouts/**/*footer*', 'layouts/**/footer/**', 'layouts/**/*beian*']);
    addNumbers(numbers, scanFiles(project, userTemplates));
    const themeTemplates = dirs.flatMap((d) => project.findIn(d, [`${d}/layouts/**/*footer*`, `${d}/layouts/**/*beian*`]));
    addNumbers(numbers, scanFiles(project, themeTemplates, noNumbers(), 'theme'));
    const out = lstring(site, ['publishDir']);
    const siteName = foundString(lstring(site, ['title']), 'title');
    // Keys are case-insensitive in Hugo: name the key as the file writes it (baseURL, baseurl).
    const baseKey = site?.kind === 'map' ? site.entries.get('baseurl')?.name : undefined;
    const address = foundString(lstring(site, ['baseURL']), baseKey ?? 'baseURL');
    return {
      generator: 'hugo',
      evidence: [first, ...dirs],
      outDir: out ? cleanDir(out.value) : 'public',
      ...(out && { outDirFrom: `${out.src.file}: publishDir` }),
      ...(siteName && { siteName }),
      ...(address && { addresses: [address] }),
      numbers,
      toolchain: 'hugo',
      defaultBuild: 'hugo --minify',
      buildScripts: [],
      notes: [],
    };
  },
};
