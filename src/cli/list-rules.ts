import type { Lang } from '../i18n/lang.js';
import type { Severity } from '../model/index.js';
import { RULES } from '../rules/index.js';
import { CLI_TEXT } from './messages.js';

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', notice: '提示' },
  en: { error: 'error', warning: 'warning', notice: 'notice' },
};

/** Text width of a cell: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(1, to - width(text)));
}

/** `--list-rules`: one line per rule with its id, default severity, seed reasons and summary. */
export function listRules(lang: Lang): string {
  const t = CLI_TEXT[lang];
  const lines = [t.listRulesHead];
  for (const { meta } of RULES) {
    lines.push(`${pad(meta.id, 24)}${pad(SEVERITY[lang][meta.defaultSeverity], 10)}${pad(t.reasons(meta.seedReasons), 16)}${meta.docs.summary[lang]}`);
  }
  return `${lines.join('\n')}\n`;
}
