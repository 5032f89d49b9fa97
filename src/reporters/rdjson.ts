import type { Lang } from '../i18n/lang.js';
import type { Finding, Report, Severity } from '../model/index.js';
import { PROJECT_URL, type DocsUrl } from './docs-url.js';
import { oneLine } from './escape.js';

/** A 1-based column in UTF-16 code units turned into reviewdog's 1-based UTF-8 byte column. */
export type ByteColumn = (file: string, line: number, column: number) => number;

export interface RdjsonOptions {
  readonly lang: Lang;
  readonly docsUrl: DocsUrl;
  /** The path relative to the repository root, which reviewdog matches against the diff. */
  readonly path?: (file: string) => string;
  /**
   * reviewdog counts columns in UTF-8 bytes; findings count UTF-16 code units, and a line of
   * Chinese text differs by two bytes per character. The caller reads the built file (I/O stays
   * at the edge); without it columns are passed through, right for ASCII lines only.
   */
  readonly byteColumn?: ByteColumn;
}

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', notice: 'INFO' };
const FIX: Record<Lang, string> = { 'zh-CN': '修复：', en: 'Fix: ' };

/**
 * reviewdog's Diagnostic Format as JSON (`rdjson`, the `DiagnosticResult` message): one diagnostic
 * per finding with its rule as `code` and a link to the rule's page. The end position is
 * exclusive, as the format defines, which is what a finding's end column already is.
 */
export function formatRdjson(report: Report, options: RdjsonOptions): string {
  const name = options.path ?? ((f: string) => f);
  const column = (f: Finding, line: number, col: number): number => (options.byteColumn ? options.byteColumn(f.file, line, col) : col);
  const diagnostics = report.findings.map((f) => ({
    message: `${oneLine(f.message)}\n${FIX[options.lang]}${oneLine(f.fix)}`,
    location: {
      path: name(f.file),
      range: {
        start: { line: f.line, column: column(f, f.line, f.column) },
        end: { line: f.endLine, column: column(f, f.endLine, f.endColumn) },
      },
    },
    severity: SEVERITY[f.severity],
    code: { value: f.ruleId, url: options.docsUrl(f.ruleId) },
  }));
  const worst = report.summary.errors > 0 ? 'ERROR' : report.summary.warnings > 0 ? 'WARNING' : 'INFO';
  return `${JSON.stringify({ source: { name: 'beian-guard', url: PROJECT_URL }, severity: worst, diagnostics }, null, 2)}\n`;
}
