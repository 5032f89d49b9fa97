import type { Rule } from './rule.js';
import contentEntityScope from './content-entity-scope.js';
import contentPreapproval from './content-preapproval.js';
import contentProhibited from './content-prohibited.js';
import entryMissing from './entry-missing.js';
import fileEncoding from './file-encoding.js';
import fileSkipped from './file-skipped.js';
import icpHidden from './icp-hidden.js';
import icpLink from './icp-link.js';
import icpMismatch from './icp-mismatch.js';
import icpPlacement from './icp-placement.js';
import icpPresent from './icp-present.js';
import policeFormat from './police-format.js';
import policeLink from './police-link.js';
import policeMismatch from './police-mismatch.js';
import policePresent from './police-present.js';
import renderSkipped from './render-skipped.js';
import titleSiteName from './title-site-name.js';
import liveUnreachable from './live-unreachable.js';
import liveRedirect from './live-redirect.js';
import ipMismatch from './ip-mismatch.js';
import domainExpiry from './domain-expiry.js';
import tlsCertificate from './tls-certificate.js';
import liveSkipped from './live-skipped.js';

/** Every rule, in the order reports list them. Rule ids are public API. */
export const RULES: readonly Rule[] = [
  icpPresent,
  icpMismatch,
  icpLink,
  icpPlacement,
  icpHidden,
  policePresent,
  policeMismatch,
  policeLink,
  policeFormat,
  titleSiteName,
  contentProhibited,
  contentPreapproval,
  contentEntityScope,
  entryMissing,
  fileSkipped,
  fileEncoding,
  // Raised by `beian-guard live` on the deployed site (issue 15).
  liveUnreachable,
  liveRedirect,
  ipMismatch,
  domainExpiry,
  tlsCertificate,
  liveSkipped,
  renderSkipped,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}
