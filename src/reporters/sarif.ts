import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { Lang } from '../i18n/lang.js';
import { RULES } from '../rules/index.js';
import { PROJECT_URL, type DocsUrl } from './docs-url.js';
import { mdText, mdUrl, oneLine } from './escape.js';
import type { Finding, Report, RuleMeta, Severity } from '../model/index.js';

export interface SarifOptions {
  readonly lang: Lang;
  readonly docsUrl: DocsUrl;
  /** Absolute folder that `Finding.file` and source files are relative to. */
  readonly cwd: string;
  /** Absolute repository root: code scanning wants locations relative to it. */
  readonly repoRoot: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** GitHub's limit for rule descriptions. */
const DESCRIPTION_MAX = 1024;

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', notice: 'note' };

/**
 * GitHub code scanning takes at most 25,000 results per run and rejects larger files; the full
 * report is the JSON one. Past the cap the file says so, with the full count.
 */
export const SARIF_MAX_RESULTS = 25_000;

const TEXT: Record<
  Lang,
  { withFix: (message: string, fix: string) => string; gap: string; docs: string; colon: string; built: string; possible: string; capped: (kept: number, total: number) => string }
> = {
  'zh-CN': {
    withFix: (m, f) => `${m}修复：${f}`,
    gap: '',
    docs: '规则文档',
    colon: '：',
    built: '构建产物中的位置',
    possible: '可能的源文件位置',
    capped: (kept, total) => `beian-guard 共发现 ${total} 个问题，本文件只列出其中 ${kept} 个（错误优先）：GitHub 代码扫描每次运行最多接受 ${SARIF_MAX_RESULTS} 个结果。全部问题见 JSON 报告。`,
  },
  en: {
    withFix: (m, f) => `${m} Fix: ${f}`,
    gap: ' ',
    docs: 'Rule documentation',
    colon: ': ',
    built: 'Location in the built file',
    possible: 'Possible source location',
    capped: (kept, total) =>
      `beian-guard found ${total} problems; this file lists ${kept} of them (errors first), since GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} results per run. The JSON report has them all.`,
  },
};

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Message strings in SARIF may hold embedded links written `[text](target)`, which viewers
 * (GitHub code scanning among them) render. Page text gets its brackets escaped as §3.11.6 says.
 */
function sarifText(text: string): string {
  return oneLine(text).replace(/\\(?=[[\]])/g, '\\\\').replace(/[[\]]/g, '\\$&');
}

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

function descriptor(meta: RuleMeta, options: SarifOptions): ReportingDescriptor {
  const t = TEXT[options.lang];
  const summary = meta.docs.summary[options.lang];
  const why = meta.docs.why[options.lang];
  const url = options.docsUrl(meta.id);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: cap(summary, DESCRIPTION_MAX) },
    fullDescription: { text: cap(`${summary}${t.gap}${why}`, DESCRIPTION_MAX) },
    help: {
      text: `${summary}\n\n${why}\n\n${t.docs}${t.colon}${url}`,
      markdown: `**${mdText(summary)}**\n\n${mdText(why)}\n\n[${t.docs}](${mdUrl(url)})`,
    },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: ['beian', 'compliance', meta.kind], seedReasons: [...meta.seedReasons] },
  };
}

/** A path relative to the repository root (forward slashes, percent-encoded), or a file: URI outside it. */
function artifact(file: string, options: SarifOptions): { uri: string; uriBaseId?: string } {
  // Live findings name a URL or `domain:`/`dns:`/`tls:` name, which are URIs already (issue 15).
  if (/^(https?|domain|dns|tls):/.test(file)) return { uri: file };
  const abs = path.resolve(options.cwd, file);
  const rel = path.relative(options.repoRoot, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function builtLocation(f: Finding, options: SarifOptions): Location {
  return {
    physicalLocation: {
      artifactLocation: artifact(f.file, options),
      region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
    },
  };
}

function result(f: Finding, ruleIndex: number | undefined, options: SarifOptions): Result {
  const t = TEXT[options.lang];
  const sources = f.sourceLocations ?? [];
  const primary = sources[0]?.confidence === 'high' ? sources[0] : undefined;
  const related: Location[] = [];
  let locations: Location[];
  if (primary) {
    locations = [{ physicalLocation: { artifactLocation: artifact(primary.file, options), region: { startLine: primary.line, startColumn: primary.column } } }];
    related.push({ ...builtLocation(f, options), message: { text: t.built } });
  } else locations = [builtLocation(f, options)];
  for (const s of sources) {
    if (s === primary) continue;
    related.push({
      physicalLocation: { artifactLocation: artifact(s.file, options), region: { startLine: s.line, startColumn: s.column } },
      message: { text: s.confidence === 'low' ? t.possible : sarifText(s.reason) },
    });
  }
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined && { ruleIndex }),
    level: LEVEL[f.severity],
    message: { text: t.withFix(sarifText(f.message), sarifText(f.fix)) },
    locations,
    ...(related.length > 0 && { relatedLocations: related.map((l, i) => ({ id: i + 1, ...l })) }),
    // Our fingerprint survives line moves (rule, message, page, evidence), which is what code
    // scanning uses primaryLocationLineHash for; the named key keeps it readable by other tools.
    partialFingerprints: { primaryLocationLineHash: f.fingerprint, 'beianGuard/v1': f.fingerprint },
    properties: { page: f.page, entry: f.entry },
  };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The findings a capped file keeps: the most severe first, each kept in report order. */
function kept(findings: readonly Finding[], max: number): readonly Finding[] {
  if (findings.length <= max) return findings;
  const counts = [0, 0, 0];
  for (const f of findings) counts[RANK[f.severity]]!++;
  // The least severe level that still fits, and how many of it.
  let room = max;
  let cut = 0;
  while (cut < 2 && counts[cut]! < room) room -= counts[cut++]!;
  return findings.filter((f) => RANK[f.severity] < cut || (RANK[f.severity] === cut && room-- > 0));
}

/**
 * SARIF 2.1.0 for `--format sarif` and the action's `sarif-file`. Same report, same bytes. At most
 * SARIF_MAX_RESULTS results; past that, a tool notification and run properties give the full count.
 */
export function formatSarif(report: Report, options: SarifOptions): string {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const results = kept(report.findings, SARIF_MAX_RESULTS);
  const capped = results.length < report.findings.length;
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'beian-guard',
            version: report.version,
            semanticVersion: report.version,
            informationUri: PROJECT_URL,
            rules: RULES.map((r) => descriptor(r.meta, options)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.repoRoot.endsWith(path.sep) ? options.repoRoot : options.repoRoot + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        ...(capped && {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [{ level: 'warning', message: { text: TEXT[options.lang].capped(results.length, report.findings.length) } }],
            },
          ],
          properties: { 'beianGuard/totalResults': report.findings.length, 'beianGuard/omittedResults': report.findings.length - results.length },
        }),
        results: results.map((f) => result(f, index.get(f.ruleId), options)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
