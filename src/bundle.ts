/**
 * The one module ncc bundles. The files GitHub and npm run (dist/index.js, dist/cli.js,
 * dist/worker.js) are small shims that import from it, so the action, the CLI and the worker
 * threads share a single copy of the engine.
 */
import { runCli, type CliHooks, type CliIO } from './cli/main.js';
import { runInit } from './init/run-init.js';
import { releaseDocsUrl } from './reporters/docs-url.js';
import { findRepoRoot } from './reporters/repo-root.js';
import { formatSarif } from './reporters/sarif.js';
import { attachSourceLocations, sourceMapWarning } from './sourcemap/index.js';
import { VERSION } from './version.js';

export { runWorker } from './engine/worker.js';
export { action } from './action/main.js';
// For scripts/bench-sourcemap.mjs, which times the mapping step on its own.
export { attachSourceLocations } from './sourcemap/index.js';
// For scripts/fuzz.mjs, which fuzzes the core as shipped: decode, page model, rules, reporters.
export { checkPage } from './engine/check-page.js';
export { prepareSiteRules } from './engine/site-rules.js';
export { checkFile } from './engine/check-file.js';
export { StylesheetCache } from './engine/stylesheets.js';
export { buildReport } from './engine/report.js';
export { resolveConfig, siteFacts } from './config/resolve.js';
export { decodeHtml, looksBinary } from './source/decode.js';
export { formatJson } from './reporters/json.js';
export { formatStylish } from './reporters/stylish.js';
export { formatSarif } from './reporters/sarif.js';
export { releaseDocsUrl } from './reporters/docs-url.js';

const hooks: CliHooks = {};
hooks.init = runInit;
hooks.afterRun = async (report, config, _args, io) => {
  if (!config.sources.enabled) return;
  try {
    await attachSourceLocations(report, config, io.cwd);
  } catch (e) {
    // Source locations are a convenience: a failure is reported, never turned into a verdict.
    io.stderr.write(sourceMapWarning(config.lang, e));
  }
};
hooks.formatSarif = (report, config, io) =>
  formatSarif(report, { lang: config.lang, docsUrl: releaseDocsUrl(VERSION), cwd: io.cwd, repoRoot: findRepoRoot(io.cwd, io.env) });

export function cli(argv: readonly string[], io: CliIO): Promise<number> {
  return runCli(argv, io, hooks);
}
