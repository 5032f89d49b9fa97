import type { ResolvedConfig } from '../config/resolve.js';
import type { Report } from '../model/index.js';
import type { CheckArgs } from './args.js';

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
  formatSarif?: (report: Report, config: ResolvedConfig, io: CliIO) => Promise<string>;
  init?: (argv: readonly string[], io: CliIO) => Promise<number>;
}
