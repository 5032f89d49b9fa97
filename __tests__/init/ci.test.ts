/** Which CI init writes for, and the file it writes for each, on real folders. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCi, originHost } from '../../src/init/ci/detect.js';
import { giteeProblems, gitlabProblems, jenkinsfileProblems, jenkinsStageProblems } from './ci-formats.js';
import { cloneFixture, fakeGit, init, readJson, tempDir } from './helpers.js';

function touch(dir: string, rel: string, text = 'x: 1\n'): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

describe('CI detection', () => {
  it('reads the origin host from https, scp-like and ssh:// remotes', () => {
    for (const [url, host] of [
      ['https://gitee.com/a/b.git', 'gitee.com'],
      ['git@github.com:a/b.git', 'github.com'],
      ['ssh://git@gitlab.example.cn:2222/a/b.git', 'gitlab.example.cn'],
    ] as const) {
      const dir = tempDir();
      fakeGit(dir, url);
      expect(originHost(dir)).toBe(host);
    }
  });

  it('follows a worktree .git file to the shared config', () => {
    const main = tempDir();
    fakeGit(main, 'https://gitee.com/a/b.git');
    fs.mkdirSync(path.join(main, '.git/worktrees/wt'), { recursive: true });
    fs.writeFileSync(path.join(main, '.git/worktrees/wt/commondir'), '../..\n');
    const wt = tempDir();
    fs.writeFileSync(path.join(wt, '.git'), `gitdir: ${path.join(main, '.git/worktrees/wt')}\n`);
    expect(originHost(wt)).toBe('gitee.com');
  });

  it("prefers the remote host's own CI among several, and names the others", () => {
    const dir = tempDir();
    fakeGit(dir, 'https://gitee.com/a/b.git');
    touch(dir, '.workflow/master-pipeline.yml');
    touch(dir, '.gitlab-ci.yml');
    touch(dir, '.github/workflows/ci.yml');
    expect(detectCi(dir)).toEqual({ kind: 'gitee', evidence: ['.workflow/', 'origin: gitee.com'], byDefault: false, others: ['github', 'gitlab'] });
  });

  it('takes a Jenkinsfile when it is the only CI, wherever the code is hosted', () => {
    const dir = tempDir();
    fakeGit(dir, 'https://gitee.com/a/b.git');
    touch(dir, 'Jenkinsfile', 'pipeline {}\n');
    expect(detectCi(dir).kind).toBe('jenkins');
  });

  it("sets up the host's CI when none is there yet: self-hosted GitLab too", () => {
    const dir = tempDir();
    fakeGit(dir, 'git@gitlab.company.cn:team/site.git');
    expect(detectCi(dir)).toMatchObject({ kind: 'gitlab', evidence: ['origin: gitlab.company.cn'], byDefault: false });
  });

  it('falls back to GitHub Actions and says so when nothing points anywhere', async () => {
    const dir = cloneFixture('hexo');
    expect(detectCi(dir)).toEqual({ kind: 'github', evidence: [], byDefault: true, others: [] });
    const run = await init(dir, ['--yes', '--lang', 'en']);
    expect(run.stdout).toContain('CI: GitHub Actions (no CI recognised');
  });
});

describe('--ci writes the chosen CI file', () => {
  it('gitlab: a whole .gitlab-ci.yml with the job, the build and the report in the merge request', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, ['--yes', '--ci', 'gitlab']);
    expect(run.code).toBe(0);
    expect(gitlabProblems(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8'), { build: 'npm run build', config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
    expect(run.stdout).toContain('CI：GitLab CI（命令行参数）');
  });

  it('jenkins: a whole Jenkinsfile when the repository has none', async () => {
    const dir = cloneFixture('hugo');
    const run = await init(dir, ['--yes', '--ci', 'jenkins']);
    expect(run.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'Jenkinsfile'), 'utf8');
    expect(jenkinsfileProblems(text, { build: 'hugo --minify', config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
    // Hugo themes are submodules; the agent needs Hugo, as the header says.
    expect(text).toContain("sh 'git submodule update --init --recursive'");
    expect(text).toContain('Node.js 20.19 或更高、Hugo');
  });

  it('gitee: a pipeline of its own in .workflow/, building Hugo from its release', async () => {
    const dir = cloneFixture('hugo');
    await init(dir, ['--yes', '--ci', 'gitee']);
    const text = fs.readFileSync(path.join(dir, '.workflow/beian.yml'), 'utf8');
    expect(giteeProblems(text, { build: 'hugo --minify', config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
    expect(text).toMatch(/hugo_extended_[\d.]+_linux-amd64\.deb/);
  });

  it('none: only the config, and the closing line says to run the check before deploying', async () => {
    const dir = cloneFixture('vitepress');
    const run = await init(dir, ['--yes', '--ci', 'none', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.') || /jenkins/i.test(f))).toEqual(['.gitignore']);
    expect(run.stdout).toContain('No CI file was written (--ci none)');
  });

  it('refuses an unknown CI in the chosen language', async () => {
    const dir = cloneFixture('hexo');
    const zh = await init(dir, ['--yes', '--ci', 'travis']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('beian-guard: --ci：“travis”不是 github, gitlab, gitee, jenkins, none 之一\n');
    const en = await init(dir, ['--lang', 'en', '--ci', 'travis']);
    expect(en.stderr).toBe('beian-guard: --ci: "travis" is not one of github, gitlab, gitee, jenkins, none\n');
  });

  it('runs in the site folder of a repository and keeps the report path from the repository root', async () => {
    const repo = tempDir('bg-init-repo-');
    fakeGit(repo, 'https://gitlab.com/team/monorepo.git');
    cloneFixture('hexo', path.join(repo, 'blog'));
    const run = await init(repo, ['--yes', '--dir', 'blog']);
    expect(run.code).toBe(0);
    const text = fs.readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8');
    expect(gitlabProblems(text, { build: 'npm run build', config: 'beian.config.json', report: 'blog/beian-report.json' })).toEqual([]);
    expect(text).toContain('    - cd blog\n');
  });
});

describe("the user's own CI files", () => {
  it('a foreign .gitlab-ci.yml is never overwritten, not even with --force: the job is included from a file of its own', async () => {
    const dir = cloneFixture('hexo');
    fakeGit(dir, 'https://gitlab.com/a/b.git');
    const mine = 'stages: [build, deploy]\nbuild:\n  stage: build\n  script: [npm ci, npm run build]\n';
    touch(dir, '.gitlab-ci.yml', mine);
    const run = await init(dir, ['--yes', '--force']);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe(mine);
    const job = fs.readFileSync(path.join(dir, '.gitlab/beian.gitlab-ci.yml'), 'utf8');
    expect(gitlabProblems(job, { build: 'npm run build', config: 'beian.config.json', report: 'beian-report.json', stages: ['build', 'deploy'] })).toEqual([]);
    expect(run.stdout).toContain('include:\n        - local: .gitlab/beian.gitlab-ci.yml');
  });

  it('a .gitlab-ci.yml init wrote itself is replaced with --force and refused without it', async () => {
    const dir = cloneFixture('hexo');
    fakeGit(dir, 'https://gitlab.com/a/b.git');
    expect((await init(dir, ['--yes'])).code).toBe(0);
    fs.rmSync(path.join(dir, 'beian.config.json'));
    const again = await init(dir, ['--yes']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('.gitlab-ci.yml 已存在');
    expect((await init(dir, ['--yes', '--force'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, '.gitlab/beian.gitlab-ci.yml'))).toBe(false);
  });

  it('a Jenkinsfile stays as it is; the stage comes in a file of its own with the paste instruction', async () => {
    const dir = cloneFixture('jekyll');
    const mine = "pipeline {\n  agent any\n  stages {\n    stage('Build') { steps { sh 'bundle exec jekyll build' } }\n  }\n}\n";
    touch(dir, 'Jenkinsfile', mine);
    const run = await init(dir, ['--yes']);
    expect(fs.readFileSync(path.join(dir, 'Jenkinsfile'), 'utf8')).toBe(mine);
    const stage = fs.readFileSync(path.join(dir, 'beian-stage.groovy'), 'utf8');
    expect(jenkinsStageProblems(stage, { build: 'bundle exec jekyll build', config: 'beian.config.json', report: 'beian-report.json' })).toEqual([]);
    expect(stage).toContain("  environment {\n    JEKYLL_ENV = 'production'\n  }");
    expect(run.stdout).toContain('把 beian-stage.groovy 中的 stage 粘贴到 Jenkinsfile 的 stages { } 中');
    expect(readJson(path.join(dir, 'beian.config.json')).root).toBe('_site');
  });
});

describe('docs/recipes/ci.md', () => {
  it('shows exactly what init writes for each CI', async () => {
    const { fences, read } = await import('../docs/markdown.js');
    const blocks = fences(read('docs/recipes/ci.md'));
    for (const [ci, file] of [['gitlab', '.gitlab-ci.yml'], ['gitee', '.workflow/beian.yml'], ['jenkins', 'Jenkinsfile']] as const) {
      const block = blocks.find((b) => b.attrs.get('ci') === ci);
      expect(block, `a block with ci=${ci}`).toBeDefined();
      const dir = cloneFixture('hexo');
      await init(dir, ['--yes', '--ci', ci]);
      expect(`${block!.body}\n`).toBe(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  });
});
