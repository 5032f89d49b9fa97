import type { Finding } from '../model/index.js';

/**
 * What to look for in the sources to find where a finding was produced. Chosen from the rule and
 * message alone, so one search serves every page that shares the finding.
 */
export type Needle =
  /** A wrong link as the page has it: written literally in a template or config. */
  | { readonly type: 'href'; readonly href: string }
  /** A filing number as shown (normalised): written in a template, a config value or an .env. */
  | { readonly type: 'number'; readonly number: string }
  /** The page title that lacks the filed name: set by a config value or a `<title>` template. */
  | { readonly type: 'title'; readonly title: string }
  /** No or an empty `<title>`: the template that writes it. */
  | { readonly type: 'title-element' }
  /** A number missing from the page: the template or config that holds the page's footer. */
  | { readonly type: 'footer' }
  /** A number missing from a client-rendered shell: the footer component. */
  | { readonly type: 'spa-footer' };

const NUMBER_RULES = new Set(['icp-mismatch', 'icp-placement', 'icp-hidden', 'police-format', 'police-mismatch']);
const UNSEEN = new Set(['only-script', 'only-comment', 'only-noscript']);
const UNLINKED = new Set(['not-linked', 'no-href', 'scripted']);

/** The needle for a finding, or null for findings no source produced (unreadable or skipped files). */
export function needleFor(finding: Pick<Finding, 'ruleId' | 'messageId' | 'evidence'>): Needle | null {
  const { ruleId, messageId, evidence } = finding;
  switch (ruleId) {
    case 'icp-link':
    case 'police-link':
      if (UNLINKED.has(messageId)) return evidence ? { type: 'number', number: evidence } : null;
      return { type: 'href', href: evidence };
    case 'icp-present':
    case 'police-present':
      if (UNSEEN.has(messageId)) return evidence ? { type: 'number', number: evidence } : null;
      if (messageId === 'spa-shell') return { type: 'spa-footer' };
      return { type: 'footer' };
    case 'title-site-name':
      return messageId === 'mismatch' && evidence ? { type: 'title', title: evidence } : { type: 'title-element' };
    default:
      return NUMBER_RULES.has(ruleId) && evidence ? { type: 'number', number: evidence } : null;
  }
}

/**
 * Links such as "#", "", "javascript:;" or "/" appear in every template: searching them alone
 * would point anywhere, so they are searched next to the filing number instead.
 */
export function isGenericHref(href: string): boolean {
  const h = href.trim();
  if (h.length < 8) return true;
  if (/^javascript:/i.test(h)) return true;
  return !/^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]+\.[^/]+/i.test(h);
}

/** Does mapping this needle need facts from the built page (its footer, the number inside a link)? */
export function needsBuiltPage(needle: Needle): boolean {
  return needle.type === 'footer' || (needle.type === 'href' && isGenericHref(needle.href));
}

/** One search per distinct problem: the same rule, message and evidence on many pages share it. */
export function groupKey(finding: Pick<Finding, 'ruleId' | 'messageId' | 'message' | 'evidence'>): string {
  return `${finding.ruleId}\0${finding.messageId}\0${finding.message}\0${finding.evidence}`;
}
