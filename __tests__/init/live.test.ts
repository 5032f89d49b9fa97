/**
 * `init` and the daily live check (issue 15): the filed domain found in each generator's config
 * or a CNAME file, --live / --no-live / --domain, the questions on a terminal, the config and the
 * scheduled job written for each CI, and nothing added without being asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { singleConfigSchema } from '../../src/config/schema.js';
import { ACTION_REF } from '../../src/init/workflow.js';
import { giteeLiveProblems, giteeProblems, githubLiveProblems, gitlabLiveProblems, gitlabProblems, jenkinsfileProblems, jenkinsLiveProblems, jenkinsStageProblems } from './ci-formats.js';
import { cloneFixture, fakeGit, FIXTURES, init, interactiveInit, readJson, tempDir } from './helpers.js';

const ROOT = path.resolve(FIXTURES, '../..');
const ACTION_INPUTS = Object.keys((parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
const LIVE_WORKFLOW = '.github/workflows/beian-live.yml';
const REPORT = 'beian-live-report.json';

function text(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

/** The config as check and live read it: the same schema, so anything init writes must pass it. */
function config(dir: string): Record<string, unknown> {
  const value = readJson(path.join(dir, 'beian.config.json'));
  const parsed = singleConfigSchema.safeParse(value);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return value;
}

interface Generator {
  readonly fixture: string;
  /** Where the address is, as the summary names it. */
  readonly where: string;
  readonly domains: readonly string[];
  readonly hosts?: readonly string[];
  readonly names: string;
}

const GENERATORS: readonly Generator[] = [
  { fixture: 'hexo', where: '_config.yml 中的 url（第 14 行）', domains: ['example.cn'], hosts: ['blog'], names: 'blog.example.cn' },
  { fixture: 'hugo', where: 'hugo.toml 中的 baseURL（第 1 行）', domains: ['example.cn'], hosts: ['notes'], names: 'notes.example.cn' },
  { fixture: 'jekyll', where: '_config.yml 中的 url（第 6 行）', domains: ['example.cn'], hosts: ['read'], names: 'read.example.cn' },
  { fixture: 'vitepress', where: 'docs/.vitepress/config.mts 中的 sitemap.hostname（第 10 行）', domains: ['example.cn'], hosts: ['handbook'], names: 'handbook.example.cn' },
  { fixture: 'docusaurus', where: 'docusaurus.config.js 中的 url（第 8 行）', domains: ['example.cn'], hosts: ['open'], names: 'open.example.cn' },
  { fixture: 'astro', where: 'astro.config.mjs 中的 site（第 8 行）', domains: ['example.cn'], hosts: ['trip'], names: 'trip.example.cn' },
  // Next.js and Vite name no address in their config: a CNAME file in public/ does (GitHub Pages).
  { fixture: 'next', where: 'public/CNAME 第 1 行', domains: ['example.com.cn'], names: 'example.com.cn、www.example.com.cn' },
  { fixture: 'vite', where: 'public/CNAME 第 1 行', domains: ['example.cn'], hosts: ['app'], names: 'app.example.cn' },
  // A CNAME file holds A-labels; the config gets the name as people read it.
  { fixture: 'static', where: 'CNAME 第 1 行', domains: ['例子.中国'], names: '例子.中国、www.例子.中国' },
];

