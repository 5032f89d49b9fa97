import type { Report } from '../model/index.js';

/**
 * The machine-readable report. Field names and order are public API; findings are already in
 * the report's deterministic order, so the same input gives byte-identical output.
 */
export function formatJson(report: Report): string {
  const body = {
    version: report.version,
    summary: { pages: report.summary.pages, errors: report.summary.errors, warnings: report.summary.warnings, notices: report.summary.notices },
    findings: report.findings.map((f) => ({
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
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
