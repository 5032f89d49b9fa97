/**
 * One shape for what init reads from YAML, TOML, JSON and JS/TS configs: values that remember the
 * file and the offsets they came from, so a number found deep in a merged theme config can still
 * be shown as "_config.fluid.yml 中的 footer.beian.icp_text（第 12 行）".
 *
 * Themes and generators merge configs (Hexo: theme defaults < `_config.<theme>.yml` <
 * `theme_config`; Hugo: theme params < site params); `merge` does the same, so a theme
 * placeholder the user's config overrides is simply not there any more.
 */
import { LineIndex } from '../../source/line-index.js';

/** The text a value was read from, shared by every value of one file. */
export class SourceText {
  readonly file: string;
  readonly text: string;
  /** Where the file sits: the user's own config, a theme's defaults, or a built page. */
  readonly origin: Origin;
  #lines: LineIndex | undefined;

  constructor(file: string, text: string, origin: Origin = 'user') {
    this.file = file;
    this.text = text;
    this.origin = origin;
  }

  line(offset: number): number {
    this.#lines ??= new LineIndex(this.text);
    return this.#lines.position(offset).line;
  }
}

export type Origin = 'user' | 'theme' | 'build';

export type LValue = LString | LScalar | LMap | LList | LUnknown;

export interface LString {
  readonly kind: 'string';
  readonly value: string;
  readonly src: SourceText;
  /** Offsets of the value in src.text; -1 when the parser gives no positions (TOML, JSON). */
  readonly start: number;
  readonly end: number;
}

export interface LScalar {
  readonly kind: 'scalar';
  readonly value: number | boolean | null;
}

export interface LMap {
  readonly kind: 'map';
  /** By normalised key (lower case where the generator ignores case); `name` keeps the spelling. */
  readonly entries: Map<string, { readonly name: string; readonly value: LValue }>;
}

export interface LList {
  readonly kind: 'list';
  readonly items: readonly LValue[];
}

/** A value init cannot know without running code (a function call, an environment variable). */
export interface LUnknown {
  readonly kind: 'unknown';
}

export const UNKNOWN: LUnknown = { kind: 'unknown' };

export function lmap(entries: Iterable<[string, LValue]> = [], caseInsensitive = false): LMap {
  const map = new Map<string, { name: string; value: LValue }>();
  for (const [name, value] of entries) map.set(caseInsensitive ? name.toLowerCase() : name, { name, value });
  return { kind: 'map', entries: map };
}

/** The value at a key path; keys are matched as stored (callers lower-case them for Hugo). */
export function lget(value: LValue | undefined, path: readonly string[]): LValue | undefined {
  let at = value;
  for (const key of path) {
    if (at?.kind === 'map') at = at.entries.get(key)?.value ?? at.entries.get(key.toLowerCase())?.value;
    else if (at?.kind === 'list' && /^\d+$/.test(key)) at = at.items[Number(key)];
    else return undefined;
  }
  return at;
}

/** A non-empty string at a key path, trimmed. */
export function lstring(value: LValue | undefined, path: readonly string[]): LString | undefined {
  const at = lget(value, path);
  return at?.kind === 'string' && at.value.trim() !== '' ? at : undefined;
}

/**
 * `over` on top of `base`, the way Hexo and Hugo merge configs: maps merge key by key, anything
 * else (strings, lists) replaces. An unknown value does not erase what the base knows.
 */
export function merge(base: LValue | undefined, over: LValue | undefined): LValue | undefined {
  if (over === undefined || over.kind === 'unknown') return base ?? over;
  if (base?.kind !== 'map' || over.kind !== 'map') return over;
  const entries = new Map(base.entries);
  for (const [key, entry] of over.entries) {
    const prior = entries.get(key);
    entries.set(key, { name: entry.name, value: merge(prior?.value, entry.value) ?? entry.value });
  }
  return { kind: 'map', entries };
}

/** Line of a string value, or of the first place `needle` occurs inside it when given. */
export function lineOf(value: LString, needle?: string): number {
  const { src, start, end } = value;
  const text = src.text;
  const from = start >= 0 ? start : 0;
  const to = start >= 0 ? end : text.length;
  for (const probe of needle ? probesFor(needle) : []) {
    const at = text.indexOf(probe, from);
    if (at >= 0 && at < to) return src.line(at);
  }
  if (start >= 0) return src.line(start);
  // No positions from the parser: the first occurrence of the value's first line in the file.
  const head = value.value.split('\n')[0]?.trim() ?? '';
  const at = head ? text.indexOf(head) : -1;
  return src.line(at >= 0 ? at : 0);
}

/** The number as written, then its longest digit run: configs space and escape numbers freely. */
function probesFor(needle: string): string[] {
  const digits = needle.match(/\d{6,}/g) ?? [];
  return [needle, ...digits.sort((a, b) => b.length - a.length)];
}

export interface VisitedString {
  readonly value: LString;
  /** Key path with the names as written, e.g. footer.beian.icp. */
  readonly key: string;
  /** An enclosing mapping says `enable: false`. */
  readonly disabled: boolean;
}

/**
 * Every string in a value, with its key path and whether a surrounding block is switched off.
 * A list or map shared by several keys (a YAML alias) is visited once, under its first key.
 */
export function* strings(value: LValue | undefined, path: string[] = [], disabled = false, depth = 0, seen = new Set<LValue>()): Generator<VisitedString> {
  if (!value || depth > 60) return;
  if (value.kind === 'string') yield { value, key: path.join('.'), disabled };
  if (value.kind !== 'list' && value.kind !== 'map') return;
  if (seen.has(value)) return;
  seen.add(value);
  if (value.kind === 'list') {
    for (let i = 0; i < value.items.length; i++) yield* strings(value.items[i], [...path, String(i)], disabled, depth + 1, seen);
  } else {
    const enable = value.entries.get('enable')?.value;
    const off = disabled || (enable?.kind === 'scalar' && enable.value === false);
    for (const { name, value: child } of value.entries.values()) yield* strings(child, [...path, name], off, depth + 1, seen);
  }
}
