import { foundString, type Found } from '../scan.js';
import { lget, lstring } from '../sources/tree.js';
import type { GeneratorProbe, Note } from '../types.js';
import { addNumbers, cleanDir, readJsConfig, scanFiles } from './shared.js';

/**
 * Astro: astro.config.*. The blog template keeps the site title in src/consts.ts (SITE_TITLE);
 * Starlight sets `title` in its integration. Footers are components under src/.
 */
export const astro: GeneratorProbe = {
  id: 'astro',
  name: 'Astro',
  detect(project) {
    const config = project.firstFile(['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs']);
    if (!config) return undefined;
    const js = readJsConfig(project, config);
    const consts = project.firstFile(['src/consts.ts', 'src/consts.js', 'src/config.ts', 'src/config.js']);
    let siteName: Found | undefined;
    if (consts) siteName = foundString(lstring(readJsConfig(project, consts, 'SITE_TITLE').value, []), 'SITE_TITLE');
    const integrations = lget(js.value, ['integrations']);
    if (!siteName && integrations?.kind === 'list') {
      for (const item of integrations.items) siteName ??= foundString(lstring(item, ['title']), 'integrations.title');
    }
    siteName ??= foundString(lstring(js.value, ['title']), 'title');
    const out = lstring(js.value, ['outDir']);
    const address = foundString(lstring(js.value, ['site']), 'site');
    const notes: Note[] = [];
    // Server output renders pages per request: only prerendered pages are in the build folder.
    if (lstring(js.value, ['output'])?.value === 'server') notes.push({ id: 'astro-server' });
    const templates = project.find(['src/components/**/*{Footer,footer,Beian,beian}*.astro', 'src/layouts/**/*.astro']);
    return {
      generator: 'astro',
      evidence: [config],
      outDir: out ? cleanDir(out.value) : 'dist',
      ...(out && { outDirFrom: `${config}: outDir` }),
      ...(siteName && { siteName }),
      ...(address && { addresses: [address] }),
      numbers: addNumbers(js.numbers, scanFiles(project, [...(consts ? [consts] : []), ...templates])),
      toolchain: 'node',
      defaultBuild: 'npx astro build',
      buildScripts: ['build'],
      notes,
    };
  },
};
