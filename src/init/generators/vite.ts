import { assignedString, htmlTitle } from '../scan.js';
import type { GeneratorProbe, Note } from '../types.js';
import { cleanDir, scanFiles } from './shared.js';

/** Plain Vite: vite.config.*; the page shell is index.html, the app a client-rendered SPA. */
export const vite: GeneratorProbe = {
  id: 'vite',
  name: 'Vite',
  detect(project) {
    const config = project.firstFile(['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts', 'vite.config.cjs', 'vite.config.cts']);
    if (!config) return undefined;
    const text = project.read(config) ?? '';
    const out = assignedString(text, config, 'outDir');
    const index = project.read('index.html');
    const siteName = index !== undefined ? htmlTitle(index, 'index.html') : undefined;
    const numbers = scanFiles(project, [config, 'index.html', ...project.find(['src/**/*{Footer,footer,Beian,beian}*.{vue,tsx,jsx,svelte,ts,js}', 'src/App.{vue,tsx,jsx,svelte}'])]);
    const notes: Note[] = [];
    // The number must be in the built HTML; a footer that only a component renders is invisible to 核查.
    if (!numbers.icp.some((n) => n.file === 'index.html')) notes.push({ id: 'vite-spa' });
    return {
      generator: 'vite',
      evidence: [config],
      outDir: out ? cleanDir(out.value) : 'dist',
      ...(out && { outDirFrom: `${config}: build.outDir` }),
      ...(siteName && { siteName }),
      numbers,
      toolchain: 'node',
      defaultBuild: 'npx vite build',
      buildScripts: ['build'],
      notes,
    };
  },
};
