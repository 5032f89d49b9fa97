/**
 * `beian-guard merge REPORT.json…`: the JSON reports of a sharded check (docs/shards.md), or
 * reports of separate runs, as one report in any format, with the exit code the whole run would
 * have had. The reports are read as untrusted input (engine/read-report.ts); the shards must be
 * complete, once each, from one version, configuration and shard count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { checkChoice, resolveConfig } from '../config/resolve.js';
import { mergeReports, type ReportPart } from '../engine/merge-reports.js';
import { readJsonReport } from '../engine/read-report.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { FAIL_ON } from '../model/index.js';
import { toPosix } from '../paths.js';
import { parseOptions, reportFlagsOf, REPORT_OPTIONS } from './args.js';
import type { CliIO } from './io.js';
import { CLI_TEXT } from './messages.js';
import { checkOutputs, emitReports, type OutputConfig } from './output.js';


/** A JSON report is at most this large (as for the action's `merge` input). */
const REPORT_MAX_BYTES = 256 * 1024 * 1024;

/** Exit code as for check: 0 passed, 1 findings at fail-on; bad or mismatched reports throw InputError (2). */
export async function runMerge(argv: readonly string[], io: CliIO, state: { lang: Lang }): Promise<number> {
  const { values, positionals } = parseOptions(argv, REPORT_OPTIONS);
  if (values.help) {
    io.stdout.write(CLI_TEXT[state.lang].mergeHelp);
    return 0;
  }
  const output = reportFlagsOf(values);
  if (positionals.length === 0) throw InputError.of('merge-no-files');
  const config = mergeConfig(values.config, values['fail-on'], values.lang, io.cwd);
  state.lang = config.lang;
  checkOutputs(output, config, io);
  const report = mergeReports(readParts(positionals, io.cwd));
  return emitReports(report, config, output, io);
}

/**
 * Fail-on, language and the config's `reports`: from the flags, then the config file the check
 * used (named, or found here as check finds it), so that `merge` fails where the unsharded run
 * would. Without a config file: the defaults.
 */
function mergeConfig(configFlag: string | undefined, failOn: string | undefined, lang: string | undefined, cwd: string): OutputConfig {
  const found = configFlag ?? findConfigFile(cwd);
  if (found === undefined) {
    return { failOn: checkChoice(FAIL_ON, failOn, '--fail-on') ?? 'error', lang: checkChoice(LANGS, lang, '--lang') ?? 'zh-CN', reports: [] };
  }
  const file = loadConfigFile(found, cwd, configFlag === undefined ? { found: true } : {});
  const resolved = resolveConfig(file, { ...(failOn !== undefined && { failOn }), ...(lang !== undefined && { lang }) }, cwd);
  return { failOn: resolved.failOn, lang: resolved.lang, reports: resolved.reports };
}

/** Each file once (by absolute path), checked and read as an untrusted report. */
function readParts(files: readonly string[], cwd: string): ReportPart[] {
  const seen = new Set<string>();
  const parts: ReportPart[] = [];
  for (const given of files) {
    const abs = path.resolve(cwd, given);
    if (seen.has(abs)) continue;
    seen.add(abs);
    const shown = toPosix(path.relative(cwd, abs)) || given;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      throw InputError.of('merge-file-unreadable', { file: shown, code: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    if (!stat.isFile()) throw InputError.of('merge-not-file', { file: shown });
    if (stat.size > REPORT_MAX_BYTES) throw InputError.of('merge-too-large', { file: shown });
    let raw: string;
    try {
      raw = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      throw InputError.of('merge-file-unreadable', { file: shown, code: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    parts.push({ file: shown, json: readJsonReport(raw, shown) });
  }
  return parts;
}
