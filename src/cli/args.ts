import { parseArgs } from 'node:util';
import { both, InputError } from '../config/errors.js';
import { checkOneStdout, parseReportSpecs, type ReportSpec } from '../config/report-specs.js';
import { didYouMean } from '../config/suggest.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { parseShard } from '../engine/shard.js';
import type { Shard } from '../model/index.js';

/** One report a run writes: a format, to stdout or to a file. */
export type OutputSpec = ReportSpec;

export type ColorChoice = 'auto' | 'always' | 'never';

export interface CheckArgs {
  readonly command: 'check';
  readonly dir?: string;
  readonly icp?: string;
  readonly police?: string;
  readonly siteName?: string;
  readonly filing?: string;
  readonly config?: string;
  readonly scope?: string;
  readonly contentScope?: string;
  /**
   * The reports `--format` and `--output` ask for; empty when neither was given, so that the
   * config's `reports` (or the terminal report) decide.
   */
  readonly outputs: readonly OutputSpec[];
  readonly lang?: string;
  readonly failOn?: string;
  readonly workers?: number;
  /** false with --no-source-map; unset otherwise, so the config's `sources.enabled` decides. */
  readonly sourceMap?: boolean;
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly printConfig: boolean;
  readonly color: ColorChoice;
  /** Render mode (issue 14): on, auto or off, and the browser to use. */
  readonly render?: string;
  readonly browser?: string;
  /** Replace an existing --output file even when it is not a report of ours. */
  readonly force?: boolean;
  /** `--shard K/N`: check one part of the pages (docs/shards.md). */
  readonly shard?: Shard;
}

export type CliArgs =
  | CheckArgs
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'list-rules' }
  | { readonly command: 'init'; readonly argv: readonly string[] }
  | { readonly command: 'live'; readonly argv: readonly string[] }
  | { readonly command: 'merge'; readonly argv: readonly string[] };

export const COMMANDS = ['check', 'merge', 'live', 'init', 'help'] as const;

/** The options of every command that writes a report (check, live, merge). */
export const REPORT_OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const CHECK_OPTIONS = {
  ...REPORT_OPTIONS,
  icp: { type: 'string' },
  police: { type: 'string' },
  'site-name': { type: 'string' },
  filing: { type: 'string' },
  scope: { type: 'string' },
  'content-scope': { type: 'string' },
  workers: { type: 'string' },
  'no-source-map': { type: 'boolean' },
  'print-config': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  render: { type: 'string' },
  browser: { type: 'string' },
  shard: { type: 'string' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** How a command writes its reports, from the report options (the shape of output.ts's OutputOptions). */
export interface ReportFlags {
  readonly outputs: OutputSpec[];
  readonly quiet: boolean;
  readonly color: ColorChoice;
  readonly maxWarnings?: number;
  readonly force?: boolean;
}

/** Reads the report options every command shares; a bad `--format` or `--max-warnings` is an InputError. */
export function reportFlagsOf(values: {
  readonly format?: string[];
  readonly output?: string;
  readonly 'max-warnings'?: string;
  readonly quiet?: boolean;
  readonly color?: boolean;
  readonly 'no-color'?: boolean;
  readonly force?: boolean;
}): ReportFlags {
  const outputs = outputsOf(values.format, values.output);
  const maxWarnings = wholeNumber(values['max-warnings'], 0, Number.MAX_SAFE_INTEGER, 'max-warnings-range', '--max-warnings');
  return {
    outputs,
    quiet: !!values.quiet,
    color: values['no-color'] ? 'never' : values.color ? 'always' : 'auto',
    ...(maxWarnings !== undefined && { maxWarnings }),
    ...(values.force && { force: true }),
  };
}

/** A table of options in node:util's parseArgs shape. */
export type OptionTable = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string; readonly multiple?: boolean }>>;

/**
 * The language asked for on the command line, read before anything else can fail, so that even
 * a usage error speaks it. An invalid value is reported later by the config resolution.
 */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') found = argv[i + 1];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  return (LANGS as readonly (string | undefined)[]).includes(found) ? (found as Lang) : undefined;
}

/**
 * node:util parseArgs without its strict mode, whose errors are English sentences: the tokens
 * are checked here so that every problem gets a message id, both languages and a suggestion.
 */
function checkTokens(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>, options: OptionTable): void {
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) {
      const known = Object.keys(options).map((name) => `--${name}`);
      throw InputError.of('unknown-flag', { flag: token.rawName, suggestion: token.rawName.startsWith('--') ? didYouMean(token.rawName, known) : both('', '') });
    }
    // `-o -f json` would take "-f" as the file name: a value that looks like an option must be
    // written inline (`--output=-f`), as node's strict mode asks too. A lone "-" means stdout.
    const swallowed = token.value !== undefined && !token.inlineValue && token.value.startsWith('-') && token.value !== '-';
    if (option.type === 'string' && (token.value === undefined || swallowed)) throw InputError.of('flag-needs-value', { flag: token.rawName });
    if (option.type === 'boolean' && token.value !== undefined) throw InputError.of('flag-takes-no-value', { flag: token.rawName });
  }
}

