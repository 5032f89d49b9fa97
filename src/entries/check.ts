/**
 * dist/check/: `beian-guard check` (configuration, the engine, every report format). Its own
 * bundle, loaded by the CLI front only when a check runs.
 */
export { runCheck } from '../cli/check.js';
export { listRules } from '../cli/list-rules.js';
export { runMerge } from '../cli/merge.js';
