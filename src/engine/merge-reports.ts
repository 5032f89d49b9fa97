import { InputError } from '../config/errors.js';
import type { Finding, Report, SiteSummary } from '../model/index.js';
import { buildReport } from './report.js';
import type { JsonReport } from './read-report.js';

/**
 * One report out of several JSON reports (the parts of one run). They must come from the same
 * version of beian-guard; findings are put together in the report's own order, and each site
 * folder's page counts are added up. Counts are recomputed, never read.
 */
export function mergeReports(parts: readonly { readonly file: string; readonly json: JsonReport }[]): Report {
  const first = parts[0];
  if (!first) throw InputError.of('merge-nothing', { patterns: '' });
  const other = parts.find((p) => p.json.version !== first.json.version);
  if (other) throw InputError.of('merge-versions', { a: first.file, av: first.json.version, b: other.file, bv: other.json.version });
  const findings: Finding[] = [];
  const sites = new Map<string, SiteSummary>();
  for (const { json } of parts) {
    for (const f of json.findings) findings.push({ ...f, ...(f.sourceLocations && { sourceLocations: [...f.sourceLocations] }) });
    for (const s of json.sites ?? []) {
      const known = sites.get(s.root);
      sites.set(s.root, { root: s.root, pages: (known?.pages ?? 0) + s.pages, skipped: (known?.skipped ?? 0) + s.skipped });
    }
  }
  return buildReport(first.json.version, findings, [...sites.values()], 0);
}
