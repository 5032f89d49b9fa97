// node scripts/bench-render.mjs [--runs N]   (also run by `npm run bench`)
//
// What render mode costs (issue 14): a site of 1 and of 10 entry pages, each a Vite-style app that
// fetches its data from the same origin and then draws its footer (fixtures/render/spa-fetch),
// checked with `--render on` at both viewports (desktop 1366×768, mobile 375×667), next to the
// same sites with `--render off`. Each row runs the built CLI as its own process; wall time is
// from spawn to exit, and peak memory is sampled every 25 ms over the whole process tree, the
// browser's processes included: RSS summed (counts pages the processes share once per process)
// and PSS summed (shares them out; what the machine really spends). Rows are interleaved so a
// burst of load from elsewhere spreads over all of them. Prints medians with min–max.
//
// Needs a built dist/ (`npm run bundle`) and Chrome or Chromium (the render tests' lookup).
import { spawn } from 'node:child_process';
import { clearInterval, setInterval } from 'node:timers';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PSS, treeMemoryKB } from './bench/tree-memory.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.bench', 'render');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const TEMPLATE = path.join(ROOT, 'fixtures', 'render', 'spa-fetch');
const FILING = { icp: '京ICP备2023012345号-1', police: '京公网安备11010502030143号', siteName: '示例技术笔记' };

function fail(message) {
  console.error(`bench-render: ${message}`);
  process.exit(2);
}

/** A site of `pages` entry pages: index.html plus p1/ … p9/, all the same app. */
function makeSite(pages) {
  const dir = path.join(OUT, `site-${pages}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(TEMPLATE, dir, { recursive: true });
  const homepages = [];
  for (let i = 1; i < pages; i++) {
    fs.mkdirSync(path.join(dir, `p${i}`), { recursive: true });
    fs.copyFileSync(path.join(dir, 'index.html'), path.join(dir, `p${i}`, 'index.html'));
    homepages.push(`p${i}/index.html`);
  }
  return { dir, homepages };
}

function writeConfig(name, site, mode) {
  const file = path.join(OUT, `${name}.json`);
  const config = { ...FILING, root: site.dir, homepages: site.homepages, sources: { enabled: false }, render: { mode, viewports: ['desktop', 'mobile'] } };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

function measure(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    let peakRss = 0;
    let peakPss = 0;
    let browserSeen = false;
    const sample = () => {
      if (child.exitCode !== null) return;
      const { rss, pss, processes } = treeMemoryKB(child.pid);
      if (processes > 1) browserSeen = true;
      peakRss = Math.max(peakRss, rss);
      peakPss = Math.max(peakPss, pss);
    };
    const timer = setInterval(sample, 25);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - started, peakRssMB: peakRss / 1024, peakPssMB: peakPss / 1024, browserSeen, stderr });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) fail(`--runs: "${values.runs}" is not a whole number from 1 to 50`);
  if (!fs.existsSync(CLI)) fail('dist/ is not built: run `npm run bundle` first');
  if (!PSS) fail('needs Linux /proc to measure the browser processes');
  fs.mkdirSync(OUT, { recursive: true });
  const rows = [];
  for (const pages of [1, 10]) {
    const site = makeSite(pages);
    for (const mode of ['off', 'on']) {
      const config = writeConfig(`${pages}-${mode}`, site, mode);
      rows.push({ label: `${pages} entry page${pages > 1 ? 's' : ''}, --render ${mode}${mode === 'on' ? ' (desktop + mobile)' : ''}`, pages, mode, args: [CLI, 'check', '--config', config, '--format', 'json', '--output', path.join(OUT, `${pages}-${mode}.report.json`)], samples: [] });
    }
  }
  process.stderr.write(`render bench: ${rows.length} rows × ${runs} runs `);
  for (let run = 0; run < runs; run++) {
    for (const row of rows) {
      const r = await measure(row.args);
      // Without rendering the app is an empty shell (exit 1); rendered, its footer is right (exit 0).
      if (r.code !== (row.mode === 'on' ? 0 : 1)) fail(`${row.label} exited with ${r.code}:\n${r.stderr}`);
      if (row.mode === 'on' && !r.browserSeen) fail(`${row.label}: no browser process was seen; is Chrome or Chromium installed?`);
      row.samples.push(r);
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const lines = [`render mode (scripts/bench-render.mjs), median of ${runs} runs, whole process tree with the browser:`];
  const head = ['row', 'wall s median (min–max)', 's per page', 'peak RSS MB', 'peak PSS MB'];
  const body = rows.map((row) => {
    const walls = row.samples.map((s) => s.wallMs / 1000);
    const wall = median(walls);
    return [
      row.label,
      `${wall.toFixed(2)} (${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)})`,
      (wall / row.pages).toFixed(2),
      median(row.samples.map((s) => s.peakRssMB)).toFixed(0),
      median(row.samples.map((s) => s.peakPssMB)).toFixed(0),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt));
  console.log(lines.join('\n'));
  const result = { date: new Date().toISOString(), node: process.version, runs, rows: rows.map((r) => ({ label: r.label, samples: r.samples.map(({ stderr: _s, ...s }) => s) })) };
  fs.writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
}

await main();
