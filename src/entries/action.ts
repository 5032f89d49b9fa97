/**
 * dist/action/: the GitHub Action (the engine, its GitHub client, every report; never init).
 * It also exports the core as shipped, for the scripts that exercise the built bundle rather than
 * the sources: scripts/fuzz.mjs (decode, page model, rules, reporters) and
 * scripts/bench-sourcemap.mjs (the mapping step on its own). Importing it runs nothing.
 */
export { action } from '../action/main.js';
export { attachSourceLocations } from '../sourcemap/index.js';
export { checkPage } from '../engine/check-page.js';
export { prepareSiteRules } from '../engine/site-rules.js';
export { checkFile } from '../engine/check-file.js';
export { StylesheetCache } from '../engine/stylesheets.js';
export { buildReport } from '../engine/report.js';
export { resolveConfig, siteFacts } from '../config/resolve.js';
export { decodeHtml, looksBinary } from '../source/decode.js';
export { formatJson } from '../reporters/json.js';
export { formatStylish } from '../reporters/stylish.js';
export { formatSarif } from '../reporters/sarif.js';
export { releaseDocsUrl } from '../reporters/docs-url.js';
