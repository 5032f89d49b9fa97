import fs from 'node:fs';
import path from 'node:path';
import { both, InputError } from '../config/errors.js';
import { findConfigFile } from '../config/load.js';
import { parseIcp } from '../domain/icp.js';
import { parsePolice } from '../domain/police.js';
import type { Lang } from '../i18n/lang.js';
import type { CliIO } from '../cli/main.js';
import { initHelp, langOf, parseInitArgs, type InitArgs } from './args.js';
import { detectCi, type CiDetection, type CiKind } from './ci/detect.js';
import { ciTarget, liveTarget, renderCi, renderLiveCi } from './ci/index.js';
import { chooseNumber, entityOf, problemText, whereText } from './choose.js';
import { renderConfig } from './config-file.js';
import { PROBES } from './generators/index.js';
import { addNumbers, cleanDir } from './generators/shared.js';
import { t } from './messages.js';
import { formatSummary, type Sourced } from './summary.js';
import { addressesFromFlags, decideLive, type LiveDecision } from './live.js';
import { moreLiveCommand } from './more.js';
import { currentBranch, gitRoot, Project } from './project.js';
import { addressesIn, classify } from './site-domains.js';
import { terminalAsker, type Asker } from './prompt.js';
import { shownOnPage, type Found, type NumbersFound } from './scan.js';
import type { Detection } from './types.js';
import { installCommand, packageManagerOf, runScript, type WorkflowPlan } from './workflow.js';
import { toPosix } from '../paths.js';

/** What init reads questions from: process.stdin, or a stream that says it is a terminal in tests. */
export type InitInput = NodeJS.ReadableStream & { isTTY?: boolean };

const CONFIG_NAME = 'beian.config.json';

/**
 * `beian-guard init`: detect the generator and the CI, gather the filing facts, write the config
 * and the CI file, and say what is left to do. Returns the exit code (0 written, 2 usage error or
 * an existing file without --force); never throws for the user's input.
 */
export async function runInit(argv: readonly string[], io: CliIO, stdin: InitInput = process.stdin): Promise<number> {
  try {
    const args = parseInitArgs(argv);
    if (args.help) {
      io.stdout.write(initHelp(args.lang));
      return 0;
    }
    return await initProject(args, io, stdin);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr.write(`beian-guard: ${e.text(langOf(argv))}\n`);
      return 2;
    }
    // Our bug, not the user's input: say so in their language, on one line, and never pass.
    const lang = langOf(argv);
    const detail = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    io.stderr.write(lang === 'zh-CN' ? `beian-guard: init 内部错误：${detail}\n请附上你运行的命令报告这个问题。\n` : `beian-guard: init internal error: ${detail}\nPlease report it with the command you ran.\n`);
    return 2;
  }
}

