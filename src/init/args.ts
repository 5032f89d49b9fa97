import { parseArgs } from 'node:util';
import { InputError } from '../config/errors.js';
import { LANGS, type Lang } from '../i18n/lang.js';

export interface InitArgs {
  readonly help: boolean;
  readonly dir?: string;
  readonly icp?: string;
  readonly police?: string;
  readonly siteName?: string;
  readonly root?: string;
  readonly filing?: 'personal' | 'enterprise';
  readonly yes: boolean;
  readonly force: boolean;
  readonly lang: Lang;
}

const OPTIONS = {
  dir: { type: 'string' },
  icp: { type: 'string' },
  police: { type: 'string' },
  'site-name': { type: 'string' },
  root: { type: 'string' },
  filing: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses the flags after `init`. Unknown flags and bad values are InputErrors (exit 2). */
export function parseInitArgs(argv: readonly string[]): InitArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true });
  } catch (e) {
    throw new InputError(`init: ${e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e)}`);
  }
  const v = parsed.values;
  const lang = v.lang ?? 'zh-CN';
  if (!(LANGS as readonly string[]).includes(lang)) throw new InputError(`--lang: "${lang}" is not one of ${LANGS.join(', ')}`);
  if (v.filing !== undefined && v.filing !== 'personal' && v.filing !== 'enterprise') {
    throw new InputError(`--filing: "${v.filing}" is not one of personal, enterprise`);
  }
  for (const key of ['dir', 'icp', 'police', 'site-name', 'root'] as const) {
    if (v[key] !== undefined && v[key].trim() === '') throw new InputError(`--${key}: the value is empty`);
  }
  return {
    help: v.help ?? false,
    ...(v.dir !== undefined && { dir: v.dir }),
    ...(v.icp !== undefined && { icp: v.icp.trim() }),
    ...(v.police !== undefined && { police: v.police.trim() }),
    ...(v['site-name'] !== undefined && { siteName: v['site-name'].trim() }),
    ...(v.root !== undefined && { root: v.root }),
    ...(v.filing !== undefined && { filing: v.filing }),
    yes: v.yes ?? false,
    force: v.force ?? false,
    lang: lang as Lang,
  };
}

export const INIT_HELP = `beian-guard init [options]
识别网站生成器，写入 beian.config.json 和 .github/workflows/beian.yml。
Detects the site generator and writes beian.config.json and .github/workflows/beian.yml.

Options:
  --dir <folder>             project folder (default: the current folder)
  --icp <number>             filed ICP number, e.g. 京ICP备2023012345号-1
  --police <number>          public-security number, e.g. 京公网安备11010502030143号
  --site-name <name>         filed website name (网站名称)
  --root <folder>            build output folder relative to --dir, when detection is wrong or impossible
  --filing personal|enterprise   who holds the filing (default personal)
  -y, --yes                  ask nothing; use flags and what was detected
  --force                    overwrite existing beian.config.json and workflow
  --lang zh-CN|en            language of the output (default zh-CN)

Without a terminal (CI) or with --yes nothing is asked; values not found are left as TODO
entries to fill in. Exit codes: 0 written, 2 usage error or a file that exists without --force.
`;
