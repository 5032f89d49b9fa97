import { foundString } from '../scan.js';
import { lstring } from '../sources/tree.js';
import type { GeneratorProbe } from '../types.js';
import { addNumbers, cleanDir, readJsConfig, scanFiles } from './shared.js';

/** Docusaurus: docusaurus.config.*; the filing line is usually in `themeConfig.footer.copyright`. */
export const docusaurus: GeneratorProbe = {
  id: 'docusaurus',
  name: 'Docusaurus',
  detect(project) {
    const config = project.firstFile(['docusaurus.config.ts', 'docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts']);
    if (!config) return undefined;
    const js = readJsConfig(project, config);
    const siteName = foundString(lstring(js.value, ['title']), 'title');
    const address = foundString(lstring(js.value, ['url']), 'url');
    const swizzled = project.find(['src/theme/Footer/**/*.{js,jsx,ts,tsx}']);
    // `docusaurus build --out-dir` is the only way to move it; the scripts say so when it is used.
    const outFlag = /--out-dir[= ]+(\S+)/.exec(project.script('build') ?? '');
    return {
      generator: 'docusaurus',
      evidence: [config],
      outDir: outFlag?.[1] ? cleanDir(outFlag[1]) : 'build',
      ...(outFlag && { outDirFrom: 'package.json: scripts.build --out-dir' }),
      ...(siteName && { siteName }),
      ...(address && { addresses: [address] }),
      numbers: addNumbers(js.numbers, scanFiles(project, swizzled)),
      toolchain: 'node',
      defaultBuild: 'npx docusaurus build',
      buildScripts: ['build'],
      notes: [],
    };
  },
};
