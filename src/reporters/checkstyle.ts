import type { Lang } from '../i18n/lang.js';
import type { Finding, Report, Severity } from '../model/index.js';
import { oneLine } from './escape.js';
import { XML_DECLARATION, xmlAttrs } from './xml.js';

export interface CheckstyleOptions {
  readonly lang: Lang;
  /** How a built file is named to the reader (relative to the repository). Default: as given. */
  readonly path?: (file: string) => string;
}

/** Checkstyle's own levels; Jenkins warnings-ng and reviewdog map `info` to their lowest level. */
const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'info' };
const FIX: Record<Lang, string> = { 'zh-CN': ' 修复：', en: ' Fix: ' };

/**
 * Checkstyle XML (`<checkstyle><file name><error line column severity message source/></file>`),
 * the format Jenkins warnings-ng (`checkStyle`), reviewdog (`-f=checkstyle`) and many editors
 * read. The rule id goes in `source` as `beian-guard.<rule-id>`, the way checkstyle names its
 * checks, so tools that group by source group by rule. Columns are UTF-16 code units.
 */
export function formatCheckstyle(report: Report, options: CheckstyleOptions): string {
  const name = options.path ?? ((f: string) => f);
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const [file, list] of byFile) {
    out.push(`  <file${xmlAttrs({ name: name(file) })}>`);
    for (const f of list) {
      const message = `${oneLine(f.message)}${FIX[options.lang]}${oneLine(f.fix)}`;
      out.push(`    <error${xmlAttrs({ line: f.line, column: f.column, severity: LEVEL[f.severity], message, source: `beian-guard.${f.ruleId}` })}/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
