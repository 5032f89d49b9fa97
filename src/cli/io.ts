import type { ResolvedConfig } from '../config/resolve.js';
import type { Report } from '../model/index.js';
import type { Lang } from '../i18n/lang.js';
import type { CheckArgs } from './args.js';
import type { EarlyPageProcess } from '../engine/page-process.js';

/** A check's first page process, started by the front before the check bundle loads (main.ts). */
export interface CheckStart {
  readonly pageProcess?: EarlyPageProcess;
}

/** Everything the CLI touches of the outside world, so tests can run it in-process too. */
export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly workerScript?: URL;
}

/** The check command's module: ./check.js from the sources, dist/check/ in the built CLI. */
export interface CheckModule {
  runCheck(args: CheckArgs, io: CliIO, hooks: CliHooks, state: { lang: Lang }, start?: CheckStart): Promise<number>;
  listRules(lang: Lang): string;
  runMerge(argv: readonly string[], io: CliIO, state: { lang: Lang }): Promise<number>;
}

/** The live command's module: ./live.js from the sources, dist/live/ in the built CLI. */
export interface LiveModule {
  runLiveCommand(argv: readonly string[], io: CliIO, state: { lang: Lang }): Promise<number>;
}

/** Extension point for the pieces other modules add to a check (source mapping, SARIF, init). */
export interface CliHooks {
  /** Loads the check command; without it the sources' ./check.js is imported. */
  loadCheck?: () => Promise<CheckModule>;
  /** Loads the live command; without it the sources' ./live.js is imported. */
  loadLive?: () => Promise<LiveModule>;
  afterRun?: (report: Report, config: ResolvedConfig, args: CheckArgs, io: CliIO) => Promise<void>;
  init?: (argv: readonly string[], io: CliIO) => Promise<number>;
}
