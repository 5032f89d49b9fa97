/**
 * The command line front, the first of the bundles scripts/bundle.mjs builds (dist/lib/). It
 * answers --version, --help and usage errors by itself; everything heavier is its own bundle,
 * built from src/entries/ and loaded only when needed: dist/check/ for a check, dist/sourcemap/
 * when a check has findings, dist/init/ for init, dist/live/ for live. The shim dist/cli.js knows where they are and
 * passes their loaders in. dist/action/ (the Action) and dist/worker/ (worker threads) have shims
 * of their own. One minified file per bundle starts faster than the same code split into chunks.
 */
import { runCli, type CliIO } from './cli/main.js';
import type * as CheckBundle from './entries/check.js';
import type * as InitBundle from './entries/init.js';
import type * as LiveBundle from './entries/live.js';
import type * as SourceMapBundle from './entries/sourcemap.js';

/** How the shim loads the other bundles. */
export interface Bundles {
  readonly check: () => Promise<typeof CheckBundle>;
  readonly sourcemap: () => Promise<typeof SourceMapBundle>;
  readonly init: () => Promise<typeof InitBundle>;
  readonly live: () => Promise<typeof LiveBundle>;
}

/** dist/cli.js: the beian-guard command. */
export function cli(argv: readonly string[], io: CliIO, bundles: Bundles): Promise<number> {
  return runCli(argv, io, {
    loadCheck: bundles.check,
    loadLive: bundles.live,
    init: async (args, initIo) => (await bundles.init()).runInit(args, initIo),
    afterRun: async (report, config, _args, runIo) => {
      // Source locations belong to findings: a clean run has nothing to look up.
      if (!config.sources.enabled || report.findings.length === 0) return;
      const { attachSourceLocations, sourceMapWarning } = await bundles.sourcemap();
      try {
        await attachSourceLocations(report, config, runIo.cwd);
      } catch (e) {
        // Source locations are a convenience: a failure is reported, never turned into a verdict.
        runIo.stderr.write(sourceMapWarning(config.lang, e));
      }
    },
  });
}
