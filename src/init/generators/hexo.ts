import { yamlString } from '../scan.js';
import type { GeneratorProbe } from '../types.js';
import { cleanDir, scanFiles } from './shared.js';

/**
 * Hexo: `_config.yml` plus the hexo package. Themes keep the filing line in their own config
 * (`_config.<theme>.yml` since Hexo 5, or `themes/<theme>/_config.yml`), e.g. NexT's and Fluid's
 * `footer.beian`, or in the footer template of a theme copied into themes/.
 */
export const hexo: GeneratorProbe = {
  id: 'hexo',
  name: 'Hexo',
  detect(project) {
    if (!project.isFile('_config.yml') || !project.hasDependency(/^hexo$/)) return undefined;
    const config = project.read('_config.yml') ?? '';
    const theme = yamlString(config, '_config.yml', 'theme')?.value;
    const files = ['_config.yml'];
    if (theme) {
      files.push(`_config.${theme}.yml`, `themes/${theme}/_config.yml`);
      files.push(...project.find([`themes/${theme}/layout/**/*footer*`, `themes/${theme}/layout/**/*beian*`]));
    }
    const out = yamlString(config, '_config.yml', 'public_dir');
    const siteName = yamlString(config, '_config.yml', 'title');
    return {
      generator: 'hexo',
      evidence: ['_config.yml', 'package.json: hexo'],
      outDir: out ? cleanDir(out.value) : 'public',
      ...(out && { outDirFrom: '_config.yml: public_dir' }),
      ...(siteName && { siteName }),
      numbers: scanFiles(project, files),
      toolchain: 'node',
      defaultBuild: 'npx hexo generate',
      buildScripts: ['build'],
      notes: theme ? [] : [{ id: 'hexo-no-theme' }],
    };
  },
};
