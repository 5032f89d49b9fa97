import type { Lang } from '../i18n/lang.js';
import { CONFIG_NAMES } from '../config/names.js';
import { PROJECT_URL } from '../reporters/docs-url.js';
import { VERSION } from '../version.js';

/** Everything the CLI itself says (reports and errors have their own texts), in each language. */
export interface CliText {
  readonly help: string;
  readonly liveHelp: string;
  readonly mergeHelp: string;
  /** stderr note: which shard this run checks, and what chose it. */
  readonly shardPicked: (index: number, total: number, from: string) => string;
  /** stderr note: CI_NODE_INDEX/CI_NODE_TOTAL were there but made no shard. */
  readonly ciShardIgnored: (values: string) => string;
  /** stderr note when check picked the build folder itself. */
  readonly autoFolder: (folder: string) => string;
  /** The one line printed when the report went to a file. */
  readonly wroteReport: (summary: string, file: string) => string;
  readonly tooManyWarnings: (warnings: number, max: number) => string;
  readonly internalError: (detail: string) => string;
  readonly listRulesHead: string;
  readonly reasons: (ids: readonly number[]) => string;
}

/** The report options check, live and merge share (cli/args.ts REPORT_OPTIONS), as help lines. */
const ZH_REPORT_OPTIONS = `  -f, --format <格式>[=<文件>]  报告格式，可重复：stylish（默认）、json、sarif、junit、gitlab、checkstyle、
                               rdjson、github、markdown、html；写了文件就写入文件，最多一个输出到标准输出
  -o, --output <文件>          没写文件的那个格式写入这个文件，终端只显示一行汇总；"-" 表示标准输出
  --force                      报告文件已存在且不是 beian-guard 的报告时也覆盖它
  --fail-on error|warning|never  达到哪个级别时失败（默认 error）
  --max-warnings <n>           警告超过 n 个时也以退出码 1 结束
  -q, --quiet                  只显示错误
  --color, --no-color          强制开启或关闭颜色（默认看终端、NO_COLOR、FORCE_COLOR 和 TERM）
  -h, --help                   显示这份帮助
`;

const EN_REPORT_OPTIONS = `  -f, --format <format>[=<file>]  report format, repeatable: stylish (default), json, sarif, junit, gitlab,
                               checkstyle, rdjson, github, markdown, html; with a file it goes there, at most
                               one goes to stdout
  -o, --output <file>          the file of the format given without one; the terminal gets a one-line summary;
                               "-" is stdout
  --force                      replace a report file that exists and is not a beian-guard report
  --fail-on error|warning|never  lowest severity that fails the run (default error)
  --max-warnings <n>           also exit 1 when there are more than n warnings
  -q, --quiet                  show errors only
  --color, --no-color          force colour on or off (default: the terminal, NO_COLOR, FORCE_COLOR and TERM decide)
  -h, --help                   show this help
`;

const ZH_HELP = `beian-guard ${VERSION}
检查构建好的网站是否满足备案信息核查的要求：ICP 备案号、工信部链接、公安备案号、网站标题和内容。

用法:
  beian-guard check [目录] [选项]      检查构建好的网站（目录可省略：使用配置中的 root，或自动查找构建目录）
  beian-guard live [选项]              检查已部署的网站：页脚、解析 IP、域名和证书到期（选项见 beian-guard live --help）
  beian-guard init [选项]              识别网站生成器，写出 beian.config.json 和工作流（选项见 beian-guard init --help）
  beian-guard merge <报告.json>... [选项]  把各分片（--shard）的 JSON 报告合并成一份报告（选项见 beian-guard merge --help）
  beian-guard --list-rules             列出全部规则
  beian-guard --version | --help

check 的选项:
  --icp <号码>                 网站备案号，如 京ICP备2023012345号-1（只有主体号时也可以，但建议填写完整号码）
  --police <号码>              公安备案号，如 京公网安备11010502030143号
  --site-name <名称>           备案的网站名称
  --filing personal|enterprise 个人备案或单位备案
  -c, --config <文件>          配置文件（默认在当前目录查找 ${CONFIG_NAMES.join('、')}）
  --scope entry|all            页脚和标题规则只查入口页面（默认），或查每个页面
  --content-scope all|entry    内容规则查每个页面（默认），或只查入口页面
  --lang zh-CN|en              消息语言（默认 zh-CN）
${ZH_REPORT_OPTIONS}  --workers <n>                读取全部页面时检查页面的进程数（0 和 1 都是一个；默认每核一个，最多 8 个）
  --no-source-map              不查找每条问题对应的模板或配置文件
  --print-config               打印解析后的完整配置（JSON），不运行检查
  --render on|auto|off         在无头 Chrome/Chromium 中按核查人员看到的样子检查入口页面
                               （默认 auto：找到浏览器时只渲染客户端渲染的空壳页面）
  --browser <路径>             渲染用的 Chrome/Chromium（否则依次查 BEIAN_GUARD_BROWSER、CHROME_BIN、
                               PUPPETEER_EXECUTABLE_PATH 和 PATH 上的 google-chrome、chromium…）
  --shard K/N                  只检查 N 片中的第 K 片页面（按路径分配，入口页面在第 1 片）；用 beian-guard merge
                               合并各片的 JSON 报告。GitLab 的 parallel: 提供 CI_NODE_INDEX/CI_NODE_TOTAL 时自动分片

退出码: 0 通过；1 有达到 --fail-on 级别的问题（或警告超过 --max-warnings）；2 用法、配置或输入错误。
文档: ${PROJECT_URL}#readme
`;

