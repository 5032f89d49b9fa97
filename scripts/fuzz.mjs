// npm run fuzz [-- --runs N --seed S --jobs J --max-ms M]
//
// Feeds random and damaged HTML and bytes through the built bundle (dist/action/index.js: decode,
// page model, every rule, the JSON and SARIF reporters) and checks on every case: no throw, every
// finding inside the file, byte-identical output on a second run, and no case slower than
// --max-ms (a hang detector, not a speed claim). The properties live in
// __tests__/fuzz/harness.mjs, shared with the fixed-seed run in the test suite.
//
// Why the bundle: it is what ships, and plain Node can load it without a TypeScript runner.
// Run `npm run bundle` first after changing src/. Cases are split over J child processes
// (default: one per core), each with its own seed S + i, so a failure names the seed to rerun.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist/action/index.js');

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '100000' },
      seed: { type: 'string' },
      jobs: { type: 'string', default: String(Math.max(1, Math.min(8, os.availableParallelism()))) },
      'max-ms': { type: 'string', default: '10000' },
      child: { type: 'string' },
    },
    strict: true,
  });
  const int = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) {
      console.error(`fuzz: --${name} must be a whole number ≥ ${min}, got "${v}"`);
      process.exit(2);
    }
    return n;
  };
  return {
    runs: int('runs', values.runs, 1),
    seed: values.seed === undefined ? Date.now() % 2 ** 31 : int('seed', values.seed, 0),
    jobs: int('jobs', values.jobs, 1),
    maxMs: int('max-ms', values['max-ms'], 1),
    child: values.child !== undefined,
  };
}

async function child(opts) {
  const [{ default: fc }, harness, api] = await Promise.all([
    import('fast-check'),
    import(pathToFileURL(path.join(ROOT, '__tests__/fuzz/harness.mjs')).href),
    import(pathToFileURL(BUNDLE).href),
  ]);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-fuzz-'));
  try {
    const fuzzer = harness.createFuzzer(api, { tmpDir, seeds: harness.readSeeds(ROOT) });
    let done = 0;
    let slowest = 0;
    let lastReport = performance.now();
    const property = fc.asyncProperty(fuzzer.caseArb, async (c) => {
      const ms = await fuzzer.runCase(c);
      if (ms > opts.maxMs) throw new Error(`one case took ${ms.toFixed(0)} ms (over --max-ms ${opts.maxMs})`);
      slowest = Math.max(slowest, ms);
      done++;
      if (performance.now() - lastReport > 2000) {
        process.send({ type: 'progress', done, slowest });
        lastReport = performance.now();
      }
    });
    const details = await fc.check(property, { seed: opts.seed, numRuns: opts.runs });
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.stack ?? details.errorInstance.message : String(details.errorInstance);
      process.send({ type: 'failed', report: `${fc.defaultReportMessage(details) ?? 'failed'}\n${error}`, seed: opts.seed });
    } else {
      process.send({ type: 'done', done, slowest });
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

async function parent(opts) {
  if (!fs.existsSync(BUNDLE)) {
    console.error('fuzz: dist/action/index.js is missing; run `npm run bundle` first');
    process.exit(2);
  }
  const jobs = Math.min(opts.jobs, opts.runs);
  const started = performance.now();
  console.log(`fuzz: ${opts.runs} cases over ${jobs} processes, seeds ${opts.seed}…${opts.seed + jobs - 1}, --max-ms ${opts.maxMs}`);
  const done = new Array(jobs).fill(0);
  let slowest = 0;
  let lastPrint = 0;
  const print = (force = false) => {
    const total = done.reduce((a, b) => a + b, 0);
    const now = performance.now();
    if (!force && now - lastPrint < 5000) return;
    lastPrint = now;
    console.log(`fuzz: ${total}/${opts.runs} cases (${((100 * total) / opts.runs).toFixed(0)} %), ${((now - started) / 1000).toFixed(0)} s, slowest case ${slowest.toFixed(0)} ms`);
  };
  const failures = [];
  await Promise.all(
    Array.from({ length: jobs }, (_, i) => {
      const runs = Math.floor(opts.runs / jobs) + (i < opts.runs % jobs ? 1 : 0);
      const seed = opts.seed + i;
      return new Promise((resolve) => {
        const p = fork(fileURLToPath(import.meta.url), ['--child', '1', '--runs', String(runs), '--seed', String(seed), '--max-ms', String(opts.maxMs)], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        let finished = false;
        p.on('message', (m) => {
          if (m.type === 'progress' || m.type === 'done') {
            done[i] = m.done;
            slowest = Math.max(slowest, m.slowest);
            print();
          }
          if (m.type === 'done') finished = true;
          if (m.type === 'failed') {
            finished = true;
            failures.push(`seed ${m.seed} (rerun: npm run fuzz -- --jobs 1 --seed ${m.seed} --runs ${runs}):\n${m.report}`);
          }
        });
        p.on('exit', (code, signal) => {
          if (!finished) failures.push(`seed ${seed}: the fuzzing process ended without a result (exit ${code ?? signal}), a crash or out of memory`);
          resolve();
        });
      });
    }),
  );
  print(true);
  const total = done.reduce((a, b) => a + b, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (failures.length > 0) {
    for (const f of failures) console.error(`\n${f}`);
    console.error(`\nfuzz: FAILED after ${total} passing cases in ${seconds} s`);
    process.exit(1);
  }
  console.log(`fuzz: ${total} cases passed, 0 failed (seed ${opts.seed}, ${jobs} processes) in ${seconds} s; slowest case ${slowest.toFixed(0)} ms`);
}

const opts = options();
if (opts.child) await child(opts);
else await parent(opts);
