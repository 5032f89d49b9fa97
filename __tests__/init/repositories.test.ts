/**
 * The issue's acceptance run: realistic repositories for each generator and the popular themes
 * (written by us, shaped like the themes' real config keys), each with its own CI. `init --yes`
 * must find the numbers, write a config that the built CLI's `check` accepts on the site's built
 * pages, and write the CI file of the repository's own CI, which must parse and build.
 * Needs `npm run bundle` (the check runs from dist/cli.js, as users run it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CiKind } from '../../src/init/ci/detect.js';
import { ACTION_REF } from '../../src/init/workflow.js';
import { giteeProblems, githubProblems, gitlabProblems, jenkinsfileProblems, jenkinsStageProblems } from './ci-formats.js';
import { cloneFixture, init, readJson } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

interface Repo {
  readonly generator: string;
  readonly root: string;
  readonly siteName: string;
  readonly icp: string;
  readonly police?: string;
  /** The number's file (and key path) as the summary names it. */
  readonly icpFrom: string;
  readonly ci: CiKind;
  readonly ciFile: string;
  /** The user's own CI file, which must stay as it was. */
  readonly untouched?: string;
  readonly stages?: readonly string[];
  readonly build?: string;
  /** Text the summary must (or must not) say. */
  readonly says?: readonly RegExp[];
  readonly neverSays?: readonly string[];
  /** Rule ids `check` warns about (no errors anywhere): what the built site really lacks. */
  readonly warnings?: readonly string[];
}

const REPOS: Record<string, Repo> = {
  'hexo-next': {
    generator: 'Hexo', root: 'public', siteName: '云栖笔记', icp: '浙ICP备2022041876号-1', police: '浙公网安备33010602013579号',
    icpFrom: 'source/_data/footer.njk 第 2 行', ci: 'github', ciFile: '.github/workflows/beian.yml', untouched: '.github/workflows/pages.yml', build: 'npm run build',
  },
  'hexo-fluid': {
    generator: 'Hexo', root: 'public', siteName: '晚风小记', icp: '苏ICP备2021057734号-2', police: '苏公网安备32011502011264号',
    icpFrom: '_config.fluid.yml 中的 footer.beian.icp_text', ci: 'gitee', ciFile: '.workflow/beian.yml', untouched: '.gitlab-ci.yml', build: 'npm run build',
    says: [/仓库中也有 GitLab CI 的配置/], neverSays: ['京ICP证123456号', '京公网安备12345678号'],
  },
  'hexo-butterfly': {
    generator: 'Hexo', root: 'public', siteName: '深蓝开发手记', icp: '粤ICP备2023084412号-1', police: '粤公网安备44030502009871号',
    icpFrom: '_config.butterfly.yml 中的 footer.custom_text', ci: 'gitlab', ciFile: '.gitlab/beian.gitlab-ci.yml', untouched: '.gitlab-ci.yml', stages: ['build', 'deploy'], build: 'npm run build',
    says: [/- local: \.gitlab\/beian\.gitlab-ci\.yml/],
  },
  'hexo-matery': {
    generator: 'Hexo', root: 'public', siteName: '码上行走', icp: '粤ICP备2020113356号',
    icpFrom: 'themes/matery/_config.yml 中的 icp.text', ci: 'jenkins', ciFile: 'beian-stage.groovy', untouched: 'Jenkinsfile', build: 'npm run build',
    says: [/是主体备案号（不带 -N）/, /粘贴到 Jenkinsfile 的 stages/],
    warnings: ['police-present'],
  },
  'hexo-volantis': {
    generator: 'Hexo', root: 'public', siteName: '橘子洲头', icp: '湘ICP备2022009153号-1', police: '湘公网安备43010402001187号',
    icpFrom: '_config.volantis.yml 中的 site_footer.beian', ci: 'gitlab', ciFile: '.gitlab-ci.yml', build: 'npm run build',
  },
  'hexo-stellar': {
    generator: 'Hexo', root: 'public', siteName: '山海拾遗', icp: '川ICP备2023015528号-3', police: '川公网安备51010702003216号',
    icpFrom: '_config.stellar.yml 中的 footer.content', ci: 'github', ciFile: '.github/workflows/beian.yml', build: 'npm run build',
  },
  'hugo-papermod': {
    generator: 'Hugo', root: 'public', siteName: '北窗札记', icp: '京ICP备2021038862号-1', police: '京公网安备11010802036612号',
    icpFrom: 'layouts/partials/extend_footer.html 第 2 行', ci: 'github', ciFile: '.github/workflows/beian.yml', build: 'hugo --minify',
  },
  'hugo-loveit': {
    generator: 'Hugo', root: 'public', siteName: '海边的程序员', icp: '鲁ICP备2022027719号-1', police: '鲁公网安备37021202001458号',
    icpFrom: 'config.toml 中的 params.footer.icp（第 26 行）', ci: 'gitee', ciFile: '.workflow/beian.yml', build: 'hugo --minify',
  },
  'hugo-stack': {
    generator: 'Hugo', root: 'public', siteName: '小径分岔', icp: '沪ICP备2023006621号-2', police: '沪公网安备31011502019944号',
    icpFrom: 'config/_default/params.toml 中的 params.footer.customText', ci: 'gitlab', ciFile: '.gitlab-ci.yml', build: 'hugo --minify',
  },
  'hugo-fixit': {
    generator: 'Hugo', root: 'public', siteName: '江城笔记', icp: '鄂ICP备2024005517号-1', police: '鄂公网安备42010602005893号',
    icpFrom: 'hugo.toml 中的 params.footer.icp', ci: 'jenkins', ciFile: 'beian-stage.groovy', untouched: 'Jenkinsfile', build: 'hugo --minify',
  },
  'vitepress-split': {
    generator: 'VitePress', root: 'docs/.vitepress/dist', siteName: '鹭岛前端手册', icp: '闽ICP备2022011948号-1', police: '闽公网安备35020302035507号',
    icpFrom: 'docs/.vitepress/configs/footer.ts 中的 themeConfig.footer.message', ci: 'github', ciFile: '.github/workflows/beian.yml', build: 'npm run docs:build',
  },
  'docusaurus-ts': {
    generator: 'Docusaurus', root: 'build', siteName: '云帆开放平台', icp: '沪ICP备2019045623号-3',
    icpFrom: 'docusaurus.config.ts 第 5 行', ci: 'gitlab', ciFile: '.gitlab/beian.gitlab-ci.yml', untouched: '.gitlab-ci.yml', build: 'npm run build',
    says: [/页脚写着 云帆科技有限公司（.+）：如果是单位备案，请选 enterprise/],
    // With --yes the filing stays personal (listed under 需要你确认), so check warns about the company.
    warnings: ['police-present', 'content-entity-scope'],
  },
  'astro-blog': {
    generator: 'Astro', root: 'dist', siteName: '西湖边的猫', icp: '浙ICP备2023027741号-1', police: '浙公网安备33010802013306号',
    icpFrom: 'src/components/Footer.astro 第 8 行', ci: 'github', ciFile: '.github/workflows/beian.yml', build: 'pnpm run build',
    says: [/没有识别到 CI/],
  },
  static: {
    generator: 'HTML', root: '.', siteName: '松间小筑', icp: '京ICP备2023072215号-1', police: '京公网安备11010502056671号',
    icpFrom: 'index.html 第 15 行', ci: 'github', ciFile: '.github/workflows/beian.yml',
  },
};

