import { parseArgs } from 'node:util';
import { InputError } from '../config/errors.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { CI_KINDS, type CiKind } from './ci/detect.js';

export interface InitArgs {
  readonly help: boolean;
  readonly dir?: string;
  readonly icp?: string;
  readonly police?: string;
  readonly siteName?: string;
  readonly root?: string;
  readonly filing?: 'personal' | 'enterprise';
  readonly ci?: CiKind;
  /** true: set up the daily live check (--live, or any --domain); false: --no-live; undefined: ask on a terminal. */
  readonly live?: boolean;
  /** --domain, repeatable: the filed domains or the site's hosts, as typed. */
  readonly domains: readonly string[];
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
  ci: { type: 'string' },
  live: { type: 'boolean' },
  'no-live': { type: 'boolean' },
  domain: { type: 'string', multiple: true },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The language the user asked for, read before anything else can fail, so that even a mistyped
 * flag is reported in it. Unknown values fall back to zh-CN (and are reported by parseInitArgs).
 */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && (LANGS as readonly string[]).includes(value)) return value as Lang;
  }
  return 'zh-CN';
}

/** Parses the flags after `init`. Unknown flags and bad values are InputErrors (exit 2) in the user's language. */
export function parseInitArgs(argv: readonly string[]): InitArgs {
  const lang = langOf(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const positional = /Unexpected argument '([^']+)'/.exec(message)?.[1];
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message)?.[1];
    const dash = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument is ambiguous/.exec(message)?.[1];
    if (unknown) throw InputError.of('init-unknown-option', { flag: unknown }, 'init');
    if (positional) throw InputError.of('init-positional', { value: positional }, 'init');
    if (missing) throw InputError.of('init-needs-value', { flag: missing }, 'init');
    if (dash) throw InputError.of('init-dash-value', { flag: dash }, 'init');
    throw InputError.of('init-arguments', { detail: message.replace(/\. To specify a positional argument.*$/s, '') }, 'init');
  }
  const v = parsed.values;
  if (v.lang !== undefined && !(LANGS as readonly string[]).includes(v.lang)) throw InputError.of('init-choice', { flag: '--lang', value: v.lang, choices: LANGS.join(', ') });
  if (v.filing !== undefined && v.filing !== 'personal' && v.filing !== 'enterprise') {
    throw InputError.of('init-choice', { flag: '--filing', value: v.filing, choices: 'personal, enterprise' });
  }
  if (v.ci !== undefined && !(CI_KINDS as readonly string[]).includes(v.ci)) {
    throw InputError.of('init-choice', { flag: '--ci', value: v.ci, choices: CI_KINDS.join(', ') });
  }
  for (const key of ['dir', 'icp', 'police', 'site-name', 'root'] as const) {
    if (v[key] !== undefined && v[key].trim() === '') throw InputError.of('init-empty-value', { flag: `--${key}` });
  }
  const domains = (v.domain ?? []).flatMap((d) => d.split(/[\s,，、]+/)).filter((d) => d !== '');
  if (v.domain !== undefined && domains.length === 0) throw InputError.of('init-empty-value', { flag: '--domain' });
  if (v['no-live'] && (v.live || domains.length > 0)) throw InputError.of('init-conflict', { a: '--no-live', b: v.live ? '--live' : '--domain' });
  const live = v['no-live'] ? false : v.live || domains.length > 0 ? true : undefined;
  return {
    help: v.help ?? false,
    ...(v.dir !== undefined && { dir: v.dir }),
    ...(v.icp !== undefined && { icp: v.icp.trim() }),
    ...(v.police !== undefined && { police: v.police.trim() }),
    ...(v['site-name'] !== undefined && { siteName: v['site-name'].trim() }),
    ...(v.root !== undefined && { root: v.root }),
    ...(v.filing !== undefined && { filing: v.filing }),
    ...(v.ci !== undefined && { ci: v.ci as CiKind }),
    ...(live !== undefined && { live }),
    domains,
    yes: v.yes ?? false,
    force: v.force ?? false,
    lang,
  };
}

const HELP: Record<Lang, string> = {
  'zh-CN': `beian-guard init [选项]
识别网站生成器和仓库使用的 CI，读出已有的备案号，写入 beian.config.json 和 CI 配置
（GitHub Actions、GitLab CI、Gitee Go 或 Jenkins）。

选项：
  --dir <目录>               项目目录（默认：当前目录）
  --icp <号码>               网站备案号（带 -N），如 京ICP备2023012345号-1
  --police <号码>            公安备案号，如 京公网安备11010502030143号
  --site-name <名称>         备案时填写的网站名称
  --root <目录>              构建输出目录（相对 --dir），识别不对或无法识别时使用
  --filing personal|enterprise
                             备案主体：个人（personal）或单位（enterprise）
  --ci github|gitlab|gitee|jenkins|none
                             写哪种 CI 配置（默认：根据仓库识别；none 不写）
  --live                     同时添加每天一次的线上检查（beian-guard live）：配置中写入 domains，
                             并为 CI 写定时任务
  --no-live                  不添加线上检查，也不询问
  --domain <域名>            备案的域名，如 example.cn 或 例子.中国；网站在子域名上时写子域名，
                             如 blog.example.cn（可重复；隐含 --live；默认：生成器配置或 CNAME 中的网站地址）
  -y, --yes                  不提问，使用参数和识别到的值
  --force                    覆盖 init 之前写过的文件（你自己的 .gitlab-ci.yml 和 Jenkinsfile 永远不会被覆盖）
  --lang zh-CN|en            输出语言（默认 zh-CN）

在终端中运行时会逐项询问，最后问是否添加线上检查，回车接受找到的值；在 CI 中或加 --yes 时不询问，
找不到的值写成“待填写”，不加 --live 就不添加线上检查（输出中会给出添加它的命令）。
退出码：0 已写入；2 用法错误，或文件已存在且没有 --force。
`,
  en: `beian-guard init [options]
Detects the site generator and the repository's CI, reads the filing numbers already in the
sources, and writes beian.config.json and the CI file (GitHub Actions, GitLab CI, Gitee Go or Jenkins).

Options:
  --dir <folder>             project folder (default: the current folder)
  --icp <number>             the website's filing number, with -N, e.g. 京ICP备2023012345号-1
  --police <number>          public-security number, e.g. 京公网安备11010502030143号
  --site-name <name>         the website name as filed
  --root <folder>            build output folder relative to --dir, when detection is wrong or impossible
  --filing personal|enterprise
                             who holds the filing: a person or an organisation
  --ci github|gitlab|gitee|jenkins|none
                             which CI file to write (default: detected from the repository; none: no file)
  --live                     also set up a daily check of the deployed site (beian-guard live):
                             domains in the config and a scheduled job for the CI
  --no-live                  no live check, and no question about it
  --domain <name>            a filed domain such as example.cn or 例子.中国, or the site's host when it
                             is on a subdomain, such as blog.example.cn (repeatable; implies --live;
                             default: the site address in the generator's config or a CNAME file)
  -y, --yes                  ask nothing; use flags and what was detected
  --force                    overwrite files an earlier init wrote (your own .gitlab-ci.yml and Jenkinsfile are never overwritten)
  --lang zh-CN|en            language of the output (default zh-CN)

On a terminal it asks for each value, then whether to add the live check, and Enter keeps what
was found; in CI or with --yes nothing is asked, values not found are written as TODO entries, and
without --live no live check is added (the output gives the command that adds it).
Exit codes: 0 written, 2 usage error or a file that exists without --force.
`,
};

export function initHelp(lang: Lang): string {
  return HELP[lang];
}
