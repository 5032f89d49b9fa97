// npm run bench:shards [-- --runs N] [--pages N] [--shards 1,2,4]
//
// What sharding a check across a CI matrix buys (issue 20). Over the synthetic site (5,000 pages
// from ../shared/corpus/gen-corpus.mjs, seed 1, generated once into .bench/corpus/), with the
// default rules (footer rules on entry pages, content rules on every page), it times with the
// built CLI, one process after another on this machine:
//   the unsharded check · for each N, every shard K/N · merging the N shard reports.
// For each N it prints each shard's median wall time, the slowest shard's median (what the
// matrix waits for), its ratio to the unsharded run, the ideal 1/N, and the merge's median.
// Runs are interleaved (run 1 of every row, then run 2, ...) so load from other processes spreads
// over all rows. Wall time includes Node's start-up, as a CI job sees it. Results also go to
// .bench/shards.json. Needs a built dist/ (`npm run bundle`); nothing here is asserted in tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { synthetic } from './bench/corpora.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, '.bench');
// A copy of dist/ taken at the start, so a rebuild during the bench cannot mix builds.
const DIST_COPY = path.join(BENCH_DIR, 'dist-shards');
const OUT = path.join(BENCH_DIR, 'shards');
const FLAGS = ['--icp', '京ICP备2023012345号-1', '--police', '京公网安备11010502030143号', '--site-name', '示例技术笔记', '--no-source-map', '--quiet'];

function fail(message) {
  console.error(`bench:shards: ${message}`);
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({ options: { runs: { type: 'string' }, pages: { type: 'string' }, shards: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    fail(e.message);
  }
  if (values.help) {
    console.log('npm run bench:shards [-- --runs N] [--pages N] [--shards 1,2,4]');
    process.exit(0);
  }
  const runs = Number(values.runs ?? 3);
  const pages = Number(values.pages ?? 5000);
  const shards = (values.shards ?? '1,2,4').split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1) fail('--runs takes a whole number above 0');
  if (!Number.isInteger(pages) || pages < 1) fail('--pages takes a whole number above 0');
  if (shards.some((n) => !Number.isInteger(n) || n < 1 || n > 64)) fail('--shards takes whole numbers 1..64, comma-separated');
  return { runs, pages, shards };
}

/** Runs the CLI once from ROOT; returns its wall time in ms. Exit 0 or 1 are results, anything else is a failure. */
function timed(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(DIST_COPY, 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) fail(`beian-guard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

function main() {
  const { runs, pages, shards } = options();
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) fail('dist/cli.js is missing: run `npm run bundle` first');
  fs.rmSync(DIST_COPY, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'dist'), DIST_COPY, { recursive: true });
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const site = path.relative(ROOT, synthetic(ROOT, pages));
  const report = (n, k) => path.relative(ROOT, path.join(OUT, `n${n}-k${k}.json`));

  // Rows: the whole run, every shard of every N, the merge of every N (after its shards in each round).
  const rows = [{ id: 'whole', args: ['check', site, ...FLAGS, '--format', `json=${path.relative(ROOT, path.join(OUT, 'whole.json'))}`] }];
  for (const n of shards) {
    for (let k = 1; k <= n; k++) rows.push({ id: `shard ${k}/${n}`, n, args: ['check', site, ...FLAGS, '--shard', `${k}/${n}`, '--format', `json=${report(n, k)}`] });
    const files = Array.from({ length: n }, (_, i) => report(n, i + 1));
    rows.push({ id: `merge ${n}`, n, merge: true, args: ['merge', ...files, '--quiet', '--format', `json=${path.relative(ROOT, path.join(OUT, `merged-${n}.json`))}`] });
  }
  const times = new Map(rows.map((r) => [r.id, []]));
  console.log(`bench:shards: ${pages} pages (${site}), ${runs} runs per row, shards ${shards.join(', ')}; this machine has other work on it, so the figures are noisy`);
  for (let run = 1; run <= runs; run++) {
    for (const row of rows) times.get(row.id).push(timed(row.args));
    process.stdout.write(`  run ${run}/${runs} done\n`);
  }
  // A check that is not the whole one would make every figure meaningless.
  const whole = fs.readFileSync(path.join(OUT, 'whole.json'), 'utf8');
  for (const n of shards) if (fs.readFileSync(path.join(OUT, `merged-${n}.json`), 'utf8') !== whole) fail(`the merged report of ${n} shards differs from the unsharded one`);

  const wholeMs = median(times.get('whole'));
  const results = { pages, runs, wholeMs, shards: [] };
  console.log(`\nunsharded check: median ${fmt(wholeMs)} (min–max ${fmt(Math.min(...times.get('whole')))}–${fmt(Math.max(...times.get('whole')))})`);
  console.log('\n  N  shard medians (s)                 slowest   slowest/whole  ideal 1/N  merge');
  for (const n of shards) {
    const per = Array.from({ length: n }, (_, i) => median(times.get(`shard ${i + 1}/${n}`)));
    const slowest = Math.max(...per);
    const mergeMs = median(times.get(`merge ${n}`));
    results.shards.push({ n, shardMs: per, slowestMs: slowest, ratio: slowest / wholeMs, mergeMs });
    const list = per.map((ms) => (ms / 1000).toFixed(2)).join(' ');
    console.log(`  ${String(n).padStart(1)}  ${list.padEnd(34)}${fmt(slowest).padStart(8)}  ${(slowest / wholeMs).toFixed(2).padStart(13)}  ${(1 / n).toFixed(2).padStart(9)}  ${fmt(mergeMs).padStart(6)}`);
  }
  console.log('\nEach shard also pays the fixed start-up (Node, the bundle, the folder walk over every file), so slowest/whole stays above 1/N.');
  fs.writeFileSync(path.join(BENCH_DIR, 'shards.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main();
