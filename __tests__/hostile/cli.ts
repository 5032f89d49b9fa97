/** Runs the built CLI (dist/cli.js) as a child process, the way a workflow step does. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** BEIAN_GUARD_DIST_DIR points the tests at another build of dist/, as for the action tests. */
export const CLI = path.join(process.env.BEIAN_GUARD_DIST_DIR ? path.resolve(process.env.BEIAN_GUARD_DIST_DIR) : path.join(ROOT, 'dist'), 'cli.js');
export const FIXTURES = path.join(ROOT, 'fixtures');
export const ICP = '京ICP备2023012345号-1';
export const SITE_NAME = '示例站点';
/** The flags of a typical run; --no-source-map keeps the source mapper out of these tests. */
export const FLAGS = ['--icp', ICP, '--site-name', SITE_NAME, '--no-source-map', '--lang', 'en'];

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface JsonFinding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly severity: string;
  readonly file: string;
  readonly page: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly evidence: string;
}

export function requireBundle(): void {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run bundle` before these tests');
}

/**
 * A generous time limit is only a safety net: a hung child fails the test with a clear reason
 * instead of stalling the suite. It is not a speed claim.
 */
export function cli(args: readonly string[], cwd: string, extra: SpawnSyncOptions = {}, nodeArgs: readonly string[] = [], script = CLI): Run {
  requireBundle();
  const r = spawnSync(process.execPath, [...nodeArgs, script, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    ...extra,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** `check <dir> --format json` with the usual flags, the report parsed. */
export function checkJson(dir: string, cwd: string, more: readonly string[] = []): Run & { findings: JsonFinding[] } {
  const run = cli(['check', dir, ...FLAGS, '--format', 'json', ...more], cwd);
  const findings = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings : [];
  return { ...run, findings };
}

/** Never a stack trace and never our own "internal error": every row ends in a finding or a clear message. */
export function expectNoCrash(run: Run): void {
  const text = `${run.stdout}\n${run.stderr}`;
  if (/\n\s+at \S+ \(|internal error|Maximum call stack|heap out of memory|Error: /.test(text)) {
    throw new Error(`the CLI crashed or reported an internal error:\n${run.stderr.slice(0, 2000)}`);
  }
  if (run.code === null) throw new Error('the CLI was killed (hang or signal)');
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `beian-hostile-${prefix}-`));
}

export function write(file: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

export function fixture(rel: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, rel));
}

/** Rule id and message id of each finding, for compact assertions. */
export function ids(findings: readonly JsonFinding[]): string[] {
  return findings.map((f) => `${f.ruleId}/${f.messageId}`);
}
