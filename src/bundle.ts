/**
 * The one module ncc bundles. The files GitHub and npm run (dist/index.js, dist/cli.js,
 * dist/worker.js) are small shims that import from it. Everything heavy is reached through
 * import(), which ncc turns into chunk files beside it (dist/lib/<id>.index.js), shared where two
 * entries need the same code: the CLI loads the engine only to check, never the action's GitHub
 * client; the action never loads init; a worker thread loads the engine alone.
 */
import { runCli, type CliHooks, type CliIO } from './cli/main.js';
import { VERSION } from './version.js';

const hooks: CliHooks = {
  init: async (argv, io) => (await import('./init/run-init.js')).runInit(argv, io),
  afterRun: async (report, config, _args, io) => {
    // Source locations belong to findings: a clean run has nothing to look up.
    if (!config.sources.enabled || report.findings.length === 0) return;
    const { attachSourceLocations, sourceMapWarning } = await import('./sourcemap/index.js');
    try {
      await attachSourceLocations(report, config, io.cwd);
    } catch (e) {
      // Source locations are a convenience: a failure is reported, never turned into a verdict.
      io.stderr.write(sourceMapWarning(config.lang, e));
    }
  },
  formatSarif: async (report, config, io) => {
    const [{ formatSarif }, { releaseDocsUrl }, { findRepoRoot }] = await Promise.all([
      import('./reporters/sarif.js'),
      import('./reporters/docs-url.js'),
      import('./reporters/repo-root.js'),
    ]);
    return formatSarif(report, { lang: config.lang, docsUrl: releaseDocsUrl(VERSION), cwd: io.cwd, repoRoot: findRepoRoot(io.cwd, io.env) });
  },
};

/** dist/cli.js: the beian-guard command. */
export function cli(argv: readonly string[], io: CliIO): Promise<number> {
  return runCli(argv, io, hooks);
}

/** dist/index.js: the GitHub Action. */
export async function action(workerScript: URL): Promise<void> {
  await (await import('./action/main.js')).action(workerScript);
}

/** dist/worker.js: the body of each worker thread, which needs the engine and nothing else. */
export async function runWorker(): Promise<void> {
  (await import('./engine/worker.js')).runWorker();
}

/** The core as shipped, for scripts/fuzz.mjs and scripts/bench-sourcemap.mjs. */
export function internals(): Promise<typeof import('./internals.js')> {
  return import('./internals.js');
}
