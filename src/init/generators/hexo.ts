import { noNumbers, numbersInTree, foundString, type NumbersFound } from '../scan.js';
import type { Project } from '../project.js';
import { readYamlTree } from '../sources/data-files.js';
import { lget, lstring, merge, type LValue } from '../sources/tree.js';
import type { GeneratorProbe, Note } from '../types.js';
import { addNumbers, cleanDir, scanFiles } from './shared.js';

/** Where a Hexo theme lives: copied into themes/ or installed from npm (Hexo 5+ loads both). */
function themeDirs(project: Project, theme: string): string[] {
  return [`themes/${theme}`, `node_modules/hexo-theme-${theme}`].filter((d) => project.isDir(d));
}

/**
 * The theme config Hexo renders with, merged the way Hexo merges it (lowest first): the theme's
 * own `_config.yml`, then `_config.<theme>.yml` in the site root, then `theme_config` in the
 * site's `_config.yml`. Values the user overrides are gone from the result, so a theme's sample
 * numbers never show up once the user has set their own.
 */
function themeConfig(project: Project, theme: string, site: LValue | undefined): { merged: LValue | undefined; files: string[] } {
  const files: string[] = [];
  let merged: LValue | undefined;
  for (const dir of themeDirs(project, theme)) {
    const file = `${dir}/_config.yml`;
    const text = project.read(file);
    const tree = text !== undefined ? readYamlTree(file, text, { origin: 'theme' }) : undefined;
    if (!tree) continue;
    files.push(file);
    merged = merge(merged, tree);
    break; // Hexo loads one copy of a theme: themes/ first.
  }
  const alternate = `_config.${theme}.yml`;
  const altText = project.read(alternate);
  const alt = altText !== undefined ? readYamlTree(alternate, altText) : undefined;
  if (alt) {
    files.push(alternate);
    merged = merge(merged, alt);
  }
  const inline = lget(site, ['theme_config']);
  if (inline?.kind === 'map') {
    files.push('_config.yml: theme_config');
    merged = merge(merged, inline);
  }
  return { merged, files };
}

/**
 * Footer templates and the custom footer files themes let users name. NexT reads
 * `custom_file_path.footer` (a path in the site, e.g. source/_data/footer.njk); other themes keep
 * their footer in `layout/**` of the theme, which users edit in a copied theme.
 */
function footerFiles(project: Project, theme: string, merged: LValue | undefined): { user: string[]; theme: string[] } {
  const user: string[] = [];
  const custom = lstring(merged, ['custom_file_path', 'footer']);
  if (custom) {
    const rel = cleanDir(custom.value);
    user.push(project.isFile(rel) ? rel : `source/${rel}`);
  }
  const themeFiles: string[] = [];
  for (const dir of themeDirs(project, theme)) {
    themeFiles.push(...project.findIn(dir, [`${dir}/layout/**/*footer*`, `${dir}/layout/**/*beian*`]));
  }
  return { user, theme: themeFiles };
}

/**
 * Hexo: `_config.yml` plus the hexo package. Themes keep the filing line in their own config
 * (NexT and Fluid `footer.beian`, Matery `icp.text`, Butterfly `footer.custom_text`, Stellar
 * `footer.content`, Volantis `site_footer.*`), in a custom footer file, or in the footer template.
 */
export const hexo: GeneratorProbe = {
  id: 'hexo',
  name: 'Hexo',
  detect(project) {
    if (!project.isFile('_config.yml') || !project.hasDependency(/^hexo$/)) return undefined;
    const site = readYamlTree('_config.yml', project.read('_config.yml') ?? '');
    const theme = lstring(site, ['theme'])?.value.trim();
    const numbers: NumbersFound = noNumbers();
    // The site config itself (some footers read site keys); theme_config is merged with the theme below.
    numbersInTree(site, numbers, ['theme_config']);
    const notes: Note[] = [];
    const evidence = ['_config.yml', 'package.json: hexo'];
    if (theme) {
      const { merged, files } = themeConfig(project, theme, site);
      numbersInTree(merged, numbers);
      const footers = footerFiles(project, theme, merged);
      addNumbers(numbers, scanFiles(project, footers.user));
      addNumbers(numbers, scanFiles(project, footers.theme, noNumbers(), 'theme'));
      evidence.push(...files.filter((f) => f !== '_config.yml: theme_config'));
      if (themeDirs(project, theme).length === 0 && !project.isFile(`_config.${theme}.yml`)) notes.push({ id: 'hexo-theme-missing', data: { theme } });
    } else notes.push({ id: 'hexo-no-theme' });
    const out = lstring(site, ['public_dir']);
    const siteName = foundString(lstring(site, ['title']), 'title');
    const address = foundString(lstring(site, ['url']), 'url');
    return {
      generator: 'hexo',
      evidence,
      outDir: out ? cleanDir(out.value) : 'public',
      ...(out && { outDirFrom: '_config.yml: public_dir' }),
      ...(siteName && { siteName }),
      ...(address && { addresses: [address] }),
      numbers,
      toolchain: 'node',
      defaultBuild: 'npx hexo generate',
      buildScripts: ['build'],
      notes,
    };
  },
};
