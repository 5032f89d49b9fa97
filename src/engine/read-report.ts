import * as z from 'zod/mini';
import { InputError, type Where } from '../config/errors.js';
import type { Finding, Report, SiteSummary } from '../model/index.js';
import { RULES_BY_ID } from '../rules/index.js';
import { buildReport } from './report.js';
import { SHARD_MAX } from './shard.js';

/**
 * A JSON report read back (`merge`, and the posting side of a fork-PR workflow). It may come from
 * a run the reader does not trust (a fork's workflow can write anything into its artifact), so it
 * is checked field by field, texts are bounded, rule ids must be ours, and every count is
 * recomputed from the findings: nothing in the file is taken on its word. The texts themselves are
 * treated like page text by every reporter (escaped), so a forged message stays inert.
 */

const TEXT_MAX = 10_000;
const text = z.string().check(z.maxLength(TEXT_MAX));
const position = z.int().check(z.minimum(1), z.maximum(100_000_000));

const sourceLocation = z.object({
  file: text,
  line: position,
  column: position,
  reason: text,
  confidence: z.enum(['high', 'low']),
});

const finding = z.object({
  ruleId: z.string().check(z.refine((id) => RULES_BY_ID.has(id), { message: 'unknown rule id' })),
  severity: z.enum(['error', 'warning', 'notice']),
  file: text,
  line: position,
  column: position,
  endLine: position,
  endColumn: position,
  message: text,
  fix: text,
  evidence: text,
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{1,64}$/)),
  messageId: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  page: text,
  entry: z.boolean(),
  sourceLocations: z.optional(z.array(sourceLocation).check(z.maxLength(20))),
});

const site = z.object({ root: text, pages: z.int().check(z.minimum(0)), skipped: z.int().check(z.minimum(0)) });

const shard = z.object({ index: z.int().check(z.minimum(1), z.maximum(SHARD_MAX)), total: z.int().check(z.minimum(1), z.maximum(SHARD_MAX)) }).check(
  z.refine((s) => s.index <= s.total, { message: 'index above total' }),
);

/** Reports before shards (no shard, no configHash) are still read: both fields are optional. */
export const jsonReportSchema = z.object({
  version: z.string().check(z.maxLength(64)),
  shard: z.optional(shard),
  configHash: z.optional(z.string().check(z.regex(/^[0-9a-f]{1,64}$/))),
  sites: z.optional(z.array(site).check(z.maxLength(1000))),
  findings: z.array(finding),
});

export type JsonReport = z.infer<typeof jsonReportSchema>;

/** Parses and checks one JSON report; a bad one is an InputError naming `where` and the first problem. */
export function readJsonReport(raw: string, where: Where): JsonReport {
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw InputError.of('report-not-json', { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) }, where);
  }
  const parsed = jsonReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw InputError.of('report-invalid', { path: issue.path.map(String).join('.') || '(top level)' }, where);
  }
  return parsed.data;
}

/** The report the JSON stands for: counts recomputed, findings in the report's own order. */
export function reportOf(json: JsonReport): Report {
  const findings: Finding[] = json.findings.map((f) => ({ ...f, ...(f.sourceLocations && { sourceLocations: [...f.sourceLocations] }) }));
  const sites: SiteSummary[] = (json.sites ?? []).map((s) => ({ root: s.root, pages: s.pages, skipped: s.skipped }));
  const report = buildReport(json.version, findings, sites, 0);
  return { ...report, ...(json.shard && { shard: json.shard }), ...(json.configHash !== undefined && { configHash: json.configHash }) };
}
