import { foundString, numbersInTree } from '../scan.js';
import { readYamlTree } from '../sources/data-files.js';
import { lstring } from '../sources/tree.js';
import type { GeneratorProbe } from '../types.js';
import { addNumbers, cleanDir, scanFiles } from './shared.js';

/** Jekyll: `_config.yml` with a Gemfile (jekyll or github-pages); footers live in _includes/. */
export const jekyll: GeneratorProbe = {
  id: 'jekyll',
  name: 'Jekyll',
  detect(project) {
    if (!project.isFile('_config.yml') || !project.isFile('Gemfile')) return undefined;
    if (!/jekyll|github-pages/i.test(project.read('Gemfile') ?? '')) return undefined;
    const site = readYamlTree('_config.yml', project.read('_config.yml') ?? '');
    const out = lstring(site, ['destination']);
    const siteName = foundString(lstring(site, ['title']), 'title');
    const address = foundString(lstring(site, ['url']), 'url');
    return {
      generator: 'jekyll',
      evidence: ['_config.yml', 'Gemfile'],
      outDir: out ? cleanDir(out.value) : '_site',
      ...(out && { outDirFrom: '_config.yml: destination' }),
      ...(siteName && { siteName }),
      ...(address && { addresses: [address] }),
      numbers: addNumbers(numbersInTree(site), scanFiles(project, project.find(['_includes/**/*footer*', '_layouts/*.html', '_data/**/*.{yml,yaml}']))),
      toolchain: 'jekyll',
      defaultBuild: 'bundle exec jekyll build',
      buildScripts: [],
      notes: [],
    };
  },
};
