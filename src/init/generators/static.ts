import { shownOnPage } from '../scan.js';
import type { GeneratorProbe } from '../types.js';

/**
 * A plain site: hand-written HTML with index.html at the top of the repository (or of public/),
 * no generator and no build. The pages are the sources, so the numbers are read from the entry
 * page the way `check` reads it.
 */
export const plain: GeneratorProbe = {
  id: 'static',
  name: 'HTML',
  detect(project) {
    const root = ['.', 'public', 'site', 'www'].find((d) => project.isFile(d === '.' ? 'index.html' : `${d}/index.html`));
    if (root === undefined) return undefined;
    const entry = root === '.' ? 'index.html' : `${root}/index.html`;
    const shown = shownOnPage(project.read(entry) ?? '', entry);
    const strip = <T extends { origin?: unknown }>(list: T[]) => list.map(({ origin: _o, ...f }) => f);
    return {
      generator: 'static',
      evidence: [entry],
      outDir: root,
      outDirFrom: entry,
      ...(shown.title && { siteName: strip([shown.title])[0]! }),
      numbers: { icp: strip(shown.numbers.icp), police: strip(shown.numbers.police), companies: strip(shown.numbers.companies) },
      toolchain: 'none',
      defaultBuild: '',
      buildScripts: [],
      notes: [],
    };
  },
};
