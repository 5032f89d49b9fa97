import type { Finding, Severity } from '../model/index.js';

/**
 * One problem as a person sees it: a shared footer with the wrong link is one mistake even when
 * thirty pages carry it. Annotations, the job summary and the PR comment all speak in groups.
 */
export interface FindingGroup {
  readonly ruleId: string;
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
  /** Entry pages first, then in report order; the first one stands for the group. */
  readonly findings: readonly Finding[];
  /** Distinct built files the problem appears in. */
  readonly pages: number;
  /** Some finding of the group is on an entry page, which a reviewer looks at first. */
  readonly entry: boolean;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Findings that are the same problem (rule, message, fix and evidence) become one group. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byKey = new Map<string, { first: number; list: Finding[] }>();
  findings.forEach((f, i) => {
    const key = [f.ruleId, f.messageId, f.severity, f.message, f.fix, f.evidence].join('\0');
    const slot = byKey.get(key);
    if (slot) slot.list.push(f);
    else byKey.set(key, { first: i, list: [f] });
  });
  const groups = [...byKey.values()].map(({ first, list }) => {
    // Stable sort: entry pages move to the front, report order stays within each part.
    const ordered = [...list].sort((a, b) => Number(b.entry) - Number(a.entry));
    const head = ordered[0]!;
    return {
      first,
      group: {
        ruleId: head.ruleId,
        messageId: head.messageId,
        severity: head.severity,
        message: head.message,
        fix: head.fix,
        findings: ordered,
        pages: new Set(ordered.map((f) => f.file)).size,
        entry: head.entry,
      } satisfies FindingGroup,
    };
  });
  groups.sort(
    (a, b) =>
      RANK[a.group.severity] - RANK[b.group.severity] ||
      Number(b.group.entry) - Number(a.group.entry) ||
      b.group.pages - a.group.pages ||
      a.first - b.first,
  );
  return groups.map((g) => g.group);
}

/** Per rule: how many findings and distinct pages, in the order rules first appear in `groups`. */
export interface RuleTally {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly findings: number;
  readonly pages: number;
  /** Fixes of the rule's groups, without repeats, most frequent problem first. */
  readonly fixes: readonly string[];
}

export function tallyRules(groups: readonly FindingGroup[]): RuleTally[] {
  const byRule = new Map<string, { severity: Severity; findings: number; files: Set<string>; fixes: string[] }>();
  for (const g of groups) {
    let t = byRule.get(g.ruleId);
    if (!t) {
      t = { severity: g.severity, findings: 0, files: new Set(), fixes: [] };
      byRule.set(g.ruleId, t);
    }
    if (RANK[g.severity] < RANK[t.severity]) t.severity = g.severity;
    t.findings += g.findings.length;
    for (const f of g.findings) t.files.add(f.file);
    if (!t.fixes.includes(g.fix)) t.fixes.push(g.fix);
  }
  return [...byRule].map(([ruleId, t]) => ({ ruleId, severity: t.severity, findings: t.findings, pages: t.files.size, fixes: t.fixes }));
}
