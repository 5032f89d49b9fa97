/**
 * JS and TS config files (VitePress, Docusaurus, Astro, Next.js, Vite) read without running them.
 *
 * Parser: acorn with @sveltejs/acorn-typescript (both MIT, no further dependencies). Measured with
 * ncc -m on this machine: acorn + the TypeScript plugin add 245 kB to a bundle, @babel/parser 7
 * adds 337 kB, and the TypeScript compiler is several megabytes (@babel/parser 8 needs Node 22).
 * The plugin is the parser Svelte 5 ships, and it parsed every construct config files use in our
 * comparison (satisfies, `as const`, type-only imports, generics, enums, decorators, TSX).
 *
 * What it does with the tree: a small evaluator that follows what a config file literally says:
 * object and array literals, strings, template literals and `+` over known strings, top-level
 * `const`s, `defineConfig(...)`-style wrappers (the first argument), functions that return an
 * object, `export default`, `module.exports`, and local imports, one level deep (a config that
 * imports `./configs/footer`; not what that file imports in turn). Anything else (environment
 * variables, calls we cannot know) is unknown, never guessed. Separately, every string literal,
 * template text and JSX text of the file is scanned, so a number in a component or a helper is
 * found even where the evaluator cannot reach it.
 */
import path from 'node:path';
import { Parser, type Options } from 'acorn';
import { tsPlugin } from '@sveltejs/acorn-typescript';
import type { Project } from '../project.js';
import { lmap, SourceText, UNKNOWN, type LString, type LValue, type Origin } from './tree.js';

/** The few fields of an ESTree node we read; acorn's own types do not cover the TS nodes. */
interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [field: string]: unknown;
}

type Exported = { readonly kind: 'node'; readonly node: Node } | { readonly kind: 'reexport'; readonly from: string; readonly name: string };

type Binding = { readonly kind: 'expr'; readonly node: Node } | { readonly kind: 'import'; readonly from: string; readonly name: string };

export interface JsModule {
  readonly file: string;
  readonly src: SourceText;
  readonly program: Node;
  readonly bindings: ReadonlyMap<string, Binding>;
  readonly exports: ReadonlyMap<string, Exported>;
}

const JS_OPTIONS: Options = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, allowReturnOutsideFunction: true, allowImportExportEverywhere: true };
const TS_OPTIONS: Options = { ...JS_OPTIONS, locations: true };

let parsers: { js: typeof Parser; ts: typeof Parser; tsx: typeof Parser } | undefined;
function parserFor(file: string): { parser: typeof Parser; options: Options }[] {
  parsers ??= { js: Parser, ts: Parser.extend(tsPlugin()), tsx: Parser.extend(tsPlugin({ jsx: true })) };
  if (/\.[cm]?tsx?$/.test(file)) return [{ parser: /x$/.test(file) ? parsers.tsx : parsers.ts, options: TS_OPTIONS }];
  // .js files may hold JSX (Docusaurus components) or, rarely, type annotations: plain JS first.
  return [
    { parser: parsers.js, options: JS_OPTIONS },
    { parser: parsers.tsx, options: TS_OPTIONS },
  ];
}

/** Parses a JS/TS file; undefined when it is missing or no parser accepts it. */
export function parseModule(project: Project, file: string, origin: Origin = 'user'): JsModule | undefined {
  const text = project.read(file);
  if (text === undefined) return undefined;
  let program: Node | undefined;
  for (const { parser, options } of parserFor(file)) {
    try {
      program = parser.parse(text, options) as unknown as Node;
      break;
    } catch {
      program = undefined;
    }
  }
  if (!program) return undefined;
  const bindings = new Map<string, Binding>();
  const exports = new Map<string, Exported>();
  for (const statement of children(program, 'body')) collectTopLevel(statement, bindings, exports);
  return { file, src: new SourceText(file, text, origin), program, bindings, exports };
}

