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
import { readPageLimits } from '../engine/limits.js';
import { runChecks } from '../engine/run.js';
import { shardFromCi } from '../engine/shard.js';
import type { Shard } from '../model/index.js';
import { guardForCi } from './ci-log.js';
import type { Lang } from '../i18n/lang.js';
import { oneLine } from '../reporters/escape.js';
import { VERSION } from '../version.js';
import type { CheckArgs } from './args.js';
import type { CheckStart, CliHooks, CliIO } from './io.js';
import { CLI_TEXT } from './messages.js';
import { checkOutputs, emitReports, type OutputOptions } from './output.js';

/**
 * The run configuration from a config file (named or found in the working directory) and the
 * flags. Without either a folder or a config file, the build folder is looked for the way the
 * action does, and a note on stderr says which one was taken.
 */
export function loadConfiguration(args: CheckArgs, io: Pick<CliIO, 'cwd' | 'stderr'>, note = true): ResolvedConfig {
  const cwd = io.cwd;
  const found = args.config === undefined ? findConfigFile(cwd) : undefined;
  const file = args.config !== undefined ? loadConfigFile(args.config, cwd) : found ? loadConfigFile(found, cwd, { found: true }) : undefined;
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
      ...(args.sourceMap !== undefined && { sourceMap: args.sourceMap }),
      ...(args.render !== undefined && { render: args.render }),
      ...(args.browser !== undefined && { browser: args.browser }),
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

/**
 * The shard this run checks: --shard, else GitLab's parallel: variables when both make one. Said
 * on stderr either way, since a run that checks part of the site must never look like a whole one.
 */
function pickShard(args: CheckArgs, io: Pick<CliIO, 'env' | 'stderr'>, lang: Lang): Shard | undefined {
  const say = (s: string): void => void io.stderr.write(guardForCi(io.env)(s));
  if (args.shard) {
    say(CLI_TEXT[lang].shardPicked(args.shard.index, args.shard.total, '--shard'));
    return args.shard;
  }
  const ci = shardFromCi(io.env);
  if (ci.shard) say(CLI_TEXT[lang].shardPicked(ci.shard.index, ci.shard.total, `CI_NODE_INDEX=${ci.shard.index}, CI_NODE_TOTAL=${ci.shard.total}`));
  else if (ci.ignored) say(CLI_TEXT[lang].ciShardIgnored(oneLine(ci.ignored)));
  return ci.shard;
}

/** Runs a check and writes its reports; returns the exit code (0 pass, 1 fail). */
export async function runCheck(args: CheckArgs, io: CliIO, hooks: CliHooks, state: { lang: Lang }, start: CheckStart = {}): Promise<number> {
  const config = loadConfiguration(args, io, !args.quiet);
  state.lang = config.lang;
  if (args.printConfig) {
    io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  requireSiteFolders(config, io.cwd);
  const shard = pickShard(args, io, config.lang);
  const output: OutputOptions = args;
  checkOutputs(output, config, io);
  const report = await runChecks(config, {
    cwd: io.cwd,
    version: VERSION,
    pageLimits: readPageLimits(io.env),
    ...(io.workerScript && { workerScript: io.workerScript }),
    ...(start.pageProcess && { firstProcess: start.pageProcess }),
    env: io.env,
    log: (line) => io.stderr.write(`${oneLine(line)}\n`),
    ...(shard && { shard }),
  });
  await hooks.afterRun?.(report, config, args, io);
  return emitReports(report, config, output, io);
}
