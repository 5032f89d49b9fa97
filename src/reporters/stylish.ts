import type { Lang } from '../i18n/lang.js';
import { oneLine } from './escape.js';
import type { Report, Severity } from '../model/index.js';

export interface StylishOptions {
  readonly lang: Lang;
  /** Decided by the caller from the TTY and NO_COLOR/FORCE_COLOR; the reporter only formats. */
  readonly color: boolean;
  /** Findings shown at most (the action's log); the rest are counted in one line. Default: all. */
  readonly maxFindings?: number;
}

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

/**
 * A mark before the level, in colour or not: it reads well, and a line that starts with spaces,
 * `line:column` and then `error` or `warning` is exactly what setup-node's eslint-stylish problem
 * matcher turns into an annotation, with whatever line came before (a `fix:` line) as its file.
 */
const MARK: Record<Severity, string> = { error: '✖', warning: '⚠', notice: 'ℹ' };

const LABEL: Record<Lang, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', notice: '提示' },
  en: { error: 'error', warning: 'warning', notice: 'notice' },
};

const TEXT = {
  'zh-CN': {
    fix: '修复',
    source: '源文件',
    lowConfidence: '（可能）',
    summary: (e: number, w: number, n: number, pages: number) => `${pages} 个页面：${e} 个错误，${w} 个警告${n ? `，${n} 个提示` : ''}`,
    clean: (pages: number) => `${pages} 个页面，未发现问题`,
    more: (n: number) => `另有 ${n} 个问题未在此列出，完整列表见 JSON 或 SARIF 报告、作业摘要。`,
  },
  en: {
    fix: 'fix',
    source: 'source',
    lowConfidence: ' (possible)',
    summary: (e: number, w: number, n: number, pages: number) =>
      `${pages} ${pages === 1 ? 'page' : 'pages'}: ${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}${n ? `, ${n} ${n === 1 ? 'notice' : 'notices'}` : ''}`,
    clean: (pages: number) => `${pages} ${pages === 1 ? 'page' : 'pages'}, no problems found`,
    more: (n: number) => `${n} more ${n === 1 ? 'finding is' : 'findings are'} not listed here; the JSON or SARIF report and the job summary have them all.`,
  },
} as const;

/**
 * Page text (hrefs, titles, file names) must not move the cursor, recolour the terminal, flip the
 * reading order or start a line that looks like another finding: one line, controls made visible.
 */
function safe(text: string): string {
  return oneLine(text);
}

/**
 * ESLint-style terminal report: findings grouped by file, then a summary line. In pieces, one file
 * at a time, so that any number of findings can be written (a million make 265 MB of text).
 * Findings come sorted by file, so a file's findings are consecutive.
 */
export function* stylishChunks(report: Report, options: StylishOptions): Generator<string> {
  const paint = (code: keyof typeof CODES, s: string) => (options.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const t = TEXT[options.lang];
  const limit = options.maxFindings ?? Infinity;
  let shown = 0;
  let out: string[] = [];
  let file: string | undefined;
  for (const f of report.findings) {
    if (shown >= limit) break;
    if (f.file !== file) {
      if (file !== undefined) {
        out.push('');
        yield `${out.join('\n')}\n`;
        out = [];
      }
      file = f.file;
      out.push(paint('bold', safe(f.file)));
    }
    shown++;
    const colour = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'cyan';
    const where = `${f.line}:${f.column}`.padEnd(8);
    out.push(`  ${paint('dim', where)} ${paint(colour, `${MARK[f.severity]} ${LABEL[options.lang][f.severity].padEnd(options.lang === 'en' ? 7 : 2)}`)}  ${safe(f.message)}  ${paint('dim', f.ruleId)}`);
    out.push(`  ${' '.repeat(10)} ${paint('green', `${t.fix}:`)} ${safe(f.fix)}`);
    for (const s of f.sourceLocations ?? []) {
      out.push(`  ${' '.repeat(10)} ${paint('cyan', `${t.source}:`)} ${safe(s.file)}:${s.line}:${s.column}${s.confidence === 'low' ? t.lowConfidence : ''}`);
    }
  }
  if (file !== undefined) out.push('');
  if (shown < report.findings.length) out.push(paint('dim', t.more(report.findings.length - shown)), '');
  out.push(formatSummaryLine(report, options));
  yield `${out.join('\n')}\n`;
}

/** The stylish report as one string: for reports known to be small, or capped with maxFindings. */
export function formatStylish(report: Report, options: StylishOptions): string {
  let text = '';
  for (const chunk of stylishChunks(report, options)) text += chunk;
  return text;
}

/** The last line of the stylish report on its own: what the terminal shows when the report went to a file. */
export function formatSummaryLine(report: Report, options: StylishOptions): string {
  const paint = (code: keyof typeof CODES, s: string) => (options.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const t = TEXT[options.lang];
  const { errors, warnings, notices, pages } = report.summary;
  if (errors + warnings + notices === 0) return paint('green', `✔ ${t.clean(pages)}`);
  return paint(errors > 0 ? 'red' : 'yellow', `✖ ${t.summary(errors, warnings, notices, pages)}`);
}
