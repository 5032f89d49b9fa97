import type { FailOn, Finding, Report, Severity, SiteSummary } from '../model/index.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Deterministic order: file, position, rule, message, evidence. Same input, same bytes out. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.messageId, b.messageId) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.evidence, b.evidence) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildReport(version: string, findings: Finding[], sites: SiteSummary[], durationMs: number): Report {
  findings.sort(compareFindings);
  let errors = 0;
  let warnings = 0;
  let notices = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else notices++;
  }
  const pages = sites.reduce((n, s) => n + s.pages, 0);
  return { version, findings, sites, summary: { pages, errors, warnings, notices }, durationMs };
}

/** The verdict, apart from any output: does this report fail the run? */
export function failed(report: Report, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return report.summary.errors + report.summary.warnings > 0;
  return report.summary.errors > 0;
}
