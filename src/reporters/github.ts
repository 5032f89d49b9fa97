import type { Lang } from '../i18n/lang.js';
import type { Report, Severity } from '../model/index.js';
import { ANNOTATION_TEXT, ANNOTATIONS_PER_LEVEL, planAnnotations, type AnnotationProperties } from './annotations.js';
import { formatSummaryLine } from './stylish.js';

export interface GithubOptions {
  readonly lang: Lang;
  /** A built or source file as a path relative to the repository (GITHUB_WORKSPACE), which GitHub annotates. */
  readonly path?: (file: string) => string;
}

const NOT_ANNOTATED: Record<Lang, (n: number) => string> = {
  'zh-CN': (n) => `GitHub 每个步骤每种级别最多显示 ${ANNOTATIONS_PER_LEVEL} 条注释：另有 ${n} 个问题没有注释，完整列表见其他格式的报告。`,
  en: (n) => `GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step: ${n} more ${n === 1 ? 'finding has' : 'findings have'} none; the other report formats list them all.`,
};

/** Workflow-command data: the runner undoes exactly these (actions/toolkit command.ts). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values are cut at `,` and `:` as well. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const KEYS: [keyof AnnotationProperties, string][] = [
  ['title', 'title'],
  ['file', 'file'],
  ['startLine', 'line'],
  ['endLine', 'endLine'],
  ['startColumn', 'col'],
  ['endColumn', 'endColumn'],
];

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };

/**
 * GitHub workflow commands (`::error file=…,line=…::message`) for a plain `run:` step, so a job
 * that runs the CLI instead of the action still gets annotations on the pull request. The same
 * plan as the action's: one annotation per group of identical findings, errors and entry pages
 * first, within the runner's cap of 10 per level and step, and a line saying how many are left.
 * Page text is on one line and escaped: nothing in it can end the command or start another.
 */
export function formatGithub(report: Report, options: GithubOptions): string {
  const budget = { error: ANNOTATIONS_PER_LEVEL, warning: ANNOTATIONS_PER_LEVEL, notice: ANNOTATIONS_PER_LEVEL };
  const plan = planAnnotations(report.findings, { budget, text: ANNOTATION_TEXT[options.lang], path: options.path ?? ((f) => f) });
  const lines = plan.annotations.map((a) => {
    const props = KEYS.filter(([key]) => a.properties[key] !== undefined)
      .map(([key, name]) => `${name}=${escapeProperty(String(a.properties[key]))}`)
      .join(',');
    return `::${COMMAND[a.level]}${props ? ` ${props}` : ''}::${escapeData(a.message)}`;
  });
  if (plan.notAnnotated > 0) lines.push(NOT_ANNOTATED[options.lang](plan.notAnnotated));
  lines.push(formatSummaryLine(report, { lang: options.lang, color: false }));
  return `${lines.join('\n')}\n`;
}
