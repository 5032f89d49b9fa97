import type { MessageData } from '../i18n/lang.js';
import type { BuiltFacts } from './built-page.js';
import { isFooterNamed, isLayoutNamed, type FileKind } from './file-kinds.js';
import { configKeyPath, keysBefore } from './key-path.js';
import { isGenericHref, type Needle } from './needles.js';
import type { ReasonId } from './reasons.js';
import type { SourceFile, SourceIndex } from './source-index.js';
import {
  escapeRegExp,
  FILING_WORDS,
  lineTextAt,
  literalOffsets,
  longestDigitRun,
  numberPattern,
  toFullWidthDigits,
} from './text-search.js';

/**
 * How a candidate was found: the needle itself (`exact`, or `tolerant` of spacing, width and
 * entities), a part of it (`partial`: the serial digits, the link before its query value), or a
 * guess from names and structure (`heuristic`).
 */
export type Quality = 'exact' | 'tolerant' | 'partial' | 'heuristic';

export interface Candidate {
  readonly file: SourceFile;
  readonly offset: number;
  readonly quality: Quality;
  readonly reason: ReasonId;
  readonly data: MessageData;
  /** The match alone makes this a place to edit; ranking may still demote it (an unused theme, an example site). */
  readonly sure: boolean;
  /** Orders candidates of one quality: how much of the page's footer a file holds. */
  readonly weight: number;
}

const PER_FILE = 3;
const MAX_CANDIDATES = 60;
const SEARCHABLE: ReadonlySet<FileKind> = new Set(['config', 'template', 'code', 'content']);
const MARKUP: ReadonlySet<FileKind> = new Set(['config', 'template', 'code']);

function files(index: SourceIndex, kinds: ReadonlySet<FileKind>): SourceFile[] {
  return index.files.filter((f) => kinds.has(f.kind));
}