function collectTopLevel(s: Node, bindings: Map<string, Binding>, exports: Map<string, Exported>): void {
  switch (s.type) {
    case 'ImportDeclaration': {
      const from = (s.source as Node).value as string;
      for (const spec of children(s, 'specifiers')) {
        const local = name(spec.local);
        if (!local) continue;
        if (spec.type === 'ImportDefaultSpecifier') bindings.set(local, { kind: 'import', from, name: 'default' });
        else if (spec.type === 'ImportNamespaceSpecifier') bindings.set(local, { kind: 'import', from, name: '*' });
        else bindings.set(local, { kind: 'import', from, name: name(spec.imported) ?? local });
      }
      return;
    }
    case 'VariableDeclaration':
      for (const d of children(s, 'declarations')) {
        const id = name(d.id);
        if (id && isNode(d.init)) bindings.set(id, { kind: 'expr', node: d.init });
      }
      return;
    case 'FunctionDeclaration': {
      const id = name(s.id);
      if (id) bindings.set(id, { kind: 'expr', node: s });
      return;
    }
    case 'ExportNamedDeclaration': {
      if (isNode(s.declaration)) {
        collectTopLevel(s.declaration, bindings, exports);
        for (const d of s.declaration.type === 'VariableDeclaration' ? children(s.declaration, 'declarations') : [s.declaration]) {
          const id = name(d.id);
          const init = d.type === 'VariableDeclarator' ? d.init : d;
          if (id && isNode(init)) exports.set(id, { kind: 'node', node: init });
        }
      }
      const from = isNode(s.source) ? (s.source.value as string) : undefined;
      for (const spec of children(s, 'specifiers')) {
        const local = name(spec.local);
        const exported = name(spec.exported) ?? local;
        if (!local || !exported) continue;
        if (from) exports.set(exported, { kind: 'reexport', from, name: local });
        else exports.set(exported, { kind: 'node', node: { type: 'Identifier', name: local, start: spec.start, end: spec.end } });
      }
      return;
    }
    case 'ExportDefaultDeclaration':
      if (isNode(s.declaration)) exports.set('default', { kind: 'node', node: s.declaration });
      return;
    case 'ExpressionStatement': {
      // module.exports = {...} and exports.name = ... (CommonJS configs: Docusaurus, older VitePress)
      const e = s.expression as Node;
      if (e.type !== 'AssignmentExpression' || e.operator !== '=') return;
      const target = memberPath(e.left as Node);
      const value: Exported = { kind: 'node', node: e.right as Node };
      if (target?.join('.') === 'module.exports') exports.set('default', value);
      else if (target?.length === 2 && target[0] === 'exports') exports.set(target[1]!, value);
      else if (target?.length === 3 && target[0] === 'module' && target[1] === 'exports') exports.set(target[2]!, value);
      return;
    }
  }
}

/** Evaluates a module's export (`default` or a name); follows local imports `followImports` levels deep. */
export class JsEvaluator {
  readonly #project: Project;
  readonly #modules = new Map<string, JsModule | undefined>();
  /** Every module read, for the literal scan: the config and the files it imports. */
  readonly read: JsModule[] = [];
  /**
   * Evaluation steps left. Constants that refer to each other (`const b = [a, a, a]`) would
   * otherwise be expanded exponentially; a config needs a few thousand steps at most.
   */
  #budget = 100_000;

  constructor(project: Project) {
    this.#project = project;
  }

