import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/check-imports.mjs');
const temps: string[] = [];

/** A small src/ tree of our own, one file per entry. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-imports-'));
  temps.push(dir);
  const src = path.join(dir, 'src');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(src, name)), { recursive: true });
    fs.writeFileSync(path.join(src, name), text);
  }
  return src;
}

function check(src?: string): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [script, ...(src ? [src] : [])], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('imports point down (scripts/check-imports.mjs)', () => {
  it('passes on the project itself', () => {
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(out).toMatch(/^imports point down: \d+ files, \d+ imports, no cycle/);
  });

  it('names the file and line of an import that points up', () => {
    const src = tree({
      'model/findings.ts': 'export type Span = { start: number };\n',
      'engine/run.ts': "import type { Span } from '../model/findings.js';\nexport const x = 1;\n",
      'page/page.ts': "import type { Span } from '../model/findings.js';\n\nimport { x } from '../engine/run.js';\nexport const y = x;\n",
    });
    const r = check(src);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('src/page/page.ts:3: page imports src/engine/run.ts, which sits on a higher floor (engine)');
  });

  it('reports a cycle between two modules of one folder', () => {
    const src = tree({
      'engine/a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
      'engine/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    const r = check(src);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/import cycle src\/engine\/a\.ts -> src\/engine\/b\.ts -> src\/engine\/a\.ts/);
  });

  it('refuses a folder the layer table does not know and a sideways import', () => {
    const src = tree({
      'gadgets/g.ts': "import { r } from '../reporters/r.js';\nexport const g = r;\n",
      'reporters/r.ts': "import { s } from '../sourcemap/s.js';\nexport const r = s;\n",
      'sourcemap/s.ts': 'export const s = 1;\n',
    });
    const r = check(src);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('src/gadgets is not in the layer table');
    expect(r.stderr).toContain('src/reporters/r.ts:1: reporters imports src/sourcemap/s.ts from the same floor (sourcemap)');
  });
});
