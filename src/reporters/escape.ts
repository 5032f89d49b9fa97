/**
 * Escaping for text we did not write: page titles, hrefs, evidence, file names, and the messages
 * that embed them. A built page is untrusted input; whatever it contains must reach the PR
 * comment, the job summary, annotations and the log as inert text.
 */

/** Zero-width space: breaks a pattern (an @mention, an expression) without changing what people see. */
const ZWSP = '\u200b';

/** Line breaks and tabs become one space: page text is always shown on one line. */
const BREAKS = /[\r\n\t\u2028\u2029\u0085]+/g;
/** Other C0/C1 controls and the bidi controls that can make text read differently from what it is. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visibleCode(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line, with controls shown as `\uXXXX` so nothing hidden moves the cursor or flips the reading order. */
export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(INVISIBLE, visibleCode);
}

/**
 * CI runners read commands out of a job's log: GitHub Actions `::name::` at the start of a line
 * (after any whitespace) and `##[name]` anywhere in it, Azure Pipelines `##vso[`. Text we print
 * that quotes pages (file names, titles) must not start one. `##[` and `##vso[` get their second
 * `#` written `\u0023`, a leading `::` its first colon as `\u003a`: inside a JSON string these are
 * escapes of the very same characters, so JSON output parses to the same values.
 */