  module(file: string, origin: Origin = 'user'): JsModule | undefined {
    if (this.#modules.has(file)) return this.#modules.get(file);
    const mod = parseModule(this.#project, file, origin);
    this.#modules.set(file, mod);
    if (mod) this.read.push(mod);
    return mod;
  }

  exportOf(mod: JsModule, exported: string, followImports: number, depth = 0): LValue {
    const e = mod.exports.get(exported);
    if (!e) return UNKNOWN;
    if (e.kind === 'reexport') return this.#imported(mod, e.from, e.name, followImports, depth);
    return this.evaluate(mod, e.node, followImports, depth);
  }

  /** The value of an expression in a module; UNKNOWN for whatever needs running code. */
  evaluate(mod: JsModule, node: Node, followImports: number, depth = 0): LValue {
    if (depth > 40 || --this.#budget < 0) return UNKNOWN;
    const next = (n: unknown): LValue => (isNode(n) ? this.evaluate(mod, n, followImports, depth + 1) : UNKNOWN);
    switch (node.type) {
      case 'Literal':
        if (typeof node.value === 'string') return str(mod, node.value, node);
        if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) return { kind: 'scalar', value: node.value };
        return UNKNOWN;
      case 'TemplateLiteral': {
        const quasis = children(node, 'quasis');
        const exprs = children(node, 'expressions');
        let out = '';
        for (let i = 0; i < quasis.length; i++) {
          out += ((quasis[i]!.value as { cooked?: string | null }).cooked ?? '') as string;
          if (i < exprs.length) {
            const v = next(exprs[i]);
            if (v.kind === 'string') out += v.value;
            else if (v.kind === 'scalar' && v.value !== null) out += String(v.value);
            else return UNKNOWN;
          }
        }
        return str(mod, out, node);
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') return UNKNOWN;
        const a = next(node.left);
        const b = next(node.right);
        const text = (v: LValue) => (v.kind === 'string' ? v.value : v.kind === 'scalar' && v.value !== null ? String(v.value) : undefined);
        const ta = text(a);
        const tb = text(b);
        return ta !== undefined && tb !== undefined && (a.kind === 'string' || b.kind === 'string') ? str(mod, ta + tb, node) : UNKNOWN;
      }
      case 'ObjectExpression': {
        const entries: [string, LValue][] = [];
        for (const p of children(node, 'properties')) {
          if (p.type === 'SpreadElement') {
            const spread = next(p.argument);
            if (spread.kind === 'map') for (const e of spread.entries.values()) entries.push([e.name, e.value]);
            continue;
          }
          if (p.type !== 'Property' || p.computed === true) continue;
          const key = propertyKey(p.key as Node);
          if (key === undefined) continue;
          entries.push([key, p.kind === 'init' ? next(p.value) : UNKNOWN]);
        }
        return lmap(entries);
      }
      case 'ArrayExpression':
        return { kind: 'list', items: children(node, 'elements').map((e) => next(e)) };
      case 'Identifier':
        return this.#identifier(mod, node.name as string, followImports, depth);
      case 'MemberExpression': {
        if (node.computed === true && !(isNode(node.property) && node.property.type === 'Literal')) return UNKNOWN;
        const key = node.computed === true ? String((node.property as Node).value) : name(node.property);
        const object = next(node.object);
        if (object.kind === 'map' && key !== undefined) return object.entries.get(key)?.value ?? UNKNOWN;
        return UNKNOWN;
      }
      case 'CallExpression': {
        // [a, b].join(' | ')
        const callee = node.callee as Node;
        if (callee.type === 'MemberExpression' && name(callee.property) === 'join') {
          const list = next(callee.object);
          const sepNode = children(node, 'arguments')[0];
          const sep = sepNode ? next(sepNode) : str(mod, ',', node);
          if (list.kind === 'list' && sep.kind === 'string' && list.items.every((i) => i.kind === 'string')) {
            return str(mod, list.items.map((i) => (i as LString).value).join(sep.value), node);
          }
          return UNKNOWN;
        }
        // defineConfig({...}), withMermaid(defineConfig({...})), defineConfig(() => ({...})): the wrapped config.
        const first = children(node, 'arguments')[0];
        if (!first || first.type === 'SpreadElement') return UNKNOWN;
        const v = next(first);
        return v.kind === 'map' ? v : UNKNOWN;
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration': {
        const body = node.body as Node;
        if (body.type !== 'BlockStatement') return next(body);
        const ret = children(body, 'body').find((s) => s.type === 'ReturnStatement');
        return ret ? next(ret.argument) : UNKNOWN;
      }
      case 'LogicalExpression': {
        const left = next(node.left);
        if (left.kind !== 'unknown' && !(left.kind === 'scalar' && !left.value) && !(left.kind === 'string' && left.value === '')) return left;
        return node.operator === '&&' ? UNKNOWN : next(node.right);
      }
      case 'ConditionalExpression':
        return UNKNOWN;
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
      case 'ParenthesizedExpression':
      case 'ChainExpression':
        return next(node.expression);
      case 'AwaitExpression':
        return next(node.argument);
      default:
        return UNKNOWN;
    }
  }

  #identifier(mod: JsModule, id: string, followImports: number, depth: number): LValue {
    const b = mod.bindings.get(id);
    if (!b) return UNKNOWN;
    if (b.kind === 'expr') return this.evaluate(mod, b.node, followImports, depth + 1);
    return this.#imported(mod, b.from, b.name, followImports, depth);
  }

  #imported(mod: JsModule, from: string, exported: string, followImports: number, depth: number): LValue {
    if (followImports <= 0) return UNKNOWN;
    const file = resolveLocal(this.#project, mod.file, from);
    if (!file) return UNKNOWN;
    const target = this.module(file, mod.src.origin);
    if (!target) return UNKNOWN;
    if (exported !== '*') return this.exportOf(target, exported, followImports - 1, depth + 1);
    const entries: [string, LValue][] = [];
    for (const key of target.exports.keys()) entries.push([key, this.exportOf(target, key, followImports - 1, depth + 1)]);
    return lmap(entries);
  }

  /** Local modules a file imports (relative specifiers that resolve to a file in the project). */
  localImports(mod: JsModule): string[] {
    const out = new Set<string>();
    for (const b of mod.bindings.values()) {
      if (b.kind !== 'import') continue;
      const file = resolveLocal(this.#project, mod.file, b.from);
      if (file) out.add(file);
    }
    for (const e of mod.exports.values()) {
      if (e.kind !== 'reexport') continue;
      const file = resolveLocal(this.#project, mod.file, e.from);
      if (file) out.add(file);
    }
    return [...out];
  }
}

const EXTENSIONS = ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.tsx', '.jsx', '/index.ts', '/index.js', '/index.mjs'];

/** A relative import resolved to a project file, the way bundlers try extensions. */
export function resolveLocal(project: Project, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (base.startsWith('../')) return undefined;
  // TS sources import './footer.js' meaning './footer.ts'.
  const stems = [base, base.replace(/\.(m|c)?js$/, '')];
  for (const stem of stems) {
    for (const ext of EXTENSIONS) {
      const candidate = stem + ext;
      if (/\.(json|css|vue|svg|png)$/.test(candidate)) continue;
      if (project.isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Every string the file literally contains: string literals, template text, JSX text and attributes. */
export function* literalStrings(mod: JsModule): Generator<LString> {
  const stack: unknown[] = [mod.program];
  let seen = 0;
  while (stack.length > 0 && seen < 200_000) {
    const n = stack.pop();
    seen++;
    if (Array.isArray(n)) {
      for (let i = n.length - 1; i >= 0; i--) stack.push(n[i]);
      continue;
    }
    if (!isNode(n)) continue;
    if (n.type === 'Literal' && typeof n.value === 'string') yield str(mod, n.value, n);
    else if (n.type === 'TemplateElement') yield str(mod, ((n.value as { cooked?: string | null }).cooked ?? '') as string, n);
    // The template's text as a whole too: `© ${year} 云帆科技有限公司` keeps the mark next to the name.
    else if (n.type === 'TemplateLiteral') yield str(mod, children(n, 'quasis').map((q) => (q.value as { cooked?: string | null }).cooked ?? '').join(' '), n);
    else if (n.type === 'JSXText') yield str(mod, n.value as string, n);
    for (const key in n) {
      if (key === 'loc' || key === 'range') continue;
      const v = n[key];
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

function str(mod: JsModule, value: string, node: Node): LString {
  return { kind: 'string', value, src: mod.src, start: node.start, end: node.end };
}

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string';
}

function children(node: Node, field: string): Node[] {
  const v = node[field];
  return Array.isArray(v) ? v.filter(isNode) : [];
}

function name(n: unknown): string | undefined {
  if (!isNode(n)) return undefined;
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  return undefined;
}

function propertyKey(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

function memberPath(n: Node): string[] | undefined {
  if (n.type === 'Identifier') return [n.name as string];
  if (n.type !== 'MemberExpression' || n.computed === true) return undefined;
  const object = memberPath(n.object as Node);
  const prop = name(n.property);
  return object && prop ? [...object, prop] : undefined;
}
