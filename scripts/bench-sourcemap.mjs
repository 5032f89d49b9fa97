// Times the source-mapping step (index + map) on a generated 5,000-file repository.
//
//   node scripts/bench-sourcemap.mjs [--files 5000] [--runs 5] [--json]
//
// Needs a fresh `npm run bundle`: it imports attachSourceLocations from dist/action/index.js. The
// repository is a Hexo-shaped blog (posts, a theme with partials, config, images, a built public/)
// in a temp folder, timed twice: as a plain folder (the .gitignore-aware walk) and as a git work
// tree (`git ls-files`). The findings come from a real check of its built pages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const FILES = flag('--files', 5000);
const RUNS = flag('--runs', 5);
const JSON_OUT = args.includes('--json');

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const lib = path.join(root, 'dist/action/index.js');
if (!fs.existsSync(lib)) {
  console.error('bench-sourcemap: dist/action/index.js is missing; run `npm run bundle` first.');
  process.exit(2);
}
const bundle = await import(pathToFileURL(lib).href);
const { cli } = await import(pathToFileURL(path.join(root, 'dist/lib/index.js')).href);
if (typeof bundle.attachSourceLocations !== 'function' || typeof cli !== 'function') {
  console.error('bench-sourcemap: dist/ is older than src/bundle.ts (no attachSourceLocations export); run `npm run bundle`.');
  process.exit(2);
}

// A deterministic pseudo-random stream, so every run of the bench builds the same repository.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];
const WORDS = ['服务器', '备案', '博客', '代码', '笔记', '部署', '主题', '静态站点', '构建', '缓存', 'Hexo', 'Node.js', 'nginx', '证书', '域名', '前端', '数据库', '读书', '徒步', '摄影'];
const paragraph = (n) => Array.from({ length: n }, () => pick(WORDS)).join('，') + '。';

const FOOTER_BUILT = `<footer id="footer" class="footer">
  <div class="footer-inner">
    <span>&copy; 2019 - 2024 王小林</span>
    <span>由 <a href="https://hexo.io/" target="_blank">Hexo</a> 驱动 · 主题 Lite</span>
    <div class="beian">
      <a href="https://beian.miit.gov.cn/#/Integrated/index" target="_blank" rel="noopener">粤ICP备00000000号</a>
      <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=44030502008569" target="_blank">粤公网安备44030502008569号</a>
    </div>
  </div>
</footer>`;

