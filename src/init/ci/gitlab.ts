/**
 * GitLab CI: one job, `beian`, written as a whole `.gitlab-ci.yml` or, when the repository already
 * has one, as a file of its own that the existing pipeline includes (`include: local`), so the
 * user's pipeline is never rewritten.
 *
 * What GitLab shows: the job log (the readable result), and the JSON report as an artifact that
 * `artifacts:expose_as` links from the merge request. Reports GitLab renders inside the merge
 * request widget (Code Quality, JUnit) go under `artifacts:reports`, next to `expose_as`.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { scalar, WRITTEN_BY, type WorkflowPlan } from '../workflow.js';
import { NODE_IMAGE, REPORT_FILE, shellSteps } from './commands.js';

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

export function renderGitlab(plan: WorkflowPlan, configName: string, stage: string): string {
  const steps = shellSteps(plan, configName, { submodules: false, toolchain: true });
  const report = plan.workingDirectory ? `${plan.workingDirectory}/${REPORT_FILE}` : REPORT_FILE;
  const lines: string[] = [
    '# 备案检查：构建网站，再检查构建结果中的备案号、链接和网站标题；报告在合并请求中可以直接打开。',
    '# Filing check: build the site, then check the built HTML for the ICP number, its links and the',
    `# site title; the merge request links the report. ${WRITTEN_BY}.`,
    'beian:',
    `  stage: ${scalar(stage)}`,
    `  image: ${scalar(NODE_IMAGE)}`,
  ];
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
    '    expire_in: 30 days',
  );
  return `${lines.join('\n')}\n`;
}

/** The lines to add to an existing .gitlab-ci.yml so it runs the included job. */
export function gitlabIncludeSnippet(): string {
  return `include:\n  - local: ${GITLAB_INCLUDE_FILE}\n`;
}
