import { parseArgs } from 'node:util';
import { InputError } from '../config/errors.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  readonly command: 'check';
  readonly dir?: string;
  readonly icp?: string;
  readonly police?: string;
  readonly siteName?: string;
  readonly filing?: string;
  readonly config?: string;
  readonly scope?: string;
  readonly format: Format;
  readonly output?: string;
  readonly lang?: string;
  readonly failOn?: string;
  readonly workers?: number;
  readonly sourceMap: boolean;
  /** Replace an existing --output file even when it is not a report of ours. */
  readonly force?: boolean;
}

export type CliArgs = CheckArgs | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'init'; readonly argv: readonly string[] };

const CHECK_OPTIONS = {
  icp: { type: 'string' },
  police: { type: 'string' },
  'site-name': { type: 'string' },
  filing: { type: 'string' },
  config: { type: 'string', short: 'c' },
  scope: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  'fail-on': { type: 'string' },
  workers: { type: 'string' },
  'no-source-map': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parses argv (without node and script). Unknown flags and bad values are InputErrors. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first === 'init') return { command: 'init', argv: rest };
  if (first !== 'check') throw new InputError(`unknown command "${first}"; try "beian-guard check [dir]" or "beian-guard --help"`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: CHECK_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (positionals.length > 1) throw new InputError(`check takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new InputError(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new InputError(`--workers: "${values.workers}" is not a whole number from 0 to 64`);
  }
  return {
    command: 'check',
    ...(positionals[0] !== undefined && { dir: positionals[0] }),
    ...(values.icp !== undefined && { icp: values.icp }),
    ...(values.police !== undefined && { police: values.police }),
    ...(values['site-name'] !== undefined && { siteName: values['site-name'] }),
    ...(values.filing !== undefined && { filing: values.filing }),
    ...(values.config !== undefined && { config: values.config }),
    ...(values.scope !== undefined && { scope: values.scope }),
    format: format as Format,
    ...(values.output !== undefined && { output: values.output }),
    ...(values.lang !== undefined && { lang: values.lang }),
    ...(values['fail-on'] !== undefined && { failOn: values['fail-on'] }),
    ...(workers !== undefined && { workers }),
    sourceMap: !values['no-source-map'],
    ...(values.force && { force: true }),
  };
}
