import type { Localized } from '../i18n/lang.js';
import type { Severity } from './findings.js';

export interface RuleMessage {
  readonly message: Localized;
  readonly fix: Localized;
}

export interface RuleDocs {
  /** One line: what the rule checks. */
  readonly summary: Localized;
  /** Why a hosting provider cares (cites the seed reason). */
  readonly why: Localized;
}

export type RuleMeta = {
  /** Public API: never rename. Equals the file name under src/rules/. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** Failure reasons (ids 1–13) in the provider's 备案信息核查 document that this rule guards. */
  readonly seedReasons: readonly number[];
  /** `footer` rules look at entry pages (or every page with scope `all`); `content` rules at every page in scope; `input` and `live` rules have no check: the engine raises the first while reading files, `beian-guard live` the second while fetching the deployed site. */
  readonly kind: 'footer' | 'content' | 'input' | 'live';
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<string, RuleMessage>>;
};
