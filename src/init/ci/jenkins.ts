/**
 * Jenkins: a declarative pipeline. Without a Jenkinsfile init writes one; with one it writes the
 * stage on its own (beian-stage.groovy) for the user to paste into `stages { }`, since merging
 * Groovy by program would risk the user's pipeline. The JSON report is archived, so the build page
 * links it, whether the check passed or not.
 */
import { WRITTEN_BY, type WorkflowPlan } from '../workflow.js';
import { REPORT_FILE, shellSteps } from './commands.js';

export const JENKINS_FILE = 'Jenkinsfile';
export const JENKINS_STAGE_FILE = 'beian-stage.groovy';

/** A Groovy single-quoted string: backslashes and quotes escaped. */
function groovy(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function stage(plan: WorkflowPlan, configName: string, indent: string): string[] {
  const steps = shellSteps(plan, configName, { submodules: true, toolchain: false });
  const report = plan.workingDirectory ? `${plan.workingDirectory}/${REPORT_FILE}` : REPORT_FILE;
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
    ...(env.length > 0 ? ['  environment {', ...env.map(([k, v]) => `    ${k} = ${groovy(v)}`), '  }'] : []),
    '  steps {',
    ...inner.map((l) => `    ${l}`),
    '  }',
    '  post {',
    '    always {',
    '      // 报告出现在构建页面的构建物中 / the report is linked from the build page',
    `      archiveArtifacts artifacts: ${groovy(report)}, allowEmptyArchive: true`,
    '    }',
    '  }',
    '}',
  ];
  return out.map((l) => `${indent}${l}`);
}

/** A whole Jenkinsfile for a repository that has none. */
export function renderJenkinsfile(plan: WorkflowPlan, configName: string): string {
  const lines = [
    '// 备案检查：构建网站，再检查构建结果中的备案号、链接和网站标题。',
    `// Filing check: build the site, then check the built HTML. ${WRITTEN_BY}.`,
    '// 构建机上需要 Node.js 20.19 或更高' + (plan.toolchain === 'hugo' ? '、Hugo' : plan.toolchain === 'jekyll' ? '、Ruby 和 Bundler' : '') + '。',
    '// The agent needs Node.js 20.19 or later' + (plan.toolchain === 'hugo' ? ' and Hugo' : plan.toolchain === 'jekyll' ? ', Ruby and Bundler' : '') + '.',
    'pipeline {',
    '  agent any',
    '  stages {',
    ...stage(plan, configName, '    '),
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
