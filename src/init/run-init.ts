import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../config/errors.js';
import { findConfigFile } from '../config/load.js';
import { parseIcp } from '../domain/icp.js';
import { parsePolice } from '../domain/police.js';
import type { Lang } from '../i18n/lang.js';
import type { CliIO } from '../cli/main.js';
import { INIT_HELP, parseInitArgs, type InitArgs } from './args.js';
import { chooseNumber, problemText, whereText } from './choose.js';
import { renderConfig } from './config-file.js';
import { PROBES } from './generators/index.js';
import { cleanDir } from './generators/shared.js';
import { t } from './messages.js';
import { formatSummary, type Sourced } from './summary.js';
import { currentBranch, gitRoot, Project } from './project.js';
import { terminalAsker, type Asker } from './prompt.js';
import type { Found } from './scan.js';
import type { Detection } from './types.js';
import { installCommand, packageManagerOf, renderWorkflow, runScript, type WorkflowPlan } from './workflow.js';
import { toPosix } from '../paths.js';

/** What init reads questions from: process.stdin, or a stream that says it is a terminal in tests. */
export type InitInput = NodeJS.ReadableStream & { isTTY?: boolean };

const CONFIG_NAME = 'beian.config.json';
const WORKFLOW_PATH = '.github/workflows/beian.yml';


/**
 * `beian-guard init`: detect the generator, gather the filing facts, write the config and the
 * workflow, and say what is left to do. Returns the exit code (0 written, 2 usage error or an
 * existing file without --force); never throws for the user's input.
 */
