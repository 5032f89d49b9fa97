import { yamlString } from '../scan.js';
import type { GeneratorProbe } from '../types.js';
import { cleanDir, scanFiles } from './shared.js';

/** Jekyll: `_config.yml` with a Gemfile (jekyll or github-pages); footers live in _includes/. */
export const jekyll: GeneratorProbe = {
  id: 'jekyll',
  name: 'Jekyll',
  detect(project) {
    if (!project.isFile('_config.yml') || !project.isFile('Gemfile')) return undefined;
    if (!/jekyll|github-pages/i.test(project.read('Gemfile') ?? '')) return undefined;
    const config = project.read('_config.yml') ?? '';
    const out = yamlString(config, '_config.yml', 'destination');
    const siteName = yamlString(config, '_config.yml', 'title');
    return {
      generator: 'jekyll',
      evidence: ['_config.yml', 'Gemfile'],
      outDir: out ? cleanDir(out.value) : '_site',
      ...(out && { outDirFrom: '_config.yml: destination' }),
      ...(siteName && { siteName }),
      numbers: scanFiles(project, ['_config.yml', ...project.find(['_includes/**/*footer*', '_layouts/*.html'])]),
      toolchain: 'jekyll',
      defaultBuild: 'bundle exec jekyll build',
      buildScripts: [],
      notes: [],
    };
  },
};
