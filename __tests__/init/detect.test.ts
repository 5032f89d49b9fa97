import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { ACTION_REF } from '../../src/init/workflow.js';
import { cloneFixture, init, readJson, workflowSteps } from './helpers.js';

interface Expected {
  readonly root: string;
  readonly siteName: string;
  readonly icp: string;
  readonly police?: string;
  /** The run steps of the workflow, in order (install, then build). */
  readonly runs: readonly string[];
  /** Setup actions expected before the build, by name without version. */
  readonly setups: readonly string[];
  readonly notes?: readonly RegExp[];
}

const EXPECTED: Record<string, Expected> = {
  hexo: {
    root: 'public',
    siteName: '山间小站',
    icp: '浙ICP备2022012345号-1',
    police: '浙公网安备33010602012345号',
    runs: ['npm ci', 'npm run build'],
    setups: ['actions/checkout', 'actions/setup-node'],
  },
  vitepress: {
    root: 'docs/.vitepress/dist',
    siteName: '前端团队手册',
    icp: '粤ICP备2024012345号-1',
    police: '粤公网安备44030502012345号',
    runs: ['npm ci', 'npm run docs:build'],
    setups: ['actions/checkout', 'actions/setup-node'],
  },
  hugo: {
    root: 'public',
    siteName: '码农札记',
    icp: '京ICP备2023012345号-2',
    police: '京公网安备11010802012345号',
    runs: ['hugo --minify'],
    setups: ['actions/checkout', 'peaceiris/actions-hugo'],
  },
  jekyll: {
    root: '_site',
    siteName: '读书与远行',
    icp: '苏ICP备2020012345号-1',
    police: '苏公网安备32010602012345号',
    runs: ['bundle exec jekyll build'],
    setups: ['actions/checkout', 'ruby/setup-ruby'],
  },
  docusaurus: {
    root: 'build',
    siteName: '云盘开放平台',
    icp: '沪ICP备2019012345号-3',
    runs: ['yarn install --frozen-lockfile', 'yarn run build'],
    setups: ['actions/checkout', 'actions/setup-node'],
    notes: [/没有找到公安备案号/],
  },
  astro: {
    root: 'dist',
    siteName: '慢慢走旅行记',
    icp: '蜀ICP备2023012345号-1',
    police: '川公网安备51010702012345号',
    runs: ['pnpm install --frozen-lockfile', 'pnpm run build'],
    setups: ['actions/checkout', 'pnpm/action-setup', 'actions/setup-node'],
  },
  next: {
    root: 'out',
    siteName: '青禾设计工作室',
    icp: '鄂ICP备2022012345号-1',
    runs: ['npm ci', 'npm run build'],
    setups: ['actions/checkout', 'actions/setup-node'],
  },
  vite: {
    root: 'dist',
    siteName: '小店订单助手',
    icp: '闽ICP备2021012345号-1',
    runs: ['npm ci', 'npm run build'],
    setups: ['actions/checkout', 'actions/setup-node'],
    // The footer is a Vue component: the static index.html has no number.
    notes: [/index\.html 中没有备案号/],
  },
};

const schema = readJson(path.resolve(import.meta.dirname, '../../schema/beian.config.schema.json'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSchema = ajv.compile(schema);

describe('init on each generator fixture', () => {
  for (const [generator, want] of Object.entries(EXPECTED)) {
    it(`${generator}: detects the generator, output folder, site name and numbers`, async () => {
      const dir = cloneFixture(generator);
      const run = await init(dir, ['--yes']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);

      const configFile = path.join(dir, 'beian.config.json');
      const config = readJson(configFile);
      expect(config).toMatchObject({ root: want.root, siteName: want.siteName, icp: want.icp, filing: 'personal' });
      expect(config.police).toBe(want.police);
      // What init writes, check reads: the same loader and resolver, and the published JSON Schema.
      expect(() => resolveConfig(loadConfigFile(configFile, dir), {}, dir)).not.toThrow();
      expect(validateSchema(config), JSON.stringify(validateSchema.errors)).toBe(true);

      const steps = workflowSteps(path.join(dir, '.github/workflows/beian.yml'));
      const uses = steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0]);
      expect(uses.slice(0, -1)).toEqual(want.setups);
      expect(steps.filter((s) => s.run).map((s) => s.run)).toEqual(want.runs);
      const last = steps[steps.length - 1]!;
      expect(last.uses).toBe(ACTION_REF);
      expect(last.with).toEqual({ config: 'beian.config.json' });

      // The summary names what it found and where, so the user can check it.
      expect(run.stdout).toContain(want.icp);
      expect(run.stdout).toContain(want.siteName);
      for (const note of want.notes ?? []) expect(run.stdout).toMatch(note);
    });
  }

  it('reads the workflow build command from package.json scripts when one exists', async () => {
    const dir = cloneFixture('vitepress');
    const pkg = readJson(path.join(dir, 'package.json')) as { scripts: Record<string, string> };
    await init(dir, ['--yes']);
    const build = workflowSteps(path.join(dir, '.github/workflows/beian.yml')).find((s) => s.name?.includes('build'))!;
    const script = build.run!.replace(/^npm run /, '');
    expect(pkg.scripts[script]).toBe('vitepress build docs');
  });

  it('uses the generator command when package.json has no build script', async () => {
    const dir = cloneFixture('docusaurus');
    const pkgFile = path.join(dir, 'package.json');
    const pkg = readJson(pkgFile) as { scripts: Record<string, string> };
    delete pkg.scripts.build;
    fs.writeFileSync(pkgFile, JSON.stringify(pkg));
    await init(dir, ['--yes']);
    const runs = workflowSteps(path.join(dir, '.github/workflows/beian.yml')).filter((s) => s.run).map((s) => s.run);
    expect(runs).toEqual(['yarn install --frozen-lockfile', 'npx docusaurus build']);
  });
});
