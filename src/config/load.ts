import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { isInside } from '../paths.js';
import { lineColumnAt } from '../source/line-index.js';
import { InputError } from './errors.js';
import { CONFIG_NAMES } from './names.js';
import { parseConfigObject } from './resolve.js';
import type { MultiConfig } from './schema.js';

export { CONFIG_NAMES };

export function findConfigFile(cwd: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(cwd, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}


/** Parses JSON or YAML text; syntax errors name the file, line and column. */
export function parseConfigText(text: string, file: string): unknown {
  const shown = file;
  if (/\.ya?ml$/i.test(file)) {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
      const detail = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw InputError.of('yaml-syntax', { ...lineColumnAt(text, error.pos[0]), detail }, shown);
    }
    try {
      return doc.toJS();
    } catch (e) {
      // The yaml package refuses an alias before its anchor, and alias chains that expand without
      // bound (a "billion laughs" file), only when the document is turned into values.
      if (e instanceof ReferenceError) throw InputError.of('yaml-alias', { detail: e.message }, shown);
      throw e;
    }
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    const detail = message.replace(/ in JSON at position \d+.*$/, '');
    if (!m) throw InputError.of('json-syntax-somewhere', { detail }, shown);
    throw InputError.of('json-syntax', { ...lineColumnAt(text, Number(m[1])), detail }, shown);
  }
}

/**
 * A config file must be inside the workspace once links are resolved, unless the user named it
 * by an absolute path on purpose: a checkout can hold `beian.config.json -> ~/.secret`, and a
 * JSON error quotes the start of the file into the log, the summary and the PR comment.
 */
function confine(abs: string, workspace: string, shown: string): void {
  let real: string;
  let root: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    // Missing: the read below says so.
    return;
  }
  try {
    root = fs.realpathSync(workspace);
  } catch {
    root = path.resolve(workspace);
  }
  if (!isInside(root, real)) {
    throw InputError.of('config-outside', { real }, shown);
  }
}

/**
 * Reads and validates a config file. `found`: it was found by name, not given by the user, so even
 * an absolute path is confined to the workspace (`cwd`).
 */
export function loadConfigFile(file: string, cwd: string, options: { found?: boolean } = {}): { config: MultiConfig; path: string; sitesForm: boolean } {
  const abs = path.resolve(cwd, file);
  const shown = path.relative(cwd, abs) || abs;
  if (options.found || !path.isAbsolute(file)) confine(abs, cwd, shown);
  let text: string;
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile()) throw InputError.of('config-not-file', {}, shown);
    if (stat.size > 1024 * 1024) throw InputError.of('config-too-large', {}, shown);
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? InputError.of('config-missing', {}, shown) : InputError.of('config-unreadable', { code: code ?? String(e) }, shown);
  }
  const raw = parseConfigText(text, shown);
  const sitesForm = typeof raw === 'object' && raw !== null && 'sites' in raw;
  return { config: parseConfigObject(raw, shown), path: abs, sitesForm };
}
