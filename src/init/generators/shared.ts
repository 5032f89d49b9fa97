import type { Project } from '../project.js';
import { noNumbers, numbersInString, numbersInTree, scanText, scanYaml, type Found, type NumbersFound } from '../scan.js';
import { JsEvaluator, literalStrings, type JsModule } from '../sources/js-config.js';
import type { LValue, Origin } from '../sources/tree.js';

/** Folder paths the way configs write them (`./public/`), as a clean posix relative path. */
export function cleanDir(value: string): string {
  const trimmed = value.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/(?<!\/)\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

/** Joins posix relative paths, keeping `.` out of the result. */
export function joinRel(...parts: string[]): string {
  return parts.filter((p) => p && p !== '.').join('/') || '.';
}

const JS_FILE = /\.(m|c)?(j|t)sx?$/i;

/**
 * Scans each existing file for numbers: YAML by key, JS/TS by parsing (every literal string, JSX
 * text included), everything else (templates) line by line.
 */
export function scanFiles(project: Project, files: readonly string[], into: NumbersFound = noNumbers(), origin: Origin = 'user'): NumbersFound {
  const seen = new Set<string>();
  const js = new JsEvaluator(project);
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (JS_FILE.test(file)) {
      const mod = js.module(file, origin);
      if (mod) {
        scanModule(mod, into);
        continue;
      }
    }
    const text = project.read(file);
    if (text === undefined) continue;
    if (/\.ya?ml$/i.test(file)) scanYaml(text, file, into);
    else scanText(text, file, into, origin);
  }
  return into;
}

/** Every literal string of a parsed module. */
export function scanModule(mod: JsModule, into: NumbersFound): void {
  for (const s of literalStrings(mod)) numbersInString(s, into);
}

/** A JS/TS config: its evaluated export, and the numbers in it and in the local files it imports. */
export interface JsConfig {
  readonly file: string;
  /** The exported config object (after defineConfig and friends), or UNKNOWN. */
  readonly value: LValue;
  readonly numbers: NumbersFound;
  readonly evaluator: JsEvaluator;
  readonly module: JsModule | undefined;
}

/**
 * Reads a JS/TS config: numbers reachable from the export carry their key path
 * (`themeConfig.footer.message`); literals elsewhere in the file and in the local modules it
 * imports are found too, without a key.
 */
export function readJsConfig(project: Project, file: string, exported = 'default'): JsConfig {
  const evaluator = new JsEvaluator(project);
  const mod = evaluator.module(file);
  if (!mod) return { file, value: { kind: 'unknown' }, numbers: scanFiles(project, [file]), evaluator, module: undefined };
  const value = evaluator.exportOf(mod, exported, 1);
  const numbers = numbersInTree(value);
  for (const imported of evaluator.localImports(mod)) evaluator.module(imported);
  for (const m of evaluator.read) scanModule(m, numbers);
  return { file, value, numbers: dedupe(numbers), evaluator, module: mod };
}

/** One entry per number and place: the one with a key path wins over the bare literal scan. */
export function dedupe(numbers: NumbersFound): NumbersFound {
  const keep = (list: Found[]): Found[] => {
    const byPlace = new Map<string, Found>();
    for (const f of list) {
      const place = `${f.value}\0${f.file}\0${f.line}`;
      const prior = byPlace.get(place);
      if (!prior || (!prior.key && f.key)) byPlace.set(place, f);
    }
    return [...byPlace.values()];
  };
  return { icp: keep(numbers.icp), police: keep(numbers.police), companies: keep(numbers.companies) };
}

/** Appends one set of numbers to another. */
export function addNumbers(into: NumbersFound, more: NumbersFound): NumbersFound {
  into.icp.push(...more.icp);
  into.police.push(...more.police);
  into.companies.push(...more.companies);
  return into;
}