describe('the filed domain, found in each generator', () => {
  for (const g of GENERATORS) {
    it(`${g.fixture}: ${g.where} → ${g.domains.join(', ')}${g.hosts ? ` (hosts ${g.hosts.join(', ')})` : ''}`, async () => {
      const dir = cloneFixture(g.fixture);
      const run = await init(dir, ['--yes', '--live']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const written = config(dir);
      expect(written.domains).toEqual(g.domains);
      expect(written.live).toEqual(g.hosts ? { hosts: g.hosts } : undefined);
      expect(run.stdout).toContain(`  备案域名：${g.domains.join('、')}（${g.where}）\n`);
      expect(run.stdout).toContain(`  线上检查：每天检查 ${g.names}\n`);
      expect(githubLiveProblems(text(dir, LIVE_WORKFLOW), { action: ACTION_REF, config: 'beian.config.json', inputs: ACTION_INPUTS })).toEqual([]);
      // The check workflow is the one init writes without --live, untouched by it.
      const plain = cloneFixture(g.fixture);
      await init(plain, ['--yes']);
      expect(text(dir, '.github/workflows/beian.yml')).toBe(text(plain, '.github/workflows/beian.yml'));
    });
  }
});

describe('--yes without --live', () => {
  it('adds nothing, and prints the exact command that adds it, which then works as printed', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(dir, LIVE_WORKFLOW))).toBe(false);
    const before = config(dir);
    expect(before.domains).toBeUndefined();
    expect(before.live).toBeUndefined();
    expect(run.stdout).toContain('  线上检查：不添加\n');
    expect(run.stdout).not.toContain('npx beian-guard live');
    const more = run.stdout.slice(run.stdout.indexOf('\n你还可以\n'));
    expect(more).toContain('\n      npx beian-guard init --yes --force --live\n');
    expect(more).toContain('（备案域名取自网站地址 https://blog.example.cn，见 _config.yml 中的 url（第 14 行）；会重写刚才写入的文件）');

    const again = await init(dir, ['--yes', '--force', '--live']);
    expect(again.code).toBe(0);
    expect(config(dir)).toEqual({ ...before, domains: ['example.cn'], live: { hosts: ['blog'] } });
    expect(fs.existsSync(path.join(dir, LIVE_WORKFLOW))).toBe(true);
    expect(again.stdout).not.toContain('你还可以');
  });

  it('repeats the flags and answers of the run in the command, and a placeholder when no address was found', async () => {
    const dir = tempDir();
    const run = await init(dir, ['--yes', '--root', 'site', '--icp', '京ICP备2023012345号-1', '--site-name', "小林's 笔记", '--ci', 'gitlab', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("\n      npx beian-guard init --yes --force --root site --ci gitlab --site-name '小林'\\''s 笔记' --icp 京ICP备2023012345号-1 --lang en --live --domain <domain>\n");
    expect(run.stdout).toContain('(replace <domain> with the filed domain; this rewrites the files just written)');
    expect(gitlabProblems(text(dir, '.gitlab-ci.yml'), { config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
  });

  it('--no-live adds nothing and offers nothing', async () => {
    const dir = cloneFixture('hugo');
    const run = await init(dir, ['--yes', '--no-live']);
    expect(run.code).toBe(0);
    expect(config(dir).domains).toBeUndefined();
    expect(run.stdout).not.toContain('你还可以');
    expect(fs.existsSync(path.join(dir, LIVE_WORKFLOW))).toBe(false);
  });
});

describe('--domain', () => {
  it('takes the filed domain, or the subdomain the site is on, and says what it wrote for a subdomain', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, ['--yes', '--domain', 'https://www.example.com.cn/', '--domain', '例子.中国']);
    expect(run.code).toBe(0);
    expect(config(dir)).toMatchObject({ domains: ['example.com.cn', '例子.中国'] });
    expect(config(dir).live).toBeUndefined();
    expect(run.stdout).toContain('  备案域名：example.com.cn、例子.中国（命令行参数）\n');

    const sub = cloneFixture('hexo');
    const r2 = await init(sub, ['--yes', '--lang', 'en', '--domain', 'BLOG.Example.CN']);
    expect(config(sub)).toMatchObject({ domains: ['example.cn'], live: { hosts: ['blog'] } });
    expect(r2.stdout).toContain('blog.example.cn is a subdomain of example.cn: domains holds example.cn and live.hosts holds blog, so the live check fetches blog.example.cn only.');
  });

  it('says when hosts apply to every domain', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, ['--yes', '--domain', 'blog.example.cn', '--domain', 'example.net.cn']);
    expect(config(dir)).toMatchObject({ domains: ['example.cn', 'example.net.cn'], live: { hosts: ['blog', '@', 'www'] } });
    expect(run.stdout).toContain('线上检查会请求 blog.example.cn、example.cn、www.example.cn、blog.example.net.cn、example.net.cn、www.example.net.cn');
  });

  it('refuses what cannot be a filed domain with exit 2, the reason in the chosen language, and no files', async () => {
    const cases: [string, string, string][] = [
      ['-bad-.cn', '“-bad-.cn”不能用作备案域名：“-bad-”这一段不是 1–63 个字母、数字或中间的连字符', 'the label "-bad-" is not 1–63 letters, digits or inner hyphens'],
      ['203.0.113.7', '这是 IP 地址，不是域名', 'it is an IP address, not a domain'],
      ['localhost', '域名至少有两段', 'a domain has at least two labels'],
      ['kim.github.io', '它在 github.io 下，属于托管平台，不能备案', "it is under github.io, a hosting platform's name that cannot be filed"],
      ['demo.gitee.io', '它在 gitee.io 下', 'it is under gitee.io'],
      ['www.example.com', '这是示例用的保留域名', 'it is a name reserved for examples'],
      ['com.cn', '这是公共后缀（如 com.cn），不是注册的域名', 'it is a public suffix'],
    ];
    for (const [value, zh, en] of cases) {
      const dir = cloneFixture('hexo');
      // A value that starts with - needs --domain=…, as for any flag.
      const r = await init(dir, ['--yes', `--domain=${value}`]);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toContain(`beian-guard: --domain：`);
      expect(r.stderr).toContain(zh);
      expect((await init(dir, ['--yes', `--domain=${value}`, '--lang', 'en'])).stderr).toContain(en);
      expect(fs.readdirSync(dir).filter((f) => f === 'beian.config.json' || f === '.github')).toEqual([]);
    }
  });

  it('refuses --no-live with --live or --domain, and an empty --domain', async () => {
    const dir = cloneFixture('hexo');
    expect((await init(dir, ['--yes', '--live', '--no-live'])).stderr).toBe('beian-guard: --no-live 和 --live 不能同时使用\n');
    expect((await init(dir, ['--yes', '--no-live', '--domain', 'example.cn', '--lang', 'en'])).stderr).toBe('beian-guard: --no-live and --domain cannot be used together\n');
    expect((await init(dir, ['--yes', '--domain', ' '])).stderr).toBe('beian-guard: --domain：值为空\n');
    expect((await init(dir, ['--yes', '--domain', '-bad-.cn'])).stderr).toBe('beian-guard: init: --domain 的值以 - 开头，请写成 --domain=值\n');
  });
});

