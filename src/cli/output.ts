/**
 * Writing a run's reports, for `check` and `live` alike: each requested format to stdout or to its
 * file, a one-line summary when everything went to files, and the exit code from the verdict.
 * Reports are written in pieces (a million findings make hundreds of MB), files only where
 * src/sinks/report-file.ts allows, and stdout guarded against workflow commands inside a CI.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import { failed } from '../engine/report.js';
import { formatSummaryLine } from '../reporters/stylish.js';
import { writeChunks } from '../sinks/chunks.js';
import { checkReportPath, writeReportFile, type ReportFile } from '../sinks/report-file.js';
import { reportChunks } from '../sinks/report-formats.js';
import type { Report } from '../model/index.js';

/** What writing the reports takes from the configuration (`merge` has no site to resolve). */
export type OutputConfig = Pick<ResolvedConfig, 'lang' | 'failOn' | 'reports'>;
import type { ColorChoice, OutputSpec } from './args.js';
import { guardForCi } from './ci-log.js';
import { useColor } from './color.js';
import type { CliIO } from './io.js';
import { CLI_TEXT } from './messages.js';

export interface OutputOptions {
  /** The reports `--format`/`--output` asked for; empty: the config's `reports`, else the terminal report. */
  readonly outputs: readonly OutputSpec[];
  readonly quiet: boolean;
  readonly color: ColorChoice;
  readonly maxWarnings?: number;
  /** Replace an existing report file that is not one of ours (`--force`). */
  readonly force?: boolean;
}

/** What the run writes: the flags' reports, else the config's, else the terminal report. */
export function outputsFor(options: OutputOptions, config: OutputConfig): readonly OutputSpec[] {
  if (options.outputs.length > 0) return options.outputs;
  if (config.reports.length > 0) return config.reports;
  return [{ format: 'stylish' }];
}

function reportFile(output: OutputSpec & { file: string }, options: OutputOptions, io: CliIO): ReportFile {
  return { option: '--output', given: output.file, workspace: io.cwd, kind: output.format, ...(options.force && { force: true }) };
}

/**
 * Fails before the run when a report file cannot be written (outside the workspace, through a
 * link, over a file that is not ours), so nothing is checked for a report that would be lost.
 */
export function checkOutputs(options: OutputOptions, config: OutputConfig, io: CliIO): void {
  for (const output of outputsFor(options, config)) if (output.file !== undefined) checkReportPath(reportFile(output as OutputSpec & { file: string }, options, io));
}

/** `--quiet`: the report as shown holds errors only; the verdict is still taken from the whole run. */
function errorsOnly(report: Report): Report {
  const findings = report.findings.filter((f) => f.severity === 'error');
  return { ...report, findings, summary: { ...report.summary, warnings: 0, notices: 0 } };
}

/** Writes every report the run asked for and returns the exit code (0 pass, 1 fail). */
export function emitReports(report: Report, config: OutputConfig, options: OutputOptions, io: CliIO): number {
  const shown = options.quiet ? errorsOnly(report) : report;
  const color = useColor(options.color, io.env, io.stdout);
  const guard = guardForCi(io.env);
  const print = (text: string): void => void io.stdout.write(guard(text));
  const printJson = (text: string): void => void io.stdout.write(guardForCi(io.env, true)(text));
  const passed = !failed(report, config.failOn);
  const ctx = { lang: config.lang, failOn: config.failOn, passed, cwd: io.cwd, env: io.env };
  const files: string[] = [];
  let toStdout = false;
  for (const output of outputsFor(options, config)) {
    if (output.file === undefined) {
      toStdout = true;
      writeChunks(output.format === 'json' || output.format === 'sarif' || output.format === 'gitlab' || output.format === 'rdjson' ? printJson : print, reportChunks(output.format, shown, { ...ctx, color }));
    } else {
      writeReportFile(reportFile(output as OutputSpec & { file: string }, options, io), reportChunks(output.format, shown, { ...ctx, color: false }));
      files.push(output.file);
    }
  }
  // Reports went to files only: the terminal gets one line, so a CI log still shows the verdict.
  if (!toStdout && files.length > 0) print(CLI_TEXT[config.lang].wroteReport(formatSummaryLine(shown, { lang: config.lang, color }), files.join(', ')));

  if (!passed) return 1;
  if (options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings) {
    io.stderr.write(CLI_TEXT[config.lang].tooManyWarnings(report.summary.warnings, options.maxWarnings));
    return 1;
  }
  return 0;
}
