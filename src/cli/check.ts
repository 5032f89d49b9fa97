/**
 * `beian-guard check`: configuration, the run, the reports. Loaded only when a check runs, so
 * `--version`, `--help` and usage errors never pay for the engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { buildHint, findSiteFolder, isDirectory, SITE_FOLDERS } from '../config/site-folders.js';
import { failed } from '../engine/report.js';
import { runChecks } from '../engine/run.js';
import type { Lang } from '../i18n/lang.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish, formatSummaryLine } from '../reporters/stylish.js';
import { VERSION } from '../version.js';
import type { CheckArgs, OutputSpec } from './args.js';
import { useColor } from './color.js';
import type { CliHooks, CliIO } from './io.js';
import { CLI_TEXT } from './messages.js';
import type { Report } from '../model/index.js';

/**
 * The run configuration from a config file (named or found in the working directory) and the
 * flags. Without either a folder or a config file, the build folder is looked for the way the
 * action does, and a note on stderr says which one was taken.
 */
export function loadConfiguration(args: CheckArgs, io: Pick<CliIO, 'cwd' | 'stderr'>, note = true): ResolvedConfig {
  const cwd = io.cwd;
  const found = args.config === undefined ? findConfigFile(cwd) : undefined;
  const file = args.config !== undefined ? loadConfigFile(args.config, cwd) : found ? loadConfigFile(found, cwd) : undefined;
  const detected = !file && args.dir === undefined ? findSiteFolder(cwd) : undefined;
  const config = resolveConfig(
    file,
    {
      ...(args.dir !== undefined ? { root: args.dir } : detected !== undefined && { root: detected }),
      ...(args.icp !== undefined && { icp: args.icp }),
      ...(args.police !== undefined && { police: args.police }),
      ...(args.siteName !== undefined && { siteName: args.siteName }),
      ...(args.filing !== undefined && { filing: args.filing }),
      ...(args.scope !== undefined && { scope: args.scope }),
      ...(args.contentScope !== undefined && { contentScope: args.contentScope }),
      ...(args.failOn !== undefined && { failOn: args.failOn }),
      ...(args.lang !== undefined && { lang: args.lang }),
      ...(args.workers !== undefined && { workers: args.workers }),
      sourceMap: args.sourceMap,
    },
    cwd,
  );
  if (!file && args.dir === undefined) {
    if (detected !== undefined) {
      if (note) io.stderr.write(CLI_TEXT[config.lang].autoFolder(detected));
    } else if (!fs.existsSync(path.join(cwd, 'index.html'))) {
      // Neither a build folder nor a built page here: most likely the site has not been built.
      throw InputError.of('no-site-folder', { folders: SITE_FOLDERS.join(', '), hint: buildHint(cwd) });
    }
  }
  return config;
}

/** A missing site folder almost always means "not built yet": say so, with the likely command. */
function requireSiteFolders(config: ResolvedConfig, cwd: string): void {
  const projectDir = config.configFile ? path.dirname(config.configFile) : cwd;
  for (const site of config.sites) {
    if (fs.existsSync(site.root)) continue;
    throw InputError.of('root-missing', { root: site.rootDisplay, hint: buildHint(isDirectory(projectDir) ? projectDir : cwd) });
  }
}

/** `--quiet`: the report as shown holds errors only; the verdict is still taken from the whole run. */
function errorsOnly(report: Report): Report {
  const findings = report.findings.filter((f) => f.severity === 'error');
  return { ...report, findings, summary: { ...report.summary, warnings: 0, notices: 0 } };
}

async function render(output: OutputSpec, report: Report, config: ResolvedConfig, io: CliIO, hooks: CliHooks, color: boolean): Promise<string> {
  if (output.format === 'json') return formatJson(report);
  if (output.format === 'sarif') {
    if (!hooks.formatSarif) throw InputError.of('not-in-build', { feature: '--format sarif' });
    return await hooks.formatSarif(report, config, io);
  }
  return formatStylish(report, { lang: config.lang, color });
}

function writeReport(file: string, text: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  } catch (e) {
    throw InputError.of('output-unwritable', { code: (e as NodeJS.ErrnoException).code ?? String(e) }, `--output ${file}`);
  }
  return abs;
}

/** Runs a check and writes its reports; returns the exit code (0 pass, 1 fail). */
export async function runCheck(args: CheckArgs, io: CliIO, hooks: CliHooks, state: { lang: Lang }): Promise<number> {
  const config = loadConfiguration(args, io, !args.quiet);
  state.lang = config.lang;
  if (args.printConfig) {
    io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  requireSiteFolders(config, io.cwd);
  const report = await runChecks(config, { cwd: io.cwd, version: VERSION, ...(io.workerScript && { workerScript: io.workerScript }) });
  await hooks.afterRun?.(report, config, args, io);

  const shown = args.quiet ? errorsOnly(report) : report;
  const color = useColor(args.color, io.env, io.stdout);
  const files: string[] = [];
  let toStdout = false;
  for (const output of args.outputs) {
    if (output.file === undefined) {
      toStdout = true;
      io.stdout.write(await render(output, shown, config, io, hooks, color));
    } else {
      writeReport(output.file, await render(output, shown, config, io, hooks, false), io.cwd);
      files.push(output.file);
    }
  }
  // Reports went to files only: the terminal gets one line, so a CI log still shows the verdict.
  if (!toStdout && files.length > 0) io.stdout.write(CLI_TEXT[config.lang].wroteReport(formatSummaryLine(shown, { lang: config.lang, color }), files.join(', ')));

  if (failed(report, config.failOn)) return 1;
  if (args.maxWarnings !== undefined && report.summary.warnings > args.maxWarnings) {
    io.stderr.write(CLI_TEXT[config.lang].tooManyWarnings(report.summary.warnings, args.maxWarnings));
    return 1;
  }
  return 0;
}
