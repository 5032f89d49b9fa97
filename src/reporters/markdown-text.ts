import type { Lang } from '../i18n/lang.js';
import type { Severity } from '../model/index.js';

/** Sentences of the Markdown report (job summary and PR comment), in every language. */
export interface MarkdownText {
  readonly title: (passed: boolean) => string;
  readonly checked: (pages: number, counts: string) => string;
  readonly counts: (errors: number, warnings: number, notices: number) => string;
  readonly failOn: (level: string) => string;
  readonly commit: (sha: string) => string;
  /** How sentences follow each other: Chinese runs them together, English puts a space between. */
  readonly sentenceGap: string;
  readonly clean: string;
  readonly notAnnotated: (n: number) => string;
  readonly severity: Record<Severity, string>;
  readonly table: { readonly rule: string; readonly level: string; readonly findings: string; readonly pages: string; readonly fix: string };
  readonly moreFixes: (n: number) => string;
  readonly findingsHeading: string;
  /** "Fix:" with the colon and spacing of the language. */
  readonly fix: string;
  readonly onPages: (n: number) => string;
  readonly morePages: (n: number) => string;
  /** "Source:" with the colon and spacing of the language. */
  readonly source: string;
  readonly possible: string;
  readonly truncated: (groups: number, findings: number) => string;
  readonly fullReport: string;
  readonly couldNotRun: string;
}

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', notice: '提示' },
  en: { error: 'error', warning: 'warning', notice: 'notice' },
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const MARKDOWN_TEXT: Record<Lang, MarkdownText> = {
  'zh-CN': {
    title: (passed) => (passed ? '✅ beian-guard：备案检查通过' : '❌ beian-guard：备案检查未通过'),
    checked: (pages, counts) => `检查了 ${pages} 个页面：${counts}。`,
    counts: (e, w, n) => (e + w + n === 0 ? '**没有发现问题**' : `**${e} 个错误，${w} 个警告${n ? `，${n} 个提示` : ''}**`),
    failOn: (level) => `失败条件（fail-on）：${level}。`,
    commit: (sha) => `提交 ${sha}。`,
    sentenceGap: '',
    clean: '所有页面都符合检查项。',
    notAnnotated: (n) => `GitHub 每个步骤每种级别最多显示 10 条注释：有 ${n} 个问题没有生成注释，下面列出了全部问题。`,
    severity: SEVERITY['zh-CN'],
    table: { rule: '规则', level: '级别', findings: '问题数', pages: '页面数', fix: '如何修复' },
    moreFixes: (n) => `（另有 ${n} 种修复方法，见下文）`,
    findingsHeading: '问题明细',
    fix: '修复：',
    onPages: (n) => `${n} 个页面：`,
    morePages: (n) => `等，另有 ${n} 个页面`,
    source: '源文件：',
    possible: '（可能）',
    truncated: (g, f) => `受 GitHub 长度限制，另有 ${g} 组问题（共 ${f} 个）没有列出。完整列表见运行日志，或用 json-file / sarif-file 输入写出的文件。`,
    fullReport: '完整报告（作业摘要）',
    couldNotRun: '⚠️ beian-guard：本次检查没能运行',
  },
  en: {
    title: (passed) => (passed ? '✅ beian-guard: ICP filing check passed' : '❌ beian-guard: ICP filing check failed'),
    checked: (pages, counts) => `Checked ${plural(pages, 'page', 'pages')}: ${counts}.`,
    counts: (e, w, n) =>
      e + w + n === 0
        ? '**no problems found**'
        : `**${plural(e, 'error', 'errors')}, ${plural(w, 'warning', 'warnings')}${n ? `, ${plural(n, 'notice', 'notices')}` : ''}**`,
    failOn: (level) => `Fails on: ${level}.`,
    commit: (sha) => `Commit ${sha}.`,
    sentenceGap: ' ',
    clean: 'Every page meets the checks.',
    notAnnotated: (n) =>
      `GitHub shows at most 10 annotations of each level per step: ${plural(n, 'finding has', 'findings have')} no annotation. All findings are listed below.`,
    severity: SEVERITY.en,
    table: { rule: 'Rule', level: 'Level', findings: 'Findings', pages: 'Pages', fix: 'How to fix' },
    moreFixes: (n) => ` (${plural(n, 'other fix', 'other fixes')} below)`,
    findingsHeading: 'Findings',
    fix: 'Fix: ',
    onPages: (n) => `${plural(n, 'page', 'pages')}: `,
    morePages: (n) => `and ${plural(n, 'more page', 'more pages')}`,
    source: 'Source: ',
    possible: ' (possible)',
    truncated: (g, f) =>
      `${plural(g, 'more group', 'more groups')} (${plural(f, 'finding', 'findings')}) not listed because of GitHub's size limit. The run log and the files written by the json-file / sarif-file inputs have them all.`,
    fullReport: 'Full report (job summary)',
    couldNotRun: '⚠️ beian-guard: the check could not run',
  },
};
