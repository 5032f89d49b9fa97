/**
 * YAML, TOML and JSON config files as located values (tree.ts).
 *
 * YAML: the `yaml` package, which gives every node its offsets. TOML: smol-toml (BSD-3-Clause,
 * no dependencies, Node >= 18, about 30 kB in the bundle), the TOML 1.0 parser Hugo users' files
 * need (tables, dotted keys, arrays of tables, multi-line strings); it returns plain values
 * without offsets, so lines are found by searching the file for the value (tree.ts lineOf).
 * JSON (hugo.json) goes the same way as TOML.
 *
 * YAML that the `yaml` package refuses but Hexo reads anyway goes to js-yaml 4 (MIT, the parser
 * Hexo itself loads configs with), which is lenient where popular theme configs need it: Fluid's
 * `_config.yml` closes a multi-line quoted string at the indentation of its key. Lines are then
 * found by search, as for TOML.
 */
import jsYaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { lmap, SourceText, UNKNOWN, type LValue, type Origin } from './tree.js';

export interface ReadOptions {
  readonly origin?: Origin;
  /** Hugo ignores the case of keys; Hexo does not. */
  readonly caseInsensitive?: boolean;
}

/** A YAML file as a located value, or undefined when it does not parse. */
export function readYamlTree(file: string, text: string, options: ReadOptions = {}): LValue | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  const src = new SourceText(file, text, options.origin);
  const ci = options.caseInsensitive ?? false;
  if (doc.errors.length > 0) {
    try {
      return fromPlain(jsYaml.load(text, { json: true }), src, ci);
    } catch {
      return undefined;
    }
  }
  const convert = (node: unknown, depth: number): LValue => {
    if (depth > 60) return UNKNOWN;
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return { kind: 'string', value: v, src, start: node.range?.[0] ?? -1, end: node.range?.[1] ?? -1 };
      if (typeof v === 'number' || typeof v === 'boolean' || v === null) return { kind: 'scalar', value: v };
      return UNKNOWN;
    }
    if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => convert(item, depth + 1)) };
    if (isMap(node)) {
      const entries: [string, LValue][] = [];
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        entries.push([String(pair.key.value), convert(pair.value, depth + 1)]);
      }
      return lmap(entries, ci);
    }
    return node === null || node === undefined ? { kind: 'scalar', value: null } : UNKNOWN;
  };
  return convert(doc.contents, 0);
}

/** A TOML file as a located value, or undefined when it does not parse. */
export function readTomlTree(file: string, text: string, options: ReadOptions = {}): LValue | undefined {
  let data: unknown;
  try {
    data = parseToml(text);
  } catch {
    return undefined;
  }
  return fromPlain(data, new SourceText(file, text, options.origin), options.caseInsensitive ?? false);
}

/** A JSON file as a located value, or undefined when it does not parse. */
export function readJsonTree(file: string, text: string, options: ReadOptions = {}): LValue | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  return fromPlain(data, new SourceText(file, text, options.origin), options.caseInsensitive ?? false);
}

/** By file name: .toml, .yaml/.yml or .json. */
export function readDataTree(file: string, text: string, options: ReadOptions = {}): LValue | undefined {
  if (/\.toml$/i.test(file)) return readTomlTree(file, text, options);
  if (/\.ya?ml$/i.test(file)) return readYamlTree(file, text, options);
  if (/\.json$/i.test(file)) return readJsonTree(file, text, options);
  return undefined;
}

/** Values a config may hold before the rest is unknown: a backstop, real configs hold a few thousand. */
const MAX_VALUES = 200_000;

interface Walk {
  left: number;
  /**
   * js-yaml keeps an alias as one shared object: converting each object once keeps a "billion
   * laughs" file linear instead of walking it exponentially often.
   */
  readonly seen: WeakMap<object, LValue>;
}

function fromPlain(data: unknown, src: SourceText, ci: boolean, depth = 0, walk: Walk = { left: MAX_VALUES, seen: new WeakMap() }): LValue {
  if (data !== null && typeof data === 'object') {
    const done = walk.seen.get(data);
    if (done) return done;
    const value = convertObject(data, src, ci, depth, walk);
    walk.seen.set(data, value);
    return value;
  }
  if (depth > 60 || --walk.left < 0) return UNKNOWN;
  if (typeof data === 'string') return { kind: 'string', value: data, src, start: -1, end: -1 };
  if (typeof data === 'number' || typeof data === 'boolean' || data === null) return { kind: 'scalar', value: data };
  if (typeof data === 'bigint') return { kind: 'scalar', value: Number(data) };
  return UNKNOWN;
}

function convertObject(data: object, src: SourceText, ci: boolean, depth: number, walk: Walk): LValue {
  if (depth > 60 || --walk.left < 0 || data instanceof Date) return UNKNOWN;
  if (Array.isArray(data)) return { kind: 'list', items: data.map((d) => fromPlain(d, src, ci, depth + 1, walk)) };
  return lmap(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, fromPlain(v, src, ci, depth + 1, walk)]), ci);
}
