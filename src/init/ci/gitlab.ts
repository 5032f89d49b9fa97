/**
 * GitLab CI: one job, `beian`, written as a whole `.gitlab-ci.yml` or, when the repository already
 * has one, as a file of its own that the existing pipeline includes (`include: local`), so the
 * user's pipeline is never rewritten.
 *
 * What GitLab shows: the job log (the readable result); in the merge request, the findings as Code
 * Quality issues and as failed JUnit tests (`artifacts:reports`), and a link to the JSON report
 * (`artifacts:expose_as`).
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { scalar, WRITTEN_BY, type WorkflowPlan } from '../workflow.js';
import { CODE_QUALITY_FILE, JUNIT_FILE, LIVE_REPORT_FILE, liveCommand, NODE_IMAGE, REPORT_FILE, shellSteps } from './commands.js';

export const GITLAB_FILE = '.gitlab-ci.yml';
/** Where the job goes when .gitlab-ci.yml exists: included from it, never merged into it. */
export const GITLAB_INCLUDE_FILE = '.gitlab/beian.gitlab-ci.yml';

/**
 * The stage for the job: GitLab's default `test` unless the existing pipeline declares its own
 * stages without it; then the first one, so the check runs before anything deploys.
 */
export function gitlabStage(existing: string | undefined): string {
  if (existing === undefined) return 'test';
  const doc = parseDocument(existing);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return 'test';
  const stages = doc.contents.get('stages', true);
  if (!isSeq(stages)) return 'test';
  const names = stages.items.map((i) => String((i as { value?: unknown }).value ?? i));
  if (names.includes('test')) return 'test';
  return names.find((n) => !/^\.(pre|post)$/.test(n)) ?? 'test';
}

/**
 * The check job, and with `live` the scheduled live job beside it. GitLab has no schedule in
 * .gitlab-ci.yml (pipeline schedules are made in the project's settings), so the live job runs
 * only in scheduled pipelines and the check job stays out of them.
 */
export function renderGitlab(plan: WorkflowPlan, configName: string, stage: string, live = false): string {
  const steps = shellSteps(plan, configName, { submodules: false, toolchain: true, reports: [`gitlab=${CODE_QUALITY_FILE}`, `junit=${JUNIT_FILE}`] });
  const inFolder = (file: string) => (plan.workingDirectory ? `${plan.workingDirectory}/${file}` : file);
  const report = inFolder(REPORT_FILE);
  const lines: string[] = [
    '# 备案检查：构建网站，再检查构建结果中的备案号、链接和网站标题；报告在合并请求中可以直接打开。',
    '# Filing check: build the site, then check the built HTML for the ICP number, its links and the',
    `# site title; the merge request links the report. ${WRITTEN_BY}.`,
    'beian:',
    `  stage: ${scalar(stage)}`,
    `  image: ${scalar(NODE_IMAGE)}`,
  ];
  if (live) {
    lines.push(
      '  rules:',
      '    # 定时流水线只运行线上检查 / scheduled pipelines run only the live check',
      '    - if: $CI_PIPELINE_SOURCE == "schedule"',
      '      when: never',
      '    # 其余和没有 rules 的任务一样：分支和标签的流水线 / otherwise as a job without rules: branch and tag pipelines',
      '    - if: $CI_COMMIT_BRANCH || $CI_COMMIT_TAG',
    );
  }
  const variables: [string, string][] = [...Object.entries(steps.env)];
  // Hugo themes are usually git submodules; without them the build has no templates.
  if (plan.submodules) variables.push(['GIT_SUBMODULE_STRATEGY', 'recursive']);
  if (variables.length > 0) {
    lines.push('  variables:');
    for (const [k, v] of variables) lines.push(`    ${k}: ${scalar(v)}`);
  }
  lines.push('  script:');
  if (plan.workingDirectory) lines.push(`    - cd ${scalar(plan.workingDirectory)}`);
  for (const s of steps.setup) lines.push(`    - ${scalar(s)}`);
  if (steps.build !== undefined) lines.push(`    - ${scalar(steps.build)}`);
  else if (plan.toolchain !== 'none') lines.push('    # TODO: 换成你的构建命令 / replace with your build command', '    - echo "add your build command here" && exit 1');
  lines.push(
    `    - ${scalar(steps.check)}`,
    '  artifacts:',
    '    # 失败时也保留报告 / keep the report when the check fails',
    '    when: always',
    '    # 合并请求页面上显示报告链接 / link the report from the merge request',
    "    expose_as: 'beian report'",
    '    paths:',
    `      - ${scalar(report)}`,
    '    # 在合并请求中显示为代码质量问题和失败的测试 / shown in the merge request as Code Quality issues and failed tests',
    '    reports:',
    `      codequality: ${scalar(inFolder(CODE_QUALITY_FILE))}`,
    `      junit: ${scalar(inFolder(JUNIT_FILE))}`,
    '    expire_in: 30 days',
  );
  if (live) lines.push('', ...liveJob(plan, configName, stage));
  return `${lines.join('\n')}\n`;
}

function liveJob(plan: WorkflowPlan, configName: string, stage: string): string[] {
  const report = plan.workingDirectory ? `${plan.workingDirectory}/${LIVE_REPORT_FILE}` : LIVE_REPORT_FILE;
  return [
    '# 线上检查：检查已部署的网站（页脚和标题、解析的 IP、域名和证书到期、跳转）。',
    '# 只在计划流水线中运行：在 构建 → 流水线计划 中新建一个每天运行的计划。',
    '# Live check: the deployed site (footer and title, resolved addresses, domain and certificate',
    '# expiry, redirects). Runs in scheduled pipelines only: create a daily one under Build → Pipeline schedules.',
    'beian-live:',
    `  stage: ${scalar(stage)}`,
    `  image: ${scalar(NODE_IMAGE)}`,
    '  rules:',
    '    - if: $CI_PIPELINE_SOURCE == "schedule"',
    '  script:',
    ...(plan.workingDirectory ? [`    - cd ${scalar(plan.workingDirectory)}`] : []),
    `    - ${scalar(liveCommand(configName))}`,
    '  artifacts:',
    '    when: always',
    '    paths:',
    `      - ${scalar(report)}`,
    '    expire_in: 30 days',
  ];
}

/** The lines to add to an existing .gitlab-ci.yml so it runs the included job. */
export function gitlabIncludeSnippet(): string {
  return `include:\n  - local: ${GITLAB_INCLUDE_FILE}\n`;
}
