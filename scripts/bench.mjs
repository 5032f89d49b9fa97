// npm run bench [-- --runs N] [--quick] [--corpus real-hexo,synthetic|none] [--no-peers] [--no-html-validate] [--startup-runs N]
//
// What checking every page costs, against what parsing every page costs (issue 6). For each
// corpus it runs, each as its own child process (so peak RSS is per row), in turn:
//   read every file · parse5 parse of every file, one thread (the floor) ·
//   beian-guard as configured by default (footer rules on entry pages, content rules on every page) ·
//   scope entry with content rules on entry pages too · scope all with the footer rules only ·
//   scope all with every rule · html-validate with one rule · htmlhint with one rule
// Then start-up (issue 11): `node -e 0`, `beian-guard --version` and a one-page `check`, many
// interleaved runs each, as ratios to the bare node start.
// and prints the median wall time of N runs with min–max, MB/s, pages/s, CPU time, peak RSS and the
// ratio to the parse5 floor of the same run. Rows are interleaved (run 1 of every row, then run 2,
// ...) so a burst of load from other processes spreads over all rows instead of skewing one.
// Results also go to .bench/results.json, and one line per bench run to .bench/history.jsonl.
//
// Corpora: the real Hexo blog, read in place from ../shared/corpus/real-hexo; the synthetic site
// from ../shared/corpus/gen-corpus.mjs with seed 1, generated once into .bench/corpus/ (5,000
// pages, and 1,000 pages where fixed costs weigh most and to show that memory does not grow with
// the page count). --quick: two runs, and the 1,000-page synthetic site only. --no-html-validate:
// leave out html-validate (about 10× the floor, most of the bench's time), keep htmlhint.
//
// Render mode's rows come last, from scripts/bench-render.mjs: 1 and 10 entry pages at both viewports,
// wall time and peak memory of the whole process tree, the browser included (needs Chrome or Chromium).
//
// Needs a built dist/ (`npm run bundle`). Timings are never asserted in tests: this is the place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, rssSource } from './bench/measure.mjs';
import { realHexo, SEED, synthetic } from './bench/corpora.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const HERE = path.join(ROOT, 'scripts', 'bench');
// The rows run a copy of dist/ taken at the start, so a rebuild during the bench cannot mix builds.
const DIST_COPY = path.join(BENCH_DIR, 'dist');
const CLI = path.join(DIST_COPY, 'cli.js');

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        'no-peers': { type: 'boolean', default: false },
        'no-html-validate': { type: 'boolean', default: false },
        'startup-runs': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    fail(e.message);
  }
  if (parsed.help) {
    console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).slice(0, 23).map((l) => l.slice(3)).join('\n'));
    process.exit(0);
  }
  const runs = parsed.runs === undefined ? (parsed.quick ? 2 : 5) : Number(parsed.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) fail(`--runs: "${parsed.runs}" is not a whole number from 1 to 50`);
  const known = ['real-hexo', 'synthetic'];
  const corpora = parsed.corpus === 'none' ? [] : parsed.corpus ? parsed.corpus.split(',').map((s) => s.trim()) : known;
  for (const c of corpora) if (!known.includes(c)) fail(`--corpus: "${c}" is not one of ${known.join(', ')}, or none`);
  const startupRuns = parsed['startup-runs'] === undefined ? (parsed.quick ? 11 : 31) : Number(parsed['startup-runs']);
  if (!Number.isInteger(startupRuns) || startupRuns < 1 || startupRuns > 200) fail(`--startup-runs: "${parsed['startup-runs']}" is not a whole number from 1 to 200`);
  return { runs, quick: parsed.quick, corpora, peers: !parsed['no-peers'], htmlValidate: !parsed['no-peers'] && !parsed['no-html-validate'], startupRuns };
}

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** Content rule ids registered in src/rules/index.ts: the footer-only rows turn exactly these off. */
function contentRuleIds() {
  const index = fs.readFileSync(path.join(ROOT, 'src', 'rules', 'index.ts'), 'utf8');
  return [...new Set([...index.matchAll(/from '\.\/(content-[a-z0-9-]+)\.js'/g)].map((m) => m[1]))];
}

