import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A fenced code block: its language, the words after it (`incorrect`, `message=…`), body and line. */
export interface Fence {
  readonly lang: string;
  readonly flags: ReadonlySet<string>;
  readonly attrs: ReadonlyMap<string, string>;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

export function fences(markdown: string): Fence[] {
  const out: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const marker = open[1]!;
    const [lang = '', ...words] = open[2]!.trim().split(/\s+/);
    const flags = new Set<string>();
    const attrs = new Map<string, string>();
    for (const w of words) {
      const eq = w.indexOf('=');
      if (eq > 0) attrs.set(w.slice(0, eq), w.slice(eq + 1));
      else if (w) flags.add(w);
    }
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) break;
      body.push(lines[j]!);
    }
    out.push({ lang, flags, attrs, body: body.join('\n'), line: i + 1 });
    i = j;
  }
  return out;
}

/** Every Markdown file the project publishes: the READMEs and docs/, recursively. */
export function markdownFiles(): string[] {
  const out = ['README.md', 'README.en.md'];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.name.endsWith('.md')) out.push(child);
    }
  };
  walk('docs');
  return out.sort();
}

export function read(rel: string): string {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) throw new Error(`${rel} is missing`);
  return fs.readFileSync(abs, 'utf8');
}
