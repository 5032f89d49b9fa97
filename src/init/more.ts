import type { Lang } from '../i18n/lang.js';
import type { InitArgs } from './args.js';
import { t } from './messages.js';

/** The command that adds the live check later, and the placeholder in it the user must replace. */
export interface MoreCommand {
  readonly command: string;
  /** The placeholder for --domain, when the project names no usable address. */
  readonly placeholder?: string;
  /** The address --live will pick up, and where it is written. */
  readonly found?: { readonly value: string; readonly where: string };
}

/** A value as the summary has it (summary.ts Sourced): how it was given decides whether to repeat it. */
interface Given {
  readonly value?: string;
  readonly kind: string;
}

/** A word for a POSIX shell: bare when it has nothing the shell would read, else single-quoted. */
export function shellWord(value: string): string {
  return /^[\p{L}\p{N}_.,:/@%+=-]+$/u.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/**
 * `init` again, exactly as this run went plus the live check: the flags given, the answers typed
 * (values init found it finds again), --yes so nothing is asked and --force to rewrite what this
 * run wrote. With a site address found, --live alone picks it up; without one, --domain holds a
 * placeholder.
 */
export function moreLiveCommand(input: {
  readonly lang: Lang;
  readonly args: InitArgs;
  readonly values: { readonly siteName: Given; readonly icp: Given; readonly police: Given; readonly filing: Given };
  readonly found?: { readonly value: string; readonly where: string };
}): MoreCommand {
  const { args, values, lang } = input;
  const words = ['npx', 'beian-guard', 'init'];
  const add = (flag: string, value?: string) => words.push(flag, ...(value === undefined ? [] : [shellWord(value)]));
  if (args.dir !== undefined) add('--dir', args.dir);
  add('--yes');
  add('--force');
  if (args.root !== undefined) add('--root', args.root);
  if (args.ci !== undefined) add('--ci', args.ci);
  const given = (v: Given) => (v.kind === 'flag' || v.kind === 'prompt') && v.value !== undefined;
  if (given(values.siteName)) add('--site-name', values.siteName.value);
  if (given(values.icp)) add('--icp', values.icp.value);
  if (given(values.police)) add('--police', values.police.value);
  if (given(values.filing)) add('--filing', values.filing.value);
  if (lang !== 'zh-CN') add('--lang', lang);
  add('--live');
  if (input.found !== undefined) return { command: words.join(' '), found: input.found };
  const placeholder = t(lang, 'domainPlaceholder');
  words.push('--domain', placeholder);
  return { command: words.join(' '), placeholder };
}
