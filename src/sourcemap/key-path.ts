/**
 * The dotted key a config value sits under (`params.icp`, `beian.icp`,
 * `themeConfig.footer.message`, `VITE_ICP`), read from the text around a match without parsing
 * the file: configs are often half-written, templated or TypeScript, and a key path is only a
 * label for the reader.
 */

type Syntax = 'indent' | 'section' | 'env';

function syntaxOf(file: string): Syntax | null {
  const lower = file.toLowerCase();
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  if (name === '.env' || name.startsWith('.env.') || lower.endsWith('.properties')) return 'env';
  if (/\.(toml|ini)$/.test(lower)) return 'section';
  if (/\.(ya?ml|json5?|jsonc|[cm]?[jt]s)$/.test(lower)) return 'indent';
  return null;
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return { start, text: text.slice(start, end).replace(/\r$/, '') };
}

function previousLine(text: string, line: Line): Line | null {
  if (line.start === 0) return null;
  return lineAt(text, line.start - 1);
}

function indentOf(s: string): number {
  const m = /^[ \t]*/.exec(s);
  return m ? m[0].replace(/\t/g, '    ').length : 0;
}

const IDENT = /[\w$@\-\u3400-\u9fff]/;

/**
 * Keys written before `column` on one line, outside string literals: `footer: { message: '…` gives
 * footer, message; `"icp": "…"` gives icp; `href="…"` inside a string gives nothing.
 */
export function keysBefore(line: string, column: number, assign: ':' | '='): string[] {
  const keys: string[] = [];
  let i = 0;
  let token = '';
  let quote = '';
  let quoted = '';
  while (i < column && i < line.length) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === quote) {
        quote = '';
        token = quoted;
        quoted = '';
      } else quoted += c;
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      quoted = '';
      token = '';
    } else if (c === '#' && assign === '=') break;
    else if (IDENT.test(c)) token += c;
    else if (c === assign || (assign === ':' && c === ':')) {
      // `https://` is a value, not a key.
      if (token && line[i + 1] !== '/') keys.push(token);
      token = '';
    } else if (c !== ' ' && c !== '\t') token = '';
    i++;
  }
  return keys;
}

function keyOfLine(line: string, assign: ':' | '='): string | null {
  const keys = keysBefore(line, line.length, assign);
  return keys[0] ?? null;
}

/** The key path of the config value at `offset` in `text`, or null when `file` is not a config syntax we read. */
export function configKeyPath(file: string, text: string, offset: number): string | null {
  const syntax = syntaxOf(file);
  if (!syntax) return null;
  const line = lineAt(text, offset);
  const column = offset - line.start;
  if (syntax === 'env') {
    const m = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=/.exec(line.text);
    return m ? m[1]! : null;
  }
  if (syntax === 'section') {
    const keys = keysBefore(line.text, column, '=');
    for (let l = previousLine(text, line); l; l = previousLine(text, l)) {
      const m = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(l.text);
      if (m) {
        keys.unshift(m[1]!.replace(/["'\s]/g, ''));
        break;
      }
    }
    return keys.length > 0 ? keys.join('.') : null;
  }
  const keys = keysBefore(line.text, column, ':');
  let indent = indentOf(line.text);
  for (let l = previousLine(text, line); l && indent > 0; l = previousLine(text, l)) {
    const trimmed = l.text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || trimmed.startsWith('*')) continue;
    const ind = indentOf(l.text);
    if (ind >= indent) continue;
    indent = ind;
    const key = keyOfLine(l.text, ':');
    if (key) keys.unshift(key);
  }
  return keys.length > 0 ? keys.join('.') : null;
}
