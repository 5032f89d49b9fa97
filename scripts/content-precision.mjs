#!/usr/bin/env node
// Measures the content rules on corpora of ordinary pages: the share of pages each rule flags,
// every flagged finding for review, and the rules' cost next to parsing. Runs the built CLI
// (dist/cli.js), so it measures exactly what users run: `npm run bundle` first.
//
//   node scripts/content-precision.mjs [--shared ../shared] [--synthetic /tmp/gen5000]
//                                      [--runs 5] [--no-timing] [--list 40] [--cli dist/cli.js]
// (--cli points at a copy of dist/ when others may rebuild dist/ during the minutes this takes)
//
// Corpora: <shared>/realworld/pages (75 real footers, many of them clones of shop and company
// sites), <shared>/corpus/real-hexo (1,259 pages of a real personal blog) and the synthetic site
// from <shared>/corpus/gen-corpus.mjs (5,000 pages, seed 1; generated when the folder is missing).
// Every site is checked as a personal filing, the strictest setting. Recall is measured on the
// labelled pages of fixtures/pages/content-entity-scope/recall (labels.json names each page's
// signals). Exit 1 when a rule flags more than 1 % of the pages of an ordinary-blog corpus or
// misses a labelled page, 2 when a corpus or the build is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CONTENT = ['content-prohibited', 'content-preapproval', 'content-entity-scope'];
const LIMIT = 0.01;

const opts = { shared: path.resolve(ROOT, '../shared'), synthetic: path.join(os.tmpdir(), 'gen5000'), runs: 5, timing: true, list: 40, cli: path.join(ROOT, 'dist/cli.js') };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--no-timing') opts.timing = false;
  else if (a === '--shared') opts.shared = argv[++i];
  else if (a === '--synthetic') opts.synthetic = argv[++i];
  else if (a === '--runs') opts.runs = Number(argv[++i]);
  else if (a === '--list') opts.list = Number(argv[++i]);
  else if (a === '--cli') opts.cli = path.resolve(argv[++i]);
  else fail(`unknown option ${a}`);
}

function fail(message) {
  process.stderr.write(`content-precision: ${message}\n`);
  process.exit(2);
}

const CLI = opts.cli;
if (!fs.existsSync(CLI)) fail(`${CLI} is missing: run "npm run bundle" first`);

