/**
 * `npm test` needs nothing beside the project; only __tests__/shared/ may read ../shared, and
 * `npm run test:shared` stops with a clear message when ../shared is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (/\.(m?ts|mjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('the two test suites', () => {
  it('no file outside __tests__/shared/ reads ../shared', () => {
    const offenders = testFiles(path.join(ROOT, '__tests__'))
      .filter((f) => !f.startsWith(path.join(ROOT, '__tests__/shared') + path.sep) && !f.endsWith(path.join('helpers', 'shared.ts')))
      .filter((f) => /helpers\/shared\.js|['"`](\.\.\/)+shared\b|\/work\/shared/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('npm test leaves __tests__/shared/ out, test:shared runs only it', async () => {
    const main = (await import('../../vitest.config.js')).default as { test: { exclude: string[] } };
    expect(main.test.exclude).toContain('__tests__/shared/**');
    // Read, not imported: loading the shared config without ../shared stops on purpose.
    const shared = fs.readFileSync(path.join(ROOT, 'vitest.shared.config.ts'), 'utf8');
    expect(shared).toContain("include: ['__tests__/shared/**/*.test.ts']");
    expect(shared).toMatch(/^requireShared\(\);$/m);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test:shared']).toBe('vitest run --config vitest.shared.config.ts');
  });

  it('test:shared without ../shared fails with a message naming the folder', () => {
    // A copy of the project's test setup in a folder whose parent holds no "shared".
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-no-shared-'));
    const project = path.join(parent, 'project');
    try {
      for (const rel of ['vitest.shared.config.ts', '__tests__/shared/require-shared.ts', '__tests__/helpers/shared.ts', 'package.json']) {
        fs.mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, rel), path.join(project, rel));
      }
      fs.writeFileSync(path.join(project, '__tests__/shared/any.test.ts'), "import { it } from 'vitest';\nit('runs', () => {});\n");
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.shared.config.ts'], {
        cwd: project,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CI: '1' },
        timeout: 120_000,
      });
      expect(r.status).not.toBe(0);
      const out = `${r.stdout}\n${r.stderr}`;
      expect(out).toContain(`npm run test:shared needs the shared test data beside the project, at ${path.join(parent, 'shared')}`);
      expect(out).toContain('`npm test`, which needs nothing beside the project');
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
