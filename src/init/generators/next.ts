import { foundString, type Found } from '../scan.js';
import type { Project } from '../project.js';
import { lget, lstring } from '../sources/tree.js';
import type { GeneratorProbe, Note } from '../types.js';
import { addNumbers, cleanDir, readJsConfig, scanFiles } from './shared.js';

/** `export const metadata = { title: { default: 'Name', template: '%s | Name' } }` or `title: 'Name'`. */
function layoutTitle(project: Project, file: string): Found | undefined {
  const metadata = readJsConfig(project, file, 'metadata').value;
  const title = lget(metadata, ['title']);
  if (title?.kind === 'map') return foundString(lstring(title, ['default']), 'metadata.title.default');
  return foundString(lstring(metadata, ['title']), 'metadata.title');
}

/**
 * Next.js: next.config.*. Only `output: 'export'` writes a folder of static HTML (out/); without it
 * `next build` still prerenders static routes into .next/server/app (or pages), which is what we
 * can check, with a note.
 */
export const next: GeneratorProbe = {
  id: 'next',
  name: 'Next.js',
  detect(project) {
    const config = project.firstFile(['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs', 'next.config.mts']);
    if (!config) return undefined;
    const js = readJsConfig(project, config);
    const exported = lstring(js.value, ['output'])?.value === 'export';
    const distDir = lstring(js.value, ['distDir']);
    const appRouter = project.isDir('app') || project.isDir('src/app');
    const notes: Note[] = [];
    let outDir: string;
    if (exported) outDir = distDir ? cleanDir(distDir.value) : 'out';
    else {
      outDir = `${distDir ? cleanDir(distDir.value) : '.next'}/server/${appRouter ? 'app' : 'pages'}`;
      notes.push({ id: 'next-no-export', data: { outDir } });
    }
    const layout = project.firstFile(['app/layout.tsx', 'app/layout.jsx', 'app/layout.ts', 'app/layout.js', 'src/app/layout.tsx', 'src/app/layout.jsx', 'src/app/layout.js']);
    const siteName = layout ? layoutTitle(project, layout) : undefined;
    const templates = project.find(['{app,src/app,components,src/components}/**/*{Footer,footer,Beian,beian}*.{tsx,jsx,ts,js}', 'pages/_document.{tsx,jsx,js}', 'src/pages/_document.{tsx,jsx,js}']);
    return {
      generator: 'next',
      evidence: [config],
      outDir,
      ...(exported && { outDirFrom: `${config}: output: 'export'` }),
      ...(siteName && { siteName }),
      numbers: addNumbers(js.numbers, scanFiles(project, [...(layout ? [layout] : []), ...templates])),
      toolchain: 'node',
      defaultBuild: 'npx next build',
      buildScripts: ['build'],
      notes,
    };
  },
};
