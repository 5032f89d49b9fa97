import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { failed } from '../engine/report.js';
import { readPageLimits } from '../engine/limits.js';
import { runChecks } from '../engine/run.js';
import { formatJsonChunks } from '../reporters/json.js';
import { guardCiCommands, oneLine } from '../reporters/escape.js';
import { stylishChunks } from '../reporters/stylish.js';
import { writeChunks } from '../sinks/chunks.js';
import { checkReportPath, writeReportFile } from '../sinks/report-file.js';
import { VERSION } from '../version.js';
import { parseCliArgs, type CheckArgs } from './args.js';
import { HELP } from './help.js';
import type { Report } from '../model/index.js';

/** Everything the CLI touches of the outside world, so tests can run it in-process too. */
export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly workerScript?: URL;
}

/** Extension point for the pieces other modules add to a check (source mapping, SARIF, init). */
export interface CliHooks {
  afterRun?: (report: Report, config: ResolvedConfig, args: CheckArgs, io: CliIO) => Promise<void>;
  formatSarif?: (report: Report, config: ResolvedConfig, io: CliIO) => string;
  init?: (argv: readonly string[], io: CliIO) => Promise<number>;
}

/**
 * Inside a CI job (GitHub Actions, Azure Pipelines, GitLab) our output lands in a log the runner
 * reads commands from; page text must not start one (audit D12).
 */
function inCi(env: CliIO['env']): boolean {
  return env.GITHUB_ACTIONS === 'true' || !!env.TF_BUILD || !!env.GITLAB_CI;
}

function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return !!io.stdout.isTTY;
}

export function loadConfiguration(args: CheckArgs, cwd: string): ResolvedConfig {
  const file = args.config ? loadConfigFile(args.config, cwd) : (() => {
    const found = findConfigFile(cwd);
    return found ? loadConfigFile(found, cwd, { found: true }) : undefined;
  })();
  return resolveConfig(
    file,
    {
      ...(args.dir !== undefined && { root: args.dir }),
      ...(args.icp !== undefined && { icp: args.icp }),
      ...(args.police !== undefined && { police: args.police }),
      ...(args.siteName !== undefined && { siteName: args.siteName }),
      ...(args.filing !== undefined && { filing: args.filing }),
      ...(args.scope !== undefined && { scope: args.scope }),
      ...(args.failOn !== undefined && { failOn: args.failOn }),
      ...(args.lang !== undefined && { lang: args.lang }),
      ...(args.workers !== undefined && { workers: args.workers }),
      sourceMap: args.sourceMap,
    },
    cwd,
  );
}

/** Runs the CLI and returns its exit code: 0 pass, 1 findings at the fail level, 2 input error. */
export async function runCli(argv: readonly string[], io: CliIO, hooks: CliHooks = {}): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    if (args.command === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (args.command === 'init') {
      if (!hooks.init) throw new InputError('init is not available in this build');
      return await hooks.init(args.argv, io);
    }
    const config = loadConfiguration(args, io.cwd);
    const outputFile = args.output ? { option: '--output', given: args.output, workspace: io.cwd, kind: args.format, ...(args.force && { force: true }) } : undefined;
    // Checked before the run: a path that cannot be written fails fast, with nothing written.
    if (outputFile) checkReportPath(outputFile);
    const report = await runChecks(config, { cwd: io.cwd, version: VERSION, pageLimits: readPageLimits(io.env), ...(io.workerScript && { workerScript: io.workerScript }) });
    await hooks.afterRun?.(report, config, args, io);
    let chunks: Iterable<string>;
    if (args.format === 'json') chunks = formatJsonChunks(report);
    else if (args.format === 'sarif') {
      if (!hooks.formatSarif) throw new InputError('--format sarif is not available in this build');
      chunks = [hooks.formatSarif(report, config, io)];
    } else chunks = stylishChunks(report, { lang: config.lang, color: !args.output && useColor(io) });
    const guard = inCi(io.env) ? guardCiCommands : (text: string) => text;
    const print = (text: string): void => void io.stdout.write(guard(text));
    if (outputFile) {
      writeReportFile(outputFile, chunks);
      if (args.format !== 'stylish') writeChunks(print, stylishChunks(report, { lang: config.lang, color: useColor(io) }));
    } else writeChunks(print, chunks);
    return failed(report, config.failOn) ? 1 : 0;
  } catch (e) {
    // Messages quote what the user or a file gave us (a flag value, a JSON parser's excerpt of the
    // config): shown on one line with controls made visible, so nothing can rewrite the terminal.
    const guard = inCi(io.env) ? guardCiCommands : (text: string) => text;
    if (e instanceof InputError) {
      io.stderr.write(guard(`beian-guard: ${oneLine(e.message)}\n`));
      return 2;
    }
    // Anything else is our bug: say so plainly, keep the detail on one line, and never pass.
    const detail = oneLine(e instanceof Error ? e.message : String(e));
    io.stderr.write(guard(`beian-guard: internal error: ${detail}\nPlease report it with the command you ran.\n`));
    return 2;
  }
}
