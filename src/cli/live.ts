import { parseArgs } from 'node:util';
import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig } from '../config/resolve.js';
import { failed } from '../engine/report.js';
import { runLive } from '../live/run.js';
import { VERSION } from '../version.js';
import { FORMATS, type Format } from './args.js';
import type { CliHooks, CliIO } from './io.js';
import { emitReport } from './output.js';

export const LIVE_HELP = `beian-guard live [options]
检查已部署的网站：首页页脚和标题、域名解析的 IP、域名和证书到期、跳转。需要配置文件中的 domains。
Checks the deployed site: homepage footer and title, resolved addresses, domain and certificate expiry, redirects. Needs domains in the config file.

Options:
  -c, --config <file>        config file (default: beian.config.json, .beianrc.json or .beianrc.yaml in the cwd)
  -f, --format ${FORMATS.join('|')}
  -o, --output <file>        write the report to a file instead of stdout
  --lang zh-CN|en            language of messages (default zh-CN)
  --fail-on error|warning|never   lowest severity that fails the run (default error)

Exit codes: 0 passed, 1 findings at or above --fail-on, 2 usage or config error.
Network failures are findings (live-unreachable, live-skipped), never exit code 2.
See docs/live.md.
`;

const LIVE_OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface LiveArgs {
  readonly config?: string;
  readonly format: Format;
  readonly output?: string;
  readonly lang?: string;
  readonly failOn?: string;
}

export function parseLiveArgs(argv: readonly string[]): LiveArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: LIVE_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError(`live: ${e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 0) throw new InputError(`live takes no folder (it fetches the domains in the config), got: ${positionals.join(' ')}`);
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new InputError(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  return {
    format: format as Format,
    ...(values.config !== undefined && { config: values.config }),
    ...(values.output !== undefined && { output: values.output }),
    ...(values.lang !== undefined && { lang: values.lang }),
    ...(values['fail-on'] !== undefined && { failOn: values['fail-on'] }),
  };
}

/** `beian-guard live`: the exit code as for check (0 passed, 1 findings at fail-on); config problems throw InputError (2). */
export async function runLiveCommand(argv: readonly string[], io: CliIO, hooks: Pick<CliHooks, 'formatSarif'>): Promise<number> {
  const args = parseLiveArgs(argv);
  if (args === 'help') {
    io.stdout.write(LIVE_HELP);
    return 0;
  }
  const found = args.config ?? findConfigFile(io.cwd);
  if (!found) throw new InputError('live needs a config file that names the filed domains (beian.config.json with "domains": ["example.cn"]); see docs/live.md');
  const file = loadConfigFile(found, io.cwd);
  const config = resolveConfig(file, { ...(args.lang !== undefined && { lang: args.lang }), ...(args.failOn !== undefined && { failOn: args.failOn }) }, io.cwd);
  const report = await runLive(config, { cwd: io.cwd, version: VERSION, env: io.env });
  emitReport(report, config, args, io, hooks);
  return failed(report, config.failOn) ? 1 : 0;
}
