/**
 * The shell commands a CI other than GitHub Actions runs: set up the generator, build, check.
 * GitHub has its own actions for the set-up (workflow.ts); GitLab, Gitee Go and Jenkins run these
 * commands in a plain Node.js image or on an agent.
 */
import { HUGO_VERSION, type WorkflowPlan } from '../workflow.js';

/**
 * How CI runs the CLI. One place, so the way it is fetched (npx from the npm registry today)
 * changes once for every CI file init writes.
 */
export const CLI_RUN = 'npx --yes beian-guard';

/** The JSON report every non-GitHub CI keeps as an artifact. */
export const REPORT_FILE = 'beian-report.json';

/** Reports the CIs show themselves (docs/reports.md): GitLab's merge request widget, Jenkins' test results, a page to open. */
export const CODE_QUALITY_FILE = 'gl-code-quality-report.json';
export const JUNIT_FILE = 'beian-junit.xml';
export const HTML_FILE = 'beian-report.html';

/** The Node.js image for GitLab; beian-guard needs Node.js 20.19 or later. */
export const NODE_IMAGE = 'node:22';

/**
 * `beian-guard check`: the readable report in the job log, the JSON report kept as an artifact, and
 * the reports this CI shows on its own pages (`format=file` each).
 */
export function checkCommand(configName: string, reports: readonly string[] = []): string {
  return [`${CLI_RUN} check --config ${configName} --format stylish --format json=${REPORT_FILE}`, ...reports.map((r) => `--format ${r}`)].join(' ');
}

/** The JSON report of the scheduled live check, kept as an artifact like the check's. */
export const LIVE_REPORT_FILE = 'beian-live-report.json';

/** `beian-guard live` with the JSON report; it fetches the deployed site, so nothing is built first. */
export function liveCommand(configName: string): string {
  return `${CLI_RUN} live --config ${configName} --format json --output ${LIVE_REPORT_FILE}`;
}

export interface ShellSteps {
  /** Toolchain set-up and dependency installation, in order. */
  readonly setup: readonly string[];
  /** The build command; undefined when none was found (the user fills it in). */
  readonly build?: string;
  readonly check: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface ShellOptions {
  /** Check out git submodules (CIs that do not do it themselves). */
  readonly submodules: boolean;
  /** Install Hugo or Ruby in the job (a container image); false on an agent that has them. */
  readonly toolchain: boolean;
  /** Reports besides the JSON one, as `format=file` (see checkCommand). */
  readonly reports?: readonly string[];
}

/**
 * The commands for a plan, as they run in the project folder. Hugo comes from its release .deb
 * (the install method Hugo documents for Debian, which the node image is); Jekyll from Debian's
 * Ruby.
 */
export function shellSteps(plan: WorkflowPlan, configName: string, options: ShellOptions): ShellSteps {
  const setup: string[] = [];
  if (options.submodules && plan.submodules) setup.push('git submodule update --init --recursive');
  if (plan.toolchain === 'hugo' && options.toolchain) {
    setup.push(
      `curl -fsSL -o /tmp/hugo.deb https://github.com/gohugoio/hugo/releases/download/v${HUGO_VERSION}/hugo_extended_${HUGO_VERSION}_linux-amd64.deb`,
      'dpkg -i /tmp/hugo.deb',
    );
  }
  if (plan.toolchain === 'jekyll') {
    if (options.toolchain) setup.push('apt-get update -qq && apt-get install -y -qq ruby-full build-essential', 'gem install bundler');
    setup.push('bundle install');
  }
  const node = plan.node;
  if (node) {
    if (node.manager === 'pnpm' || node.manager === 'yarn-berry') setup.push('corepack enable');
    if (node.manager === 'bun') setup.push('npm install -g bun');
    setup.push(node.install);
  }
  return {
    setup,
    ...(plan.toolchain !== 'none' && plan.build !== undefined && { build: plan.build }),
    check: checkCommand(configName, options.reports),
    env: plan.toolchain === 'jekyll' ? { JEKYLL_ENV: 'production' } : {},
  };
}