function wholeNumber(raw: string | undefined, min: number, max: number, id: 'workers-range' | 'max-warnings-range', flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw InputError.of(id, { value: raw }, flag);
  return n;
}

/** Parses argv (without node and script). Unknown flags and bad values are InputErrors. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first === '--list-rules') return { command: 'list-rules' };
  if (first === 'init') return { command: 'init', argv: rest };
  if (first === 'live') return { command: 'live', argv: rest };
  if (first === 'merge') return { command: 'merge', argv: rest };
  if (first !== 'check') {
    if (first.startsWith('-') && first in flagsByRawName()) {
      // `beian-guard --icp …`: the options belong to check, which is the only command that takes them.
      throw InputError.of('unknown-command', { command: first, suggestion: both('（选项前面要写 check）', ' (options go after check)') });
    }
    throw InputError.of('unknown-command', { command: first, suggestion: didYouMean(first, COMMANDS) });
  }
  const { values, positionals } = parseOptions(rest, CHECK_OPTIONS);
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (values['list-rules']) return { command: 'list-rules' };
  if (positionals.length > 1) throw InputError.of('too-many-folders', { count: positionals.length, list: positionals.join(' ') });
  const flags = reportFlagsOf(values);
  const workers = wholeNumber(values.workers, 0, 64, 'workers-range', '--workers');
  const shard = values.shard !== undefined ? parseShard(values.shard, '--shard') : undefined;
  return {
    command: 'check',
    ...(positionals[0] !== undefined && { dir: positionals[0] }),
    ...(values.icp !== undefined && { icp: values.icp }),
    ...(values.police !== undefined && { police: values.police }),
    ...(values['site-name'] !== undefined && { siteName: values['site-name'] }),
    ...(values.filing !== undefined && { filing: values.filing }),
    ...(values.config !== undefined && { config: values.config }),
    ...(values.scope !== undefined && { scope: values.scope }),
    ...(values['content-scope'] !== undefined && { contentScope: values['content-scope'] }),
    ...flags,
    ...(values.lang !== undefined && { lang: values.lang }),
    ...(values['fail-on'] !== undefined && { failOn: values['fail-on'] }),
    ...(workers !== undefined && { workers }),
    ...(values['no-source-map'] && { sourceMap: false }),
    printConfig: !!values['print-config'],
    ...(values.render !== undefined && { render: values.render }),
    ...(values.browser !== undefined && { browser: values.browser }),
    ...(shard && { shard }),
  };
}

/** The value an option table gives: a list for repeatable options, a string or a flag otherwise. */
type OptionValue<O> = O extends { multiple: true } ? string[] : O extends { type: 'string' } ? string : boolean;

/** Options and positionals of a command, every token checked (unknown flags get a suggestion). */
export function parseOptions<T extends OptionTable>(argv: readonly string[], options: T): { values: { [K in keyof T]?: OptionValue<T[K]> }; positionals: string[] } {
  const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  checkTokens(parsed.tokens ?? [], options);
  return { values: parsed.values as { [K in keyof T]?: OptionValue<T[K]> }, positionals: parsed.positionals };
}

/**
 * The reports `--format` (repeatable: `name` or `name=path`) and `--output` ask for. `--output`
 * is the file of the one format given without a path (the terminal report when there is no
 * `--format`); `-` is standard output. Empty when neither flag was given.
 */
export function outputsOf(formats: readonly string[] | undefined, output: string | undefined): OutputSpec[] {
  const specs = parseReportSpecs(formats ?? [], '--format');
  if (output === undefined) {
    checkOneStdout(specs, '--format');
    return specs;
  }
  if (specs.length === 0) return [{ format: 'stylish', ...(output !== '-' && { file: output }) }];
  const pathless = specs.filter((s) => s.file === undefined);
  if (pathless.length === 0) throw InputError.of('output-with-paths', {}, '--output');
  if (pathless.length > 1) throw InputError.of('output-many-formats', { formats: pathless.map((s) => s.format).join(', ') }, '--output');
  return specs.map((s) => (s.file === undefined && output !== '-' ? { ...s, file: output } : s));
}

function flagsByRawName(): Record<string, true> {
  const out: Record<string, true> = {};
  for (const [name, option] of Object.entries(CHECK_OPTIONS)) {
    out[`--${name}`] = true;
    if ('short' in option) out[`-${option.short}`] = true;
  }
  return out;
}
