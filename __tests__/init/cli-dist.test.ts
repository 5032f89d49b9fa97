/** The built command runs init the way users call it: `npx beian-guard init`. Needs `npm run bundle`. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneFixture, readJson } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

function cli(cwd: string, args: string[]) {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('beian-guard init from dist/cli.js', () => {
  it('writes the files, then refuses to overwrite them with exit code 2', () => {
    const dir = cloneFixture('vitepress');
    const first = cli(dir, ['init']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json')).root).toBe('docs/.vitepress/dist');
    expect(fs.existsSync(path.join(dir, '.github/workflows/beian.yml'))).toBe(true);

    const second = cli(dir, ['init', '--lang', 'en']);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe('beian-guard: beian.config.json already exists and nothing was changed; pass --force to overwrite it\n');
  });

  it('prints its own help, in the chosen language', () => {
    const zh = cli(cloneFixture('hexo'), ['init', '--help']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('beian-guard init [选项]');
    const en = cli(cloneFixture('hexo'), ['init', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('beian-guard init [options]');
    expect(en.stdout).toContain('--ci github|gitlab|gitee|jenkins|none');
  });
});
