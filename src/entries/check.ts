/**
 * dist/check/: `beian-guard check` (configuration, the engine, the terminal and JSON reports,
 * SARIF). Its own bundle, loaded by the CLI front only when a check runs.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { CliIO } from '../cli/io.js';
import { releaseDocsUrl } from '../reporters/docs-url.js';
import { findRepoRoot } from '../reporters/repo-root.js';
import { formatSarif as sarif } from '../reporters/sarif.js';
import { VERSION } from '../version.js';
import type { Report } from '../model/index.js';

export { runCheck } from '../cli/check.js';
export { listRules } from '../cli/list-rules.js';

export function formatSarif(report: Report, config: ResolvedConfig, io: CliIO): string {
  return sarif(report, { lang: config.lang, docsUrl: releaseDocsUrl(VERSION), cwd: io.cwd, repoRoot: findRepoRoot(io.cwd, io.env) });
}