const EN_HELP = `beian-guard ${VERSION}
Checks a built website for what the ICP filing review (备案信息核查) verifies: the ICP number, the MIIT link, the public-security number, the title and the content.

Usage:
  beian-guard check [dir] [options]    check the built site (without dir: the config's root, or the build folder found)
  beian-guard live [options]           check the deployed site: footer, addresses, domain and certificate expiry (see beian-guard live --help)
  beian-guard init [options]           detect the site generator, write beian.config.json and a workflow (see beian-guard init --help)
  beian-guard merge <report.json>... [options]  merge the JSON reports of the shards (--shard) into one (see beian-guard merge --help)
  beian-guard --list-rules             list every rule
  beian-guard --version | --help

Options for check:
  --icp <number>               the site's ICP number, e.g. 京ICP备2023012345号-1 (the entity number alone works, the full one is better)
  --police <number>            public-security number, e.g. 京公网安备11010502030143号
  --site-name <name>           filed website name (网站名称)
  --filing personal|enterprise who holds the filing
  -c, --config <file>          config file (default: the first of ${CONFIG_NAMES.join(', ')} in the working directory)
  --scope entry|all            footer and title rules on entry pages only (default) or on every page
  --content-scope all|entry    content rules on every page (default) or on entry pages only
  --lang zh-CN|en              language of messages (default zh-CN)
${EN_REPORT_OPTIONS}  --workers <n>                processes that check pages when every page is read (0 and 1: one; default one per core, at most 8)
  --no-source-map              do not look for the template or config file behind each finding
  --print-config               print the resolved configuration as JSON instead of checking
  --render on|auto|off         check entry pages in headless Chrome/Chromium as a reviewer sees them
                               (default auto: client-rendered shells only, when a browser is found)
  --browser <path>             Chrome or Chromium to render with (else BEIAN_GUARD_BROWSER, CHROME_BIN,
                               PUPPETEER_EXECUTABLE_PATH, then google-chrome, chromium... on PATH)
  --shard K/N                  check shard K of N (pages split by path, entry pages in shard 1); merge the
                               shards' JSON reports with beian-guard merge. On GitLab, parallel:'s
                               CI_NODE_INDEX/CI_NODE_TOTAL pick the shard when --shard is absent

Exit codes: 0 passed; 1 findings at or above --fail-on (or more warnings than --max-warnings); 2 usage, config or input error.
Docs: ${PROJECT_URL}#readme
`;

const ZH_LIVE_HELP = `beian-guard live [选项]
检查已部署的网站：首页页脚和标题、域名解析的 IP、域名和证书到期、跳转。需要配置文件中的 domains。

选项:
  -c, --config <文件>          配置文件（默认在当前目录查找 ${CONFIG_NAMES.join('、')}）
  --lang zh-CN|en              消息语言（默认 zh-CN）
${ZH_REPORT_OPTIONS}
退出码与 check 相同：0 通过；1 有达到 --fail-on 级别的问题；2 用法或配置错误。
网络故障是检查结果（live-unreachable、live-skipped），从不以退出码 2 结束。见 docs/live.md。
`;

