/**
 * The one module ncc bundles. The files GitHub and npm run (dist/index.js, dist/cli.js,
 * dist/worker.js) are small shims that import from it, so the action, the CLI and the worker
 * threads share a single copy of the engine.
 */
import { runCli, type CliHooks, type CliIO } from './cli/main.js';

export { runWorker } from './engine/worker.js';

const hooks: CliHooks = {};

export function cli(argv: readonly string[], io: CliIO): Promise<number> {
  return runCli(argv, io, hooks);
}
