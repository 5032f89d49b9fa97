import type { Project } from './project.js';
import type { Toolchain } from './types.js';

/**
 * The Action as users reference it. The owner is a placeholder until the repository is published
 * (the same one as PROJECT_URL in src/reporters/docs-url.ts); README.md says so, and a test keeps
 * every document on this owner.
 */
export const ACTION_OWNER = 'beian-guard';
export const ACTION_REF = `${ACTION_OWNER}/beian-guard@v0`;

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'yarn-berry' | 'bun';

/** How CI builds and checks the site; everything the workflow text depends on. */
export interface WorkflowPlan {
  readonly branch: string;
  readonly toolchain: Toolchain;
  /** Present when the project has a package.json: set up Node and install dependencies. */
  readonly node?: {
    readonly manager: PackageManager;
    readonly install: string;
    /** .nvmrc or .node-version, relative to the repository root. */
    readonly versionFile?: string;
    /** pnpm/action-setup needs a version when package.json has no packageManager field. */
    readonly pnpmVersion?: string;
    /** Lock file relative to the repository root, for setup-node's cache. */
    readonly lockFile?: string;
  };
  /** undefined: no build command was found; the step is left for the user to fill in. */
  readonly build?: string;
  readonly submodules: boolean;
  /** The project folder relative to the repository root; undefined at the root. */
  readonly workingDirectory?: string;
  /** The config file relative to the repository root. */
  readonly configPath: string;
}

/** The package manager a project uses, from its lock file or the packageManager field. */
export function packageManagerOf(project: Project): { manager: PackageManager; lockFile?: string } {
  const declared = project.packageJson()?.packageManager;
  const name = typeof declared === 'string' ? declared.split('@')[0] : undefined;
  if (name === 'pnpm' || project.isFile('pnpm-lock.yaml')) return { manager: 'pnpm', ...(project.isFile('pnpm-lock.yaml') && { lockFile: 'pnpm-lock.yaml' }) };
  if (name === 'bun' || project.isFile('bun.lockb') || project.isFile('bun.lock')) return { manager: 'bun' };
  if (name === 'yarn' || project.isFile('yarn.lock')) {
    // Yarn 2+ keeps .yarnrc.yml and is run through corepack; classic yarn is on the runner image.
    const berry = project.isFile('.yarnrc.yml') || (typeof declared === 'string' && !declared.startsWith('yarn@1'));
    return { manager: berry ? 'yarn-berry' : 'yarn', ...(project.isFile('yarn.lock') && { lockFile: 'yarn.lock' }) };
  }
  return { manager: 'npm', ...(project.isFile('package-lock.json') && { lockFile: 'package-lock.json' }) };
}

export function installCommand(manager: PackageManager, hasLock: boolean): string {
  switch (manager) {
    case 'pnpm':
      return hasLock ? 'pnpm install --frozen-lockfile' : 'pnpm install';
    case 'yarn':
      return hasLock ? 'yarn install --frozen-lockfile' : 'yarn install';
    case 'yarn-berry':
      return hasLock ? 'yarn install --immutable' : 'yarn install';
    case 'bun':
      return 'bun install';
    case 'npm':
      return hasLock ? 'npm ci' : 'npm install';
  }
}

export function runScript(manager: PackageManager, script: string): string {
  switch (manager) {
    case 'pnpm':
      return `pnpm run ${script}`;
    case 'yarn':
    case 'yarn-berry':
      return `yarn run ${script}`;
    case 'bun':
      return `bun run ${script}`;
    case 'npm':
      return `npm run ${script}`;
  }
}

