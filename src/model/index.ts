/**
 * The ground floor: the words every layer shares (spans, drafts, findings, rule metadata, reports,
 * site facts and the parsed filing numbers). It imports nothing of ours but i18n, so every other
 * folder can import it without an arrow pointing up (docs/architecture.md).
 */
export type { Draft, Finding, RuleSetting, Severity, SourceLocation, Span } from './findings.js';
export type { IcpKind, IcpNumber, PoliceNumber } from './filing-numbers.js';
export type { Report, Shard, SiteSummary } from './report.js';
export { REPORT_FORMATS } from './report-formats.js';
export type { ReportFormat } from './report-formats.js';
export type { RuleDocs, RuleMessage, RuleMeta } from './rule-meta.js';
export { FAIL_ON, FILINGS, PREAPPROVAL_CATEGORIES } from './site-facts.js';
export type { FailOn, Filing, Preapproval, SiteFacts } from './site-facts.js';
export { VIEWPORT_NAMES } from './rendered.js';
export type { Needle, RenderedBox, RenderedFacts, RenderedHiding, RenderedNumberFacts, ViewportInfo, ViewportName } from './rendered.js';
