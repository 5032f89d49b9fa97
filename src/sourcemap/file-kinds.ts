/**
 * What a repository file is, judged from its path alone: the source index reads only the kinds a
 * footer, a title or a filing number can live in, and ranking prefers templates and config.
 */

/** `other` files are never read into the index. */
export type FileKind = 'config' | 'template' | 'code' | 'content' | 'other';

const TEMPLATE_EXT = new Set([
  'html', 'htm', 'xhtml', 'shtml', 'ejs', 'njk', 'nunjucks', 'pug', 'jade', 'swig', 'hbs', 'handlebars', 'mustache',
  'liquid', 'vue', 'svelte', 'astro', 'jsx', 'tsx', 'gohtml', 'gotmpl', 'tmpl', 'tpl', 'twig', 'jinja', 'jinja2', 'j2',
  'erb', 'haml', 'slim', 'php', 'jsp', 'cshtml', 'razor', 'art', 'eta', 'marko', 'mdx', 'eex', 'heex',
]);
const CONFIG_EXT = new Set(['toml', 'yaml', 'yml', 'json', 'json5', 'jsonc', 'ini', 'env', 'properties']);
const CODE_EXT = new Set(['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'cs', 'lua']);
const CONTENT_EXT = new Set(['md', 'markdown', 'rst', 'adoc', 'asciidoc', 'txt', 'org']);

// Lock files and manifests of installed packages are long and never hold a footer.
const NEVER = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'composer.lock', 'gemfile.lock', 'cargo.lock', 'bun.lock', 'deno.lock']);

function baseName(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? file : file.slice(slash + 1);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** A JS/TS file whose name says it configures a tool or a site (vite.config.ts, .vitepress/config.mts, site.config.js). */
function isScriptConfig(file: string, name: string): boolean {
  const lower = name.toLowerCase();
  if (/\.config\.[cm]?[jt]s$/.test(lower) || /^config\.[cm]?[jt]s$/.test(lower)) return true;
  if (/^(site|theme|blog)(config|[-_.]config|[-_.]?meta(data)?)\.[cm]?[jt]s$/.test(lower)) return true;
  return /(^|\/)\.(vitepress|vuepress)\/config\.[cm]?[jt]s$/.test(file);
}

/** Classifies a repository path (posix, relative to the repository root). */
export function fileKind(file: string): FileKind {
  const name = baseName(file);
  const lower = name.toLowerCase();
  if (NEVER.has(lower) || /\.min\.[a-z]+$/.test(lower)) return 'other';
  // .env, .env.production, .env.local: a frequent home of VITE_ICP-style values.
  if (lower === '.env' || lower.startsWith('.env.')) return 'config';
  const ext = extension(name);
  if (CONFIG_EXT.has(ext)) return 'config';
  if (TEMPLATE_EXT.has(ext)) return 'template';
  if (CODE_EXT.has(ext)) return isScriptConfig(file, name) ? 'config' : 'code';
  if (CONTENT_EXT.has(ext)) return 'content';
  return 'other';
}

/** Files that configure a whole site generator; the folder holding one is the generator root. */
const GENERATOR_CONFIGS: readonly RegExp[] = [
  /^hugo\.(toml|ya?ml|json)$/,
  /^config\.(toml|ya?ml|json)$/,
  /^config\/_default\/(hugo|config)\.(toml|ya?ml|json)$/,
  /^_config\.ya?ml$/,
  /^\.vitepress\/config\.[cm]?[jt]s$/,
  /^\.vuepress\/config\.[cm]?[jt]s$/,
  /^docusaurus\.config\.[cm]?[jt]s$/,
  /^astro\.config\.[cm]?[jt]s$/,
  /^nuxt\.config\.[cm]?[jt]s$/,
  /^next\.config\.[cm]?[jt]s$/,
  /^gatsby-config\.[cm]?[jt]s$/,
  /^eleventy\.config\.[cm]?js$/,
  /^\.eleventy\.js$/,
  /^mkdocs\.ya?ml$/,
  /^vite\.config\.[cm]?[jt]s$/,
  /^package\.json$/,
];

/** Is `relToDir` (a path inside some folder) that folder's generator config? Ranked: lower is more specific. */
export function generatorConfigRank(relToDir: string): number {
  for (let i = 0; i < GENERATOR_CONFIGS.length; i++) if (GENERATOR_CONFIGS[i]!.test(relToDir)) return i;
  return -1;
}

/** Names like footer.html, Footer.vue, _footer.ejs, SiteFooter.tsx, copyright.njk, beian.ejs. */
export function isFooterNamed(file: string): boolean {
  const stem = baseName(file).replace(/\.[^.]*$/, '').toLowerCase();
  return /foot|copyright|beian|icp/.test(stem);
}

/** Layouts that wrap every page and so hold `</body>` (Hugo baseof, Jekyll/Hexo default or layout, an App component). */
export function isLayoutNamed(file: string): boolean {
  const stem = baseName(file).replace(/\.[^.]*$/, '').toLowerCase();
  return /^(baseof|base|layout|default|app|_app|_document|root|main|index|page|single|list)$/.test(stem);
}

/**
 * Path segments that hold examples, tests or docs of a theme rather than the site itself
 * (a Hugo theme's exampleSite ships its own placeholder numbers).
 */
const SIDELINE = new Set([
  'examplesite', 'example', 'examples', 'demo', 'demos', 'test', 'tests', '__tests__', '__mocks__', 'spec', 'specs',
  'fixtures', '__fixtures__', 'e2e', 'cypress', '.github', '.gitlab', 'scaffolds', 'coverage',
]);

export function isSideline(segments: readonly string[]): boolean {
  return segments.some((s) => SIDELINE.has(s.toLowerCase()));
}

/** Test files by name: foo.test.ts, footer.spec.js, test_footer.py. */
export function isTestFile(file: string): boolean {
  return /\.(test|spec|e2e)\.[a-z0-9]+$/i.test(baseName(file)) || /^test_/.test(baseName(file));
}

/** Folders that hold a site's pages as prose (a README there can be a page: docsify, VitePress). */
const CONTENT_ROOTS = new Set(['content', 'contents', 'source', 'src', 'docs', 'doc', 'pages', '_pages', 'site', 'posts', '_posts']);

/**
 * The repository's own documents: README, CHANGELOG, LICENSE and the like (a theme's README
 * quotes sample filing numbers and links). A README inside a content folder may be a page.
 */
export function isRepositoryDoc(file: string): boolean {
  if (!/^(readme|changelog|changes|history|contributing|license|licence|code_of_conduct|security|authors|notice)(\.|$)/i.test(baseName(file))) return false;
  return !file.split('/').slice(0, -1).some((s) => CONTENT_ROOTS.has(s.toLowerCase()));
}

function stem(file: string, dropIndex: RegExp): string {
  return file.replace(/\.[^./]+$/, '').replace(dropIndex, '').toLowerCase();
}

/**
 * Is the prose file `file` (relative to the site's sources) the source of the built page `page`
 * (relative to the site root)? index.md and README.md make a folder's page, about.md and
 * about/index.md make about/index.html, a post makes the page of its last name. Prose that
 * merely quotes a link or a number (a post about filing) built some other page.
 */
export function ownsPage(file: string, page: string): boolean {
  const pageStem = stem(page, /(^|\/)index$/i);
  const fileStem = stem(file, /(^|\/)(index|readme|_index)$/i);
  if (pageStem === '') return fileStem === '' || fileStem.split('/').every((s) => CONTENT_ROOTS.has(s));
  const last = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  return fileStem !== '' && last(fileStem) === last(pageStem);
}
