import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneFixture, init, readJson } from './helpers.js';

describe('init never overwrites without --force', () => {
  it('refuses when beian.config.json exists, naming it, and writes nothing', async () => {
    const dir = cloneFixture('hexo');
    const mine = '{ "root": "public", "icp": "浙ICP备2022012345号-1", "siteName": "我的站" }\n';
    fs.writeFileSync(path.join(dir, 'beian.config.json'), mine);
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^beian-guard: beian\.config\.json 已存在.*--force\n$/);
    expect(fs.readFileSync(path.join(dir, 'beian.config.json'), 'utf8')).toBe(mine);
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('refuses when only the workflow exists, and leaves the config unwritten too', async () => {
    const dir = cloneFixture('vitepress');
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.github/workflows/beian.yml'), 'name: mine\n');
    const run = await init(dir, ['--yes', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.github/workflows/beian.yml already exists');
    expect(fs.existsSync(path.join(dir, 'beian.config.json'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.github/workflows/beian.yml'), 'utf8')).toBe('name: mine\n');
  });

  it('refuses when another config name check would read is present', async () => {
    const dir = cloneFixture('hugo');
    fs.writeFileSync(path.join(dir, '.beianrc.yaml'), 'root: public\n');
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.beianrc.yaml');
    expect(fs.existsSync(path.join(dir, 'beian.config.json'))).toBe(false);
  });

  it('names the file relative to where the command ran when --dir points elsewhere', async () => {
    const parent = cloneFixture('jekyll');
    await init(parent, ['--yes']);
    const run = await init(path.dirname(parent), ['--dir', path.basename(parent), '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path.basename(parent)}/beian.config.json`);
  });

  it('overwrites both files with --force', async () => {
    const dir = cloneFixture('hexo');
    fs.writeFileSync(path.join(dir, 'beian.config.json'), '{}\n');
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.github/workflows/beian.yml'), 'name: old\n');
    const run = await init(dir, ['--yes', '--force']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe('浙ICP备2022012345号-1');
    expect(fs.readFileSync(path.join(dir, '.github/workflows/beian.yml'), 'utf8')).toContain('name: beian');
  });
});