function ciProblems(repo: Repo, text: string, subdirReport = 'beian-report.json'): string[] {
  const want = { config: 'beian.config.json', ...(repo.build !== undefined && { build: repo.build }), report: subdirReport };
  switch (repo.ci) {
    case 'github':
      return githubProblems(text, { ...want, action: ACTION_REF });
    case 'gitlab':
      return gitlabProblems(text, { ...want, ...(repo.stages && { stages: repo.stages }) });
    case 'gitee':
      return giteeProblems(text, want);
    case 'jenkins':
      return repo.ciFile === 'Jenkinsfile' ? jenkinsfileProblems(text, want) : jenkinsStageProblems(text, want);
    case 'none':
      return [];
  }
}

/** `beian-guard check` from the bundle, in the repository, as a user runs it. */
function check(dir: string): { status: number | null; out: string } {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
  const r = spawnSync(process.execPath, [CLI, 'check', '--config', 'beian.config.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('init --yes on realistic repositories, then check', () => {
  for (const [name, repo] of Object.entries(REPOS)) {
    it(`${name}: ${repo.generator}, numbers from ${repo.icpFrom}, ${repo.ciFile}, check accepts the config`, async () => {
      const dir = cloneFixture(name);
      const before = repo.untouched ? fs.readFileSync(path.join(dir, repo.untouched), 'utf8') : undefined;
      const run = await init(dir, ['--yes']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);

      const config = readJson(path.join(dir, 'beian.config.json'));
      expect(config).toMatchObject({ root: repo.root, siteName: repo.siteName, icp: repo.icp, filing: 'personal' });
      expect(config.police).toBe(repo.police);
      expect(run.stdout).toContain(`${repo.icp}（${repo.icpFrom}`);
      for (const re of repo.says ?? []) expect(run.stdout).toMatch(re);
      for (const text of repo.neverSays ?? []) expect(run.stdout).not.toContain(text);

      const ciText = fs.readFileSync(path.join(dir, repo.ciFile), 'utf8');
      expect(ciProblems(repo, ciText)).toEqual([]);
      expect(run.stdout).toContain(`  ${repo.ciFile}\n`);
      if (repo.untouched) expect(fs.readFileSync(path.join(dir, repo.untouched), 'utf8')).toBe(before);

      const result = check(dir);
      expect(result.out).not.toContain('beian-guard:');
      expect(result.out).not.toMatch(/\d+:\d+\s+✖ 错误\s/);
      const warned = [...result.out.matchAll(/^\s+\d+:\d+\s+⚠ 警告\s.*\s([a-z-]+)$/gm)].map((m) => m[1]);
      expect(warned).toEqual(repo.warnings ?? []);
      expect(result.status).toBe(0);
    });
  }
});
