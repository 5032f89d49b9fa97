import type { Finding, Report } from '../model/index.js';

function findingBody(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    fix: f.fix,
    evidence: f.evidence,
    fingerprint: f.fingerprint,
    messageId: f.messageId,
    page: f.page,
    entry: f.entry,
    ...(f.sourceLocations && f.sourceLocations.length > 0 && { sourceLocations: f.sourceLocations }),
  };
}

/**
 * The machine-readable report, in pieces: the same bytes as `JSON.stringify(report, null, 2)`
 * would give, one finding at a time, so that no report is too big to write (a million findings
 * make more than the longest string V8 can hold). Field names and order are public API; findings
 * are already in the report's deterministic order, so the same input gives byte-identical output.
 */
export function* formatJsonChunks(report: Report): Generator<string> {
  const head = {
    version: report.version,
    // What `merge` checks the parts of a sharded run against (docs/shards.md).
    ...(report.shard && { shard: { index: report.shard.index, total: report.shard.total } }),
    ...(report.configHash !== undefined && { configHash: report.configHash }),
    summary: { pages: report.summary.pages, errors: report.summary.errors, warnings: report.summary.warnings, notices: report.summary.notices },
    // Per site folder: what `merge` and the posting side of a fork-PR workflow rebuild a report from.
    sites: report.sites.map((s) => ({ root: s.root, pages: s.pages, skipped: s.skipped })),
  };
  if (report.findings.length === 0) {
    yield `${JSON.stringify({ ...head, findings: [] }, null, 2)}\n`;
    return;
  }
  // `{…}` without its closing line, then the array: JSON.stringify's own layout at two levels deep.
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "findings": [\n`;
  let first = true;
  for (const f of report.findings) {
    yield `${first ? '' : ',\n'}    ${JSON.stringify(findingBody(f), null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield '\n  ]\n}\n';
}

/** The whole JSON report as one string: for reports known to be small (tests, the fuzzer). */
export function formatJson(report: Report): string {
  let out = '';
  for (const chunk of formatJsonChunks(report)) out += chunk;
  return out;
}
