// Writes schema/beian.config.schema.json from the zod schema (src/config/schema.ts).
// `node scripts/schema.mjs --check` exits 1 when the committed file is stale instead of writing it.
//
// The generator is TypeScript and Node 20 cannot run it directly, so the TypeScript compiler emits
// scripts/json-schema.ts and everything it imports (JSON data included, types unchecked: tsc and
// the tests check them) into node_modules/.cache, where bare imports such as `zod` still resolve
// to the project's own node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'node_modules/.cache/beian-guard-schema');
const entry = path.join(root, 'scripts/json-schema.ts');

fs.rmSync(out, { recursive: true, force: true });
const program = ts.createProgram([entry], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  resolveJsonModule: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noCheck: true,
  types: [],
  rootDir: root,
  outDir: out,
});
const emitted = program.emit();
if (emitted.emitSkipped) {
  console.error(ts.formatDiagnostics(emitted.diagnostics, ts.createCompilerHost({})));
  process.exit(2);
}
// The emitted files are ES modules; say so even if no package.json was among the emitted files.
if (!fs.existsSync(path.join(out, 'package.json'))) fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');

const { renderJsonSchema, SCHEMA_FILE } = await import(pathToFileURL(path.join(out, 'scripts/json-schema.js')).href);
const text = renderJsonSchema();
const file = path.join(root, SCHEMA_FILE);
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== text) {
    console.error(`${SCHEMA_FILE} is stale: run "npm run schema" and commit the result.`);
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} is up to date.`);
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${SCHEMA_FILE}`);
}
