/**
 * `beian-guard live`: the deployed site (issue 15), with the same config, reports and exit codes
 * as `check`. Its own bundle (dist/live/): undici, DNS and TLS code stay out of a check's start-up.
 */
import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig } from '../config/resolve.js';
import type { Lang } from '../i18n/lang.js';
import { runLive } from '../live/run.js';
import { VERSION } from '../version.js';
import { parseOptions, reportFlagsOf, REPORT_OPTIONS } from './args.js';
import type { CliIO } from './io.js';
import { CLI_TEXT } from './messages.js';
import { checkOutputs, emitReports } from './output.js';


/** `beian-guard live`: the exit code as for check (0 passed, 1 findings at fail-on); config problems throw InputError (2). */
export async function runLiveCommand(argv: readonly string[], io: CliIO, state: { lang: Lang }): Promise<number> {
  const { values, positionals } = parseOptions(argv, REPORT_OPTIONS);
  if (values.help) {
    io.stdout.write(CLI_TEXT[state.lang].liveHelp);
    return 0;
  }
  if (positionals.length > 0) throw InputError.of('live-takes-no-folder', { list: positionals.join(' ') });
  const output = reportFlagsOf(values);
  const found = values.config ?? findConfigFile(io.cwd);
  if (!found) throw InputError.of('live-no-config');
  const file = loadConfigFile(found, io.cwd, values.config === undefined ? { found: true } : {});
  const config = resolveConfig(file, { ...(values.lang !== undefined && { lang: values.lang }), ...(values['fail-on'] !== undefined && { failOn: values['fail-on'] }) }, io.cwd);
  state.lang = config.lang;
  checkOutputs(output, config, io);
  const report = await runLive(config, { cwd: io.cwd, version: VERSION, env: io.env });
  return emitReports(report, config, output, io);
}
