/**
 * `beian-guard live` as users run it: exit codes (0 passed, 1 findings at fail-on, 2 usage or
 * config, never 2 for the network), every format, --output, and the same config driving check.
 * In process through the bundle's entry (src/bundle.ts), and once as the built dist/cli.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli as cli } from '../../src/cli/main.js';
import { startWorld, GOOD_PAGE, type WorldSpec } from './world.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GUARD = pathToFileURL(path.join(ROOT, '__tests__/setup/network-guard.mjs')).href;

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(argv, { cwd, env: { NO_COLOR: '1' }, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

async function withWorld<T>(spec: WorldSpec, body: (dir: string) => Promise<T>): Promise<T> {
  const world = await startWorld(spec);
  try {
    return await body(world.dir);
  } finally {
    await world.close();
  }
}

const BROKEN: WorldSpec = { dns: { 'www.example.cn': { A: ['198.51.100.9'] } }, certs: { 'example.cn': 'expiring' } };

describe('exit codes', () => {
  it('0 when the deployed site passes', async () => {
    await withWorld({}, async (dir) => {
      const r = await run(['live'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/✔/);
    });
  });

  it('1 for findings at fail-on; --fail-on never reports without failing; warnings fail with --fail-on warning', async () => {
    await withWorld(BROKEN, async (dir) => {
      expect((await run(['live'], dir)).code).toBe(1);
      expect((await run(['live', '--fail-on', 'never'], dir)).code).toBe(0);
    });
    await withWorld({ certs: { 'example.cn': 'expiring' } }, async (dir) => {
      expect((await run(['live'], dir)).code).toBe(0);
      expect((await run(['live', '--fail-on', 'warning'], dir)).code).toBe(1);
    });
  });

  it('network failures are findings, never exit 2', async () => {
    await withWorld({ dnsSilent: true, live: { timeoutMs: 200 }, connect: { 'example.cn:443': 'refused', 'example.cn:80': 'refused', 'www.example.cn:443': 'silent', 'www.example.cn:80': 'silent' }, whois: { 'example.cn': { silent: true } } }, async (dir) => {
      const r = await run(['live', '--format', 'json'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const ids = new Set((JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId));
      expect([...ids].sort()).toEqual(['live-skipped', 'live-unreachable']);
    });
  });

  it('2 when no site has domains, with a message that says what to add', async () => {
    await withWorld({}, async (dir) => {
      const file = path.join(dir, 'beian.config.json');
      const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { sites: Record<string, unknown>[] };
      delete config.sites[0]!.domains;
      fs.writeFileSync(file, JSON.stringify(config));
      const r = await run(['live', '--lang', 'en'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/live needs the filed domains: add "domains"/);
    });
  });

  it('2 for usage and config errors: no config file, a bad domain, a bad address, a bad flag', async () => {
    const empty = fs.mkdtempSync(path.join(ROOT, 'node_modules/.cache-bg-live-'));
    try {
      const none = await run(['live', '--lang', 'en'], empty);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/live needs a config file/);
      const write = (site: Record<string, unknown>) => fs.writeFileSync(path.join(empty, 'beian.config.json'), JSON.stringify({ root: 'public', icp: '京ICP备2023012345号-1', siteName: '示例', ...site }));
      write({ domains: ['-bad-.cn'] });
      expect(await run(['live', '--lang', 'en'], empty)).toMatchObject({ code: 2, stderr: expect.stringMatching(/domains\[0\]: "-bad-\.cn" is not a domain/) });
      write({ domains: ['example.cn'], ips: ['203.0.113.300'] });
      expect(await run(['live', '--lang', 'en'], empty)).toMatchObject({ code: 2, stderr: expect.stringMatching(/ips\[0\]: "203\.0\.113\.300" is not an address/) });
      write({ domains: ['example.cn'], live: { schemes: ['ftp'] } });
      expect((await run(['live'], empty)).code).toBe(2);
      write({ domains: ['example.cn'], live: { timeoutMs: 1000, network: { caFile: 'missing.pem' } } });
      expect(await run(['live', '--lang', 'en'], empty)).toMatchObject({ code: 2, stderr: expect.stringMatching(/live\.network\.caFile: cannot read missing\.pem/) });
      expect((await run(['live', '--nope'], empty)).code).toBe(2);
      expect((await run(['live', 'public'], empty)).code).toBe(2);
      expect((await run(['live', '--format', 'xml'], empty)).code).toBe(2);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('--help prints the live options', async () => {
    const r = await run(['live', '--help', '--lang', 'en'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/beian-guard live \[options\]/);
  });
});

describe('formats', () => {
  it('json keeps the finding shape; file is a URL or a domain:/dns:/tls: name at 1:1', async () => {
    await withWorld(BROKEN, async (dir) => {
      const r = await run(['live', '-f', 'json', '--lang', 'en'], dir);
      const body = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
      const byRule = Object.fromEntries(body.findings.map((f) => [f.ruleId, f]));
      expect(byRule['ip-mismatch']).toMatchObject({ file: 'dns:www.example.cn', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', page: 'dns:www.example.cn', entry: true });
      expect(byRule['tls-certificate']).toMatchObject({ file: 'tls:example.cn', severity: 'warning', messageId: 'expiring' });
      expect(Object.keys(byRule['ip-mismatch']!)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fix', 'evidence', 'fingerprint', 'messageId', 'page', 'entry']);
    });
  });

  it('stylish groups findings by URL or name', async () => {
    await withWorld({ ...BROKEN, web: { 'https://example.cn/': { body: '<!doctype html><title>x</title><p>no footer</p>' } } }, async (dir) => {
      const r = await run(['live', '--lang', 'en'], dir);
      const headers = r.stdout.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('✖'));
      expect(headers).toEqual(['dns:www.example.cn', 'https://example.cn/', 'tls:example.cn']);
      expect(r.stdout).toMatch(/✖ 4 pages: \d+ errors?, 1 warning/);
    });
  });

  it('sarif names URLs and names as artifact URIs, and --output writes the file with a one-line summary on stdout', async () => {
    await withWorld(BROKEN, async (dir) => {
      const r = await run(['live', '-f', 'sarif', '-o', 'out/live.sarif'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^✖ .*out\/live\.sarif.*\n$/);
      const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out/live.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
      const uris = sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation);
      expect(uris).toContainEqual({ uri: 'dns:www.example.cn' });
      expect(uris).toContainEqual({ uri: 'tls:example.cn' });
      // Valid against the OASIS SARIF 2.1.0 schema (as the reporter tests load it).
      const file = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
      const { $schema: _draft, id, ...schema } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats.default(ajv);
      const validate = ajv.compile({ ...schema, $id: String(id) });
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    });
  });
});

describe('one config for both commands', () => {
  it('check reads the same file (domains, ips, live) and checks the built folder', async () => {
    await withWorld({}, async (dir) => {
      fs.mkdirSync(path.join(dir, 'public'));
      fs.writeFileSync(path.join(dir, 'public/index.html'), GOOD_PAGE);
      const r = await run(['check', '--no-source-map'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  });
});

describe('the built CLI (dist/cli.js)', () => {
  it('runs live against stand-ins, under the network guard, and exits 1 on findings', async () => {
    const bin = path.join(ROOT, 'dist/cli.js');
    if (!fs.existsSync(bin)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
    await withWorld(BROKEN, async (dir) => {
      const out = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        // spawnSync would block this process, and with it the stand-in servers the CLI talks to.
        import('node:child_process').then(({ spawn }) => {
          const child = spawn(process.execPath, ['--import', GUARD, bin, 'live', '-c', 'beian.config.json', '-f', 'json'], { cwd: dir, env: { PATH: process.env.PATH ?? '', BEIAN_GUARD_NETWORK_GUARD_LOG: '1' } });
          let stdout = '';
          let stderr = '';
          child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
          child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
          child.on('close', (status) => resolve({ status, stdout, stderr }));
        });
      });
      expect(out.stderr).not.toContain('network guard');
      expect(out.status).toBe(1);
      const ids = (JSON.parse(out.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
      expect(ids).toEqual(expect.arrayContaining(['ip-mismatch', 'tls-certificate']));
    });
  });
});