function builtPage(title, body) {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="generator" content="Hexo 7.3.0">
  <title>${title}</title>
</head>
<body>
  <header class="header"><a class="logo" href="/">林间小站</a></header>
  <main class="container">${body}</main>
  ${FOOTER_BUILT}
</body>
</html>
`;
}

function write(dir, rel, text) {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Writes the repository and returns how many files it holds. */
function generate(dir) {
  let count = 0;
  const put = (rel, text) => {
    write(dir, rel, text);
    count++;
  };
  put('.gitignore', 'public/\nnode_modules/\ndb.json\n.deploy_git/\n');
  put('package.json', JSON.stringify({ name: 'bench-blog', private: true, dependencies: { hexo: '^7.3.0' } }, null, 2));
  put('_config.yml', 'title: Lin Notes\nauthor: 王小林\nlanguage: zh-CN\ntheme: lite\n');
  put('themes/lite/_config.yml', 'footer:\n  since: 2019\n  beian:\n    enable: true\n    icp: 粤ICP备00000000号\n    police_code: 44030502008569\n');
  put('themes/lite/layout/layout.ejs', "<!DOCTYPE html>\n<html>\n<%- partial('_partial/head') %>\n<body>\n<%- body %>\n<%- partial('_partial/footer') %>\n</body>\n</html>\n");
  put('themes/lite/layout/_partial/head.ejs', '<head>\n  <title><%= config.title %></title>\n</head>\n');
  put(
    'themes/lite/layout/_partial/footer.ejs',
    FOOTER_BUILT.replace('2019 - 2024 王小林', '<%= theme.footer.since %> - <%= date(new Date(), "YYYY") %> <%= config.author %>')
      .replace('粤ICP备00000000号', '<%= theme.footer.beian.icp %>')
      .replace('recordcode=44030502008569', 'recordcode=<%= theme.footer.beian.police_code %>'),
  );
  for (let i = 0; i < 30; i++) put(`themes/lite/layout/_widget/widget-${i}.ejs`, `<div class="widget-${i}">\n  <%= __('widget.${i}') %>\n</div>\n`);
  for (let i = 0; i < 20; i++) put(`themes/lite/source/css/_part-${i}.styl`, `.part-${i}\n  margin: ${i}px\n`);
  for (let i = 0; i < 150; i++) {
    const png = Buffer.alloc(2048 + i);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    put(`source/images/photo-${i}.png`, png);
  }
  put('public/index.html', builtPage('Lin Notes', '<p>home</p>'));
  for (let i = 0; i < 50; i++) put(`public/posts/p${i}/index.html`, builtPage(`Post ${i} | Lin Notes`, `<p>${paragraph(20)}</p>`));
  for (let i = 0; count < FILES; i++) {
    const body = Array.from({ length: 12 }, () => paragraph(24)).join('\n\n');
    put(`source/_posts/${2015 + (i % 10)}/post-${String(i).padStart(5, '0')}.md`, `---\ntitle: 第 ${i} 篇\ndate: 2024-01-01\ntags: [${pick(WORDS)}]\n---\n\n${body}\n`);
  }
  return count;
}

async function findingsOf(dir) {
  let out = '';
  const io = { cwd: dir, env: { NO_COLOR: '1' }, stdout: { write: (s) => (out += s) }, stderr: { write: (s) => process.stderr.write(s) } };
  await cli(
    ['check', 'public', '--icp', '粤ICP备2021012345号-1', '--police', '粤公网安备44030502008569号', '--site-name', '林间小站', '--scope', 'all', '--format', 'json', '--no-source-map', '--workers', '0'],
    io,
    { check: () => import(pathToFileURL(path.join(root, 'dist/check/index.js')).href), sourcemap: () => bundle, init: () => Promise.reject(new Error('not used')) },
  );
  return JSON.parse(out).findings;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeMapping(dir, findings) {
  const config = { sites: [{ root: path.join(dir, 'public') }], sources: { enabled: true }, lang: 'en' };
  const times = [];
  let mapped = 0;
  for (let r = 0; r < RUNS; r++) {
    const report = { findings: findings.map((f) => ({ ...f, sourceLocations: undefined })) };
    const t0 = performance.now();
    await bundle.attachSourceLocations(report, config, dir);
    times.push(performance.now() - t0);
    mapped = report.findings.filter((f) => f.sourceLocations?.length).length;
  }
  return { medianMs: Math.round(median(times)), runsMs: times.map((t) => Math.round(t)), mapped };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-bench-sourcemap-'));
try {
  const files = generate(dir);
  const findings = await findingsOf(dir);
  const groups = new Set(findings.map((f) => `${f.ruleId}\0${f.messageId}\0${f.evidence}`)).size;
  // A number no template or config holds makes the map read every Markdown post too: the worst case.
  const unexplained = [...findings, { ...findings[0], ruleId: 'icp-mismatch', messageId: 'different', evidence: '粤ICP备1999999999号-9', message: 'x', fingerprint: 'x' }];
  const walk = await timeMapping(dir, findings);
  const walkAll = await timeMapping(dir, unexplained);
  let git = null;
  let gitAll = null;
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    git = await timeMapping(dir, findings);
    gitAll = await timeMapping(dir, unexplained);
  } catch (e) {
    console.error(`bench-sourcemap: git variant skipped (${e.message.split('\n')[0]})`);
  }
  const result = { files, findings: findings.length, groups, runs: RUNS, walk, walkAll, git, gitAll };
  if (JSON_OUT) console.log(JSON.stringify(result));
  else {
    const line = (label, r) => console.log(`  ${label.padEnd(44)} ${String(r.medianMs).padStart(5)} ms   (runs ${r.runsMs.join(' ')} ms; ${r.mapped} findings mapped)`);
    console.log(`source map: ${files}-file repository, ${findings.length} findings in ${groups} groups, median of ${RUNS} runs of index + map`);
    line('walk (.gitignore), templates and config', walk);
    line('walk (.gitignore), every file read', walkAll);
    if (git) line('git ls-files, templates and config', git);
    if (gitAll) line('git ls-files, every file read', gitAll);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