// A URL goes on while these follow: a match that continues is a longer, different link.
const URL_CONTINUES = /[\w\-./?#=%&~+@:]/;

function endsUrl(text: string): (end: number) => boolean {
  return (end) => end >= text.length || !URL_CONTINUES.test(text[end]!);
}

function configKey(file: SourceFile, offset: number): string | null {
  return file.kind === 'config' ? configKeyPath(file.path, file.text, offset) : null;
}

function searchHref(href: string, index: SourceIndex): Candidate[] {
  const out: Candidate[] = [];
  const variants = [...new Set([href, href.replace(/&/g, '&amp;'), href.replace(/\/$/, '')])].filter((v) => v.length >= 8);
  for (const file of files(index, SEARCHABLE)) {
    const offsets = new Set<number>();
    for (const v of variants) for (const at of literalOffsets(file.text, v, PER_FILE, endsUrl(file.text))) offsets.add(at);
    for (const at of [...offsets].sort((a, b) => a - b).slice(0, PER_FILE)) {
      const key = configKey(file, at);
      out.push({
        file,
        offset: at,
        quality: 'exact',
        reason: key ? 'href-config' : 'href-exact',
        data: key ? { href, key } : { href },
        sure: true,
        weight: 0,
      });
    }
    if (out.length >= MAX_CANDIDATES) return out;
  }
  if (out.length > 0) return out;
  // A templated link keeps its literal part up to the value a template fills in:
  // http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={{ police_code }}.
  const query = href.search(/[?#]/);
  const cut = query === -1 ? -1 : href.indexOf('=', query);
  if (cut === -1) return out;
  const stem = href.slice(0, cut + 1);
  const stems = [...new Set([stem, stem.replace(/&/g, '&amp;')])];
  for (const file of files(index, MARKUP)) {
    for (const s of stems) {
      for (const at of literalOffsets(file.text, s, PER_FILE)) {
        out.push({ file, offset: at, quality: 'partial', reason: 'href-stem', data: { href, stem }, sure: false, weight: 0 });
      }
    }
  }
  // One place builds the link: that is the line to edit. Several: say which, but not with certainty.
  return out.length === 1 ? out.map((c) => ({ ...c, sure: true })) : out;
}

function searchGenericHref(href: string, built: BuiltFacts | null, index: SourceIndex): Candidate[] {
  const out: Candidate[] = [];
  const value = escapeRegExp(href.trim());
  // `(?:\{\s*)?`: two adjacent `\s*` (around an optional brace) backtracked quadratically on a long run of spaces.
  const pattern = new RegExp(`\\bhref\\s*=\\s*(?:\\{\\s*)?["'\`]${value}["'\`]`, 'g');
  for (const file of files(index, MARKUP)) {
    if (!file.text.includes('href')) continue;
    let n = 0;
    for (const m of file.text.matchAll(pattern)) {
      // The link's own line and element: a "#" link elsewhere in the same footer (back to top) is not it.
      const lineStart = file.text.lastIndexOf('\n', m.index - 1) + 1;
      const close = file.text.indexOf('</a', m.index);
      const end = close === -1 || close - m.index > 400 ? m.index + 400 : close;
      if (!FILING_WORDS.test(file.text.slice(lineStart, end))) continue;
      out.push({ file, offset: m.index, quality: 'tolerant', reason: 'href-generic', data: { href }, sure: false, weight: 0 });
      if (++n >= PER_FILE) break;
    }
  }
  const near = out.length === 1 ? out.map((c) => ({ ...c, sure: true })) : out;
  // Where the number itself is written points at the same footer even when the link is elsewhere.
  const number = built?.anchorNumber ? searchNumber(built.anchorNumber, index).map((c) => ({ ...c, quality: 'partial' as const, sure: false })) : [];
  return [...near, ...number];
}

function searchNumber(number: string, index: SourceIndex): Candidate[] {
  const out: Candidate[] = [];
  const digits = longestDigitRun(number);
  const prefilters = digits.length >= 3 ? [digits, toFullWidthDigits(digits)] : [[...number.replace(/\s/g, '')].slice(0, 2).join('')];
  const pattern = numberPattern(number);
  for (const file of files(index, SEARCHABLE)) {
    if (!prefilters.some((p) => file.text.includes(p))) continue;
    let n = 0;
    for (const m of file.text.matchAll(pattern)) {
      const key = configKey(file, m.index);
      out.push({
        file,
        offset: m.index,
        quality: m[0] === number ? 'exact' : 'tolerant',
        reason: key ? 'number-config' : 'number-exact',
        data: key ? { number, key } : { number },
        sure: true,
        weight: 0,
      });
      if (++n >= PER_FILE) break;
    }
    if (out.length >= MAX_CANDIDATES) return out;
  }
  if (out.length > 0 || digits.length < 6) return out;
  // The number may be split by a template (京ICP备{{ .Site.Params.icpSerial }}号): its serial
  // alone, written as a whole run of digits, is where the value is set.
  const bounded = new RegExp(`(?<![0-9０-９])(?:${digits}|${toFullWidthDigits(digits)})(?![0-9０-９])`, 'g');
  for (const file of files(index, MARKUP)) {
    if (!file.text.includes(digits) && !file.text.includes(toFullWidthDigits(digits))) continue;
    let n = 0;
    for (const m of file.text.matchAll(bounded)) {
      const key = configKey(file, m.index);
      const labelled = FILING_WORDS.test(key ?? '') || FILING_WORDS.test(lineTextAt(file.text, m.index));
      out.push({ file, offset: m.index, quality: 'partial', reason: 'number-serial', data: { number, digits }, sure: labelled, weight: 0 });
      if (++n >= PER_FILE) break;
    }
  }
  return out;
}

const TITLE_SEPARATORS = /\s*[|｜·•–—»«]\s*|\s+[-:~]\s+|\s*-{2,}\s*/;
// Keys that set a title outright, and keys that only may (a name, a brand).
const TITLE_KEY = /title/i;
const NAME_KEY = /name|brand|heading/i;
const SITE_NAME_KEY = /^(?:site_?name|sitename|brand)$/i;

/** The value written after `key:` or `key =` on a line, without quotes and a trailing comma. */
export function valueOnLine(line: string): string | null {
  const m = /^\s*(?:export\s+)?["']?[\w$.-]+["']?\s*[:=]\s*(.*?)\s*,?\s*(?:#.*)?$/.exec(line);
  if (!m) return null;
  return m[1]!.replace(/^(["'`])(.*)\1$/, '$2');
}

/**
 * One occurrence of the title or of one of its parts. A config value counts when its key names a
 * title and its whole value is the text; a `<title>` line counts; a longer value that merely
 * contains the text ("Create React App Sample") is only a partial match.
 */
function titleCandidate(file: SourceFile, at: number, text: string, whole: boolean): Candidate | null {
  const line = lineTextAt(file.text, at);
  const lineStart = file.text.lastIndexOf('\n', at - 1) + 1;
  const key = configKey(file, at) ?? (keysBefore(line, at - lineStart, ':').pop() || null);
  if (/<title\b/i.test(line)) {
    return { file, offset: at, quality: whole ? 'exact' : 'tolerant', reason: 'title-exact', data: { value: text }, sure: true, weight: 2 };
  }
  const last = key?.split('.').pop() ?? '';
  if (key && (TITLE_KEY.test(last) || NAME_KEY.test(last))) {
    const equal = valueOnLine(line) === text;
    return {
      file,
      offset: at,
      quality: equal ? 'exact' : 'partial',
      reason: 'title-config',
      data: { key, value: text },
      sure: equal && (TITLE_KEY.test(last) || SITE_NAME_KEY.test(last)),
      weight: TITLE_KEY.test(last) ? 2 : 1,
    };
  }
  if (!whole) return null;
  return { file, offset: at, quality: 'partial', reason: 'title-exact', data: { value: text }, sure: false, weight: 0 };
}

function searchTitle(title: string, index: SourceIndex): Candidate[] {
  const out: Candidate[] = [];
  const parts = title.split(TITLE_SEPARATORS).map((s) => s.trim()).filter((s) => [...s].length >= 2 && s !== title);
  for (const file of files(index, SEARCHABLE)) {
    for (const at of literalOffsets(file.text, title, PER_FILE)) {
      const c = titleCandidate(file, at, title, true);
      if (c) out.push(c);
    }
    // A composed title ("About | My Blog"): the site's own part is a config value or sits in a <title> template.
    if (file.kind === 'content') continue;
    for (const part of parts) {
      for (const at of literalOffsets(file.text, part, PER_FILE)) {
        const c = titleCandidate(file, at, part, false);
        if (c) out.push(c);
      }
    }
  }
  return out;
}

function searchTitleElement(index: SourceIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const file of files(index, MARKUP)) {
    const at = file.text.search(/<title\b/i);
    if (at === -1) continue;
    const headish = isLayoutNamed(file.path) || /head/i.test(file.path.slice(file.path.lastIndexOf('/') + 1));
    out.push({ file, offset: at, quality: 'heuristic', reason: 'title-element', data: {}, sure: false, weight: headish ? 1 : 0 });
  }
  return out;
}

function footerOffset(file: SourceFile): { offset: number; marked: boolean } | null {
  const tag = file.text.search(/<footer\b/i);
  if (tag !== -1) return { offset: tag, marked: true };
  const key = file.text.search(/\bfooter["']?\s*[:=]/i);
  if (key !== -1) return { offset: key, marked: true };
  return null;
}

function searchFooter(built: BuiltFacts | null, index: SourceIndex): Candidate[] {
  if (!built) return [];
  if (!built.hasFooter) {
    // No footer at all: the layout that closes the body is where one is added.
    return files(index, new Set(['template'])).flatMap((file): Candidate[] => {
      const at = file.text.search(/<\/body\s*>/i);
      return at === -1 ? [] : [{ file, offset: at, quality: 'heuristic', reason: 'layout-body', data: {}, sure: false, weight: isLayoutNamed(file.path) ? 1 : 0 }];
    });
  }
  const scored: Candidate[] = [];
  if (built.footerFragments.length > 0) {
    for (const file of files(index, MARKUP)) {
      let count = 0;
      let first = -1;
      let longest = 0;
      for (const fragment of built.footerFragments) {
        const at = file.text.indexOf(fragment);
        if (at === -1) continue;
        count++;
        longest = Math.max(longest, fragment.length);
        if (first === -1 || at < first) first = at;
      }
      if (count === 0) continue;
      const marked = footerOffset(file);
      const named = isFooterNamed(file.path);
      scored.push({
        file,
        offset: marked?.offset ?? first,
        quality: 'tolerant',
        reason: 'footer-markup',
        data: { count },
        sure: (count >= 2 || longest >= 12) && (marked !== null || named),
        weight: count * 10 + (marked ? 5 : 0) + (named ? 3 : 0),
      });
    }
  }
  if (scored.length > 0) {
    scored.sort((a, b) => b.weight - a.weight);
    // Only a clear winner is certain: two files holding the footer equally well is a guess.
    const top = scored[0]!;
    const tie = scored.length > 1 && scored[1]!.weight === top.weight;
    // A clear, sure winner stands alone; files that share a line or two of its text add only noise.
    if (top.sure && !tie) return [top];
    return scored.map((c) => ({ ...c, sure: false }));
  }
  return files(index, new Set(['template'])).filter((f) => isFooterNamed(f.path)).map((file) => ({
    file,
    offset: footerOffset(file)?.offset ?? 0,
    quality: 'heuristic' as const,
    reason: 'footer-named' as const,
    data: {},
    sure: false,
    weight: 0,
  }));
}

function searchSpaFooter(index: SourceIndex): Candidate[] {
  return files(index, MARKUP)
    .filter((f) => f.kind !== 'config' && isFooterNamed(f.path))
    .map((file) => ({
      file,
      offset: footerOffset(file)?.offset ?? 0,
      quality: 'heuristic' as const,
      reason: 'spa-component' as const,
      data: {},
      sure: false,
      weight: 0,
    }));
}

/** Needles whose text may be typed into prose (a number or title in a Markdown page of a plain site). */
export function searchesProse(needle: Needle): boolean {
  return needle.type === 'href' || needle.type === 'number' || needle.type === 'title';
}

/** Every place in the index that could have produced the finding the needle stands for. */
export function searchNeedle(needle: Needle, index: SourceIndex, built: BuiltFacts | null): Candidate[] {
  switch (needle.type) {
    case 'href':
      return isGenericHref(needle.href) ? searchGenericHref(needle.href, built, index) : searchHref(needle.href, index);
    case 'number':
      return searchNumber(needle.number, index);
    case 'title':
      return searchTitle(needle.title, index);
    case 'title-element':
      return searchTitleElement(index);
    case 'footer':
      return searchFooter(built, index);
    case 'spa-footer':
      return searchSpaFooter(index);
  }
}
