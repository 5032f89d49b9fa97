import { findIcpNumbers } from '../domain/icp.js';
import { findPoliceNumbers } from '../domain/police.js';
import { buildPage } from '../page/build-page.js';
import { footerFacts } from '../page/footer-facts.js';
import { LineIndex } from '../source/line-index.js';
import { readYamlTree } from './sources/data-files.js';
import { lineOf, strings, type LString, type LValue, type Origin } from './sources/tree.js';

/** A value found in the user's sources, with where it was found so the user can check it. */
export interface Found {
  readonly value: string;
  /** Project-relative file. */
  readonly file: string;
  readonly line: number;
  /** Key path inside a config (`footer.beian.icp`), when known. */
  readonly key?: string;
  /** The surrounding block is switched off (`enable: false`), so the site will not show it. */
  readonly disabled?: boolean;
  /** For numbers: why the grammar rejects it (placeholder, digits…); absent when valid. */
  readonly problem?: string;
  /** Where the file belongs: the user's sources (default), a theme's defaults, or the built site. */
  readonly origin?: Origin;
}

export interface NumbersFound {
  readonly icp: Found[];
  readonly police: Found[];
  /** Company names in a copyright line (`© 2024 云帆科技有限公司`): a hint about the filing type. */
  readonly companies: Found[];
}

export function noNumbers(): NumbersFound {
  return { icp: [], police: [], companies: [] };
}

const COMPANY_SUFFIX = /有限责任公司|股份有限公司|有限公司/gu;
const NAME_CHAR = /[\u4e00-\u9fffA-Za-z0-9（）()·]/u;
const COPYRIGHT = /©|&copy;|copyright|版权所有|\(c\)/iu;

/** Company names that a copyright mark stands next to; a company merely mentioned is not one. */
function companiesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(COMPANY_SUFFIX)) {
    let start = m.index;
    while (start > 0 && m.index - start < 30 && NAME_CHAR.test(text.charAt(start - 1))) start--;
    const name = text.slice(start, m.index + m[0].length).replace(/^[0-9]+/u, '');
    if (name.length - m[0].length < 2) continue;
    const window = text.slice(Math.max(0, start - 40), m.index + m[0].length + 12);
    if (COPYRIGHT.test(window)) out.push(name);
  }
  return out;
}

/** Pages and configs fold whitespace the same way before numbers are looked for. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ');
}

type At = Omit<Found, 'value' | 'problem' | 'line'> & { readonly line: number | ((needle: string) => number) };

function numbersIn(text: string, at: At, into: NumbersFound): void {
  const place = (needle: string) => ({ ...at, line: typeof at.line === 'number' ? at.line : at.line(needle) });
  if (text.includes('公司')) for (const name of companiesIn(fold(text))) into.companies.push({ ...place(name), value: name });
  // Cheap guard: most strings of a config have neither word.
  if (!/ICP|B2|公网安备|公安/iu.test(text)) return;
  const folded = fold(text);
  for (const m of findIcpNumbers(folded)) {
    if (m.lookalike) continue;
    into.icp.push({ ...place(m.text.trim()), value: m.parsed.ok ? m.parsed.value.canonical : m.text.trim(), ...(!m.parsed.ok && { problem: m.parsed.reason }) });
  }
  for (const m of findPoliceNumbers(folded)) {
    into.police.push({ ...place(m.text.trim()), value: m.parsed.ok ? m.parsed.value.canonical : m.text.trim(), ...(!m.parsed.ok && { problem: m.parsed.reason }) });
  }
}

/** ICP and 公安 numbers in one located string (a config value, a JS literal). */
export function numbersInString(value: LString, into: NumbersFound, extra: { key?: string; disabled?: boolean } = {}): void {
  numbersIn(
    value.value,
    {
      file: value.src.file,
      line: (needle: string) => lineOf(value, needle),
      ...(extra.key && { key: extra.key }),
      ...(extra.disabled && { disabled: true }),
      ...(value.src.origin !== 'user' && { origin: value.src.origin }),
    },
    into,
  );
}

/** ICP and 公安 numbers in every string of a config value, with key paths and switched-off blocks. */
export function numbersInTree(tree: LValue | undefined, into: NumbersFound = noNumbers(), skipKeys: readonly string[] = []): NumbersFound {
  for (const s of strings(tree)) {
    if (skipKeys.some((k) => s.key === k || s.key.startsWith(`${k}.`))) continue;
    numbersInString(s.value, into, { key: s.key, disabled: s.disabled });
  }
  return into;
}

/** ICP and 公安 numbers on each line of a template (HTML, Nunjucks, EJS, Vue, Astro): no execution. */
export function scanText(text: string, file: string, into: NumbersFound = noNumbers(), origin: Origin = 'user'): NumbersFound {
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => numbersIn(line, { file, line: i + 1, ...(origin !== 'user' && { origin }) }, into));
  return into;
}

/** ICP and 公安 numbers in the string values of a YAML file, with their key paths. */
export function scanYaml(text: string, file: string, into: NumbersFound = noNumbers()): NumbersFound {
  const tree = readYamlTree(file, text);
  return tree ? numbersInTree(tree, into) : scanText(text, file, into);
}

/** What a built page shows: the numbers a visitor sees (not comments or scripts), and its title. */
export interface ShownOnPage {
  readonly numbers: NumbersFound;
  readonly title?: Found;
}

/**
 * Reads a built entry page the way `check` does (the same page model), for sites whose numbers
 * are only in their HTML: plain sites, and generators whose sources gave nothing.
 */
export function shownOnPage(source: string, file: string): ShownOnPage {
  const numbers = noNumbers();
  let page;
  try {
    page = buildPage(file, source);
  } catch {
    return { numbers };
  }
  const lines = new LineIndex(source);
  const facts = footerFacts(page);
  for (const shown of facts.icp) {
    const m = shown.match;
    if (m.lookalike || shown.hidden) continue;
    numbers.icp.push({
      file,
      line: lines.position(shown.span.start).line,
      value: m.parsed.ok ? m.parsed.value.canonical : m.text.trim(),
      ...(!m.parsed.ok && { problem: m.parsed.reason }),
      origin: 'build',
    });
  }
  for (const shown of facts.police) {
    const m = shown.match;
    if (shown.hidden) continue;
    numbers.police.push({
      file,
      line: lines.position(shown.span.start).line,
      value: m.parsed.ok ? m.parsed.value.canonical : m.text.trim(),
      ...(!m.parsed.ok && { problem: m.parsed.reason }),
      origin: 'build',
    });
  }
  for (const name of companiesIn(page.text.value)) {
    const at = source.indexOf(name);
    numbers.companies.push({ value: name, file, line: lines.position(at >= 0 ? at : 0).line, origin: 'build' });
  }
  const title = page.title?.text.trim();
  const templated = title !== undefined && /\{\{|\{%|<%|%>/.test(title);
  return { numbers, ...(title && !templated && { title: { value: title, file, line: lines.position(page.title!.span.start).line, origin: 'build' as const } }) };
}

/** A site name from a located string (a config's title). */
export function foundString(value: LString | undefined, key: string): Found | undefined {
  if (!value) return undefined;
  const text = value.value.trim();
  if (!text || /\{\{|\$\{/.test(text)) return undefined;
  return { value: text, file: value.src.file, line: lineOf(value), key, ...(value.src.origin !== 'user' && { origin: value.src.origin }) };
}
