import { assignedString, type Found } from '../scan.js';
import type { GeneratorProbe, Note } from '../types.js';
import { cleanDir, scanFiles } from './shared.js';

/**
 * Astro: astro.config.*. The blog template keeps the site title in src/consts.ts (SITE_TITLE);
 * Starlight sets `title` in the config. Footers are components under src/.
 */
export const astro: GeneratorProbe = {
  id: 'astro',
  name: 'Astro',
  detect(project) {
    const config = project.firstFile(['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs']);
    if (!config) return undefined;
    const text = project.read(config) ?? '';
    const consts = project.firstFile(['src/consts.ts', 'src/consts.js', 'src/config.ts', 'src/config.js']);
    let siteName: Found | undefined;
    if (consts) siteName = assignedString(project.read(consts) ?? '', consts, 'SITE_TITLE', '=:');
    siteName ??= assignedString(text, config, 'title');
    const out = assignedString(text, config, 'outDir');
    const notes: Note[] = [];
    // Server output renders pages per request: only prerendered pages are in the build folder.
    if (/\boutput\s*:\s*['"]server['"]/.test(text)) notes.push({ id: 'astro-server' });
    const templates = project.find(['src/components/**/*{Footer,footer,Beian,beian}*.astro', 'src/layouts/**/*.astro']);
    return {
      generator: 'astro',
      evidence: [config],
      outDir: out ? cleanDir(out.value) : 'dist',
      ...(out && { outDirFrom: `${config}: outDir` }),
      ...(siteName && { siteName }),
      numbers: scanFiles(project, [config, ...(consts ? [consts] : []), ...templates]),
      toolchain: 'node',
      defaultBuild: 'npx astro build',
      buildScripts: ['build'],
      notes,
    };
  },
};
