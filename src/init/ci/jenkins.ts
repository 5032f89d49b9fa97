/**
 * Jenkins: a declarative pipeline. Without a Jenkinsfile init writes one; with one it writes the
 * stage on its own (beian-stage.groovy) for the user to paste into `stages { }`, since merging
 * Groovy by program would risk the user's pipeline. The JSON report is archived, so the build page
 * links it, whether the check passed or not.
 */
import { WRITTEN_BY, type WorkflowPlan } from '../workflow.js';
import { HTML_FILE, JUNIT_FILE, LIVE_REPORT_FILE, liveCommand, REPORT_FILE, shellSteps } from './commands.js';

export const JENKINS_FILE = 'Jenkinsfile';
export const JENKINS_STAGE_FILE = 'beian-stage.groovy';
/**
 * The live check beside a user's own Jenkinsfile: a pipeline of its own for a job of its own, so
 * a timer never runs the user's stages (a deploy among them).
 */
export const JENKINS_LIVE_FILE = 'beian-live.Jenkinsfile';

/** Daily, at a minute of the 1 o'clock hour that Jenkins picks per job (H spreads the load). */
export const JENKINS_LIVE_CRON = 'H 1 * * *';

/** A Groovy single-quoted string: backslashes and quotes escaped. */
function groovy(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function stage(plan: WorkflowPlan, configName: string, indent: string, when: readonly string[] = []): string[] {
  const steps = shellSteps(plan, configName, { submodules: true, toolchain: false, reports: [`junit=${JUNIT_FILE}`, `html=${HTML_FILE}`] });
  const inFolder = (file: string) => (plan.workingDirectory ? `${plan.workingDirectory}/${file}` : file);
  const report = inFolder(REPORT_FILE);
  const body: string[] = [...steps.setup];
  if (steps.build !== undefined) body.push(steps.build);
  else if (plan.toolchain !== 'none') body.push('echo "add your build command here" && exit 1');
  body.push(steps.check);
  const sh = body.map((c) => `sh ${groovy(c)}`);
  const inner = plan.workingDirectory ? [`dir(${groovy(plan.workingDirectory)}) {`, ...sh.map((l) => `  ${l}`), '}'] : sh;
  // Each sh step is a shell of its own: variables go in the stage's environment, not in an export.
  const env = Object.entries(steps.env);
  const out = [
    "stage('备案检查 / filing check') {",
    ...when.map((l) => `  ${l}`),
    ...(env.length > 0 ? ['  environment {', ...env.map(([k, v]) => `    ${k} = ${groovy(v)}`), '  }'] : []),
    '  steps {',
    ...inner.map((l) => `    ${l}`),
    '  }',
    '  post {',
    '    always {',
    '      // 问题显示为构建页面上失败的测试，报告是构建物 / findings show as failed tests on the build page; the reports are artifacts',
    `      junit testResults: ${groovy(inFolder(JUNIT_FILE))}, allowEmptyResults: true`,
    `      archiveArtifacts artifacts: ${groovy(`${report}, ${inFolder(HTML_FILE)}`)}, allowEmptyArchive: true`,
    '    }',
    '  }',
    '}',
  ];
  return out.map((l) => `${indent}${l}`);
}

/** The live stage: `beian-guard live` on the deployed site, its JSON report archived. */
function liveStage(plan: WorkflowPlan, configName: string, indent: string, when: readonly string[]): string[] {
  const report = plan.workingDirectory ? `${plan.workingDirectory}/${LIVE_REPORT_FILE}` : LIVE_REPORT_FILE;
  const sh = `sh ${groovy(liveCommand(configName))}`;
  const out = [
    "stage('线上检查 / live check') {",
    ...when.map((l) => `  ${l}`),
    '  steps {',
    ...(plan.workingDirectory ? [`    dir(${groovy(plan.workingDirectory)}) {`, `      ${sh}`, '    }'] : [`    ${sh}`]),
    '  }',
    '  post {',
    '    always {',
    `      archiveArtifacts artifacts: ${groovy(report)}, allowEmptyArchive: true`,
    '    }',
    '  }',
    '}',
  ];
  return out.map((l) => `${indent}${l}`);
}

/**
 * A whole Jenkinsfile for a repository that has none. With `live`, a daily timer runs the live
 * stage and only it: the check stage skips timer builds, the live stage runs only in them. In a
 * multibranch job every branch would get the timer, so only the default branch sets it.
 */
export function renderJenkinsfile(plan: WorkflowPlan, configName: string, live = false): string {
  const timer = [
    '  // 每天 1 点左右（Jenkins 服务器时间）运行线上检查；多分支任务中只有 ' + plan.branch + ' 分支定时运行。',
    `  // Runs the live check daily around 01:00 (Jenkins server time); in a multibranch job only ${plan.branch} does.`,
    '  triggers {',
    `    cron(env.BRANCH_NAME == null || env.BRANCH_NAME == ${groovy(plan.branch)} ? ${groovy(JENKINS_LIVE_CRON)} : '')`,
    '  }',
  ];
  const lines = [
    '// 备案检查：构建网站，再检查构建结果中的备案号、链接和网站标题。',
    `// Filing check: build the site, then check the built HTML. ${WRITTEN_BY}.`,
    '// 构建机上需要 Node.js 20.19 或更高' + (plan.toolchain === 'hugo' ? '、Hugo' : plan.toolchain === 'jekyll' ? '、Ruby 和 Bundler' : '') + '。',
    '// The agent needs Node.js 20.19 or later' + (plan.toolchain === 'hugo' ? ' and Hugo' : plan.toolchain === 'jekyll' ? ', Ruby and Bundler' : '') + '.',
    'pipeline {',
    '  agent any',
    ...(live ? timer : []),
    '  stages {',
    ...stage(plan, configName, '    ', live ? ['// 定时构建只运行线上检查 / timer builds run only the live check', "when { not { triggeredBy 'TimerTrigger' } }"] : []),
    ...(live ? liveStage(plan, configName, '    ', ["when { triggeredBy 'TimerTrigger' }"]) : []),
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** The live check as a pipeline of its own, for a separate Jenkins job beside the user's Jenkinsfile. */
export function renderJenkinsLive(plan: WorkflowPlan, configName: string): string {
  const lines = [
    '// 线上检查：每天检查已部署的网站（页脚和标题、解析的 IP、域名和证书到期、跳转）。',
    '// 在 Jenkins 中为它新建一个流水线任务（Pipeline script from SCM，脚本路径 ' + JENKINS_LIVE_FILE + '）。',
    '// Live check: once a day, check the deployed site (footer and title, resolved addresses, domain',
    `// and certificate expiry, redirects). Give it a Pipeline job of its own (Pipeline script from SCM,`,
    `// script path ${JENKINS_LIVE_FILE}). ${WRITTEN_BY}.`,
    '// 构建机上需要 Node.js 20.19 或更高 / the agent needs Node.js 20.19 or later.',
    'pipeline {',
    '  agent any',
    '  triggers {',
    `    cron(${groovy(JENKINS_LIVE_CRON)})`,
    '  }',
    '  stages {',
    ...liveStage(plan, configName, '    ', []),
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** The stage alone, for pasting into the `stages { }` block of an existing Jenkinsfile. */
export function renderJenkinsStage(plan: WorkflowPlan, configName: string): string {
  const lines = [
    '// 把下面的 stage 粘贴到 Jenkinsfile 的 stages { } 中；如果前面的 stage 已经构建了网站，删掉构建命令。',
    '// Paste this stage into the stages { } block of your Jenkinsfile; drop the build commands if an',
    `// earlier stage already builds the site. ${WRITTEN_BY}.`,
    ...stage(plan, configName, ''),
  ];
  return `${lines.join('\n')}\n`;
}
