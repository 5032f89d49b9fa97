import path from 'node:path';
import { assignedString } from '../scan.js';
import type { GeneratorProbe } from '../types.js';
import { cleanDir, joinRel, scanFiles } from './shared.js';

/**
 * VitePress: a `.vitepress/config.*` in the project or in its docs folder. The filing line is
 * usually `themeConfig.footer.message` or `copyright` in that config, or a custom footer component
 * under `.vitepress/theme/`.
 */
export const vitepress: GeneratorProbe = {
  id: 'vitepress',
  name: 'VitePress',
  detect(project) {
    const config = project.find(['.vitepress/config.{js,mjs,cjs,ts,mts,cts}', '*/.vitepress/config.{js,mjs,cjs,ts,mts,cts}', '*/*/.vitepress/config.{js,mjs,cjs,ts,mts,cts}'], 1)[0];
    if (!config) return undefined;
    const text = project.read(config) ?? '';
    // The folder that holds .vitepress is the VitePress project root; outDir is relative to it.
    const docs = path.posix.dirname(path.posix.dirname(config));
    const out = assignedString(text, config, 'outDir');
    const siteName = assignedString(text, config, 'title');
    const themeFiles = project.find([joinRel(docs, '.vitepress/theme/**/*.{vue,ts,js,mts,mjs}')]);
    return {
      generator: 'vitepress',
      evidence: [config],
      outDir: out ? joinRel(docs, cleanDir(out.value)) : joinRel(docs, '.vitepress/dist'),
      ...(out && { outDirFrom: `${config}: outDir` }),
      ...(siteName && { siteName }),
      numbers: scanFiles(project, [config, ...themeFiles]),
      toolchain: 'node',
      defaultBuild: `npx vitepress build${docs === '.' ? '' : ` ${docs}`}`,
      buildScripts: ['docs:build', 'build'],
      notes: [],
    };
  },
};
