import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { failed } from '../engine/report.js';
import { runChecks } from '../engine/run.js';
import { oneLine } from '../reporters/escape.js';
import { VERSION } from '../version.js';
import { parseCliArgs, type CheckArgs } from './args.js';
import { HELP } from './help.js';
import type { CliHooks, CliIO } from './io.js';
import { emitReport } from './output.js';

export type { CliHooks, CliIO } from './io.js';

export function loadConfiguration(args: CheckArgs, cwd: string): ResolvedConfig {
  const file = args.config ? loadConfigFile(args.config, cwd) : (() => {
    const found = findConfigFile(cwd);
    return found ? loadConfigFile(found, cwd) : undefined;
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
      ...(args.render !== undefined && { render: args.render }),
      ...(args.browser !== undefined && { browser: args.browser }),
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
    // Loaded on demand: live mode brings undici, which `check` never needs at start-up.
    if (args.command === 'live') return await (await import('./live.js')).runLiveCommand(args.argv, io, hooks);
    if (args.command === 'init') {
      if (!hooks.init) throw new InputError('init is not available in this build');
      return await hooks.init(args.argv, io);
    }
    const config = loadConfiguration(args, io.cwd);
    const report = await runChecks(config, {
      cwd: io.cwd,
      version: VERSION,
      ...(io.workerScript && { workerScript: io.workerScript }),
      env: io.env,
      log: (line) => io.stderr.write(`${oneLine(line)}\n`),
    });
    await hooks.afterRun?.(report, config, args, io);
    emitReport(report, config, args, io, hooks);
    return failed(report, config.failOn) ? 1 : 0;
  } catch (e) {
    // Messages quote what the user or a file gave us (a flag value, a JSON parser's excerpt of the
    // config): shown on one line with controls made visible, so nothing can rewrite the terminal.
    if (e instanceof InputError) {
      io.stderr.write(`beian-guard: ${oneLine(e.message)}\n`);
      return 2;
    }
    // Anything else is our bug: say so plainly, keep the detail on one line, and never pass.
    const detail = oneLine(e instanceof Error ? e.message : String(e));
    io.stderr.write(`beian-guard: internal error: ${detail}\nPlease report it with the command you ran.\n`);
    return 2;
  }
}