async function initProject(args: InitArgs, io: CliIO, stdin: InitInput): Promise<number> {
  const lang = args.lang;
  const show = (abs: string) => toPosix(path.relative(io.cwd, abs)) || '.';
  const dir = path.resolve(io.cwd, args.dir ?? '.');
  if (!isDirectory(dir)) throw InputError.of('init-not-dir', { dir: args.dir ?? '.' });
  const repo = gitRoot(dir) ?? dir;
  const configAbs = path.join(dir, CONFIG_NAME);

  const ciDetection: CiDetection | undefined = args.ci === undefined ? detectCi(repo) : undefined;
  const ciKind: CiKind = args.ci ?? ciDetection!.kind;
  const target = ciTarget(ciKind, repo);
  const ciAbs = target ? path.join(repo, ...target.rel.split('/')) : undefined;
  const liveFile = liveTarget(ciKind, target);
  const liveAbs = liveFile ? path.join(repo, ...liveFile.rel.split('/')) : undefined;
  const liveExists = !args.force && liveAbs !== undefined && fs.existsSync(liveAbs);

  // Refuse before asking anything: an answer typed for nothing wastes the user's time.
  if (!args.force) {
    for (const existing of [findConfigFile(dir), ciAbs && fs.existsSync(ciAbs) ? ciAbs : undefined, args.live === true && liveExists ? liveAbs : undefined]) {
      if (existing) throw InputError.of('init-exists', { file: show(existing) });
    }
  }
  const icpFlag = args.icp !== undefined ? checkFlag(lang, 'icp', args.icp) : undefined;
  const policeFlag = args.police !== undefined ? checkFlag(lang, 'police', args.police) : undefined;
  const flaggedAddresses = args.domains.length > 0 ? await addressesFromFlags(lang, args.domains) : undefined;

  const project = new Project(dir);
  const detection = detect(project);
  if (!detection && args.root === undefined) {
    throw InputError.of('init-unknown-generator', { dir: show(dir), names: PROBES.map((p) => p.name).join(', ') });
  }
  const rootRel = args.root !== undefined ? cleanDir(toPosix(args.root)) : detection!.outDir;

  const numbers: NumbersFound = detection ? { icp: [...detection.numbers.icp], police: [...detection.numbers.police], companies: [...detection.numbers.companies] } : { icp: [], police: [], companies: [] };
  let icp = chooseNumber(lang, 'icp', numbers.icp);
  let police = chooseNumber(lang, 'police', numbers.police);
  const remarks: string[] = [];
  // A built site is read too: when the sources gave no usable number, the entry page shows what
  // the visitor (and the reviewer) sees; its copyright line may name the company behind the site.
  let siteNameFound = detection?.siteName;
  const entry = path.posix.join(rootRel, 'index.html');
  const html = detection?.generator !== 'static' ? project.read(entry) : undefined;
  if (html !== undefined) {
    const shown = shownOnPage(html, entry);
    const fallback = (which: 'icp' | 'police', current: ReturnType<typeof chooseNumber>) => {
      if (current.chosen) return current;
      const fromPage = chooseNumber(lang, which, which === 'icp' ? shown.numbers.icp : shown.numbers.police);
      if (!fromPage.chosen) return current;
      const where = whereText(lang, fromPage.chosen);
      return { chosen: fromPage.chosen, remarks: [...current.remarks, t(lang, 'fromBuild', { label: t(lang, which), value: fromPage.chosen.value, where })] };
    };
    icp = fallback('icp', icp);
    police = fallback('police', police);
    siteNameFound ??= shown.title;
    addNumbers(numbers, { icp: [], police: [], companies: shown.numbers.companies });
  }
  remarks.push(...icp.remarks, ...police.remarks);
  const company = numbers.companies.find((c) => c.origin !== 'theme');
  const addresses = await classify(addressesIn(project, detection));
  const usableAddress = addresses.find((a) => a.result.ok);
  const interactive = stdin.isTTY === true && !args.yes;
  // Without a terminal, --live with nothing to go on is a usage error before anything is asked or written.
  const liveFlags = { lang, asker: undefined, out: io.stdout, flag: args.live, flagged: flaggedAddresses, found: usableAddress, all: addresses } as const;
  if (!interactive && args.live === true) await decideLive(liveFlags);

  const asker: Asker | undefined = interactive ? terminalAsker(stdin, io.stdout) : undefined;
  let siteName: Sourced;
  let icpValue: Sourced;
  let policeValue: Sourced;
  let filing: Sourced;
  let live: LiveDecision;
  try {
    const flag = (value: string): Sourced => ({ value, from: t(lang, 'fromFlag'), kind: 'flag' });
    const found = (f: Found | undefined): Sourced | undefined => f && { value: f.value, from: whereText(lang, f), kind: 'found' };
    siteName = args.siteName !== undefined ? flag(args.siteName) : await askOrFound(lang, asker, 'askSiteName', found(siteNameFound), () => true);
    if (icpFlag !== undefined) icpValue = flag(icpFlag);
    else {
      if (asker) io.stdout.write(`${t(lang, 'icpExplain')}\n`);
      icpValue = await askOrFound(lang, asker, 'askIcp', found(icp.chosen), numberCheck(lang, 'icp', io));
    }
    policeValue = policeFlag !== undefined ? flag(policeFlag) : await askOrFound(lang, asker, 'askPolice', found(police.chosen), numberCheck(lang, 'police', io), true);
    if (args.filing !== undefined) filing = flag(args.filing);
    else {
      if (asker && company) io.stdout.write(`${t(lang, 'companyHint', { company: company.value, where: whereText(lang, company) })}\n`);
      const byDefault: Sourced = { value: 'personal', from: t(lang, 'fromDefault'), kind: 'default' };
      filing = await askOrFound(lang, asker, 'askFiling', byDefault, filingCheck(lang, io));
    }
    live = await decideLive({ ...liveFlags, asker, ...(liveExists && liveAbs && { blockedBy: show(liveAbs) }) });
  } finally {
    asker?.close();
  }

  const filingValue = filing.value === 'enterprise' ? 'enterprise' : 'personal';
  if (filing.kind === 'default' && company) remarks.push(t(lang, 'companyHint', { company: company.value, where: whereText(lang, company) }));
  if (icpValue.value !== undefined && parseIcp(icpValue.value).ok && entityOf(icpValue.value) === icpValue.value && !/B2|ICP证/.test(icpValue.value)) {
    remarks.push(t(lang, 'entityOnly', { value: icpValue.value, config: show(configAbs) }));
  }

  const targets = live.targets;
  remarks.push(...live.remarks);
  if (targets?.hosts && targets.domains.length > 1) remarks.push(t(lang, 'hostsShared', { config: show(configAbs), names: targets.names.join(lang === 'zh-CN' ? '、' : ', ') }));

  const plan = planCi(project, detection, repo, dir);
  const configText = renderConfig({
    root: rootRel,
    siteName: siteName.value ?? t(lang, 'siteNamePlaceholder'),
    icp: icpValue.value ?? t(lang, 'icpPlaceholder'),
    ...(policeValue.value !== undefined && { police: policeValue.value }),
    filing: filingValue,
    ...(targets && { domains: targets.domains, ...(targets.hosts && { hosts: targets.hosts }) }),
  });
  const ci = target ? renderCi(ciKind, target, plan, repo, CONFIG_NAME, targets !== undefined) : undefined;
  const liveText = targets && liveFile ? renderLiveCi(ciKind, plan, CONFIG_NAME) : undefined;

  write(lang, configAbs, configText, show);
  if (ci && ciAbs) write(lang, ciAbs, ci.text, show);
  if (liveText !== undefined && liveAbs) write(lang, liveAbs, liveText, show);

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
      build: plan.toolchain === 'none' ? undefined : plan.build,
      values: { siteName, icp: icpValue, police: policeValue, filing: { ...filing, value: filingValue } },
      remarks,
      configAbs,
      ci: { kind: ciKind, ...(ciDetection && { detection: ciDetection }), ...(ciAbs && { fileAbs: ciAbs }), notes: [...(ci?.notes ?? []), ...(targets && ciKind === 'none' ? [{ id: 'liveNoCi' as const }] : [])] },
      live: {
        ...(targets && { targets }),
        ...(live.from !== undefined && { from: live.from }),
        ...(liveText !== undefined && liveAbs && { fileAbs: liveAbs }),
        ...(!targets &&
          args.live !== false && {
            more: moreLiveCommand({
              lang,
              args,
              values: { siteName, icp: icpValue, police: policeValue, filing },
              ...(usableAddress && { found: { value: usableAddress.found.value, where: whereText(lang, usableAddress.found) } }),
            }),
          }),
      },
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
  throw InputError.of('init-bad-number', { flag: `--${which}`, value, why: both(problemText('zh-CN', which, r.reason), problemText('en', which, r.reason)) });
}

