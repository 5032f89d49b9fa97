import { assignedString } from '../scan.js';
import type { GeneratorProbe } from '../types.js';
import { scanFiles } from './shared.js';

/** Docusaurus: docusaurus.config.*; the filing line is usually in `themeConfig.footer.copyright`. */
export const docusaurus: GeneratorProbe = {
  id: 'docusaurus',
  name: 'Docusaurus',
  detect(project) {
    const config = project.firstFile(['docusaurus.config.ts', 'docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts']);
    if (!config) return undefined;
    const text = project.read(config) ?? '';
    const siteName = assignedString(text, config, 'title');
    return {
      generator: 'docusaurus',
      evidence: [config],
      outDir: 'build',
      ...(siteName && { siteName }),
      numbers: scanFiles(project, [config, ...project.find(['src/theme/Footer/**/*.{js,jsx,ts,tsx}'])]),
      toolchain: 'node',
      defaultBuild: 'npx docusaurus build',
      buildScripts: ['build'],
      notes: [],
    };
  },
};
