import type { FooterFacts } from '../page/footer-facts.js';
import type { Page } from '../page/page.js';
import type { Draft, RenderedFacts, RuleMeta, SiteFacts } from '../model/index.js';

export interface RuleContext {
  readonly site: SiteFacts;
  /** The page is an entry page (root index.html or a configured homepage). */
  readonly entry: boolean;
  /** Filing numbers on the page, computed on first use and shared by all footer rules. */
  readonly footer: () => FooterFacts;
  /** Render mode: the page was rendered in a browser, and these viewports were measured. */
  readonly rendered?: RenderedFacts;
}

/**
 * A rule: static metadata plus a pure check. `footer` rules run on entry pages (every page with
 * scope `all`), `content` rules on every page in scope; `input` rules have no check: the engine
 * raises them while reading files.
 */
export interface Rule {
  readonly meta: RuleMeta;
  readonly check?: (page: Page, context: RuleContext) => readonly Draft[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
