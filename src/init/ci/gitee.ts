/**
 * Gitee Go: a pipeline file of its own in `.workflow/`, in the format Gitee's pipeline editor
 * writes (version '1.0', triggers on push and pull request, one stage with a Node.js build step).
 * The step keeps the JSON report as a build artifact, which the run's page offers for download.
 */
import { scalar, WRITTEN_BY, type WorkflowPlan } from '../workflow.js';
import { HTML_FILE, LIVE_REPORT_FILE, liveCommand, REPORT_FILE, shellSteps } from './commands.js';

export const GITEE_FILE = '.workflow/beian.yml';
/** The scheduled live check: a pipeline of its own, since a Gitee Go pipeline has one set of triggers. */
export const GITEE_LIVE_FILE = '.workflow/beian-live.yml';

/**
 * Gitee Go's schedule trigger takes a Quartz-style expression (minute hour day month weekday),
 * where day and weekday cannot both be `*`: `?` leaves the weekday open. Daily at 09:17.
 */
export const GITEE_LIVE_CRON = '17 9 * * ?';

/**
 * Node.js for the build@nodejs step. beian-guard needs 20.19 or later; Gitee Go offers the
 * versions its editor lists, and the comment in the file says to pick another from that list.
 */
export const GITEE_NODE_VERSION = '22.12.0';

export function renderGitee(plan: WorkflowPlan, configName: string): string {
  const steps = shellSteps(plan, configName, { submodules: true, toolchain: true, reports: [`html=${HTML_FILE}`] });
  const inFolder = (file: string) => (plan.workingDirectory ? `./${plan.workingDirectory}/${file}` : `./${file}`);
  const report = inFolder(REPORT_FILE);
  const commands: string[] = [];
  if (plan.workingDirectory) commands.push(`cd ${plan.workingDirectory}`);
  for (const [k, v] of Object.entries(steps.env)) commands.push(`export ${k}=${v}`);
  commands.push(...steps.setup);
  if (steps.build !== undefined) commands.push(steps.build);
  else if (plan.toolchain !== 'none') commands.push('echo "add your build command here" && exit 1');
  commands.push(steps.check);
  const lines = [
    '# 备案检查：每次推送和每个 Pull Request 都构建网站，再检查构建结果中的备案号、链接和网站标题。',
    '# Filing check: on every push and pull request, build the site and check the built HTML.',
    `# ${WRITTEN_BY}.`,
    "version: '1.0'",
    'name: beian',
    'displayName: 备案检查',
    'triggers:',
    '  trigger: auto',
    '  push:',
    '    branches:',
    '      prefix:',
    "        - ''",
    '  pr:',
    '    branches:',
    '      prefix:',
    "        - ''",
    'stages:',
    '  - name: beian',
    '    displayName: 构建并检查',
    '    strategy: naturally',
    '    trigger: auto',
    '    steps:',
    '      - step: build@nodejs',
    '        name: beian_check',
    '        displayName: 构建网站并检查备案信息',
    '        # beian-guard 需要 Node.js 20.19 或更高；如果列表中没有这个版本，选一个不低于 20.19 的。',
    '        # beian-guard needs Node.js 20.19 or later: pick another version from the list if this one is missing.',
    `        nodeVersion: ${scalar(GITEE_NODE_VERSION)}`,
    '        commands:',
    ...commands.map((c) => `          - ${scalar(c)}`),
    '        # 检查报告作为构建物保留：网页版可以直接打开 / keep the reports as build artifacts: the HTML one opens in a browser',
    '        artifacts:',
    '          - name: BEIAN_REPORT',
    '            path:',
    `              - ${scalar(report)}`,
    '          - name: BEIAN_REPORT_HTML',
    '            path:',
    `              - ${scalar(inFolder(HTML_FILE))}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The live check on a schedule: no build, only `beian-guard live` on the deployed site. */
export function renderGiteeLive(plan: WorkflowPlan, configName: string): string {
  const report = plan.workingDirectory ? `./${plan.workingDirectory}/${LIVE_REPORT_FILE}` : `./${LIVE_REPORT_FILE}`;
  const commands = [...(plan.workingDirectory ? [`cd ${plan.workingDirectory}`] : []), liveCommand(configName)];
  const lines = [
    '# 线上检查：每天检查已部署的网站（页脚和标题、解析的 IP、域名和证书到期、跳转）。',
    '# Live check: once a day, check the deployed site (footer and title, resolved addresses, domain',
    `# and certificate expiry, redirects). ${WRITTEN_BY}.`,
    "version: '1.0'",
    'name: beian-live',
    'displayName: 线上检查',
    'triggers:',
    '  trigger: auto',
    '  schedule:',
    '    # 每天 9:17 / daily at 09:17',
    `    - cron: '${GITEE_LIVE_CRON}'`,
    'stages:',
    '  - name: beian_live',
    '    displayName: 线上检查',
    '    strategy: naturally',
    '    trigger: auto',
    '    steps:',
    '      - step: build@nodejs',
    '        name: beian_live',
    '        displayName: 检查已部署的网站',
    '        # beian-guard 需要 Node.js 20.19 或更高 / beian-guard needs Node.js 20.19 or later',
    `        nodeVersion: ${scalar(GITEE_NODE_VERSION)}`,
    '        commands:',
    ...commands.map((c) => `          - ${scalar(c)}`),
    '        artifacts:',
    '          - name: BEIAN_LIVE_REPORT',
    '            path:',
    `              - ${scalar(report)}`,
  ];
  return `${lines.join('\n')}\n`;
}
