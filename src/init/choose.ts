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

/** `京ICP备2023012345号-1` → `京ICP备2023012345号`: the entity a website number belongs to. */
export function entityOf(icp: string): string {
  return icp.replace(/-\d+$/, '');
}

/**
 * Picks the number to write from what the sources show: the first valid one in a block that is
 * switched on. The user's own files come before a theme's defaults; a theme's placeholders and
 * switched-off samples say nothing about this site and are left out. The user's invalid or
 * switched-off values, and disagreements, become remarks.
 */
export function chooseNumber(lang: Lang, which: 'icp' | 'police', found: readonly Found[]): { chosen?: Found; remarks: string[] } {
  const remarks: string[] = [];
  const valid: Found[] = [];
  const reported = new Set<string>();
  for (const f of found) {
    if (f.origin === 'theme' && (f.problem || f.disabled)) continue;
    if (f.problem) {
      const key = `${f.file}\0${f.value}`;
      if (!reported.has(key)) remarks.push(t(lang, 'invalidFound', { value: f.value, where: whereText(lang, f), why: problemText(lang, which, f.problem) }));
      reported.add(key);
    } else valid.push(f);
  }
  const rank = (f: Found) => (f.disabled ? 2 : 0) + (f.origin === 'theme' ? 1 : 0);
  let chosen = [...valid].sort((a, b) => rank(a) - rank(b))[0];
  // A footer may show the entity number in one place and the website number in another: the website number is the one to configure.
  if (chosen && which === 'icp' && entityOf(chosen.value) === chosen.value) {
    chosen = valid.find((f) => f.disabled === chosen!.disabled && entityOf(f.value) === chosen!.value && f.value !== chosen!.value) ?? chosen;
  }
  if (chosen?.disabled) remarks.push(t(lang, 'disabled', { value: chosen.value, where: whereText(lang, chosen) }));
  const distinct = [...new Set(valid.map((f) => f.value))].filter((v) => !(which === 'icp' && chosen && v !== chosen.value && entityOf(chosen.value) === v));
  if (distinct.length > 1) {
    remarks.push(t(lang, 'severalFound', { label: t(lang, which === 'icp' ? 'icp' : 'police'), values: distinct.join(lang === 'zh-CN' ? '、' : ', ') }));
  }
  return { ...(chosen && { chosen }), remarks };
}
