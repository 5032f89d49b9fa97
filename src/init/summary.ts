import type { Lang } from '../i18n/lang.js';
import { PROBES } from './generators/index.js';
import { t, type InitTextId } from './messages.js';
import type { Detection } from './types.js';

/** A value and where it came from: a flag, an answer, the project's files, or nowhere. */
export interface Sourced {
  readonly value?: string;
  readonly from?: string;
  readonly kind: 'flag' | 'prompt' | 'found' | 'none';
}

export interface SummaryInput {
  readonly lang: Lang;
  /** A path as the user should see it: relative to where the command ran. */
  readonly show: (abs: string) => string;
  readonly dir: string;
  readonly repo: string;
  readonly cwd: string;
  readonly detection: Detection | undefined;
  readonly rootFlag?: boolean;
  readonly root: string;
  readonly build: string | undefined;
  readonly values: { readonly siteName: Sourced; readonly icp: Sourced; readonly police: Sourced };
  /** Remarks about found values (placeholders, switched-off blocks, disagreements). */
  readonly remarks: readonly string[];
  readonly configAbs: string;
  readonly workflowAbs: string;
}

/**
 * What init prints after writing: what it found and where, what it wrote, what the user must
 * still check or fill in, and the numbered next steps.
 */
export function formatSummary(input: SummaryInput): string {
  const { lang, show, detection, values } = input;
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const label = (id: InitTextId, value: string) => line(`  ${t(lang, id)}${lang === 'zh-CN' ? '：' : ': '}${value}`);
  const paren = (s: string) => (lang === 'zh-CN' ? `（${s}）` : ` (${s})`);
  const probe = detection ? PROBES.find((p) => p.id === detection.generator) : undefined;

  line(t(lang, 'heading', { dir: show(input.dir) }));
  line();
  line(t(lang, 'detected'));
  label('generator', probe && detection ? `${probe.name}${paren(detection.evidence.join(', '))}` : t(lang, 'unknownGeneratorName'));
  const outFrom = input.rootFlag ? t(lang, 'fromFlag') : (detection?.outDirFrom ?? t(lang, 'byDefault', { name: probe?.name ?? '' }));
  label('outDir', `${input.root}${paren(outFrom)}`);
  label('build', input.build ?? t(lang, 'notFound'));
  for (const [id, v] of [['siteName', values.siteName], ['icp', values.icp], ['police', values.police]] as const) {
    label(id, v.value !== undefined ? `${v.value}${paren(v.from ?? '')}` : t(lang, 'notFound'));
  }

  const config = show(input.configAbs);
  const workflow = show(input.workflowAbs);
  line();
  line(t(lang, 'written'));
  line(`  ${config}`);
  line(`  ${workflow}`);

  const todo: string[] = [...input.remarks, ...(detection?.notes ?? []).map((n) => t(lang, n.id, n.data))];
  if (input.repo !== input.dir) todo.push(t(lang, 'subfolder', { dir: show(input.dir), repo: show(input.repo) }));
  if (values.siteName.value === undefined) todo.push(t(lang, 'todoSiteName', { config }));
  else if (values.siteName.kind === 'found') todo.push(t(lang, 'checkSiteName', { siteName: values.siteName.value, where: values.siteName.from ?? '', config }));
  if (values.icp.value === undefined) todo.push(t(lang, 'todoIcp', { config }));
  if (values.police.value === undefined) todo.push(t(lang, 'todoPolice', { config }));
  todo.push(input.build ? t(lang, 'checkBuild', { build: input.build }) : t(lang, 'noBuild', { workflow }));
  line();
  line(t(lang, 'todo'));
  for (const item of todo) line(`  - ${item}`);

  const here = input.dir === input.cwd;
  const steps: string[] = [];
  if (input.build) steps.push(t(lang, 'stepBuild', { build: `${here ? '' : `cd ${show(input.dir)} && `}${input.build}` }));
  steps.push(here ? t(lang, 'stepCheck') : `${t(lang, 'stepCheck')} --config ${config}`);
  steps.push(t(lang, 'stepFix'));
  steps.push(t(lang, 'stepCommit', { files: `${config} ${workflow}` }));
  line();
  line(t(lang, 'next'));
  steps.forEach((s, i) => line(`  ${i + 1}. ${s}`));
  line(t(lang, 'done'));
  return `${out.join('\n')}\n`;
}
