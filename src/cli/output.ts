/**
 * Writing a run's reports, for `check` and `live` alike: each requested format to stdout or to its
 * file, a one-line summary when everything went to files, and the exit code from the verdict.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../config/errors.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { failed } from '../engine/report.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish, formatSummaryLine } from '../reporters/stylish.js';
import type { Report } from '../model/index.js';
import type { ColorChoice, OutputSpec } from './args.js';
import { useColor } from './color.js';
import type { CliIO } from './io.js';
import { CLI_TEXT } from './messages.js';

export interface OutputOptions {
  readonly outputs: readonly OutputSpec[];
  readonly quiet: boolean;
  readonly color: ColorChoice;
  readonly maxWarnings?: number;
  /** SARIF comes from the bundle that holds the SARIF writer; absent where none is built in. */
  readonly formatSarif?: (report: Report) => string | Promise<string>;
}

/** `--quiet`: the report as shown holds errors only; the verdict is still taken from the whole run. */
function errorsOnly(report: Report): Report {
  const findings = report.findings.filter((f) => f.severity === 'error');
  return { ...report, findings, summary: { ...report.summary, warnings: 0, notices: 0 } };
}

async function render(output: OutputSpec, report: Report, config: ResolvedConfig, options: OutputOptions, color: boolean): Promise<string> {
  if (output.format === 'json') return formatJson(report);
  if (output.format === 'sarif') {
    if (!options.formatSarif) throw InputError.of('not-in-build', { feature: '--format sarif' });
    return await options.formatSarif(report);
  }
  return formatStylish(report, { lang: config.lang, color });
}

function writeReport(file: string, text: string, cwd: string): void {
  const abs = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  } catch (e) {
    throw InputError.of('output-unwritable', { code: (e as NodeJS.ErrnoException).code ?? String(e) }, `--output ${file}`);
  }
}

/** Writes every report the run asked for and returns the exit code (0 pass, 1 fail). */
export async function emitReports(report: Report, config: ResolvedConfig, options: OutputOptions, io: CliIO): Promise<number> {
  const shown = options.quiet ? errorsOnly(report) : report;
  const color = useColor(options.color, io.env, io.stdout);
  const files: string[] = [];
  let toStdout = false;
  for (const output of options.outputs) {
    if (output.file === undefined) {
      toStdout = true;
      io.stdout.write(await render(output, shown, config, options, color));
    } else {
      writeReport(output.file, await render(output, shown, config, options, false), io.cwd);
      files.push(output.file);
    }
  }
  // Reports went to files only: the terminal gets one line, so a CI log still shows the verdict.
  if (!toStdout && files.length > 0) io.stdout.write(CLI_TEXT[config.lang].wroteReport(formatSummaryLine(shown, { lang: config.lang, color }), files.join(', ')));

  if (failed(report, config.failOn)) return 1;
  if (options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings) {
    io.stderr.write(CLI_TEXT[config.lang].tooManyWarnings(report.summary.warnings, options.maxWarnings));
    return 1;
  }
  return 0;
}