export function guardCiCommands(text: string): string {
  return text.replace(/(?<=#)#(?=\[|vso\[)/gi, '\\u0023').replace(LINE_START_COMMAND, '$1\\u003a');
}

/**
 * The problem matchers other actions register for the whole job: setup-node's eslint-stylish,
 * eslint-compact and tsc, setup-python's python, setup-go's go (their .github/*.json). A line of
 * ours that one of them matched would become a bogus annotation, with a `fix:` line or a page's
 * title as its "file". Written here as JavaScript regular expressions of the same patterns.
 */
const PROBLEM_MATCHERS = [
  /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$/,
  /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/,
  /^(?:\s+\d+>)?([^\s].*)\((\d+)(?:,(\d+)(?:,\d+(?:,\d+)?)?)?\)\s*:\s+(error|warning|info)\s+(\w{1,2}\d+)\s*:\s*(.*)$/,
  /^\s*File\s"(.*)",\sline\s(\d+),\sin\s(.*)$/,
  /((?:\.{0,2}\/|\.{0,2}\\)(?:.+\.go)):(?:(\d+):(\d+):)? (.*)/,
];

/** Lines longer than this are treated as matching without running the patterns (they backtrack on long lines). */
const MATCHER_LINE_MAX = 2000;

/** A JSON line `  "key": "value",`: only the string value may be rewritten. */
const JSON_VALUE_LINE = /^(\s*"[^"\\]*": ")(.*)(",?)$/;

/**
 * Breaks any line that another action's problem matcher would read, so our log never raises an
 * annotation we did not mean (issue 16). Every `:` and `,` of such a line gets a zero-width space
 * after it: the matchers all need one of them followed by a digit, a space or a keyword. In JSON
 * the value's `:` and `,` are written `\u003a`/`\u002c` instead, which parse to the same text.
 * Our own lines never match; only page text (a title, a file name) can make one that does.
 */
export function guardProblemMatchers(text: string, json = false): string {
  return text.replace(/^.*$/gm, (line) => {
    if (line.length <= MATCHER_LINE_MAX && !PROBLEM_MATCHERS.some((re) => re.test(line))) return line;
    if (!json) return line.replace(/[:,]/g, `$&${ZWSP}`);
    const m = JSON_VALUE_LINE.exec(line);
    return m ? `${m[1]}${m[2]!.replace(/:/g, '\\u003a').replace(/,/g, '\\u002c')}${m[3]}` : line;
  });
}

/** A line whose first non-space characters (colour codes aside) are `::`; .NET's TrimStart takes all Unicode spaces. */
const LINE_START_COMMAND = /^((?:[^\S\r\n]|\u0085|\u001b\[[0-9;]*m)*):(?=:)/gm;

/**
 * For annotations and the log, which GitHub shows as plain text. Workflow-command syntax (`%`,
 * CR, LF, `::`) is handled by @actions/core's own escaping once the text is on one line; `${{`
 * is split so nobody can paste an expression from a page into a workflow by copying our output.
 */
export function plainText(text: string): string {
  return oneLine(text).replace(/\$\{\{/g, `$${ZWSP}{{`);
}

/**
 * Characters that carry meaning in GitHub Markdown or HTML. Numeric references render as the
 * character itself but can never open a link, image, tag, table cell, emphasis or code span.
 * Quotes and parentheses only matter after `<` or `]`, which are always escaped.
 */
const MARKDOWN_SPECIAL = /[&<>`*_[\]!|~\\#{}$:]/g;

/**
 * URLs are shown as code: GitHub would otherwise turn `http://…` and `www.…` into links. The
 * character set is RFC 3986's, so a code span never holds a backtick, a pipe, `<`, `{` or a space.
 */
const URL_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;

function escapeMarkdownText(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, (c) => `&#${c.charCodeAt(0)};`)
    // GitHub links @mentions and e-mail addresses after rendering, so entities alone do not stop them.
    .replace(/@/g, `&#64;${ZWSP}`);
}

/**
 * Inline Markdown for untrusted text: safe in a paragraph, a list item, a table cell and inside
 * `<details>`. Returns a single line.
 */
export function mdText(text: string): string {
  const line = oneLine(text);
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_LIKE)) {
    let url = m[0];
    // Sentence punctuation after a URL belongs to the sentence, as GitHub's autolinker also assumes.
    // The lookbehind starts the match only at the start of the run: without it a URL of 100,000
    // dots was retried from every dot (quadratic).
    const trail = /(?<![.,;:!?'"])[.,;:!?'"]+$/.exec(url);
    if (trail) url = url.slice(0, -trail[0].length);
    // `(see http://e)`: a closing parenthesis without its opening one is the sentence's.
    while (url.endsWith(')') && url.split('(').length < url.split(')').length) url = url.slice(0, -1);
    if (url.length === 0) continue;
    out += escapeMarkdownText(line.slice(last, m.index)) + codeSpan(url);
    last = m.index + url.length;
  }
  return out + escapeMarkdownText(line.slice(last));
}

/** A code span for text known to hold no backtick, pipe or line break (see URL_LIKE); GitHub links nothing inside it. */
function codeSpan(text: string): string {
  return `\`${text}\``;
}

/**
 * Characters that keep a path out of a code span. Inside one, Markdown reads nothing, but page
 * text there is still shown as typed: `${{` could be copied into a workflow, `<`, `@` and `{`
 * would look like markup to a reader. Paths with them are escaped like any page text instead.
 */
const UNSAFE_IN_SPAN = /[`<>{}|$@\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A file path (with `:line:column`) as one code span: copyable as written, and nothing in it is
 * read as a link, a mention or emphasis (`http-www.html` once became http-`www.html`, the
 * URL-detection of mdText cutting the name in two). A path with characters that do not belong
 * in a span is escaped entity by entity, with zero-width spaces that keep GitHub's autolinker
 * from reading `www.` or `://` in it. Not for table cells, where a pipe would end the cell.
 */
export function mdPath(path: string): string {
  const line = oneLine(path);
  if (!UNSAFE_IN_SPAN.test(line)) return codeSpan(line);
  return escapeMarkdownText(line.replace(/(www)\./gi, `$1${ZWSP}.`).replace(/:\/\//g, `:${ZWSP}//`));
}

/**
 * A link target we build ourselves (rule docs, the run page) from the runner's environment. The
 * environment is trusted, but a parenthesis or space would still end the link early.
 */
export function mdUrl(url: string): string {
  return encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
