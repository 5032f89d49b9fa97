/**
 * The command line front: parses arguments and answers what needs no engine (help, version,
 * usage errors) at once. The check command and `init` come through hooks (the built CLI loads
 * them as bundles of their own); from the sources, ./check.js is imported when a check runs.
 */
import { InputError, isInputError } from '../config/errors.js';
import type { Lang } from '../i18n/lang.js';
import { oneLine } from '../reporters/escape.js';
import { guardForCi } from './ci-log.js';
import { VERSION } from '../version.js';
import { langFromArgv, parseCliArgs } from './args.js';
import type { CheckModule, CliHooks, CliIO, LiveModule } from './io.js';
import { readPageLimits } from '../engine/limits.js';
import { EarlyPageProcess } from '../engine/page-process.js';
import { CLI_TEXT } from './messages.js';

export type { CliHooks, CliIO } from './io.js';

/** Runs the CLI and returns its exit code: 0 pass, 1 findings at the fail level, 2 input error. */
export async function runCli(argv: readonly string[], io: CliIO, hooks: CliHooks = {}): Promise<number> {
  // The language of any message, errors included: --lang, then the config's lang once it is read.
  const state: { lang: Lang } = { lang: langFromArgv(argv) ?? 'zh-CN' };
  let early: EarlyPageProcess | undefined;
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout.write(CLI_TEXT[state.lang].help);
      return 0;
    }
    if (args.command === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (args.command === 'list-rules') {
      const { listRules } = await (hooks.loadCheck ? hooks.loadCheck() : (import(/* webpackIgnore: true */ './list-rules.js') as Promise<Pick<CheckModule, 'listRules'>>));
      io.stdout.write(listRules(state.lang));
      return 0;
    }
    if (args.command === 'live') {
      // Its own bundle: live mode brings undici, DNS and TLS code that a check never needs.
      const { runLiveCommand } = await (hooks.loadLive ? hooks.loadLive() : (import(/* webpackIgnore: true */ './live.js') as Promise<LiveModule>));
      return await runLiveCommand(args.argv, io, state);
    }
    if (args.command === 'merge') {
      // In the check bundle: merging needs the report readers and every format, not a new bundle.
      const { runMerge } = await (hooks.loadCheck ? hooks.loadCheck() : (import(/* webpackIgnore: true */ './merge.js') as Promise<Pick<CheckModule, 'runMerge'>>));
      return await runMerge(args.argv, io, state);
    }
    if (args.command === 'init') {
      if (!hooks.init) throw InputError.of('not-in-build', { feature: 'init' });
      return await hooks.init(args.argv, io);
    }
    // A check will run: its first page process starts now, so that starting Node and loading the
    // page bundle overlap with loading the check bundle and reading the configuration (issue 18).
    // The pool adopts it; whatever ends the command first (a configuration error) ends it too.
    if (io.workerScript && !args.printConfig) early = new EarlyPageProcess(io.workerScript, readPageLimits(io.env).memoryMb);
    // webpackIgnore: the built CLI always passes loadCheck, so its front bundle must not pull
    // check.js in (ncc would otherwise bundle it, engine and all, as a chunk beside the front).
    const { runCheck } = await (hooks.loadCheck ? hooks.loadCheck() : (import(/* webpackIgnore: true */ './check.js') as Promise<Pick<CheckModule, 'runCheck'>>));
    return await runCheck(args, io, hooks, state, { ...(early && { pageProcess: early }) });
  } catch (e) {
    // Messages quote what the user or a file gave us (a flag value, a JSON parser's excerpt of the
    // config): shown on one line with controls made visible, so nothing can rewrite the terminal.
    const guard = guardForCi(io.env);
    if (isInputError(e)) {
      io.stderr.write(guard(`beian-guard: ${oneLine(e.text(state.lang))}\n`));
      return 2;
    }
    // Anything else is our bug: say so plainly, keep the detail on one line, and never pass.
    io.stderr.write(guard(CLI_TEXT[state.lang].internalError(oneLine(e instanceof Error ? e.message : String(e)))));
    return 2;
  } finally {
    early?.release();
  }
}
