/**
 * The acceptance path: a new user clones a Hexo or VitePress repository, runs
 * `beian-guard init`, then follows the printed next steps. The site build itself needs the
 * generator from the network, so it is stood in for by writing the page the generator renders
 * from the repository's own config (the footer markup NexT and VitePress produce).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli/main.js';
import { cloneFixture, init, readJson, workflowSteps } from './helpers.js';

interface NextSteps {
  readonly build: string;
  readonly check: string;
}

/** The numbered next steps init printed, as commands. */
function nextSteps(stdout: string): NextSteps {
  const section = stdout.slice(stdout.indexOf('接下来'));
  const command = (n: number) => {
    const m = new RegExp(`^  ${n}\\. [^：]*：(.+)$`, 'm').exec(section);
    if (!m?.[1]) throw new Error(`step ${n} not printed:\n${section}`);
    return m[1];
  };
  return { build: command(1), check: command(2) };
}

async function runPrintedCheck(dir: string, command: string): Promise<{ code: number; out: string }> {
  expect(command.startsWith('npx beian-guard ')).toBe(true);
  let out = '';
  const io: CliIO = { cwd: dir, env: { NO_COLOR: '1' }, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) } };
  const code = await runCli(command.replace(/^npx beian-guard /, '').split(' '), io);
  return { code, out };
}

/** What `hexo generate` writes for the home page with NexT and this repository's configs. */
function renderHexo(dir: string): void {
  const site = parse(fs.readFileSync(path.join(dir, '_config.yml'), 'utf8')) as { title: string; subtitle: string; public_dir: string };
  const theme = parse(fs.readFileSync(path.join(dir, '_config.next.yml'), 'utf8')) as {
    footer: { since: number; copyright: string; beian: { enable: boolean; icp: string; gongan_id: number; gongan_num: string; gongan_icon_url: string } };
  };
  const b = theme.footer.beian;
  const beian = b.enable
    ? `<div class="beian"><a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">${b.icp} </a>
        <img src="${b.gongan_icon_url}" alt=""><a href="https://beian.mps.gov.cn/#/query/webSearch?code=${b.gongan_id}" rel="noopener" target="_blank">${b.gongan_num} </a>
      </div>`
    : '';
  const page = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width">
  <title>${site.title} | ${site.subtitle}</title>
</head>
<body itemscope itemtype="http://schema.org/WebPage" class="use-motion">
  <div class="headband"></div>
  <main class="main">
    <header class="header"><div class="site-brand-container"><p class="site-title">${site.title}</p><p class="site-subtitle">${site.subtitle}</p></div></header>
    <div class="main-inner index posts-expand"><article class="post-block"><h2 class="post-title">用 Hexo 搭建个人博客</h2><p>记录一下从零搭建博客、备案和自动部署的过程。</p></article></div>
  </main>
  <footer class="footer">
    <div class="footer-inner">
      ${beian}
      <div class="copyright">&copy; ${theme.footer.since} – <span itemprop="copyrightYear">2024</span><span class="author" itemprop="copyrightHolder">${theme.footer.copyright}</span></div>
    </div>
  </footer>
</body>
</html>
`;
  fs.mkdirSync(path.join(dir, site.public_dir), { recursive: true });
  fs.writeFileSync(path.join(dir, site.public_dir, 'index.html'), page);
}

/** What `vitepress build docs` writes for the home page: the footer message is inserted as HTML. */
function renderVitePress(dir: string): void {
  const config = fs.readFileSync(path.join(dir, 'docs/.vitepress/config.mts'), 'utf8');
  const title = /title: '([^']+)'/.exec(config)![1]!;
  const message = [...config.matchAll(/'(<a [^']+<\/a>)/g)].map((m) => m[1]).join(' | ');
  const copyright = /copyright: '([^']+)'/.exec(config)![1]!;
  const page = `<!DOCTYPE html>
<html lang="zh-CN" dir="ltr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    <title>${title}</title>
    <script type="module" src="/assets/app.js"></script>
  </head>
  <body>
    <div id="app"><div class="Layout"><div class="VPHome"><div class="VPHero"><h1 class="name"><span class="clip">${title}</span></h1><p class="tagline">写给新同事的第一份文档</p></div></div><footer class="VPFooter"><div class="container"><p class="message">${message}</p><p class="copyright">${copyright}</p></div></footer></div></div>
  </body>
</html>
`;
  fs.mkdirSync(path.join(dir, 'docs/.vitepress/dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'docs/.vitepress/dist/index.html'), page);
}

describe('a new user: fresh clone, init, then the printed next steps', () => {
  it('Hexo with NexT: the written config passes on the built site, and the workflow builds with the repository script', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, []);
    expect(run.code).toBe(0);
    const steps = nextSteps(run.stdout);
    expect(steps).toEqual({ build: 'npm run build', check: 'npx beian-guard check' });

    const pkg = readJson(path.join(dir, 'package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('hexo generate');
    renderHexo(dir);
    const result = await runPrintedCheck(dir, steps.check);
    expect(result.out).not.toMatch(/错误|警告/);
    expect(result.code).toBe(0);

    const workflow = workflowSteps(path.join(dir, '.github/workflows/beian.yml'));
    expect(workflow.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', steps.build]);
  });

  it('Hexo: the same steps fail when the theme does not render the filing line', async () => {
    const dir = cloneFixture('hexo');
    await init(dir, ['--yes']);
    const theme = path.join(dir, '_config.next.yml');
    fs.writeFileSync(theme, fs.readFileSync(theme, 'utf8').replace('enable: true', 'enable: false'));
    renderHexo(dir);
    const result = await runPrintedCheck(dir, 'npx beian-guard check');
    expect(result.code).toBe(1);
    expect(result.out).toContain('icp-present');
  });

  it('VitePress: the written config passes on the built site, and the workflow runs docs:build', async () => {
    const dir = cloneFixture('vitepress');
    const run = await init(dir, []);
    expect(run.code).toBe(0);
    const steps = nextSteps(run.stdout);
    expect(steps).toEqual({ build: 'npm run docs:build', check: 'npx beian-guard check' });

    renderVitePress(dir);
    const result = await runPrintedCheck(dir, steps.check);
    expect(result.out).not.toMatch(/错误|警告/);
    expect(result.code).toBe(0);

    const workflow = workflowSteps(path.join(dir, '.github/workflows/beian.yml'));
    expect(workflow.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', steps.build]);
  });

  it('VitePress: a wrong site name in the title is caught by the same steps', async () => {
    const dir = cloneFixture('vitepress');
    await init(dir, ['--yes', '--site-name', '前端团队知识库']);
    renderVitePress(dir);
    const result = await runPrintedCheck(dir, 'npx beian-guard check');
    expect(result.code).toBe(1);
    expect(result.out).toContain('title-site-name');
  });
});
