import { REPORT_FORMATS, type ReportFormat } from '../model/index.js';
import { InputError, type Where } from './errors.js';

/** One report a run writes: a format, to standard output (no `file`) or to a file. */
export interface ReportSpec {
  readonly format: ReportFormat;
  /** A path relative to the working directory; absent for standard output. */
  readonly file?: string;
}

/**
 * `--format` values (repeated, or comma-separated as html-validate takes them), the config's
 * `reports` and the action's `reports` input all say `format` or `format=path`. `-` as a path is
 * standard output. At most one report can go to standard output: two would be interleaved.
 */
export function parseReportSpecs(values: readonly string[], where: Where): ReportSpec[] {
  const specs: ReportSpec[] = [];
  for (const value of values) {
    for (const item of value.split(',')) {
      const text = item.trim();
      if (text === '') continue;
      const eq = text.indexOf('=');
      const name = (eq === -1 ? text : text.slice(0, eq)).trim();
      const file = eq === -1 ? undefined : text.slice(eq + 1).trim();
      if (!(REPORT_FORMATS as readonly string[]).includes(name)) {
        throw InputError.of('choice', { value: name, allowed: REPORT_FORMATS.map((f) => `"${f}"`).join(', ') }, where);
      }
      if (file === '') throw InputError.of('report-path-empty', { format: name }, where);
      specs.push({ format: name as ReportFormat, ...(file !== undefined && file !== '-' && { file }) });
    }
  }
  return specs;
}

/** Refuses a list that sends two reports to standard output. */
export function checkOneStdout(specs: readonly ReportSpec[], where: Where): void {
  const toStdout = specs.filter((s) => s.file === undefined);
  if (toStdout.length > 1) throw InputError.of('reports-one-stdout', { formats: toStdout.map((s) => s.format).join(', ') }, where);
}