export async function runInit(argv: readonly string[], io: CliIO, stdin: InitInput = process.stdin): Promise<number> {
  try {
    const args = parseInitArgs(argv);
    if (args.help) {
      io.stdout.write(INIT_HELP);
      return 0;
    }
    return await initProject(args, io, stdin);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr.write(`beian-guard: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function initProject(args: InitArgs, io: CliIO, stdin: InitInput): Promise<number> {
  const lang = args.lang;
  const show = (abs: string) => toPosix(path.relative(io.cwd, abs)) || '.';
  const dir = path.resolve(io.cwd, args.dir ?? '.');
  if (!isDirectory(dir)) throw new InputError(t(lang, 'notDir', { dir: args.dir ?? '.' }));
  const repo = gitRoot(dir) ?? dir;
  const configAbs = path.join(dir, CONFIG_NAME);
  const workflowAbs = path.join(repo, ...WORKFLOW_PATH.split('/'));

  // Refuse before asking anything: an answer typed for nothing wastes the user's time.
  if (!args.force) {
    for (const existing of [findConfigFile(dir), fs.existsSync(workflowAbs) ? workflowAbs : undefined]) {
      if (existing) throw new InputError(t(lang, 'exists', { file: show(existing) }));
    }
  }
  const icpFlag = args.icp !== undefined ? checkFlag(lang, 'icp', args.icp) : undefined;
  const policeFlag = args.police !== undefined ? checkFlag(lang, 'police', args.police) : undefined;

  const project = new Project(dir);
  const detection = detect(project);
  if (!detection && args.root === undefined) {
    throw new InputError(t(lang, 'unknownGenerator', { dir: show(dir), names: PROBES.map((p) => p.name).join(', ') }));
  }

  const icp = chooseNumber(lang, 'icp', detection?.numbers.icp ?? []);
  const police = chooseNumber(lang, 'police', detection?.numbers.police ?? []);
  const remarks = [...icp.remarks, ...police.remarks];

  const asker: Asker | undefined = stdin.isTTY && !args.yes ? terminalAsker(stdin, io.stdout) : undefined;
  let siteName: Sourced;
  let icpValue: Sourced;
  let policeValue: Sourced;
  try {
    const flag = (value: string): Sourced => ({ value, from: t(lang, 'fromFlag'), kind: 'flag' });
    const found = (f: Found | undefined): Sourced | undefined => f && { value: f.value, from: whereText(lang, f), kind: 'found' };
    siteName = args.siteName !== undefined ? flag(args.siteName) : await askOrFound(lang, asker, 'askSiteName', found(detection?.siteName), () => true);
    icpValue = icpFlag !== undefined ? flag(icpFlag) : await askOrFound(lang, asker, 'askIcp', found(icp.chosen), numberCheck(lang, 'icp', io));
    policeValue = policeFlag !== undefined ? flag(policeFlag) : await askOrFound(lang, asker, 'askPolice', found(police.chosen), numberCheck(lang, 'police', io), true);
  } finally {
    asker?.close();
  }

  const rootRel = args.root !== undefined ? cleanDir(toPosix(args.root)) : detection!.outDir;
  const plan = planWorkflow(project, detection, repo, dir);
  const configText = renderConfig({
    root: rootRel,
    siteName: siteName.value ?? t(lang, 'siteNamePlaceholder'),
    icp: icpValue.value ?? t(lang, 'icpPlaceholder'),
    ...(policeValue.value !== undefined && { police: policeValue.value }),
    filing: args.filing ?? 'personal',
  });
  const workflowText = renderWorkflow(plan);

  write(lang, configAbs, configText, show);
  write(lang, workflowAbs, workflowText, show);

  io.stdout.write(
    formatSummary({
      lang,
      show,
      dir,
      repo,
      cwd: io.cwd,
      detection,
      ...(args.root !== undefined && { rootFlag: true }),
      root: rootRel,
      build: plan.build,
      values: { siteName, icp: icpValue, police: policeValue },
      remarks,
      configAbs,
      workflowAbs,
    }),
  );
  return 0;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The first probe that recognises the project (PROBES is ordered most specific first). */
export function detect(project: Project): Detection | undefined {
  for (const probe of PROBES) {
    const found = probe.detect(project);
    if (found) return found;
  }
  return undefined;
}

function checkFlag(lang: Lang, which: 'icp' | 'police', value: string): string {
  const r = which === 'icp' ? parseIcp(value) : parsePolice(value);
  if (r.ok) return r.value.canonical;
  throw new InputError(t(lang, 'badFlag', { flag: `--${which}`, value, why: problemText(lang, which, r.reason) }));
}

function numberCheck(lang: Lang, which: 'icp' | 'police', io: CliIO): (answer: string) => string | false {
  return (answer) => {
    const r = which === 'icp' ? parseIcp(answer) : parsePolice(answer);
    if (r.ok) return r.value.canonical;
    io.stdout.write(`${t(lang, 'askInvalid', { value: answer, why: problemText(lang, which, r.reason) })}\n`);
    return false;
  };
}

/**
 * On a terminal: ask, offering the found value as the default. Elsewhere: take the found value.
 * `accept` returns the value to keep (normalised) or false to ask again.
 */
async function askOrFound(
  lang: Lang,
  asker: Asker | undefined,
  question: 'askSiteName' | 'askIcp' | 'askPolice',
  found: Sourced | undefined,
  accept: (answer: string) => string | boolean,
  optional = false,
): Promise<Sourced> {
  const none: Sourced = { kind: 'none' };
  if (!asker) return found ?? none;
  for (let attempt = 0; attempt < 3; attempt++) {
    const hint = found?.value !== undefined ? `${lang === 'zh-CN' ? '（' : ' ('}${t(lang, 'askDefault', { value: found.value })}${lang === 'zh-CN' ? '）' : ')'}` : '';
    const answer = await asker.ask(`${t(lang, question)}${hint}${lang === 'zh-CN' ? '：' : ': '}`);
    if (answer === undefined) return found ?? none;
    if (answer === '') {
      if (found || optional) return found ?? none;
      continue;
    }
    const kept = accept(answer);
    if (kept === false) continue;
    return { value: kept === true ? answer : kept, from: t(lang, 'fromPrompt'), kind: 'prompt' };
  }
  return found ?? none;
}

function planWorkflow(project: Project, detection: Detection | undefined, repo: string, dir: string): WorkflowPlan {
  const fromRepo = (rel: string) => toPosix(path.relative(repo, path.join(dir, rel)));
  const sub = toPosix(path.relative(repo, dir));
  const pkg = project.packageJson();
  const { manager, lockFile } = packageManagerOf(project);
  const versionFile = project.firstFile(['.nvmrc', '.node-version']);
  const declared = typeof pkg?.packageManager === 'string';
  const scripts = detection?.buildScripts ?? ['build'];
  const script = scripts.find((s) => project.script(s) !== undefined);
  let build: string | undefined;
  if (detection?.toolchain === 'hugo' || detection?.toolchain === 'jekyll') build = detection.defaultBuild;
  else if (script) build = runScript(manager, script);
  else build = detection?.defaultBuild;
  return {
    branch: currentBranch(repo) ?? 'main',
    toolchain: detection?.toolchain ?? 'node',
    ...(pkg && {
      node: {
        manager,
        install: installCommand(manager, lockFile !== undefined),
        ...(versionFile && { versionFile: fromRepo(versionFile) }),
        ...(manager === 'pnpm' && !declared && { pnpmVersion: '10' }),
        ...(lockFile && { lockFile: fromRepo(lockFile) }),
      },
    }),
    ...(build !== undefined && { build }),
    submodules: fs.existsSync(path.join(repo, '.gitmodules')),
    ...(sub && { workingDirectory: sub }),
    configPath: fromRepo(CONFIG_NAME),
  };
}

function write(lang: Lang, abs: string, text: string, show: (p: string) => string): void {
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  } catch (e) {
    throw new InputError(t(lang, 'cannotWrite', { file: show(abs), code: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
}
