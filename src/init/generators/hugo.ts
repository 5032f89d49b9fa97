import { assignedString, yamlString, type Found } from '../scan.js';
import type { Project } from '../project.js';
import type { GeneratorProbe } from '../types.js';
import { cleanDir, scanFiles } from './shared.js';

const CONFIG_FILES = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config/_default/hugo.toml',
  'config/_default/hugo.yaml',
  'config/_default/config.toml',
  'config/_default/config.yaml',
];

/** A config.toml alone could belong to anything; Hugo's always names a baseURL, a theme or a language. */
function looksLikeHugo(project: Project, file: string): boolean {
  if (file.startsWith('hugo.') || file.startsWith('config/_default/')) return true;
  const text = project.read(file) ?? '';
  return /^[^\S\r\n]*(baseURL|baseurl|theme|languageCode)[^\S\r\n]*[=:]/im.test(text) || project.isDir('archetypes');
}

function setting(project: Project, file: string, key: string): Found | undefined {
  const text = project.read(file) ?? '';
  return /\.ya?ml$/.test(file) ? yamlString(text, file, key) : assignedString(text, file, key, '=');
}

/** Hugo: hugo.toml (or the older config.toml); the filing line usually sits in [params]. */
export const hugo: GeneratorProbe = {
  id: 'hugo',
  name: 'Hugo',
  detect(project) {
    const config = CONFIG_FILES.find((f) => project.isFile(f) && looksLikeHugo(project, f));
    if (!config) return undefined;
    const configs = CONFIG_FILES.filter((f) => project.isFile(f));
    const paramFiles = project.find(['config/_default/params.*', 'config/_default/languages.*']);
    const templates = project.find(['layouts/partials/*footer*', 'layouts/_partials/*footer*', 'themes/*/layouts/partials/*footer*', 'themes/*/layouts/_partials/*footer*']);
    const out = setting(project, config, 'publishDir');
    const siteName = setting(project, config, 'title');
    return {
      generator: 'hugo',
      evidence: [config],
      outDir: out ? cleanDir(out.value) : 'public',
      ...(out && { outDirFrom: `${config}: publishDir` }),
      ...(siteName && { siteName }),
      numbers: scanFiles(project, [...configs, ...paramFiles, ...templates]),
      toolchain: 'hugo',
      defaultBuild: 'hugo --minify',
      buildScripts: [],
      notes: [],
    };
  },
};
