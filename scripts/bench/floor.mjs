// The floor rows of `npm run bench`: what any checker of every page must at least pay.
//
//   node scripts/bench/floor.mjs read|parse5 DIR
//
// `read` reads every page; `parse5` also decodes it as UTF-8 and builds parse5's tree without
// source locations, single-threaded. Pages are found the way beian-guard finds them by default
// (*.html and *.htm in any letter case, dot-folders and node_modules skipped) so every row of a
// corpus works on the same files. Prints one JSON line: pages and bytes.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';

const [mode, dir] = process.argv.slice(2);
if ((mode !== 'read' && mode !== 'parse5') || !dir) {
  console.error('usage: floor.mjs read|parse5 DIR');
  process.exit(2);
}

function* pages(folder) {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(folder, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) yield* pages(abs);
    } else if (e.isFile() && /\.html?$/i.test(e.name)) yield abs;
  }
}

const decoder = new TextDecoder('utf-8');
let count = 0;
let bytes = 0;
for (const file of pages(path.resolve(dir))) {
  const data = fs.readFileSync(file);
  count++;
  bytes += data.length;
  if (mode === 'parse5') parse(decoder.decode(data));
}
console.log(JSON.stringify({ pages: count, bytes }));
