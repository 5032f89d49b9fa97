import fs from 'node:fs';
import path from 'node:path';
import type { Localized } from '../i18n/lang.js';

/**
 * Where a site usually is after the common generators build (Hugo and Hexo, Vite and Astro,
 * Jekyll, Next's export, Docusaurus and CRA, VitePress). The CLI and the action look for these, in
 * this order, when they are given neither a folder nor a config file.
 */
export const SITE_FOLDERS = ['public', 'dist', '_site', 'out', 'build', 'docs/.vitepress/dist'] as const;

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The first of SITE_FOLDERS that exists under `dir`, as written in SITE_FOLDERS. */
export function findSiteFolder(dir: string): string | undefined {
  return SITE_FOLDERS.find((candidate) => isDirectory(path.join(dir, candidate)));
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The command that most likely builds the site in `dir`, read from what is there: a package.json
 * build script (run with the package manager its lock file names), Hugo's or Jekyll's config.
 * Only a hint in a message, so a guess that is usually right is enough.
 */
export function likelyBuildCommand(dir: string): string | undefined {
  const has = (name: string) => fs.existsSync(path.join(dir, name));
  const pkg = readJson(path.join(dir, 'package.json'));
  const scripts = (pkg?.scripts && typeof pkg.scripts === 'object' ? pkg.scripts : {}) as Record<string, unknown>;
  const script = ['build', 'docs:build', 'generate'].find((name) => typeof scripts[name] === 'string');
  if (script) {
    if (has('pnpm-lock.yaml')) return `pnpm run ${script}`;
    if (has('yarn.lock')) return `yarn ${script}`;
    if (has('bun.lock') || has('bun.lockb')) return `bun run ${script}`;
    return `npm run ${script}`;
  }
  const deps = { ...(pkg?.dependencies as object | undefined), ...(pkg?.devDependencies as object | undefined) };
  if ('hexo' in deps) return 'npx hexo generate';
  if (['hugo.toml', 'hugo.yaml', 'hugo.json'].some(has) || (has('config.toml') && (has('content') || has('themes')))) return 'hugo';
  if (has('_config.yml') && has('Gemfile')) return 'bundle exec jekyll build';
  return undefined;
}

/** The end of a "site folder missing" message: build first, with the likely command when known. */
export function buildHint(dir: string): Localized {
  const command = likelyBuildCommand(dir);
  if (command) return { 'zh-CN': `。先构建网站（${command}），再运行检查`, en: `. Build the site first (${command}), then run the check` };
  return {
    'zh-CN': '。先构建网站再运行检查；构建输出在别的目录时，用 beian-guard check <目录> 指定',
    en: '. Build the site first, or name the folder of the built site: beian-guard check <dir>',
  };
}
