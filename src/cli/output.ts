import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../config/errors.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { formatJson } from '../reporters/json.js';
import { formatStylish } from '../reporters/stylish.js';
import type { Report } from '../model/index.js';
import type { Format } from './args.js';
import type { CliHooks, CliIO } from './io.js';

export function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return !!io.stdout.isTTY;
}

/**
 * Writes a report as `--format` and `--output` ask, for `check` and `live` alike: to stdout, or
 * to the file with the terminal report on stdout for formats a person does not read.
 */
export function emitReport(report: Report, config: ResolvedConfig, args: { readonly format: Format; readonly output?: string }, io: CliIO, hooks: Pick<CliHooks, 'formatSarif'>): void {
  let text: string;
  if (args.format === 'json') text = formatJson(report);
  else if (args.format === 'sarif') {
    if (!hooks.formatSarif) throw new InputError('--format sarif is not available in this build');
    text = hooks.formatSarif(report, config, io);
  } else text = formatStylish(report, { lang: config.lang, color: !args.output && useColor(io) });
  if (args.output) {
    const out = path.resolve(io.cwd, args.output);
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, text);
    } catch (e) {
      throw new InputError(`--output ${args.output}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    if (args.format !== 'stylish') io.stdout.write(formatStylish(report, { lang: config.lang, color: useColor(io) }));
  } else io.stdout.write(text);
}