/** A YAML scalar that needs no quoting stays bare (as people write workflows); anything else is JSON-quoted. */
export function scalar(value: string): string {
  const plain =
    /^[A-Za-z0-9_./@*-][A-Za-z0-9_./@*:=+ -]*$/.test(value) &&
    !/: | #|:$| $/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * Hugo for CI, pinned: `latest` changes under a site without warning, and themes state a
 * minimum. Users edit one line to match their local `hugo version`.
 */
export const HUGO_VERSION = '0.166.0';

/** The line every file init writes carries, so a later `init --force` knows the file is its own. */
export const WRITTEN_BY = 'Written by `beian-guard init`';

/** The workflow file, as text: comments explain each step to someone new to Actions. */
export function renderWorkflow(plan: WorkflowPlan): string {
  const lines: string[] = [];
  const add = (...l: string[]) => lines.push(...l);
  const built = plan.toolchain !== 'none';
  add(
    built ? '# 备案检查：每次推送和每个 PR 都构建网站，再检查构建结果中的备案号、链接和网站标题。' : '# 备案检查：每次推送和每个 PR 都检查网站 HTML 中的备案号、链接和网站标题。',
    built ? '# Filing check: on every push and pull request, build the site and check the built HTML' : "# Filing check: on every push and pull request, check the site's HTML",
    `# for the ICP number, its links and the site title. ${WRITTEN_BY}.`,
    'name: beian',
    '',
    'on:',
    '  push:',
    `    branches: [${scalar(plan.branch)}]`,
    '  pull_request:',
    '',
    'permissions:',
    '  contents: read',
    '  # 在 PR 上发表并更新检查结果评论 / post and update the result comment on the pull request',
    '  pull-requests: write',
    '',
    '# 同一个 PR 或分支连续推送时只保留最新一次运行，两次运行不会争抢同一条评论。',
    '# One run per pull request or branch: a newer push cancels the older run, so two runs never race on one comment.',
    'concurrency:',
    '  group: beian-${{ github.event.pull_request.number || github.ref }}',
    '  cancel-in-progress: true',
    '',
    'jobs:',
    '  beian:',
    '    runs-on: ubuntu-latest',
  );
  if (plan.workingDirectory) add('    defaults:', '      run:', `        working-directory: ${scalar(plan.workingDirectory)}`);
  add('    steps:', '      - uses: actions/checkout@v5');
  // Hugo themes are usually git submodules; without them the build has no templates.
  if (plan.submodules) add('        with:', '          submodules: recursive');
  const node = plan.node;
  if (node) {
    if (node.manager === 'pnpm') {
      add('      - uses: pnpm/action-setup@v4');
      if (node.pnpmVersion) add('        with:', `          version: ${scalar(node.pnpmVersion)}`);
    }
    if (node.manager === 'bun') add('      - uses: oven-sh/setup-bun@v2');
    if (node.manager === 'yarn-berry') add('      - run: corepack enable');
    add('      - uses: actions/setup-node@v5', '        with:');
    if (node.versionFile) add(`          node-version-file: ${scalar(node.versionFile)}`);
    else add('          node-version: lts/*');
    const cache = node.manager === 'yarn-berry' ? 'yarn' : node.manager;
    if (node.lockFile && cache !== 'bun') {
      add(`          cache: ${cache}`);
      if (plan.workingDirectory) add(`          cache-dependency-path: ${scalar(node.lockFile)}`);
    }
    add(`      - run: ${node.install}`);
  }
  if (plan.toolchain === 'hugo') {
    add('      - uses: peaceiris/actions-hugo@v3', '        with:', `          hugo-version: ${scalar(HUGO_VERSION)}`, '          extended: true');
  }
  if (plan.toolchain === 'jekyll') {
    add('      - uses: ruby/setup-ruby@v1', '        with:', "          ruby-version: '3.3'", '          bundler-cache: true');
    if (plan.workingDirectory) add(`          working-directory: ${scalar(plan.workingDirectory)}`);
  }
  // A plain site has nothing to build: the pages in the repository are what is checked.
  if (built) {
    add('      - name: 构建网站 / build the site');
    if (plan.build) {
      add(`        run: ${scalar(plan.build)}`);
      if (plan.toolchain === 'jekyll') add('        env:', '          JEKYLL_ENV: production');
    } else {
      add('        # TODO: 换成你的构建命令 / replace with your build command', '        run: echo "add your build command here" && exit 1');
    }
  }
  add(
    '      - name: 备案检查 / filing check',
    `        uses: ${ACTION_REF}`,
    '        with:',
    `          config: ${scalar(plan.configPath)}`,
  );
  return `${lines.join('\n')}\n`;
}
