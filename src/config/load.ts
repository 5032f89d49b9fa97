import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
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
    return doc.toJS();
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

/** Reads and validates a config file. */
export function loadConfigFile(file: string, cwd: string): { config: MultiConfig; path: string; sitesForm: boolean } {
  const abs = path.resolve(cwd, file);
  const shown = path.relative(cwd, abs) || abs;
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
