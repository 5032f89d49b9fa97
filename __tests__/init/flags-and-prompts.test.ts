import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/main.js';
import { runCli } from '../../src/cli/main.js';
import { runInit } from '../../src/init/run-init.js';
import { cloneFixture, init, readJson, tempDir, workflowSteps } from './helpers.js';

function removeThemeConfig(dir: string): void {
  fs.rmSync(path.join(dir, '_config.next.yml'));
}

describe('init flags', () => {
  it('takes --icp, --police and --site-name over what the sources say, normalised', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, ['--yes', '--icp', '浙ICP备 2022012345 号－2', '--police', '浙公网安备33010602012346号', '--site-name', '小林的笔记']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json'))).toMatchObject({ icp: '浙ICP备2022012345号-2', police: '浙公网安备33010602012346号', siteName: '小林的笔记' });
    expect(run.stdout).toContain('小林的笔记（命令行参数）');
  });

  it('rejects an invalid --icp with exit 2, the reason, and no files', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, ['--yes', '--icp', '京ICP备00000000号']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('beian-guard: --icp：“京ICP备00000000号”不是有效的号码：是占位号码\n');
    expect(fs.existsSync(path.join(dir, 'beian.config.json'))).toBe(false);
  });

  it('rejects an invalid --police in English too', async () => {
    const dir = cloneFixture('hexo');
    const run = await init(dir, ['--yes', '--lang', 'en', '--police', '京公网安备21021102012345号']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--police: "京公网安备21021102012345号" is not a valid number: its first two digits name another province');
  });

  it('rejects unknown flags and a missing --dir with exit 2', async () => {
    const dir = cloneFixture('hexo');
    expect((await init(dir, ['--icon'])).code).toBe(2);
    const missing = await init(dir, ['--dir', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--dir nope');
  });

  it('prints its help with --help', async () => {
    const run = await init(tempDir(), ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--site-name');
  });
});

describe('init without a recognised generator', () => {
  it('exits 2 and asks for --root', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'README.md'), '# notes\n');
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--root');
    expect(fs.readdirSync(dir)).toEqual(['README.md']);
  });

  it('writes a config for --root and leaves the build step for the user', async () => {
    const dir = tempDir();
    const run = await init(dir, ['--yes', '--root', './site/', '--icp', '京ICP备2023012345号-1', '--site-name', '示例技术笔记']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json')).root).toBe('site');
    const build = workflowSteps(path.join(dir, '.github/workflows/beian.yml')).find((s) => s.name?.includes('build'))!;
    expect(build.run).toContain('exit 1');
    expect(run.stdout).toContain('没有找到构建命令');
  });
});

describe('values init cannot use', () => {
  it('leaves TODO values when nothing is found, and check then stops with exit 2 naming icp', async () => {
    const dir = cloneFixture('hexo');
    removeThemeConfig(dir);
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe('待填写：ICP 备案号');
    expect(run.stdout).toContain('把 icp 改为你的网站备案号');
    let stderr = '';
    const io: CliIO = { cwd: dir, env: {}, stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } };
    expect(await runCli(['check', '--lang', 'en'], io)).toBe(2);
    expect(stderr).toMatch(/^beian-guard: beian\.config\.json\b.*\bicp\b.*"待填写：ICP 备案号" is not a valid ICP number/);
  });

  it('skips a theme placeholder number and says where it was', async () => {
    const dir = cloneFixture('hexo');
    const file = path.join(dir, '_config.next.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('浙ICP备2022012345号-1', '京ICP备12345678号'));
    const run = await init(dir, ['--yes']);
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe('待填写：ICP 备案号');
    expect(run.stdout).toContain('_config.next.yml 中的 footer.beian.icp（第 19 行）：“京ICP备12345678号”不能直接使用（是占位号码）');
  });

  it('warns when the theme block holding the number is switched off', async () => {
    const dir = cloneFixture('hexo');
    const file = path.join(dir, '_config.next.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('enable: true', 'enable: false'));
    const run = await init(dir, ['--yes']);
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe('浙ICP备2022012345号-1');
    expect(run.stdout).toContain('enable: false');
  });
});

describe('init on a terminal', () => {
  /** Answers each prompt as it appears, like a user typing. */
  async function interactive(dir: string, answers: string[], argv: string[] = []) {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    let stdout = '';
    const prompts: string[] = [];
    const io: CliIO = {
      cwd: dir,
      env: {},
      stdout: {
        write: (s: string) => {
          stdout += s;
          if (/[：:] $|：$/.test(s)) {
            prompts.push(s);
            const answer = answers.shift();
            setImmediate(() => (answer === undefined ? stdin.end() : stdin.write(`${answer}\n`)));
          }
          return true;
        },
      },
      stderr: { write: () => true },
    };
    const code = await runInit(argv, io, stdin);
    return { code, stdout, prompts };
  }

  it('offers found values as defaults and asks again after an invalid number', async () => {
    const dir = cloneFixture('hexo');
    removeThemeConfig(dir);
    const run = await interactive(dir, ['', '京ICP备2023', '浙ICP备2022012345号-1', '', '', 'n']);
    expect(run.code).toBe(0);
    // Site name, ICP twice, police, filing, then whether to add the live check (live.test.ts).
    expect(run.prompts).toHaveLength(6);
    expect(run.prompts[4]).toContain('回车使用 personal');
    expect(run.prompts[0]).toContain('回车使用 山间小站');
    expect(run.stdout).toContain('“京ICP备2023”不是有效的号码');
    const config = readJson(path.join(dir, 'beian.config.json'));
    expect(config).toMatchObject({ siteName: '山间小站', icp: '浙ICP备2022012345号-1', filing: 'personal' });
    expect(config.police).toBeUndefined();
  });

  it('asks nothing with --yes even on a terminal', async () => {
    const dir = cloneFixture('vitepress');
    const run = await interactive(dir, [], ['--yes']);
    expect(run.code).toBe(0);
    expect(run.prompts).toEqual([]);
  });

  it('keeps going when input ends before the questions do', async () => {
    const dir = cloneFixture('vitepress');
    const run = await interactive(dir, ['我的手册']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json'))).toMatchObject({ siteName: '我的手册', icp: '粤ICP备2024012345号-1' });
  });
});

describe('a site in a subfolder of a git repository', () => {
  it('writes the workflow at the repository root and runs it in the subfolder on the checked-out branch', async () => {
    const repo = tempDir('bg-init-repo-');
    fs.mkdirSync(path.join(repo, '.git'));
    fs.writeFileSync(path.join(repo, '.git/HEAD'), 'ref: refs/heads/source\n');
    cloneFixture('hexo', path.join(repo, 'blog'));
    const run = await init(repo, ['--yes', '--dir', 'blog']);
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(repo, 'blog/beian.config.json'))).toBe(true);
    const workflow = parse(fs.readFileSync(path.join(repo, '.github/workflows/beian.yml'), 'utf8')) as {
      on: { push: { branches: string[] } };
      jobs: { beian: { defaults: { run: { 'working-directory': string } } } };
    };
    expect(workflow.on.push.branches).toEqual(['source']);
    expect(workflow.jobs.beian.defaults.run['working-directory']).toBe('blog');
    const steps = workflowSteps(path.join(repo, '.github/workflows/beian.yml'));
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with).toMatchObject({ 'cache-dependency-path': 'blog/package-lock.json' });
    expect(steps[steps.length - 1]!.with).toEqual({ config: 'blog/beian.config.json' });
    expect(run.stdout).toContain('npx beian-guard check --config blog/beian.config.json');
  });
});
