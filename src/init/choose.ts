import type { Lang } from '../i18n/lang.js';
import { ICP_PROBLEM_TEXT, POLICE_PROBLEM_TEXT, t } from './messages.js';
import type { Found } from './scan.js';

/** Where a found value sits, as the user would look it up. */
export function whereText(lang: Lang, found: Found): string {
  return found.key ? t(lang, 'atKey', { file: found.file, key: found.key, line: found.line }) : t(lang, 'at', { file: found.file, line: found.line });
}

export function problemText(lang: Lang, which: 'icp' | 'police', reason: string): string {
  const table = which === 'icp' ? ICP_PROBLEM_TEXT : POLICE_PROBLEM_TEXT;
  return table[reason]?.[lang] ?? reason;
}

/**
 * Picks the number to write from what the sources show: the first valid one. Invalid ones
 * (theme placeholders are common), switched-off ones and disagreeing ones become remarks.
 */
export function chooseNumber(lang: Lang, which: 'icp' | 'police', found: readonly Found[]): { chosen?: Found; remarks: string[] } {
  const remarks: string[] = [];
  const valid: Found[] = [];
  const reported = new Set<string>();
  for (const f of found) {
    if (f.problem) {
      const key = `${f.file}\0${f.value}`;
      if (!reported.has(key)) remarks.push(t(lang, 'invalidFound', { value: f.value, where: whereText(lang, f), why: problemText(lang, which, f.problem) }));
      reported.add(key);
    } else valid.push(f);
  }
  // A value in a switched-on block beats the same theme's switched-off sample.
  const chosen = valid.find((f) => !f.disabled) ?? valid[0];
  if (chosen?.disabled) remarks.push(t(lang, 'disabled', { value: chosen.value, where: whereText(lang, chosen) }));
  const distinct = [...new Set(valid.map((f) => f.value))];
  if (distinct.length > 1) {
    remarks.push(t(lang, 'severalFound', { label: t(lang, which === 'icp' ? 'icp' : 'police'), values: distinct.join(lang === 'zh-CN' ? '、' : ', ') }));
  }
  return { ...(chosen && { chosen }), remarks };
}
