import type { GeneratorProbe } from '../types.js';
import { astro } from './astro.js';
import { docusaurus } from './docusaurus.js';
import { hexo } from './hexo.js';
import { hugo } from './hugo.js';
import { jekyll } from './jekyll.js';
import { next } from './next.js';
import { plain } from './static.js';
import { vite } from './vite.js';
import { vitepress } from './vitepress.js';

/**
 * Most specific first: VitePress, Astro and Docusaurus projects may also carry a vite config,
 * and a Hexo or Jekyll site a stray config.toml. A plain index.html is the last resort.
 */
export const PROBES: readonly GeneratorProbe[] = [docusaurus, vitepress, astro, next, hexo, jekyll, hugo, vite, plain];