const EN_LIVE_HELP = `beian-guard live [options]
Checks the deployed site: homepage footer and title, resolved addresses, domain and certificate expiry, redirects. Needs domains in the config file.

Options:
  -c, --config <file>          config file (default: the first of ${CONFIG_NAMES.join(', ')} in the working directory)
  --lang zh-CN|en              language of messages (default zh-CN)
${EN_REPORT_OPTIONS}
Exit codes as for check: 0 passed; 1 findings at or above --fail-on; 2 usage or config error.
Network failures are findings (live-unreachable, live-skipped), never exit code 2. See docs/live.md.
`;

const ZH_MERGE_HELP = `beian-guard merge <报告.json>... [选项]
把一次分片检查（check --shard K/N）各片的 JSON 报告合并成一份报告：问题、计数和退出码与不分片运行时相同。
各片必须齐全、每片一份，来自同一版本、同一配置和同样的分片数，否则以退出码 2 结束并指出是哪些文件、哪一片。
不是分片的 JSON 报告（例如 fork 仓库 PR 的报告）直接合在一起。

选项:
  -c, --config <文件>          从配置文件读取 failOn、lang 和 reports（默认在当前目录查找 ${CONFIG_NAMES.join('、')}）
  --lang zh-CN|en              消息语言（默认 zh-CN；问题的文字保持各片检查时的语言）
${ZH_REPORT_OPTIONS}
退出码与 check 相同：0 通过；1 有达到 --fail-on 级别的问题；2 报告无效、不全或不匹配。见 docs/shards.md。
`;

const EN_MERGE_HELP = `beian-guard merge <report.json>... [options]
Merges the JSON reports of a sharded check (check --shard K/N) into one report whose findings, counts and exit
code are those of the unsharded run. The shards must all be there, once each, from one version, config and shard
count; otherwise it exits 2 naming the files or the shard. Reports without a shard (a fork PR's) are put together.

Options:
  -c, --config <file>          read failOn, lang and reports from a config file (default: the first of
                               ${CONFIG_NAMES.join(', ')} in the working directory)
  --lang zh-CN|en              language of messages (default zh-CN; findings keep the language they were checked in)
${EN_REPORT_OPTIONS}
Exit codes as for check: 0 passed; 1 findings at or above --fail-on; 2 reports invalid, incomplete or mismatched.
See docs/shards.md.
`;

export const CLI_TEXT: Record<Lang, CliText> = {
  'zh-CN': {
    help: ZH_HELP,
    liveHelp: ZH_LIVE_HELP,
    mergeHelp: ZH_MERGE_HELP,
    shardPicked: (index, total, from) => `beian-guard: 检查第 ${index}/${total} 片页面（由 ${from} 指定）${index === 1 ? '，入口页面和整站的问题也在这一片' : ''}\n`,
    ciShardIgnored: (values) => `beian-guard: 没有分片（${values} 不是有效的 K/N），检查全部页面\n`,
    autoFolder: (folder) => `beian-guard: 检查构建目录 ${folder}（自动找到；用 beian-guard check <目录> 指定其他目录）\n`,
    wroteReport: (summary, file) => `${summary}（报告已写入 ${file}）\n`,
    tooManyWarnings: (warnings, max) => `beian-guard: 警告有 ${warnings} 个，超过了 --max-warnings ${max}\n`,
    internalError: (detail) => `beian-guard: 内部错误（internal error）：${detail}\n这是 beian-guard 的缺陷，请附上运行的命令报告给我们。\n`,
    listRulesHead: '规则 id                 默认级别  核查不通过原因  说明',
    reasons: (ids) => ids.join('、'),
  },
  en: {
    help: EN_HELP,
    liveHelp: EN_LIVE_HELP,
    mergeHelp: EN_MERGE_HELP,
    shardPicked: (index, total, from) => `beian-guard: checking shard ${index}/${total} of the pages (from ${from})${index === 1 ? '; entry pages and site-wide findings are in this shard' : ''}\n`,
    ciShardIgnored: (values) => `beian-guard: not sharding (${values} is not a valid K/N); checking every page\n`,
    autoFolder: (folder) => `beian-guard: checking the build folder ${folder} (found it; name another with beian-guard check <dir>)\n`,
    wroteReport: (summary, file) => `${summary} (report written to ${file})\n`,
    tooManyWarnings: (warnings, max) => `beian-guard: ${warnings} warnings, more than --max-warnings ${max}\n`,
    internalError: (detail) => `beian-guard: internal error: ${detail}\nPlease report it with the command you ran.\n`,
    listRulesHead: 'rule id                 default   seed reasons    what it checks',
    reasons: (ids) => ids.join(', '),
  },
};
