/**
 * The package as a user gets it: `npm pack`, then an offline install of the tarball into a new
 * project, then `npx beian-guard check` on a real site. No network: the package has no
 * dependencies, so npm needs nothing but the tarball (a fresh, empty cache proves it).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_URL } from '../../src/reporters/docs-url.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };
let work: string;
let tarball: string;

function run(command: string, args: string[], cwd: string, extra: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    // A clean npm: an empty cache of its own, offline, no audit or funding calls, no user config.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: work,
      npm_config_cache: path.join(work, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_userconfig: path.join(work, 'npmrc'),
    },
    ...extra,
  });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/ is missing: run "npm run bundle" first');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-pack-'));
  fs.writeFileSync(path.join(work, 'npmrc'), '');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string }[];
  tarball = path.join(work, info!.filename);
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A new project with the tarball installed by npm with `flags`. */
function install(name: string, flags: string[]): { dir: string; code: number | null; stderr: string } {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
  const r = run('npm', ['install', '--save-dev', ...flags, tarball], dir);
  return { dir, code: r.code, stderr: r.stderr };
}

describe('the packed package', () => {
  it('declares no runtime dependency and carries its licence and metadata', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    // The placeholder repository lives in one place in code; package.json must agree with it.
    const repo = PROJECT_URL.replace(/^https:\/\/github\.com\//, '');
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${PROJECT_URL}.git` });
    expect(pkg.homepage).toBe(`${PROJECT_URL}#readme`);
    expect(pkg.bugs).toEqual({ url: `${PROJECT_URL}/issues` });
    expect(repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect((pkg.keywords as string[]).length).toBeGreaterThan(3);
  });

  it('installs offline as exactly one package, with --engine-strict on this Node', () => {
    const r = install('site-strict', ['--engine-strict']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/EBADENGINE|notsup/i);
    const installed = fs.readdirSync(path.join(r.dir, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed).toEqual(['beian-guard']);
    const lock = JSON.parse(fs.readFileSync(path.join(r.dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((k) => k !== '')).toEqual(['node_modules/beian-guard']);
    expect(fs.existsSync(path.join(r.dir, 'node_modules/beian-guard/LICENSE'))).toBe(true);
  });

  it('runs `npx beian-guard check` on a site, and --version without loading the engine', () => {
    const { dir, code, stderr } = install('site-run', []);
    expect(code, stderr).toBe(0);
    fs.cpSync(path.join(ROOT, 'fixtures/sites/blog-post-ad'), path.join(dir, 'site'), { recursive: true });
    const version = run('npx', ['beian-guard', '--version'], dir);
    expect(version.stdout.trim()).toBe(pkg.version);
    const pass = run('npx', ['beian-guard', 'check', '--content-scope', 'entry', '--no-source-map'], path.join(dir, 'site'));
    expect(pass.stderr).toBe('');
    expect(pass.stdout).toContain('✔ 1 个页面，未发现问题');
    expect(pass.code).toBe(0);
    const fail = run('npx', ['beian-guard', 'check', '--format', 'json', '--no-source-map'], path.join(dir, 'site'));
    expect(fail.code).toBe(1);
    expect((JSON.parse(fail.stdout) as { summary: { errors: number } }).summary.errors).toBeGreaterThan(0);
  });
});
