/**
 * What `init --live` writes, run the way users run it: init from the built CLI, then `live` from
 * the built CLI against stand-ins of the deployed site on 127.0.0.1 (__tests__/live/world.ts),
 * under the network guard. The stand-ins serve the repository's own built homepage, so a pass
 * means the written domains and hosts are the ones the site is served on, and `check` still
 * accepts the same config. Needs `npm run bundle`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILED_IP, startWorld, type WorldSpec } from '../live/world.js';
import type { WebRoute } from '../live/standins.js';
import { cloneFixture, FIXTURES, readJson } from './helpers.js';

const ROOT = path.resolve(FIXTURES, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const GUARD = pathToFileURL(path.join(ROOT, '__tests__/setup/network-guard.mjs')).href;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function bundled(): string {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
  return CLI;
}

function cliSync(cwd: string, args: string[]): Run {
  const r = spawnSync(process.execPath, [bundled(), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asynchronous, so this process keeps serving the stand-ins the CLI talks to. */
function cliLive(cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', GUARD, bundled(), 'live', '--format', 'json'], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface Served {
  readonly fixture: string;
  /** Host names the stand-ins serve; the bare domain and www are always there. */
  readonly extraHosts?: readonly string[];
  /** What each URL serves, by host: the fixture's homepage unless said otherwise. */
  readonly pages?: Readonly<Record<string, string>>;
}

/**
 * init --yes --live in a clone of the fixture, then live against a world serving the fixture's
 * built homepage on every host. The written config is used as it is, plus `live.network` and the
 * short test time limits that point it at the stand-ins.
 */
async function initThenLive(s: Served): Promise<{ init: Run; live: Run; config: Record<string, unknown>; requested: string[]; check: Run }> {
  const dir = cloneFixture(s.fixture);
  const init = cliSync(dir, ['init', '--yes', '--live']);
  const config = readJson(path.join(dir, 'beian.config.json'));
  const home = fs.readFileSync(path.join(dir, String(config.root), 'index.html'), 'utf8');
  const hosts = ['example.cn', 'www.example.cn', ...(s.extraHosts ?? [])];
  const web: Record<string, WebRoute> = {};
  for (const h of hosts) for (const scheme of ['https', 'http']) web[`${scheme}://${h}/`] = { body: s.pages?.[h] ?? home };
  const extra = s.extraHosts ?? [];
  const spec: WorldSpec = {
    domains: ['example.cn'],
    web,
    dns: Object.fromEntries(extra.map((h) => [h, { A: [FILED_IP] }])),
    certs: Object.fromEntries(extra.map((h) => [h, 'valid' as const])),
  };
  const world = await startWorld(spec);
  try {
    const run = world.config.live as { network: { connect: Record<string, string> } };
    for (const h of extra) {
      run.network.connect[`${h}:443`] = run.network.connect['example.cn:443']!;
      run.network.connect[`${h}:80`] = run.network.connect['example.cn:80']!;
    }
    const merged = { ...config, live: { ...(config.live as object | undefined), ...run } };
    fs.writeFileSync(path.join(world.dir, 'beian.config.json'), JSON.stringify(merged, null, 2));
    const live = await cliLive(world.dir);
    const check = cliSync(dir, ['check', '--config', 'beian.config.json']);
    return { init, live, config, requested: [...new Set(world.web.requests.map((r) => r.url))].sort(), check };
  } finally {
    await world.close();
  }
}

function ruleIds(run: Run): string[] {
  return (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }).findings.map((f) => `${f.ruleId} ${f.file}`);
}

describe('init --live, then live from dist/cli.js against stand-ins', () => {
  it('a site on its bare domain (Hexo url https://example.cn): both hosts checked, passes, and check still passes', async () => {
    const r = await initThenLive({ fixture: 'hexo-next' });
    expect(r.init.stderr).toBe('');
    expect(r.init.status).toBe(0);
    expect(r.config.domains).toEqual(['example.cn']);
    expect(r.live.stderr).toBe('');
    expect(ruleIds(r.live)).toEqual([]);
    expect(r.live.status).toBe(0);
    expect(r.requested).toEqual(['http://example.cn/', 'http://www.example.cn/', 'https://example.cn/', 'https://www.example.cn/']);
    expect(r.check.stdout + r.check.stderr).not.toContain('beian-guard:');
    expect(r.check.status).toBe(0);
  });

  it('a site on a subdomain (Hugo baseURL https://notes.example.cn/): only that host is fetched, and passes', async () => {
    const r = await initThenLive({ fixture: 'hugo-papermod', extraHosts: ['notes.example.cn'] });
    expect(r.config).toMatchObject({ domains: ['example.cn'], live: { hosts: ['notes'] } });
    expect(r.live.stderr).toBe('');
    expect(ruleIds(r.live)).toEqual([]);
    expect(r.live.status).toBe(0);
    expect(r.requested).toEqual(['http://notes.example.cn/', 'https://notes.example.cn/']);
    expect(r.check.status).toBe(0);
  });

  it('the same config fails when the subdomain serves a page without the filing line', async () => {
    const bare = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>北窗札记</title></head><body><main><p>文章</p></main></body></html>';
    const r = await initThenLive({ fixture: 'hugo-papermod', extraHosts: ['notes.example.cn'], pages: { 'notes.example.cn': bare } });
    expect(r.live.status).toBe(1);
    expect(ruleIds(r.live)).toEqual(expect.arrayContaining(['icp-present https://notes.example.cn/', 'icp-present http://notes.example.cn/']));
  });
});

describe('the bundle', () => {
  it('keeps the Public Suffix List in the init bundle, out of the code check and --version load', () => {
    bundled();
    const holds = (bundle: string) => fs.readFileSync(path.join(ROOT, 'dist', bundle, 'index.js'), 'utf8').includes('blogspot');
    expect(holds('init')).toBe(true);
    for (const bundle of ['lib', 'check', 'worker']) expect(holds(bundle), bundle).toBe(false);
  });
});
