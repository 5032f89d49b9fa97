import type { Lang } from '../i18n/lang.js';
import type { CiDetection, CiKind } from './ci/detect.js';
import { PROJECT_URL } from '../reporters/docs-url.js';
import { CLI_RUN, LIVE_REPORT_FILE } from './ci/commands.js';
import { PROBES } from './generators/index.js';
import { t, type InitTextId } from './messages.js';
import type { MoreCommand } from './more.js';
import type { LiveTargets } from './site-domains.js';
import type { Detection, Note } from './types.js';
import { ACTION_REF } from './workflow.js';

/** A value and where it came from: a flag, an answer, the project's files, or nowhere. */
export interface Sourced {
  readonly value?: string;
  readonly from?: string;
  readonly kind: 'flag' | 'prompt' | 'found' | 'default' | 'none';
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
  readonly values: { readonly siteName: Sourced; readonly icp: Sourced; readonly police: Sourced; readonly filing: Sourced };
  /** Remarks about found values (placeholders, switched-off blocks, disagreements, hints). */
  readonly remarks: readonly string[];
  readonly configAbs: string;
  readonly ci: { readonly kind: CiKind; readonly detection?: CiDetection; readonly fileAbs?: string; readonly notes: readonly Note[] };
  readonly live: {
    /** Set when the live check was added. */
    readonly targets?: LiveTargets;
    readonly from?: string;
    /** The live check's own CI file, where the CI keeps one. */
    readonly fileAbs?: string;
    /** The command that adds it later, when it was not added and not refused with --no-live. */
    readonly more?: MoreCommand;
  };
}

const CI_NAME: Record<CiKind, InitTextId> = { github: 'ciGithub', gitlab: 'ciGitlab', gitee: 'ciGitee', jenkins: 'ciJenkins', none: 'ciNone' };
const CI_DONE: Record<CiKind, InitTextId> = { github: 'doneGithub', gitlab: 'doneGitlab', gitee: 'doneGitee', jenkins: 'doneJenkins', none: 'doneNone' };
const LIVE_DONE: Record<CiKind, InitTextId | undefined> = { github: 'liveDoneGithub', gitlab: 'liveDoneGitlab', gitee: 'liveDoneGitee', jenkins: 'liveDoneJenkins', none: undefined };
const LIVE_DOCS = `${PROJECT_URL}/blob/main/docs/live.md`;

export function ciName(lang: Lang, kind: CiKind): string {
  return t(lang, CI_NAME[kind]);
}

/**
 * What init prints after writing: what it found and where, what it wrote, what the user must
 * still check or fill in, and the numbered next steps.
 */
