import type { MessageData } from '../i18n/lang.js';

/** `notice` is informational: it never fails a run, whatever `failOn` says. */
export type Severity = 'error' | 'warning' | 'notice';
export type RuleSetting = 'error' | 'warning' | 'off';

/** Half-open range of UTF-16 offsets into a page's decoded source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * What a rule returns. The engine stamps rule id, severity, file, line and column, and the
 * message in the user's language; rules never see the output format.
 */
export interface Draft {
  readonly messageId: string;
  readonly data?: MessageData;
  /** Where the problem is. `anchor` names what the span points at when the problem is an absence. */
  readonly span: Span;
  readonly anchor?: 'title' | 'footer' | 'body' | 'document' | 'head';
  /** Short text taken from the page (the number, the href) that shows the problem; capped by the engine. */
  readonly evidence?: string;
  /** Overrides the rule's default severity for this draft (e.g. a legacy link is only a warning). */
  readonly severity?: Severity;
}

/** A source file a developer edits that produced a finding (see the source map, issue 4). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  readonly confidence: 'high' | 'low';
}

/** One problem, located in one built file. JSON output prints these fields. */
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly severity: Severity;
  /** Path relative to the working directory, with forward slashes. */
  readonly file: string;
  /** Path relative to the site root, with forward slashes. */
  readonly page: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly fix: string;
  readonly evidence: string;
  readonly fingerprint: string;
  readonly entry: boolean;
  sourceLocations?: SourceLocation[];
}
