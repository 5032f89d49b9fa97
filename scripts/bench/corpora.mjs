// The two corpora of `npm run bench`: the real Hexo blog, read in place from the shared folder,
// and the synthetic site, generated once with a fixed seed into .bench/ and reused while its
// manifest says it was made with the same options.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SEED = 1;

/** ../shared/corpus, resolved from the project root as the issue asks. */
export function sharedCorpus(root) {
  return path.resolve(root, '../shared/corpus');
}

export function realHexo(root) {
  const dir = path.join(sharedCorpus(root), 'real-hexo');
  if (!fs.existsSync(dir)) throw new Error(`the real Hexo corpus is missing: ${dir} (expected beside the project, in ../shared/corpus)`);
  return dir;
}

/** The synthetic site with `pages` pages, generated on first use. */
export function synthetic(root, pages) {
  const generator = path.join(sharedCorpus(root), 'gen-corpus.mjs');
  if (!fs.existsSync(generator)) throw new Error(`the corpus generator is missing: ${generator}`);
  const out = path.join(root, '.bench', 'corpus', `synth-${pages}`);
  const manifest = `${out}.manifest.json`;
  if (fs.existsSync(out) && fs.existsSync(manifest)) {
    try {
      const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (m.options?.pages === pages && m.options?.seed === SEED && m.pages === pages) return out;
    } catch {
      // An unreadable manifest means an interrupted generation: make it again.
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
  console.log(`generating the ${pages}-page synthetic site (seed ${SEED}) into ${path.relative(root, out)} ...`);
  execFileSync(process.execPath, [generator, '--out', out, '--pages', String(pages), '--seed', String(SEED)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}
