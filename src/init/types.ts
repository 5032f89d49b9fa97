import type { InitTextId } from './messages.js';
import type { Project } from './project.js';
import type { Found, NumbersFound } from './scan.js';

export const GENERATOR_IDS = ['hexo', 'hugo', 'jekyll', 'vitepress', 'docusaurus', 'astro', 'next', 'vite', 'static'] as const;
export type GeneratorId = (typeof GENERATOR_IDS)[number];

/** How the site is built in CI: what to set up, then the build command. */
export type Toolchain = 'node' | 'hugo' | 'jekyll' | 'none';

/** A remark for the user, by message id (see messages.ts) with its data. */
export interface Note {
  readonly id: InitTextId;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** What one generator probe learned from the project's files. */
export interface Detection {
  readonly generator: GeneratorId;
  /** The files that identified the generator, as the user would recognise them. */
  readonly evidence: readonly string[];
  /** The build output folder, project-relative, posix. */
  readonly outDir: string;
  /** Where outDir came from: a file and key, or undefined for the generator's default. */
  readonly outDirFrom?: string;
  readonly siteName?: Found;
  /** The site's own address in the generator's config (Hexo `url`, Hugo `baseURL`, Astro `site`…), as written. */
  readonly addresses?: readonly Found[];
  readonly numbers: NumbersFound;
  readonly toolchain: Toolchain;
  /** The build command when package.json has no build script (e.g. `hugo --minify`); empty: none. */
  readonly defaultBuild: string;
  /** The npm scripts that build this kind of site, best first. */
  readonly buildScripts: readonly string[];
  readonly notes: readonly Note[];
}

/** One generator: recognises its project and reads what it can without running anything. */
export interface GeneratorProbe {
  readonly id: GeneratorId;
  /** Display name, e.g. "VitePress". */
  readonly name: string;
  readonly detect: (project: Project) => Detection | undefined;
}
