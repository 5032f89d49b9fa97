import { InputError } from '../config/errors.js';
import type { Finding, Report, SiteSummary } from '../model/index.js';
import { buildReport } from './report.js';
import type { JsonReport } from './read-report.js';

export interface ReportPart {
  /** How messages name the file (relative to the working directory). */
  readonly file: string;
  readonly json: JsonReport;
}

/**
 * One report out of several JSON reports (the parts of one run). They must come from the same
 * version of beian-guard; findings are put together in the report's own order, and each site
 * folder's page counts are added up. Counts are recomputed, never read.
 *
 * The shards of a sharded check (`--shard K/N`) must be all there, once each, from one
 * configuration and one N: then the merged report is the unsharded run's, byte for byte in JSON.
 * Reports without a shard (a fork PR's report, separate sites) are put together as they are.
 */
export function mergeReports(parts: readonly ReportPart[]): Report {
  const first = parts[0];
  if (!first) throw InputError.of('merge-nothing', { patterns: '' });
  const other = parts.find((p) => p.json.version !== first.json.version);
  if (other) throw InputError.of('merge-versions', { a: first.file, av: first.json.version, b: other.file, bv: other.json.version });
  const ordered = checkShards(parts);
  const findings: Finding[] = [];
  const sites = new Map<string, SiteSummary>();
  for (const { json } of ordered) {
    for (const f of json.findings) findings.push({ ...f, ...(f.sourceLocations && { sourceLocations: [...f.sourceLocations] }) });
    for (const s of json.sites ?? []) {
      const known = sites.get(s.root);
      sites.set(s.root, { root: s.root, pages: (known?.pages ?? 0) + s.pages, skipped: (known?.skipped ?? 0) + s.skipped });
    }
  }
  const hash = first.json.configHash;
  const oneConfig = hash !== undefined && parts.every((p) => p.json.configHash === hash);
  return { ...buildReport(first.json.version, findings, [...sites.values()], 0), ...(oneConfig && { configHash: hash }) };
}

/** The parts in shard order after checking they make one whole run; unsharded parts as given. */
function checkShards(parts: readonly ReportPart[]): readonly ReportPart[] {
  const sharded = parts.filter((p) => p.json.shard);
  if (sharded.length === 0) return parts;
  const a = sharded[0]!;
  const aShard = a.json.shard!;
  const whole = parts.find((p) => !p.json.shard);
  if (whole) throw InputError.of('merge-shard-and-whole', { a: a.file, k: aShard.index, n: aShard.total, b: whole.file });
  for (const b of sharded) {
    const bShard = b.json.shard!;
    if (bShard.total !== aShard.total) {
      throw InputError.of('merge-shard-counts', { a: a.file, ak: aShard.index, an: aShard.total, b: b.file, bk: bShard.index, bn: bShard.total });
    }
    if (b.json.configHash !== a.json.configHash) {
      throw InputError.of('merge-configs', { a: a.file, ah: a.json.configHash ?? '-', b: b.file, bh: b.json.configHash ?? '-' });
    }
  }
  const byIndex = new Map<number, ReportPart>();
  for (const p of sharded) {
    const k = p.json.shard!.index;
    const twice = byIndex.get(k);
    if (twice) throw InputError.of('merge-shard-twice', { k, n: aShard.total, a: twice.file, b: p.file });
    byIndex.set(k, p);
  }
  const missing: number[] = [];
  for (let k = 1; k <= aShard.total; k++) if (!byIndex.has(k)) missing.push(k);
  if (missing.length > 0) {
    const list = missing.length > 20 ? `${missing.slice(0, 20).join(', ')}, …` : missing.join(', ');
    throw InputError.of('merge-shard-missing', { missing: list, count: missing.length, n: aShard.total, got: sharded.length });
  }
  return [...byIndex.entries()].sort(([x], [y]) => x - y).map(([, p]) => p);
}