const corpora = [
  { name: 'realworld (75 footers, many shop/company clones)', root: path.join(opts.shared, 'realworld/pages'), ordinary: false },
  { name: 'real-hexo (1,259 blog pages)', root: path.join(opts.shared, 'corpus/real-hexo'), ordinary: true },
  { name: 'synthetic (gen-corpus 5,000 pages, seed 1)', root: opts.synthetic, ordinary: true, generate: true },
];
for (const c of corpora) {
  if (fs.existsSync(c.root)) continue;
  if (!c.generate) fail(`${c.root} is missing`);
  const gen = path.join(opts.shared, 'corpus/gen-corpus.mjs');
  if (!fs.existsSync(gen)) fail(`${gen} is missing`);
  process.stderr.write(`generating ${c.root} …\n`);
  const r = spawnSync(process.execPath, [gen, '--out', c.root, '--pages', '5000', '--seed', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) fail(`gen-corpus.mjs failed with ${r.status}`);
}

// Every other rule is switched off by id; the ids are the rule pages a test keeps in step with RULES.
const otherRules = fs
  .readdirSync(path.join(ROOT, 'docs/rules'))
  .filter((f) => f.endsWith('.md') && !f.startsWith('content-'))
  .map((f) => f.slice(0, -3));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-precision-'));

/** Runs the CLI over one site with the given rules on; returns wall time and the JSON report. */
function run(root, enabled) {
  const rules = {};
  for (const id of [...otherRules, ...CONTENT]) rules[id] = enabled.includes(id) ? 'warning' : 'off';
  for (const id of CONTENT) if (enabled.includes(id)) delete rules[id];
  const config = path.join(work, 'beian.config.json');
  const report = path.join(work, 'report.json');
  fs.writeFileSync(config, JSON.stringify({ root, icp: '京ICP备2023012345号-1', siteName: '示例技术笔记', filing: 'personal', scope: 'all', rules }));
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, 'check', '--config', config, '--format', 'json', '--output', report, '--fail-on', 'never', '--workers', '0', '--no-source-map'], {
    encoding: 'utf8',
    // The terminal report still goes to stdout next to --output; nobody reads it here.
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) fail(`beian-guard exited ${r.status ?? r.signal ?? r.error} on ${root}\n${r.stderr}`);
  return { ms, report: JSON.parse(fs.readFileSync(report, 'utf8')) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (n, d) => `${((100 * n) / d).toFixed(2)} %`;

const rows = [];
const listings = [];
let over = false;
for (const c of corpora) {
  const { report } = run(c.root, CONTENT);
  const pages = report.summary.pages;
  const flagged = Object.fromEntries(CONTENT.map((id) => [id, new Set()]));
  const noticed = new Set();
  for (const f of report.findings) {
    if (!CONTENT.includes(f.ruleId)) continue;
    if (f.severity === 'notice') noticed.add(f.page);
    else flagged[f.ruleId].add(f.page);
  }
  const row = { corpus: c.name, pages };
  for (const id of CONTENT) {
    row[id] = `${flagged[id].size} (${pct(flagged[id].size, pages)})`;
    if (c.ordinary && flagged[id].size / pages > LIMIT) over = true;
  }
  row.notices = `${noticed.size}`;
  rows.push(row);
  const findings = report.findings.filter((f) => CONTENT.includes(f.ruleId));
  listings.push({ corpus: c.name, findings });

  if (opts.timing && c.ordinary) {
    // Read-only (every rule off: files are read and decoded, never parsed), parse (one trivial
    // rule forces the page model), parse + content rules, `runs` times in turn.
    const t = { read: [], parse: [], content: [] };
    for (let i = 0; i < opts.runs; i++) {
      t.read.push(run(c.root, []).ms);
      t.parse.push(run(c.root, ['title-site-name']).ms);
      t.content.push(run(c.root, ['title-site-name', ...CONTENT]).ms);
    }
    // Paired differences within one iteration resist the load of a shared machine better than
    // differences of medians.
    const parse = median(t.parse.map((ms, i) => ms - t.read[i]));
    const content = median(t.content.map((ms, i) => ms - t.parse[i]));
    row['content cost'] = `${content.toFixed(0)} ms = ${(content / parse).toFixed(2)}× parse (${parse.toFixed(0)} ms)`;
  }
}

// Recall: the labelled pages a personal filing must not publish (fixtures written for issue 13),
// each of which must get a content-entity-scope warning. Reported per signal, for pages that
// carry the signal alone and for pages that combine it with others.
const RECALL = path.join(ROOT, 'fixtures/pages/content-entity-scope/recall');
const labels = JSON.parse(fs.readFileSync(path.join(RECALL, 'labels.json'), 'utf8')).pages;
const recallReport = run(RECALL, ['content-entity-scope']).report;
const caught = new Set(recallReport.findings.filter((f) => f.ruleId === 'content-entity-scope' && f.severity !== 'notice').map((f) => f.page));
const recallRows = new Map();
const tally = (key, hit) => {
  const r = recallRows.get(key) ?? { pages: 0, hit: 0 };
  r.pages++;
  if (hit) r.hit++;
  recallRows.set(key, r);
};
const missed = [];
for (const [file, signals] of Object.entries(labels)) {
  const hit = caught.has(file);
  if (!hit) missed.push(file);
  tally('all', hit);
  for (const s of signals) tally(`${s} (${signals.length === 1 ? 'alone' : 'combined'})`, hit);
}

const cols = ['corpus', 'pages', ...CONTENT, 'notices', ...(opts.timing ? ['content cost'] : [])];
const line = (cells) => `| ${cells.join(' | ')} |`;
console.log(line(cols));
console.log(line(cols.map(() => '---')));
for (const r of rows) console.log(line(cols.map((k) => r[k] ?? '')));
console.log('\nPages flagged = pages with at least one warning or error of the rule; notices (a comment system on an entry page) are counted apart.');

console.log(`\n## Recall of content-entity-scope on ${Object.keys(labels).length} labelled pages (fixtures/pages/content-entity-scope/recall)\n`);
console.log(line(['signal', 'pages', 'warned', 'recall']));
console.log(line(['---', '---', '---', '---']));
for (const [key, r] of [...recallRows].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) {
  console.log(line([key, r.pages, r.hit, pct(r.hit, r.pages)]));
}
if (missed.length > 0) console.log(`\nMissed: ${missed.join(', ')}`);

for (const { corpus, findings } of listings) {
  if (findings.length === 0) continue;
  console.log(`\n## ${corpus}: ${findings.length} findings${findings.length > opts.list ? ` (first ${opts.list})` : ''}`);
  for (const f of findings.slice(0, opts.list)) console.log(`${f.page}:${f.line}:${f.column} ${f.severity} ${f.ruleId}/${f.messageId} ${f.evidence}`);
}
fs.rmSync(work, { recursive: true, force: true });
if (over) {
  console.log(`\nA rule flags more than ${LIMIT * 100} % of an ordinary corpus.`);
  process.exitCode = 1;
}
if (missed.length > 0) process.exitCode = 1;
