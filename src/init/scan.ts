import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { findIcpNumbers } from '../domain/icp.js';
import { findPoliceNumbers } from '../domain/police.js';
import { LineIndex, lineColumnAt } from '../source/line-index.js';

/** A value found in the user's sources, with where it was found so the user can check it. */
export interface Found {
  readonly value: string;
  /** Project-relative file. */
  readonly file: string;
  readonly line: number;
  /** Key path inside a YAML file (`footer.beian.icp`), when known. */
  readonly key?: string;
  /** The surrounding block is switched off (`enable: false`), so the site will not show it. */
  readonly disabled?: boolean;
  /** For numbers: why the grammar rejects it (placeholder, digits…); absent when valid. */
  readonly problem?: string;
}

export interface NumbersFound {
  readonly icp: Found[];
  readonly police: Found[];
}

/** Pages and configs fold whitespace the same way before numbers are looked for. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ');
}

function numbersIn(text: string, at: Omit<Found, 'value' | 'problem'>, into: NumbersFound): void {
  // Cheap guard: most lines of a config have neither word.
  if (!/ICP|B2|公网安备|公安/iu.test(text)) return;
  const folded = fold(text);
  for (const m of findIcpNumbers(folded)) {
    if (m.lookalike) continue;
    into.icp.push({ ...at, value: m.parsed.ok ? m.parsed.value.canonical : m.text.trim(), ...(!m.parsed.ok && { problem: m.parsed.reason }) });
  }
  for (const m of findPoliceNumbers(folded)) {
    into.police.push({ ...at, value: m.parsed.ok ? m.parsed.value.canonical : m.text.trim(), ...(!m.parsed.ok && { problem: m.parsed.reason }) });
  }
}

/** ICP and 公安 numbers on each line of a text file (TOML, JS, templates): no parsing, no execution. */
export function scanText(text: string, file: string, into: NumbersFound = { icp: [], police: [] }): NumbersFound {
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => numbersIn(line, { file, line: i + 1 }, into));
  return into;
}

/**
 * ICP and 公安 numbers in the string values of a YAML file, with their key paths. A value inside a
 * mapping that says `enable: false` (NexT's and Fluid's `footer.beian`) is marked disabled.
 */
export function scanYaml(text: string, file: string, into: NumbersFound = { icp: [], police: [] }): NumbersFound {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return scanText(text, file, into);
  const lines = new LineIndex(text);
  const visit = (node: unknown, keys: string[], disabled: boolean, depth: number): void => {
    if (depth > 40) return;
    if (isScalar(node)) {
      if (typeof node.value !== 'string') return;
      const line = node.range ? lines.position(node.range[0]).line : 1;
      numbersIn(node.value, { file, line, key: keys.join('.'), ...(disabled && { disabled: true }) }, into);
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...keys, String(i)], disabled, depth + 1));
      return;
    }
    if (isMap(node)) {
      const off = node.items.some((p) => isPair(p) && scalarText(p.key) === 'enable' && isScalar(p.value) && p.value.value === false);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        visit(pair.value, [...keys, scalarText(pair.key) ?? '?'], disabled || off, depth + 1);
      }
    }
  };
  visit(doc.contents, [], false, 0);
  return into;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

/** The plain JavaScript value of a YAML file, or undefined when it does not parse. */
export function readYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  return doc.errors.length > 0 ? undefined : doc.toJS();
}

/** The value at `key` of a YAML mapping with its line, for site names and output folders. */
export function yamlString(text: string, file: string, key: string): Found | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const node = doc.contents.get(key, true) as Node | undefined;
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return undefined;
  const value = String(node.value).trim();
  if (!value) return undefined;
  return { value, file, line: node.range ? lineColumnAt(text, node.range[0]).line : 1, key };
}

/**
 * The first string literal assigned to `key` in JS/TS/TOML text (`title: 'x'`, `title = "x"`,
 * `SITE_TITLE = 'x'`). Template literals with `${` are skipped: their value needs execution.
 */
export function assignedString(text: string, file: string, key: string, separators = ':='): Found | undefined {
  const sep = separators.replace(/[-\\\]^]/g, '\\$&');
  const re = new RegExp(`(?:^|[\\s{,(])["']?${key}["']?\\s*[${sep}]\\s*(["'\`])((?:(?!\\1)[^\\\\\\n]|\\\\.)*)\\1`, 'gm');
  for (const m of text.matchAll(re)) {
    const raw = m[2] ?? '';
    if (m[1] === '`' && raw.includes('${')) continue;
    const value = raw.replace(/\\(.)/g, '$1').trim();
    if (!value) continue;
    const line = lineColumnAt(text, m.index + (m[0].startsWith('\n') ? 1 : 0)).line;
    return { value, file, line, key };
  }
  return undefined;
}

/** The text of the first `<title>` in an HTML file. */
export function htmlTitle(text: string, file: string): Found | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(text);
  const value = m?.[1]?.trim();
  if (!m || !value || value.includes('{{') || value.includes('%')) return undefined;
  return { value, file, line: lineColumnAt(text, m.index).line };
}
