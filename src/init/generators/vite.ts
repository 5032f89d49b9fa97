import { shownOnPage } from '../scan.js';
import { lstring } from '../sources/tree.js';
import type { GeneratorProbe, Note } from '../types.js';
import { addNumbers, cleanDir, readJsConfig, scanFiles } from './shared.js';

/** Plain Vite: vite.config.*; the page shell is index.html, the app a client-rendered SPA. */
export const vite: GeneratorProbe = {
  id: 'vite',
  name: 'Vite',
  detect(project) {
    const config = project.firstFile(['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts', 'vite.config.cjs', 'vite.config.cts']);
    if (!config) return undefined;
    const js = readJsConfig(project, config);
    const out = lstring(js.value, ['build', 'outDir']);
    const index = project.read('index.html');
    // index.html is the page the build copies: what it shows is what the review sees.
    const shell = index !== undefined ? shownOnPage(index, 'index.html') : undefined;
    const numbers = addNumbers(js.numbers, scanFiles(project, project.find(['src/**/*{Footer,footer,Beian,beian}*.{vue,tsx,jsx,svelte,ts,js}', 'src/App.{vue,tsx,jsx,svelte}'])));
    if (shell) addNumbers(numbers, { ...shell.numbers, icp: shell.numbers.icp.map(({ origin: _o, ...f }) => f), police: shell.numbers.police.map(({ origin: _o, ...f }) => f) });
    const notes: Note[] = [];
    // The number must be in the built HTML; a footer that only a component renders is invisible to 核查.
    if (!numbers.icp.some((n) => n.file === 'index.html')) notes.push({ id: 'vite-spa' });
    return {
      generator: 'vite',
      evidence: [config],
      outDir: out ? cleanDir(out.value) : 'dist',
      ...(out && { outDirFrom: `${config}: build.outDir` }),
      ...(shell?.title && { siteName: { ...shell.title, origin: 'user' as const } }),
      numbers,
      toolchain: 'node',
      defaultBuild: 'npx vite build',
      buildScripts: ['build'],
      notes,
    };
  },
};
