/**
 * Sharded checks in this process (the CLI from the sources, checks in this thread, source mapping
 * as the built CLI does it): one whole run, then N shard runs and a merge, each writing its JSON
 * and stylish reports to real files, so tests compare the bytes a user would compare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli, type CliIO } from '../../src/cli/main.js';
import { attachSourceLocations } from '../../src/sourcemap/index.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `beian-guard …` in `cwd`, with the environment given (nothing of this process's). */
export async function runIn(cwd: string, argv: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    env: { NO_COLOR: '1', ...env },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await runCli(argv, io, {
    afterRun: async (report, config, _args, runIo) => {
      if (config.sources.enabled && report.findings.length > 0) await attachSourceLocations(report, config, runIo.cwd);
    },
  });
  return { code, stdout, stderr };
}

export interface Comparison {
  readonly whole: { readonly code: number; readonly json: string; readonly stylish: string };
  readonly merged: { readonly code: number; readonly json: string; readonly stylish: string };
  /** Each shard's JSON report, parsed. */
  readonly shards: readonly { readonly summary: { pages: number }; readonly findings: readonly { file: string }[] }[];
}

/**
 * `check ARGS` once whole and once in `n` shards merged by `merge MERGE_ARGS`, in `cwd`; the
 * reports go to `out/` (cleared first).
 */
export async function wholeAndMerged(cwd: string, args: readonly string[], n: number, mergeArgs: readonly string[] = []): Promise<Comparison> {
  const out = path.join(cwd, 'out');
  fs.rmSync(out, { recursive: true, force: true });
  const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');
  const whole = await runIn(cwd, ['check', ...args, '-f', 'json=out/whole.json', '-f', 'stylish=out/whole.txt']);
  if (whole.code === 2) throw new Error(`the whole run failed: ${whole.stderr}`);
  const files: string[] = [];
  for (let k = 1; k <= n; k++) {
    const shard = await runIn(cwd, ['check', ...args, '--shard', `${k}/${n}`, '-f', `json=out/shard-${k}.json`]);
    if (shard.code === 2) throw new Error(`shard ${k}/${n} failed: ${shard.stderr}`);
    files.push(`out/shard-${k}.json`);
  }
  // Given in reverse: merge puts the shards in their order itself.
  const merged = await runIn(cwd, ['merge', ...[...files].reverse(), ...mergeArgs, '-f', 'json=out/merged.json', '-f', 'stylish=out/merged.txt']);
  if (merged.code === 2) throw new Error(`merge failed: ${merged.stderr}`);
  return {
    whole: { code: whole.code, json: read('whole.json'), stylish: read('whole.txt') },
    merged: { code: merged.code, json: read('merged.json'), stylish: read('merged.txt') },
    shards: files.map((f) => JSON.parse(fs.readFileSync(path.join(cwd, f), 'utf8'))),
  };
}
