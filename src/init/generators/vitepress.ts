import path from 'node:path';
import { foundString } from '../scan.js';
import { lstring } from '../sources/tree.js';
import type { GeneratorProbe } from '../types.js';
import { addNumbers, cleanDir, joinRel, readJsConfig, scanFiles } from './shared.js';

/**
 * VitePress: a `.vitepress/config.*` in the project or in its docs folder. The filing line is
 * usually `themeConfig.footer.message` or `copyright`, often split into a file the config imports
 * (`.vitepress/configs/footer.ts`), or a custom footer component under `.vitepress/theme/`.
 */
export const vitepress: GeneratorProbe = {
  id: 'vitepress',
  name: 'VitePress',
  detect(project) {
    const config = project.find(['.vitepress/config.{js,mjs,cjs,ts,mts,cts}', '*/.vitepress/config.{js,mjs,cjs,ts,mts,cts}', '*/*/.vitepress/config.{js,mjs,cjs,ts,mts,cts}'], 1)[0];
    if (!config) return undefined;
    const js = readJsConfig(project, config);
    // The folder that holds .vitepress is the VitePress project root; outDir is relative to it.
    const docs = path.posix.dirname(path.posix.dirname(config));
    const out = lstring(js.value, ['outDir']);
    const siteName = foundString(lstring(js.value, ['title']), 'title');
    const address = foundString(lstring(js.value, ['sitemap', 'hostname']), 'sitemap.hostname');
    const themeFiles = project.find([joinRel(docs, '.vitepress/theme/**/*.{vue,ts,js,mts,mjs,tsx,jsx}')]);
    return {
      generator: 'vitepress',
      evidence: [config],
      outDir: out ? joinRel(docs, cleanDir(out.value)) : joinRel(docs, '.vitepress/dist'),
      ...(out && { outDirFrom: `${config}: outDir` }),
      ...(siteName && { siteName }),
      ...(address && { addresses: [address] }),
      numbers: addNumbers(js.numbers, scanFiles(project, themeFiles)),
      toolchain: 'node',
      defaultBuild: `npx vitepress build${docs === '.' ? '' : ` ${docs}`}`,
      buildScripts: ['docs:build', 'build'],
      notes: [],
    };
  },
};