export function formatSummary(input: SummaryInput): string {
  const { lang, show, detection, values, ci } = input;
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const label = (id: InitTextId, value: string) => line(`  ${t(lang, id)}${lang === 'zh-CN' ? '：' : ': '}${value}`);
  const paren = (s: string) => (lang === 'zh-CN' ? `（${s}）` : ` (${s})`);
  const list = (items: readonly string[]) => items.join(lang === 'zh-CN' ? '、' : ', ');
  const probe = detection ? PROBES.find((p) => p.id === detection.generator) : undefined;

  line(t(lang, 'heading', { dir: show(input.dir) }));
  line();
  line(t(lang, 'detected'));
  label('generator', probe && detection ? `${probe.name}${paren(detection.evidence.join(', '))}` : t(lang, 'unknownGeneratorName'));
  const outFrom = input.rootFlag ? t(lang, 'fromFlag') : (detection?.outDirFrom ?? t(lang, 'byDefault', { name: probe?.name ?? '' }));
  label('outDir', `${input.root}${paren(outFrom)}`);
  label('build', input.build ?? (detection?.toolchain === 'none' ? t(lang, 'noBuildNeeded') : t(lang, 'notFound')));
  const ciFrom = ci.detection === undefined ? t(lang, 'fromFlag') : ci.detection.byDefault ? t(lang, 'ciByDefault') : list(ci.detection.evidence);
  label('ci', `${ciName(lang, ci.kind)}${paren(ciFrom)}`);
  for (const [id, v] of [['siteName', values.siteName], ['icp', values.icp], ['police', values.police]] as const) {
    label(id, v.value !== undefined ? `${v.value}${paren(v.from ?? '')}` : t(lang, 'notFound'));
  }
  const filing = values.filing.value ?? 'personal';
  label('filing', `${t(lang, 'filingValue', { filing, label: t(lang, filing === 'enterprise' ? 'enterprise' : 'personal') })}${paren(values.filing.from ?? '')}`);
  const live = input.live;
  if (live.targets) {
    label('domainsLabel', `${list(live.targets.domains)}${live.from !== undefined ? paren(live.from) : ''}`);
    label('liveLabel', t(lang, 'liveDaily', { names: list(live.targets.names) }));
  } else label('liveLabel', t(lang, 'liveOff'));

  const config = show(input.configAbs);
  const ciFile = ci.fileAbs ? show(ci.fileAbs) : undefined;
  const liveFile = live.fileAbs ? show(live.fileAbs) : undefined;
  line();
  line(t(lang, 'written'));
  line(`  ${config}`);
  if (ciFile) line(`  ${ciFile}`);
  if (liveFile) line(`  ${liveFile}`);

  const todo: string[] = [...input.remarks, ...(detection?.notes ?? []).map((n) => t(lang, n.id, n.data))];
  todo.push(...ci.notes.map((n) => t(lang, n.id, n.data)));
  if (ci.detection && ci.detection.others.length > 0) todo.push(t(lang, 'ciOthers', { others: list(ci.detection.others.map((k) => ciName(lang, k))), name: ciName(lang, ci.kind) }));
  if (input.repo !== input.dir && ci.kind !== 'none') todo.push(t(lang, 'subfolder', { dir: show(input.dir), repo: show(input.repo) }));
  if (values.siteName.value === undefined) todo.push(t(lang, 'todoSiteName', { config }));
  else if (values.siteName.kind === 'found') todo.push(t(lang, 'checkSiteName', { siteName: values.siteName.value, where: values.siteName.from ?? '', config }));
  if (values.icp.value === undefined) todo.push(t(lang, 'todoIcp', { config }));
  if (values.police.value === undefined) todo.push(t(lang, 'todoPolice', { config }));
  if (values.filing.kind === 'default') todo.push(t(lang, 'todoFiling', { filing, label: t(lang, 'personal'), config }));
  if (ci.kind !== 'none' && detection?.toolchain !== 'none') {
    todo.push(input.build ? t(lang, 'checkBuild', { build: input.build }) : t(lang, 'noBuild', { workflow: ciFile ?? '' }));
  }
  line();
  line(t(lang, 'todo'));
  for (const item of todo) line(`  - ${item}`);

  const here = input.dir === input.cwd;
  const steps: string[] = [];
  if (input.build) steps.push(t(lang, 'stepBuild', { build: `${here ? '' : `cd ${show(input.dir)} && `}${input.build}` }));
  steps.push(t(lang, 'stepCheck', { command: here ? 'npx beian-guard check' : `npx beian-guard check --config ${config}` }));
  steps.push(t(lang, 'stepFix'));
  if (live.targets) steps.push(t(lang, 'stepLive', { command: here ? 'npx beian-guard live' : `npx beian-guard live --config ${config}` }));
  steps.push(t(lang, 'stepCommit', { files: [config, ...(ciFile ? [ciFile] : []), ...(liveFile ? [liveFile] : [])].join(' ') }));
  line();
  line(t(lang, 'next'));
  steps.forEach((s, i) => line(`  ${i + 1}. ${s}`));
  line(t(lang, CI_DONE[ci.kind], { action: ACTION_REF, cli: CLI_RUN }));
  const liveDone = live.targets ? LIVE_DONE[ci.kind] : undefined;
  if (liveDone) line(t(lang, liveDone, { docs: LIVE_DOCS, report: LIVE_REPORT_FILE, file: liveFile ?? '' }));

  if (live.more) {
    line();
    line(t(lang, 'more'));
    const after = live.more.found ? t(lang, 'moreLiveFound', live.more.found) : t(lang, 'moreLiveDomain', { placeholder: live.more.placeholder ?? '' });
    line(`  - ${t(lang, 'moreLive', { command: live.more.command })}`);
    line(`      ${after}`);
  }
  return `${out.join('\n')}\n`;
}