describe('--live with nothing to go on', () => {
  it('exits 2 before writing, naming what was found and why it cannot be used', async () => {
    const dir = cloneFixture('hexo');
    const file = path.join(dir, '_config.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('https://blog.example.cn', 'https://kim.github.io'));
    const run = await init(dir, ['--yes', '--live']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'beian-guard: --live 需要备案的域名，生成器配置和 CNAME 文件中没有可用的网站地址：https://kim.github.io（_config.yml 中的 url（第 14 行））不能用，它在 github.io 下，属于托管平台，不能备案。请加 --domain <域名>\n',
    );
    expect(fs.existsSync(path.join(dir, 'beian.config.json'))).toBe(false);
  });

  it("skips a generator template's example address (Hexo's http://example.com) and takes the CNAME file", async () => {
    const dir = cloneFixture('hexo');
    const file = path.join(dir, '_config.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('https://blog.example.cn', 'http://example.com'));
    fs.writeFileSync(path.join(dir, 'source/CNAME'), 'www.example.org.cn\n');
    const run = await init(dir, ['--yes', '--live']);
    expect(run.code).toBe(0);
    expect(config(dir).domains).toEqual(['example.org.cn']);
    expect(run.stdout).toContain('备案域名：example.org.cn（source/CNAME 第 1 行）');
  });
});

describe('the scheduled job for each CI', () => {
  it('GitLab: the live job in .gitlab-ci.yml for scheduled pipelines only, the check job kept out of them, and how to make the schedule', async () => {
    const dir = cloneFixture('hexo');
    const before = fs.readdirSync(dir);
    const run = await init(dir, ['--yes', '--ci', 'gitlab', '--live']);
    expect(run.code).toBe(0);
    const ci = text(dir, '.gitlab-ci.yml');
    expect(gitlabProblems(ci, { build: 'npm run build', config: 'beian.config.json', report: 'beian-report.json', live: true })).toEqual([]);
    expect(gitlabLiveProblems(ci, { config: 'beian.config.json', report: REPORT })).toEqual([]);
    expect(run.stdout).toContain('在 GitLab 项目的 构建 → 流水线计划 中新建一个计划，目标分支 main');
    expect(run.stdout).toContain('建好计划后，GitLab 每天在计划流水线中运行线上检查');
    // Nothing else is written: GitLab keeps schedules in the project settings.
    expect(fs.readdirSync(dir).filter((f) => !before.includes(f))).toEqual(['.gitlab-ci.yml', 'beian.config.json']);
  });

  it("GitLab with the user's own .gitlab-ci.yml: both jobs in the included file, theirs untouched, and a word on their jobs in scheduled pipelines", async () => {
    const dir = cloneFixture('hexo');
    fakeGit(dir, 'https://gitlab.com/a/b.git');
    const mine = 'stages: [build, deploy]\nbuild:\n  stage: build\n  script: [npm ci, npm run build]\n';
    fs.writeFileSync(path.join(dir, '.gitlab-ci.yml'), mine);
    const run = await init(dir, ['--yes', '--live']);
    expect(run.code).toBe(0);
    expect(text(dir, '.gitlab-ci.yml')).toBe(mine);
    const job = text(dir, '.gitlab/beian.gitlab-ci.yml');
    const want = { config: 'beian.config.json', report: REPORT, stages: ['build', 'deploy'] };
    expect(gitlabProblems(job, { build: 'npm run build', config: 'beian.config.json', report: 'beian-report.json', stages: ['build', 'deploy'], live: true })).toEqual([]);
    expect(gitlabLiveProblems(job, want)).toEqual([]);
    expect(run.stdout).toContain('计划流水线也会运行 .gitlab-ci.yml 中没有 rules 的任务');
  });

  it('Gitee Go: a pipeline of its own with a daily schedule and no build', async () => {
    const dir = cloneFixture('hugo');
    const run = await init(dir, ['--yes', '--ci', 'gitee', '--live']);
    expect(run.code).toBe(0);
    expect(giteeProblems(text(dir, '.workflow/beian.yml'), { build: 'hugo --minify', config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
    expect(giteeLiveProblems(text(dir, '.workflow/beian-live.yml'), { config: 'beian.config.json', report: REPORT })).toEqual([]);
    expect(run.stdout).toContain('  .workflow/beian-live.yml\n');
    expect(run.stdout).toContain('推送后，Gitee Go 按 .workflow/beian-live.yml 每天 9:17 检查线上网站');
  });

  it('Jenkins without a Jenkinsfile: the timer in the one it writes, the check stage skipped on timer builds', async () => {
    const dir = cloneFixture('hugo');
    const run = await init(dir, ['--yes', '--ci', 'jenkins', '--live']);
    expect(run.code).toBe(0);
    const jf = text(dir, 'Jenkinsfile');
    expect(jenkinsfileProblems(jf, { build: 'hugo --minify', config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
    expect(jenkinsLiveProblems(jf, { config: 'beian.config.json', report: REPORT, alone: false })).toEqual([]);
    expect(jf).toContain("cron(env.BRANCH_NAME == null || env.BRANCH_NAME == 'main' ? 'H 1 * * *' : '')");
    expect(run.stdout).toContain('Jenkins 在流水线运行过一次之后才登记 Jenkinsfile 中的定时触发');
  });

  it("Jenkins with the user's Jenkinsfile: a live pipeline of its own for a job of its own, theirs untouched", async () => {
    const dir = cloneFixture('jekyll');
    const mine = "pipeline {\n  agent any\n  stages {\n    stage('Build') { steps { sh 'bundle exec jekyll build' } }\n  }\n}\n";
    fs.writeFileSync(path.join(dir, 'Jenkinsfile'), mine);
    const run = await init(dir, ['--yes', '--live']);
    expect(run.code).toBe(0);
    expect(text(dir, 'Jenkinsfile')).toBe(mine);
    expect(jenkinsStageProblems(text(dir, 'beian-stage.groovy'), { build: 'bundle exec jekyll build', config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
    expect(jenkinsLiveProblems(text(dir, 'beian-live.Jenkinsfile'), { config: 'beian.config.json', report: REPORT, alone: true })).toEqual([]);
    expect(run.stdout).toContain('在 Jenkins 中新建一个流水线任务（Pipeline script from SCM，脚本路径 beian-live.Jenkinsfile）');
  });

  it('no CI: the domains in the config and the plain instruction to run it daily', async () => {
    const dir = cloneFixture('vitepress');
    const run = await init(dir, ['--yes', '--ci', 'none', '--live', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(config(dir).domains).toEqual(['example.cn']);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual(['.gitignore']);
    expect(run.stdout).toContain('run the live check daily yourself, for example from cron');
    expect(run.stdout).toContain('Check the deployed site: npx beian-guard live');
  });

  it('a site in a subfolder: the workflow names its config from the repository root, GitLab runs in the folder', async () => {
    const repo = tempDir('bg-init-repo-');
    fakeGit(repo, 'https://github.com/a/b.git');
    cloneFixture('hexo', path.join(repo, 'blog'));
    const run = await init(repo, ['--yes', '--dir', 'blog', '--live']);
    expect(run.code).toBe(0);
    expect(githubLiveProblems(text(repo, LIVE_WORKFLOW), { action: ACTION_REF, config: 'blog/beian.config.json', inputs: ACTION_INPUTS })).toEqual([]);
    expect(run.stdout).toContain('检查已部署的网站：npx beian-guard live --config blog/beian.config.json');
    expect(run.stdout).toContain('git add blog/beian.config.json .github/workflows/beian.yml .github/workflows/beian-live.yml');

    const gl = tempDir('bg-init-repo-');
    fakeGit(gl, 'https://gitlab.com/a/b.git');
    cloneFixture('hexo', path.join(gl, 'blog'));
    await init(gl, ['--yes', '--dir', 'blog', '--live']);
    const ci = text(gl, '.gitlab-ci.yml');
    expect(gitlabLiveProblems(ci, { config: 'beian.config.json', report: `blog/${REPORT}` })).toEqual([]);
    expect((parse(ci) as Record<string, { script: string[] }>)['beian-live']!.script[0]).toBe('cd blog');
  });
});

describe('never overwriting without --force', () => {
  it('refuses --live when the live workflow exists, and leaves it alone when live is not asked for', async () => {
    const dir = cloneFixture('hexo');
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dir, LIVE_WORKFLOW), 'name: mine\n');
    const refused = await init(dir, ['--yes', '--live']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('.github/workflows/beian-live.yml 已存在');
    expect(fs.existsSync(path.join(dir, 'beian.config.json'))).toBe(false);

    expect((await init(dir, ['--yes'])).code).toBe(0);
    expect(text(dir, LIVE_WORKFLOW)).toBe('name: mine\n');

    expect((await init(dir, ['--yes', '--force', '--live'])).code).toBe(0);
    expect(text(dir, LIVE_WORKFLOW)).toContain('command: live');
  });

  it('on a terminal, does not offer what it may not write', async () => {
    const dir = cloneFixture('hexo');
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dir, LIVE_WORKFLOW), 'name: mine\n');
    const run = await interactiveInit(dir, ['', '', '', '']);
    expect(run.code).toBe(0);
    expect(run.prompts).toHaveLength(4);
    expect(run.stdout).toContain('.github/workflows/beian-live.yml 已存在，没有询问是否添加线上检查');
    expect(text(dir, LIVE_WORKFLOW)).toBe('name: mine\n');
  });
});

describe('on a terminal', () => {
  it('asks after the filing questions, offering the address found; Enter takes it', async () => {
    const dir = cloneFixture('hexo');
    const run = await interactiveInit(dir, ['', '', '', '', '', '']);
    expect(run.code).toBe(0);
    expect(run.prompts).toHaveLength(6);
    expect(run.prompts[4]).toBe('每天检查一次已部署的网站（页脚和标题、解析的 IP、域名和证书到期）？y 或 n（回车使用 y）：');
    expect(run.prompts[5]).toBe('备案的域名，多个用空格分开；网站在子域名上时写子域名，如 blog.example.cn（回车使用 blog.example.cn）：');
    expect(run.stdout).toContain('网站地址 https://blog.example.cn 取自 _config.yml 中的 url（第 14 行）。\n');
    expect(config(dir)).toMatchObject({ domains: ['example.cn'], live: { hosts: ['blog'] } });
    expect(githubLiveProblems(text(dir, LIVE_WORKFLOW), { action: ACTION_REF, config: 'beian.config.json', inputs: ACTION_INPUTS })).toEqual([]);
    expect(run.stdout).toContain('4. 检查已部署的网站：npx beian-guard live\n');
  });

  it('asks again after a name that cannot be filed, and takes several', async () => {
    const dir = cloneFixture('hexo');
    const run = await interactiveInit(dir, ['', '', '', '', 'y', 'kim.github.io', 'example.cn，例子.中国'], ['--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"kim.github.io" cannot be a filed domain: it is under github.io, a hosting platform\'s name that cannot be filed. Please try again.');
    expect(config(dir)).toMatchObject({ domains: ['example.cn', '例子.中国'] });
    expect(config(dir).live).toBeUndefined();
    expect(run.stdout).toContain('  Filed domains: example.cn, 例子.中国 (your answer)\n');
  });

  it('n adds nothing and lists the command; without an address found, n is the default', async () => {
    const dir = cloneFixture('hexo');
    const no = await interactiveInit(dir, ['', '', '', '', 'n']);
    expect(no.code).toBe(0);
    expect(no.prompts).toHaveLength(5);
    expect(config(dir).domains).toBeUndefined();
    expect(no.stdout).toContain('你还可以');

    const bare = tempDir();
    const run = await interactiveInit(bare, ['小站', '', '', ''], ['--root', 'site', '--icp', '京ICP备2023012345号-1']);
    expect(run.prompts).toHaveLength(4);
    expect(run.prompts[3]).toMatch(/^每天检查一次已部署的网站.*（回车使用 n）：$/);
    expect(config(bare).domains).toBeUndefined();
  });

  it('asks only for the domain with --live, and none of it with --domain', async () => {
    const dir = cloneFixture('jekyll');
    const run = await interactiveInit(dir, ['', '', '', '', 'www.example.cn'], ['--live']);
    expect(run.prompts).toHaveLength(5);
    expect(run.prompts[4]).toContain('备案的域名');
    expect(config(dir)).toMatchObject({ domains: ['example.cn'] });
    expect(config(dir).live).toBeUndefined();

    const flagged = cloneFixture('jekyll');
    const r2 = await interactiveInit(flagged, ['', '', '', ''], ['--domain', 'read.example.cn']);
    expect(r2.prompts).toHaveLength(4);
    expect(config(flagged)).toMatchObject({ domains: ['example.cn'], live: { hosts: ['read'] } });
  });
});

describe('the docs show what init --live writes', () => {
  it('docs/live.md: the GitHub workflow; docs/recipes/ci.md: GitLab, Gitee Go and Jenkins', async () => {
    const { fences, read } = await import('../docs/markdown.js');
    const blocks = [...fences(read('docs/live.md')), ...fences(read('docs/recipes/ci.md'))];
    for (const [ci, file] of [['github', LIVE_WORKFLOW], ['gitlab', '.gitlab-ci.yml'], ['gitee', '.workflow/beian-live.yml'], ['jenkins', 'Jenkinsfile']] as const) {
      const block = blocks.find((b) => b.attrs.get('live') === ci);
      expect(block, `a block with live=${ci}`).toBeDefined();
      const dir = cloneFixture('hexo');
      expect((await init(dir, ['--yes', '--live', '--ci', ci])).code).toBe(0);
      expect(`${block!.body}\n`).toBe(text(dir, file));
    }
  });
});

describe('why a name cannot be filed, in both languages', () => {
  it('has a zh-CN text for every reason the config validation gives', async () => {
    const { parseHostname } = await import('../../src/domain/hostname.js');
    const { hostnameWhy } = await import('../../src/config/domain-reasons.js');
    const { addressProblemText } = await import('../../src/init/live.js');
    const inputs = [' ', '203.0.113.7', 'example.cn:8080', 'xn--a.cn', `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.cn`, 'localhost', 'a_b.cn'];
    const reasons = new Set<string>();
    for (const input of inputs) {
      const r = parseHostname(input);
      expect(r.ok, input).toBe(false);
      if (r.ok) continue;
      reasons.add(r.problem);
      const problem = { kind: 'syntax' as const, reason: r.reason, why: hostnameWhy(r) };
      const zh = addressProblemText('zh-CN', problem);
      expect(zh, r.reason).not.toBe(r.reason);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      // The English text is parseHostname's own reason.
      expect(addressProblemText('en', problem)).toBe(r.reason);
    }
    expect(reasons.size).toBe(7);
    // node:url already refuses a numeric last label, so parseHostname's own reason for it is given here.
    expect(hostnameWhy({ problem: 'numeric-tld' })['zh-CN']).toBe('最后一段不能全是数字');
  });
});
