// Checks that every import in src/ points down the layer table (docs/architecture.md) and that no
// module imports itself through a cycle. Prints each offending import with its file and line and
// exits 1; exits 0 with one line when the house is in order. `npm run check:imports`; an optional
// argument names another source folder (the tests use it on a small tree of their own).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Ground floor first. A folder may import its own files, any folder on a lower floor, and a
 * folder on its own floor only when `SIDEWAYS` names the pair. Top-level files of src/ are named
 * by their file name without `.ts`.
 */
const LAYERS = [
  ['i18n', 'paths', 'version'],
  ['model'],
  ['domain', 'source'],
  ['page', 'discover'],
  ['content'],
  ['rules'],
  ['config'],
  ['render'],
  ['engine'],
  ['sourcemap', 'reporters', 'live'],
  ['sinks'],
  ['cli', 'action', 'init'],
  ['entries'],
  ['bundle'],
];

/** Same-floor imports that are allowed, as `from -> to`. */
const SIDEWAYS = new Set([
  // init is a command of the CLI: it takes the CLI's I/O type and nothing else.
  'init -> cli',
  // The source mapper leaves beian-guard's own reports out of the index: reporters know their look.
  'sourcemap -> reporters',
]);

const src = path.resolve(process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'src'));
const root = path.dirname(src);
const floorOf = new Map(LAYERS.flatMap((names, floor) => names.map((n) => [n, floor])));

function listTs(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(p));
    else if (/\.m?ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The layer name of a file under src/: its first folder, or its own name for top-level files. */
function unitOf(file) {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.m?ts$/, '');
}

function lineOf(text, offset) {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function resolveImport(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const files = listTs(src);
const graph = new Map();
const problems = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const deps = [];
  for (const imp of info.importedFiles) {
    if (!imp.fileName.startsWith('.')) continue;
    const target = resolveImport(file, imp.fileName);
    const where = `${path.relative(root, file)}:${lineOf(text, imp.pos)}`;
    if (!target) {
      problems.push(`${where}: cannot resolve "${imp.fileName}"`);
      continue;
    }
    if (!target.startsWith(src + path.sep)) continue; // package.json, data/: not code layers
    deps.push({ target, where });
    const from = unitOf(file);
    const to = unitOf(target);
    if (from === to) continue;
    const ff = floorOf.get(from);
    const tf = floorOf.get(to);
    if (ff === undefined) problems.push(`${where}: src/${from} is not in the layer table of scripts/check-imports.mjs`);
    else if (tf === undefined) problems.push(`${where}: src/${to} is not in the layer table of scripts/check-imports.mjs`);
    else if (tf > ff) problems.push(`${where}: ${from} imports ${path.relative(root, target)}, which sits on a higher floor (${to})`);
    else if (tf === ff && !SIDEWAYS.has(`${from} -> ${to}`)) problems.push(`${where}: ${from} imports ${path.relative(root, target)} from the same floor (${to})`);
  }
  graph.set(file, deps);
}

// Cycles between modules, found by a depth-first walk; each cycle is reported once, from its
// first module in sorted order.
const state = new Map();
const stack = [];
const seenCycles = new Set();
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const { target, where } of graph.get(file) ?? []) {
    if (state.get(target) === 'open') {
      const cycle = stack.slice(stack.indexOf(target)).map((f) => path.relative(root, f));
      const key = [...cycle].sort().join(' ');
      if (!seenCycles.has(key)) {
        seenCycles.add(key);
        problems.push(`${where}: import cycle ${[...cycle, cycle[0]].join(' -> ')}`);
      }
    } else if (!state.has(target)) visit(target);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of [...files].sort()) if (!state.has(file)) visit(file);

if (problems.length > 0) {
  console.error(`${problems.length} import(s) break the layering (docs/architecture.md):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`imports point down: ${files.length} files, ${[...graph.values()].reduce((n, d) => n + d.length, 0)} imports, no cycle`);