/** A beian-guard config for one row: the corpus's site facts plus root, scope and rule settings. */
function writeConfig(name, factsFile, dir, variant, contentIds) {
  const { $comment: _why, ...facts } = JSON.parse(fs.readFileSync(path.join(HERE, factsFile), 'utf8'));
  const scopes = {
    // what a user gets without setting either: footer rules on entry pages, content rules everywhere
    default: {},
    entry: { scope: 'entry', contentScope: 'entry' },
    footer: { scope: 'all' },
    all: { scope: 'all' },
  };
  const config = {
    ...facts,
    root: dir,
    ...scopes[variant],
    // Source mapping looks for templates in the working directory's repository, which for these
    // corpora is this project: not a meaningful search. scripts/bench-sourcemap.mjs times it.
    sources: { enabled: false },
    ...(variant === 'footer' && { rules: Object.fromEntries(contentIds.map((id) => [id, 'off'])) }),
  };
  const file = path.join(BENCH_DIR, 'configs', `${name}-${variant}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

function rowsFor(corpus, opts, contentIds) {
  const floor = path.join(HERE, 'floor.mjs');
  const rows = [
    { id: 'read', label: 'read every file', args: [floor, 'read', corpus.dir], codes: [0] },
    { id: 'parse5', label: 'parse5 parse, 1 thread (floor)', args: [floor, 'parse5', corpus.dir], codes: [0] },
  ];
  // The small site: the two rows issue 18 sets targets for, and htmlhint to compare with.
  const variants = corpus.small ? ['default', 'all'] : ['default', 'entry', 'footer', 'all'];
  const labels = {
    default: 'beian-guard, default (content rules on every page)',
    entry: 'beian-guard, scope entry, contentScope entry',
    footer: 'beian-guard, scope all, footer rules',
    all: 'beian-guard, scope all, every rule',
  };
  for (const variant of variants) {
    const config = writeConfig(corpus.name, corpus.facts, corpus.dir, variant, contentIds);
    const report = path.join(BENCH_DIR, 'out', `${corpus.name}-${variant}.json`);
    rows.push({ id: variant, label: labels[variant], args: [CLI, 'check', '--config', config, '--format', 'json', '--output', report], codes: [0, 1], report, discardStdout: true });
  }
  if (opts.htmlValidate && !corpus.small) {
    rows.push({
      id: 'html-validate',
      label: `html-validate ${version('html-validate')}, 1 rule (no-dup-id)`,
      args: [path.join(ROOT, 'node_modules/html-validate/bin/html-validate.mjs'), '--config', path.join(HERE, 'html-validate.json'), '--formatter', 'text', corpus.dir],
      codes: [0, 1],
      discardStdout: true,
    });
  }
  if (opts.peers) {
    rows.push({
      id: 'htmlhint',
      label: `htmlhint ${version('htmlhint')}, 1 rule (title-require)`,
      args: [path.join(ROOT, 'node_modules/htmlhint/bin/htmlhint'), corpus.dir, '--rules', 'title-require', '--nocolor'],
      codes: [0, 1],
      discardStdout: true,
    });
  }
  return rows;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function runCorpus(corpus, opts, contentIds) {
  const rows = rowsFor(corpus, opts, contentIds);
  // One untimed read first, so the first timed row does not pay for a cold page cache.
  const warm = await measure(rows[0].args, { cwd: ROOT });
  const size = JSON.parse(warm.stdout);
  process.stderr.write(`${corpus.name}: ${size.pages} pages, ${(size.bytes / 1e6).toFixed(1)} MB; ${rows.length} rows × ${opts.runs} runs `);
  for (const row of rows) row.samples = [];
  for (let run = 0; run < opts.runs; run++) {
    for (const row of rows) {
      const r = await measure(row.args, { cwd: ROOT, discardStdout: row.discardStdout });
      if (!row.codes.includes(r.code)) {
        process.stderr.write('\n');
        fail(`${corpus.name} / ${row.label} exited with ${r.code}:\n${r.stderr.slice(-3000)}`);
      }
      row.samples.push({ wallMs: Math.round(r.wallMs), cpuMs: Math.round(r.cpuMs), maxRssKB: r.maxRssKB, peakPssKB: r.peakPssKB, load1: Number(os.loadavg()[0].toFixed(2)) });
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const floor = median(rows.find((r) => r.id === 'parse5').samples.map((s) => s.wallMs));
  for (const row of rows) {
    const walls = row.samples.map((s) => s.wallMs);
    row.wallMs = { median: median(walls), min: Math.min(...walls), max: Math.max(...walls), n: walls.length };
    row.cpuMs = median(row.samples.map((s) => s.cpuMs));
    row.peakRssMB = Math.max(...row.samples.map((s) => s.maxRssKB)) / 1024;
    row.peakPssMB = row.samples.some((s) => s.peakPssKB === null) ? null : Math.max(...row.samples.map((s) => s.peakPssKB)) / 1024;
    row.ratio = row.wallMs.median / floor;
    if (row.report) {
      const report = JSON.parse(fs.readFileSync(row.report, 'utf8'));
      row.findings = report.findings.length;
      row.pagesChecked = report.summary.pages;
    }
  }
  return { name: corpus.name, dir: path.relative(ROOT, corpus.dir) || '.', pages: size.pages, bytes: size.bytes, rows };
}

function table(result) {
  const head = ['row', 'wall s median (min–max, n)', 'CPU s', 'MB/s', 'pages/s', 'peak RSS MB', 'peak PSS MB', '× parse5', 'findings'];
  const lines = [];
  for (const c of result.corpora) {
    const mb = c.bytes / 1e6;
    lines.push('', `${c.name} (${c.dir}): ${c.pages.toLocaleString('en')} pages, ${mb.toFixed(1)} MB`);
    const body = c.rows.map((r) => {
      const w = r.wallMs;
      const s = w.median / 1000;
      return [
        r.label,
        `${s.toFixed(2)} (${(w.min / 1000).toFixed(2)}–${(w.max / 1000).toFixed(2)}, ${w.n})`,
        (r.cpuMs / 1000).toFixed(2),
        (mb / s).toFixed(1),
        Math.round(c.pages / s).toLocaleString('en'),
        r.peakRssMB.toFixed(0),
        r.peakPssMB === null ? '–' : r.peakPssMB.toFixed(0),
        `${r.ratio.toFixed(2)}×`,
        r.findings === undefined ? '' : r.findings.toLocaleString('en'),
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const fmt = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
    lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '));
    for (const b of body) lines.push(fmt(b));
  }
  return lines.join('\n');
}

/** The issues' targets, judged on this run's medians. Never asserted in tests: printed here. */
function targets(result, opts) {
  const corpus = (name) => result.corpora.find((c) => c.name === name);
  const row = (name, id) => corpus(name)?.rows.find((r) => r.id === id);
  const out = [];
  const judge = (what, ok, detail) => out.push({ target: what, met: ok, detail });
  const missing = opts.quick ? 'not measured (--quick)' : 'not measured';
  // Issue 18: every rule on every page, and the default run, as a share of the parse5 floor.
  for (const [name, allMax, defMax] of [['real-hexo', 0.6, 0.45], ['synthetic-5000', 0.6, 0.45], ['synthetic-1000', 1.0, null]]) {
    const all = row(name, 'all');
    judge(`${name}: scope all, every rule ≤ ${allMax.toFixed(2)}× parse5`, all ? all.ratio <= allMax : null, all ? `${all.ratio.toFixed(2)}×` : missing);
    if (defMax !== null) {
      const def = row(name, 'default');
      judge(`${name}: default run ≤ ${defMax.toFixed(2)}× parse5`, def ? def.ratio <= defMax : null, def ? `${def.ratio.toFixed(2)}×` : missing);
    }
  }
  for (const c of result.corpora) {
    const hint = row(c.name, 'htmlhint');
    const all = row(c.name, 'all');
    const def = row(c.name, 'default');
    if (!hint) {
      judge(`${c.name}: faster than htmlhint with one rule`, null, 'htmlhint not measured (--no-peers)');
      continue;
    }
    // htmlhint's wall time divided by ours: above 1 means we are faster.
    const by = (r) => (r ? `${(hint.wallMs.median / r.wallMs.median).toFixed(2)}×` : '–');
    const slowest = Math.max(...[all, def].filter(Boolean).map((r) => r.wallMs.median));
    judge(`${c.name}: faster than htmlhint with one rule (htmlhint ÷ ours: every rule ${by(all)}, default ${by(def)})`, hint.wallMs.median > slowest, `htmlhint ${(hint.wallMs.median / 1000).toFixed(2)} s`);
  }
  for (const c of result.corpora) {
    const ours = c.rows.filter((r) => r.report);
    const worst = ours.reduce((a, r) => (r.peakRssMB > a.peakRssMB ? r : a), ours[0]);
    const pss = ours.every((r) => r.peakPssMB !== null) ? `; PSS at most ${Math.max(...ours.map((r) => r.peakPssMB)).toFixed(0)} MB` : '';
    judge(`${c.name}: peak RSS ≤ 200 MB on every beian-guard row, page processes included`, worst.peakRssMB <= 200, `highest ${worst.peakRssMB.toFixed(0)} MB (${worst.id})${pss}`);
  }
  const big = row('synthetic-5000', 'all');
  const small = row('synthetic-1000', 'all');
  // Peak RSS moves by a few MB between identical runs; 5 % is that noise, not growth.
  judge('peak RSS flat in page count: 5,000 pages ≤ 1,000 pages (+5 % noise)', big && small ? big.peakRssMB <= small.peakRssMB * 1.05 : null, big && small ? `${big.peakRssMB.toFixed(0)} MB vs ${small.peakRssMB.toFixed(0)} MB` : missing);
  // Earlier issues' targets, kept so a regression shows.
  const entry = row('synthetic-5000', 'entry');
  judge('synthetic-5000: scope entry, contentScope entry ≤ 1 s wall, whole process (issue 6)', entry ? entry.wallMs.median <= 1000 : null, entry ? `${(entry.wallMs.median / 1000).toFixed(2)} s` : missing);
  for (const name of ['real-hexo', 'synthetic-5000']) {
    const hv = row(name, 'html-validate');
    const all = row(name, 'all');
    if (hv && all) judge(`${name}: ≥ 5× faster than html-validate with one rule (issue 6)`, hv.wallMs.median / all.wallMs.median >= 5, `${(hv.wallMs.median / all.wallMs.median).toFixed(1)}×`);
  }
  const startup = result.startup;
  if (startup) {
    const r = (id) => startup.rows.find((x) => x.id === id);
    judge('start-up: beian-guard --version ≤ 1.5× node -e 0 (issue 11)', r('version').ratio <= 1.5, `${r('version').ratio.toFixed(2)}×`);
    judge('start-up: one-page check ≤ 2.5× node -e 0 (issue 11)', r('check').ratio <= 2.5, `${r('check').ratio.toFixed(2)}× (a page process alone is ${r('child').ratio.toFixed(2)}×)`);
  } else judge('start-up rows', null, 'not measured');
  return out;
}

/**
 * Start-up as a user waits for it: a bare Node start, a Node start that starts one more Node (the
 * floor of checking pages in a process of their own), `--version`, and `check` on a one-page site
 * (fixtures/sites/cli-pass, flags only, no config file). Short runs are noisy, so many runs,
 * interleaved, and each row reported as a ratio to `node -e 0` measured in the same run.
 */
async function startupRows(runs) {
  const site = path.join(ROOT, 'fixtures/sites/cli-pass');
  const rows = [
    { id: 'node', label: 'node -e 0', args: ['-e', '0'] },
    // The floor of checking pages in a process of their own (issue 17): Node starting one more
    // Node and waiting for it, before either loads any of our code.
    { id: 'child', label: 'node starting node -e 0 (floor)', args: ['-e', "require('node:child_process').spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' })"] },
    { id: 'version', label: 'beian-guard --version', args: [CLI, '--version'] },
    { id: 'check', label: 'beian-guard check, one page', args: [CLI, 'check', site, '--icp', '京ICP备2023012345号-1', '--site-name', '示例技术笔记'] },
  ];
  process.stderr.write(`start-up: ${rows.length} rows × ${runs} runs `);
  for (const row of rows) row.samples = [];
  for (let i = 0; i < runs; i++) {
    for (const row of rows) {
      const r = await measure(row.args, { cwd: ROOT });
      if (r.code !== 0) fail(`start-up / ${row.label} exited with ${r.code}:\n${r.stderr.slice(-2000)}`);
      row.samples.push({ wallMs: r.wallMs, cpuMs: r.cpuMs, maxRssKB: r.maxRssKB });
    }
    if (i % 5 === 4) process.stderr.write('.');
  }
  process.stderr.write('\n');
  const base = median(rows[0].samples.map((x) => x.wallMs));
  for (const row of rows) {
    const walls = row.samples.map((x) => x.wallMs);
    row.wallMs = { median: median(walls), min: Math.min(...walls), max: Math.max(...walls), n: walls.length };
    row.cpuMs = median(row.samples.map((x) => x.cpuMs));
    row.peakRssMB = Math.max(...row.samples.map((x) => x.maxRssKB)) / 1024;
    row.ratio = row.wallMs.median / base;
    delete row.samples;
  }
  return { runs, rows };
}

function startupTable(startup) {
  const head = ['row', 'wall ms median (min–max, n)', 'CPU ms', 'peak RSS MB', '× node -e 0'];
  const body = startup.rows.map((r) => [
    r.label,
    `${r.wallMs.median.toFixed(0)} (${r.wallMs.min.toFixed(0)}–${r.wallMs.max.toFixed(0)}, ${r.wallMs.n})`,
    r.cpuMs.toFixed(0),
    r.peakRssMB.toFixed(0),
    `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return ['', 'start-up', fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}

async function sourceMapLine(runs) {
  const script = path.join(ROOT, 'scripts', 'bench-sourcemap.mjs');
  if (!fs.existsSync(script)) return null;
  process.stderr.write('source map bench (scripts/bench-sourcemap.mjs) ...\n');
  const r = await measure([script, '--runs', String(runs)], { cwd: ROOT });
  if (r.code !== 0) return { error: `exited with ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}` };
  return { lines: r.stdout.trimEnd().split('\n'), peakRssMB: r.maxRssKB / 1024 };
}

/** Render mode's rows (scripts/bench-render.mjs): 1 and 10 entry pages at both viewports, browser included. */
async function renderLines(runs) {
  const script = path.join(ROOT, 'scripts', 'bench-render.mjs');
  if (!fs.existsSync(script)) return null;
  process.stderr.write('render bench (scripts/bench-render.mjs) ...\n');
  const r = await measure([script, '--runs', String(Math.min(runs, 3))], { cwd: ROOT });
  if (r.code !== 0) return { error: `exited with ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}` };
  return { lines: r.stdout.trimEnd().split('\n') };
}

async function main() {
  const opts = options();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'lib', 'index.js'))) fail('dist/ is not built: run `npm run bundle` first');
  fs.rmSync(DIST_COPY, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'dist'), DIST_COPY, { recursive: true });
  const contentIds = contentRuleIds();
  const corpora = [];
  if (opts.corpora.includes('real-hexo')) corpora.push({ name: 'real-hexo', dir: realHexo(ROOT), facts: 'real-hexo.json' });
  if (opts.corpora.includes('synthetic')) {
    if (!opts.quick) corpora.push({ name: 'synthetic-5000', dir: synthetic(ROOT, 5000), facts: 'synthetic.json' });
    corpora.push({ name: 'synthetic-1000', dir: synthetic(ROOT, 1000), facts: 'synthetic.json', small: !opts.quick });
  }
  const cpus = os.cpus();
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    machine: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    availableParallelism: os.availableParallelism(),
    rss: rssSource,
    runs: opts.runs,
    quick: opts.quick,
    seed: SEED,
    contentRules: contentIds,
    loadAverage: { start: os.loadavg().map((x) => Number(x.toFixed(2))) },
    corpora: [],
  };
  for (const c of corpora) result.corpora.push(await runCorpus(c, opts, contentIds));
  result.startup = await startupRows(opts.startupRuns);
  result.sourceMap = await sourceMapLine(opts.runs);
  result.render = await renderLines(opts.runs);
  result.loadAverage.end = os.loadavg().map((x) => Number(x.toFixed(2)));
  result.targets = targets(result, opts);

  console.log(`beian-guard bench, ${result.date}: Node ${result.node}, ${result.machine}; median of ${opts.runs} interleaved runs per row`);
  console.log(`load average (1, 5, 15 min) at start ${result.loadAverage.start.join(' ')}, at end ${result.loadAverage.end.join(' ')}; peak RSS by ${rssSource} and the process tree's resident sets summed every 20 ms; peak PSS by the tree's /proc smaps_rollup summed (shared pages counted once)`);
  console.log(`every rule = footer rules + content rules (${contentIds.length ? contentIds.join(', ') : 'none registered yet'})`);
  console.log(table(result));
  console.log(startupTable(result.startup));
  if (result.sourceMap?.lines) console.log(`\n${result.sourceMap.lines.join('\n')}`);
  else if (result.sourceMap?.error) console.log(`\nsource map bench failed: ${result.sourceMap.error}`);
  if (result.render?.lines) console.log(`\n${result.render.lines.join('\n')}`);
  else if (result.render?.error) console.log(`\nrender bench failed: ${result.render.error}`);
  console.log('\ntargets (issue 18, then issues 6 and 11; medians of this one run):');
  for (const t of result.targets) console.log(`  ${t.met === null ? '–   ' : t.met ? 'met ' : 'MISS'}  ${t.target}: ${t.detail}`);

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(path.join(BENCH_DIR, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  const compact = {
    date: result.date,
    node: result.node,
    runs: result.runs,
    load: result.loadAverage,
    rows: [
      ...result.corpora.flatMap((c) => c.rows.map((r) => ({ corpus: c.name, row: r.id, wallMs: r.wallMs.median, ratio: Number(r.ratio.toFixed(3)), rssMB: Math.round(r.peakRssMB), pssMB: r.peakPssMB === null ? null : Math.round(r.peakPssMB) }))),
      ...result.startup.rows.map((r) => ({ corpus: 'start-up', row: r.id, wallMs: Math.round(r.wallMs.median), ratio: Number(r.ratio.toFixed(3)), rssMB: Math.round(r.peakRssMB) })),
    ],
  };
  fs.appendFileSync(path.join(BENCH_DIR, 'history.jsonl'), `${JSON.stringify(compact)}\n`);
  console.log(`\nwritten: ${path.relative(ROOT, path.join(BENCH_DIR, 'results.json'))} (and a line in .bench/history.jsonl)`);
}

await main();