function numberCheck(lang: Lang, which: 'icp' | 'police', io: CliIO): (answer: string) => string | false {
  return (answer) => {
    const r = which === 'icp' ? parseIcp(answer) : parsePolice(answer);
    if (r.ok) return r.value.canonical;
    io.stdout.write(`${t(lang, 'askInvalid', { value: answer, why: problemText(lang, which, r.reason) })}\n`);
    return false;
  };
}

function filingCheck(lang: Lang, io: CliIO): (answer: string) => string | false {
  return (answer) => {
    const a = answer.trim().toLowerCase();
    if (['personal', 'p', '个人'].includes(a)) return 'personal';
    if (['enterprise', 'e', '单位', '企业', '公司'].includes(a)) return 'enterprise';
    io.stdout.write(`${t(lang, 'askFilingInvalid')}\n`);
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
  question: 'askSiteName' | 'askIcp' | 'askPolice' | 'askFiling',
  found: Sourced | undefined,
  accept: (answer: string) => string | boolean,
  optional = false,
): Promise<Sourced> {
  const none: Sourced = { kind: 'none' };
  if (!asker) return found ?? none;
  for (let attempt = 0; attempt < 3; attempt++) {
    const hint = found?.value !== undefined ? `${lang === 'zh-CN' ? '（' : ' ('}${t(lang, 'askDefault', { value: found.value })}${lang === 'zh-CN' ? '）' : ')'}` : '';
    // "Leave it empty" and "Enter keeps X" cannot both be true: the found value decides which is said.
    const text = question === 'askPolice' && found?.value !== undefined ? 'askPoliceFound' : question;
    const answer = await asker.ask(`${t(lang, text)}${hint}${lang === 'zh-CN' ? '：' : ': '}`);
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

function planCi(project: Project, detection: Detection | undefined, repo: string, dir: string): WorkflowPlan {
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
  else build = detection?.defaultBuild || undefined;
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
    throw InputError.of('file-unwritable', { file: show(abs), code: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}
