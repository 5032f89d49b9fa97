import type { Localized } from '../i18n/lang.js';

/**
 * Every input, config and usage error the CLI and the action can report, by message id, in each
 * language. The place a problem is (file and key path, flag, input) is put in front by
 * InputError.of; placeholders are filled from its data. English texts stay stable: logs and
 * scripts match on them.
 */
export const ERROR_MESSAGES = {
  // The config file
  'config-not-file': { 'zh-CN': '配置文件的路径不是一个文件', en: 'the config path is not a file' },
  'config-too-large': { 'zh-CN': '配置文件超过 1 MB', en: 'the config file is larger than 1 MB' },
  'config-missing': { 'zh-CN': '配置文件不存在', en: 'cannot read the config file (it does not exist)' },
  'config-unreadable': { 'zh-CN': '无法读取配置文件（{code}）', en: 'cannot read the config file ({code})' },
  'yaml-syntax': { 'zh-CN': 'YAML 格式错误，位于第 {line} 行第 {column} 列：{detail}', en: 'invalid YAML at line {line}, column {column}: {detail}' },
  'json-syntax': { 'zh-CN': 'JSON 格式错误，位于第 {line} 行第 {column} 列：{detail}', en: 'invalid JSON at line {line}, column {column}: {detail}' },
  'json-syntax-somewhere': { 'zh-CN': 'JSON 格式错误：{detail}', en: 'invalid JSON: {detail}' },
  'config-not-object': { 'zh-CN': '配置必须是一个对象（{ … }）', en: 'the config must be an object' },
  'config-invalid': { 'zh-CN': '{problems}', en: '{problems}' },
  'unknown-rule': { 'zh-CN': '没有 id 为 "{id}" 的规则{suggestion}', en: 'unknown rule id "{id}"{suggestion}' },
  'yaml-alias': {
    'zh-CN': 'YAML 格式错误：{detail}；请检查文件中的锚点（&名称）和别名（*名称）',
    en: 'invalid YAML: {detail}; check the anchors (&name) and aliases (*name) in the file',
  },
  'config-outside': {
    'zh-CN': '配置文件指向工作区之外（{real}），没有读取；确实要使用它，请给出它的绝对路径',
    en: 'the config file leads outside the workspace (to {real}), so it was not read; give its absolute path to use it on purpose',
  },
  'folder-many-sites': {
    'zh-CN': '配置了 {count} 个站点，命令行中的目录只能代替其中一个站点的 root',
    en: 'names {count} sites; a folder argument can only stand for one site',
  },

  // Values given by flag, config or input
  choice: { 'zh-CN': '"{value}" 不是可选的值（可选：{allowed}）', en: '"{value}" is not one of {allowed}' },
  'icp-invalid': { 'zh-CN': '"{value}" 不是有效的 ICP 备案号：{why}', en: '"{value}" is not a valid ICP number: {why}' },
  'police-invalid': { 'zh-CN': '"{value}" 不是有效的公安备案号：{why}', en: '"{value}" is not a valid public-security number: {why}' },
  'missing-flags': {
    'zh-CN': '缺少 {missing}。运行 beian-guard init 写出配置文件，或用 --config 指定配置文件，或者在命令行中给出 --icp 和 --site-name',
    en: 'missing {missing} (or give a config file with --config; beian-guard init writes one)',
  },

  // Render mode (render in the config, --render, --browser)
  'render-form': {
    'zh-CN': '{value} 不是 "on"、"auto"、"off" 之一，也不是含 mode、browser、viewports、timeoutMs、settleMs、concurrency 的对象',
    en: '{value} is not one of "on", "auto", "off", or an object with mode, browser, viewports, timeoutMs, settleMs, concurrency',
  },
  'render-browser-differs': {
    'zh-CN': '"{browser}" 与 {first} 不同；一次运行只用一个浏览器渲染所有站点，请只在顶层的 render.browser 中写一次',
    en: '"{browser}" differs from {first}; one browser renders every site of a run, so name it once at the top level',
  },
  'render-no-browser': {
    'zh-CN': '渲染模式需要 Chrome 或 Chromium，但没有找到（查找了：{tried}）。{hint}。',
    en: 'render mode needs Chrome or Chromium and none was found (looked at: {tried}). {hint}.',
  },
  'render-browser-failed': {
    'zh-CN': '渲染模式无法启动浏览器：{detail}。{hint}。',
    en: 'render mode could not start the browser: {detail}. {hint}.',
  },

  // beian-guard live: domains, ips and live in the config
  'live-domain-invalid': { 'zh-CN': '{value} 不是域名：{why}', en: '{value} is not a domain: {why}' },
  'live-address-invalid': { 'zh-CN': '{value} 不是 IP 地址或 CIDR 地址段：{why}', en: '{value} is not an address or CIDR block: {why}' },
  'live-host-label-invalid': {
    'zh-CN': '{value} 不是 "@"，也不是 "www" 这样的主机名前缀',
    en: '{value} is not "@" or a host label such as "www"',
  },
  'live-path-invalid': { 'zh-CN': '{value} 不是路径：路径以 / 开头，不含空格和 #', en: '{value} is not a path: a path starts with / and has no spaces or #' },
  'live-cname-invalid': {
    'zh-CN': '{value} 不是主机名，也不是 *.后缀 形式：{why}',
    en: '{value} is not a host name or *.suffix pattern: {why}',
  },
  'live-dns-server-invalid': { 'zh-CN': '{value} 不是 IP 地址（可以带 :端口）', en: '{value} is not an IP address with an optional :port' },
  'live-endpoint-invalid': { 'zh-CN': '{value} 不是 主机:端口 的形式', en: '{value} is not host:port' },
  'live-whois-server-invalid': { 'zh-CN': '{value} 不是 主机 或 主机:端口 的形式', en: '{value} is not host or host:port' },
  'live-connect-invalid': {
    'zh-CN': '"{from}" → "{to}" 不是 主机:端口 → 主机:端口 的形式',
    en: '"{from}" → "{to}" is not host:port → host:port',
  },
  'live-whois-entry-invalid': {
    'zh-CN': '"{tld}": "{server}" 不是 顶级域名: 主机[:端口] 的形式',
    en: '"{tld}": "{server}" is not a TLD and host[:port]',
  },
  'live-file-unreadable': {
    'zh-CN': '无法读取 {file}（{code}）；这里的路径相对于配置文件所在的目录',
    en: 'cannot read {file} ({code}); paths here are relative to the folder of the config file',
  },
  'live-ca-empty': {
    'zh-CN': '{file} 中没有 PEM 证书（-----BEGIN CERTIFICATE----- 块）',
    en: '{file} holds no PEM certificate (no -----BEGIN CERTIFICATE----- block)',
  },
  'live-bootstrap-invalid': {
    'zh-CN': '{file} 不是 IANA dns.json 格式的 RDAP 引导文件：{detail}',
    en: '{file} is not an RDAP bootstrap file in IANA dns.json format: {detail}',
  },
  'live-bootstrap-not-json': { 'zh-CN': '{file} 不是有效的 JSON', en: '{file} is not valid JSON' },
  'live-no-domains': {
    'zh-CN': 'live 需要备案的域名：在站点中加上 "domains": ["example.cn"]',
    en: 'live needs the filed domains: add "domains": ["example.cn"] to a site',
  },

  // The site folder
  'root-missing': { 'zh-CN': '站点目录 {root} 不存在{hint}', en: 'site folder does not exist: {root}{hint}' },
  'root-not-directory': { 'zh-CN': '站点目录 {root} 不是一个目录', en: 'site folder is not a directory: {root}' },
  'root-unreadable': { 'zh-CN': '无法读取站点目录 {root}（{detail}）', en: 'cannot read the site folder {root} ({detail})' },
  'no-site-folder': {
    'zh-CN': '没有找到构建输出目录（查找了 {folders}）{hint}',
    en: 'no build folder found (looked for {folders}){hint}',
  },

  // Command line usage
  'unknown-command': {
    'zh-CN': '没有 "{command}" 这个命令{suggestion}。用法：beian-guard check [目录]，或 beian-guard --help',
    en: 'unknown command "{command}"{suggestion}; try "beian-guard check [dir]" or "beian-guard --help"',
  },
  'unknown-flag': {
    'zh-CN': '没有 {flag} 这个选项{suggestion}。beian-guard --help 列出全部选项',
    en: 'unknown option {flag}{suggestion}; beian-guard --help lists every option',
  },
  'flag-needs-value': { 'zh-CN': '选项 {flag} 后面需要一个值', en: 'option {flag} needs a value' },
  'flag-takes-no-value': { 'zh-CN': '选项 {flag} 不接受值', en: 'option {flag} takes no value' },
  'too-many-folders': { 'zh-CN': 'check 只接受一个目录，收到了 {count} 个：{list}', en: 'check takes one folder, got {count}: {list}' },
  'workers-range': { 'zh-CN': '"{value}" 不是 0 到 64 之间的整数', en: '"{value}" is not a whole number from 0 to 64' },
  'max-warnings-range': { 'zh-CN': '"{value}" 不是 0 或更大的整数', en: '"{value}" is not a whole number of 0 or more' },
  'live-takes-no-folder': {
    'zh-CN': 'live 不接受目录参数（它访问配置文件中 domains 列出的域名），收到了：{list}',
    en: 'live takes no folder (it fetches the domains in the config), got: {list}',
  },
  'live-no-config': {
    'zh-CN': 'live 需要一个列出备案域名的配置文件（beian.config.json 中写 "domains": ["example.cn"]），见 docs/live.md',
    en: 'live needs a config file that names the filed domains (beian.config.json with "domains": ["example.cn"]); see docs/live.md',
  },
  'report-path-empty': {
    'zh-CN': '"{format}=" 后面缺少文件路径（写成 {format}=文件，或只写 {format} 输出到标准输出）',
    en: '"{format}=" needs a file path (write {format}=file, or {format} alone for standard output)',
  },
  'working-directory-missing': { 'zh-CN': '目录 {dir} 不存在或不是目录', en: '{dir} does not exist or is not a folder' },
  'working-directory-outside': {
    'zh-CN': '目录 {dir} 在工作区（GITHUB_WORKSPACE）之外',
    en: '{dir} is outside the workspace (GITHUB_WORKSPACE)',
  },
  'report-not-json': { 'zh-CN': '不是 JSON 报告：{detail}', en: 'not a JSON report: {detail}' },
  'report-invalid': {
    'zh-CN': '不是 beian-guard 的 JSON 报告（{path} 不对）：只能读取 beian-guard check -f json 或输入 json-file 写出的报告',
    en: 'not a beian-guard JSON report ({path} is wrong): only reports written by beian-guard check -f json or the json-file input can be read',
  },
  'pull-request-number': { 'zh-CN': '"{value}" 不是 PR 编号', en: '"{value}" is not a pull request number' },
  'head-sha-invalid': { 'zh-CN': '"{value}" 不是提交的完整 SHA（40 位十六进制）', en: '"{value}" is not a full commit SHA (40 hex digits)' },
  'merge-nothing': { 'zh-CN': '没有找到 JSON 报告（{patterns}）', en: 'no JSON report found ({patterns})' },
  'merge-outside': { 'zh-CN': '{file} 在工作目录之外（或是指向外面的链接），不会读取', en: '{file} is outside the working directory (or a link out of it) and is not read' },
  'merge-not-file': { 'zh-CN': '{file} 不是一个文件', en: '{file} is not a file' },
  'merge-too-large': { 'zh-CN': '{file} 超过 256 MB，不像是 beian-guard 的报告', en: '{file} is larger than 256 MB, more than a beian-guard report' },
  'merge-versions': {
    'zh-CN': '报告来自不同版本的 beian-guard：{a} 是 {av}，{b} 是 {bv}',
    en: 'the reports come from different versions of beian-guard: {a} is {av}, {b} is {bv}',
  },
  'merge-shard-counts': {
    'zh-CN': '报告来自不同的分片数：{a} 是第 {ak}/{an} 片，{b} 是第 {bk}/{bn} 片；请合并同一次分片运行的全部报告',
    en: 'the reports come from different shard counts: {a} is shard {ak}/{an}, {b} is shard {bk}/{bn}; merge the reports of one sharded run',
  },
  'merge-configs': {
    'zh-CN': '报告来自不同的配置：{a} 的配置哈希是 {ah}，{b} 是 {bh}；各分片必须用同一份配置和同样的参数运行',
    en: 'the reports come from different configurations: {a} has config hash {ah}, {b} has {bh}; every shard must run with the same config and flags',
  },
  'merge-shard-missing': {
    'zh-CN': '缺少第 {missing} 片（共 {n} 片，只收到 {got} 份分片报告）；请确认每个分片任务都上传了 JSON 报告',
    en: 'shard {missing} of {n} is missing ({got} shard reports given); make sure every shard job uploaded its JSON report',
  },
  'merge-shard-twice': {
    'zh-CN': '第 {k}/{n} 片出现了两次：{a} 和 {b}',
    en: 'shard {k}/{n} is given twice: {a} and {b}',
  },
  'merge-shard-and-whole': {
    'zh-CN': '{a} 是第 {k}/{n} 片，而 {b} 不是分片报告；分片报告只能与同一次运行的其他分片合并',
    en: '{a} is shard {k}/{n} but {b} is not a shard report; shard reports merge only with the other shards of their run',
  },
  'merge-no-files': {
    'zh-CN': 'merge 需要至少一个 JSON 报告，例如 beian-guard merge shard-1.json shard-2.json',
    en: 'merge needs at least one JSON report, e.g. beian-guard merge shard-1.json shard-2.json',
  },
  'merge-file-unreadable': { 'zh-CN': '无法读取 {file}（{code}）', en: 'cannot read {file} ({code})' },
  'shard-not-with': {
    'zh-CN': '不能与 {other} 一起使用：分片任务检查一部分页面，合并任务（merge）读取各片的报告，是两个不同的任务',
    en: 'cannot be used with {other}: a shard job checks part of the pages and the merge job reads the shards\' reports; they are separate jobs',
  },
  'shard-invalid': {
    'zh-CN': '"{value}" 不是分片：写成 K/N，1 ≤ K ≤ N ≤ {max}，例如 2/4 表示 4 片中的第 2 片',
    en: '"{value}" is not a shard: write K/N with 1 ≤ K ≤ N ≤ {max}, e.g. 2/4 for the second of four',
  },
  'report-needs-path': {
    'zh-CN': '"{format}" 缺少文件路径：每一行写成 {format}=文件（终端报告已经写在日志里）',
    en: '"{format}" needs a file path: write {format}=file on each line (the log already has the terminal report)',
  },
  'reports-one-stdout': {
    'zh-CN': '只能有一个报告输出到标准输出，这里有 {formats}：给其余的格式加上 =文件',
    en: 'only one report can go to standard output, got {formats}: give the others =file',
  },
  'output-with-paths': {
    'zh-CN': '--output 指定的是没有写路径的那个 --format 的文件，但每个 --format 都已经写了路径',
    en: '--output names the file of the --format given without a path, but every --format has one',
  },
  'output-many-formats': {
    'zh-CN': '--output 只能对应一个没有写路径的 --format，这里有 {formats}：改用 格式=文件',
    en: '--output can stand for one --format without a path, got {formats}: write format=file instead',
  },
  'not-in-build': { 'zh-CN': '这个构建中没有 {feature}', en: '{feature} is not available in this build' },

  // Action inputs
  'path-many-sites': {
    'zh-CN': '{config} 配置了 {count} 个站点，path 只能代替单个站点的 root（去掉 path，或在配置中为每个站点写 root）',
    en: '{config} lists {count} sites; path can only replace the root of a single site (remove path, or set each root in the config)',
  },
  'path-missing': {
    'zh-CN': '工作区中没有目录 "{root}"（网站是否已在前面的步骤中构建？）',
    en: 'the folder "{root}" does not exist in the workspace (has the site been built in an earlier step?)',
  },
  'no-path': {
    'zh-CN': '输入 "path" 为空，工作区中也没有 {folders}；把 path 设为构建输出目录',
    en: 'input "path" is empty and none of {folders} exists in the workspace; set path to the folder of the built site',
  },
  'missing-inputs': {
    'zh-CN': '缺少输入 {missing}：没有配置文件（输入 "config"，或仓库中的 beian.config.json）时，Action 需要 icp 和 site-name',
    en: 'missing input {missing}: without a config file (input "config", or beian.config.json in the repository) the action needs icp and site-name',
  },
  'file-unwritable': { 'zh-CN': '无法写入 {file}（{code}）', en: 'cannot write {file} ({code})' },
  'live-input-no-config': {
    'zh-CN': 'live 需要一个列出备案域名的配置文件（输入 "config"，或仓库中写有 "domains" 的 beian.config.json），见 docs/live.md',
    en: 'live needs a config file that names the filed domains (input "config", or beian.config.json with "domains" in the repository); see docs/live.md',
  },
  'report-same-file': {
    'zh-CN': '输入 "{first}" 和 "{second}" 指向同一个文件（{file}）；请为每份报告指定各自的路径',
    en: 'inputs "{first}" and "{second}" name the same file ({file}); give each report its own path',
  },

  // Report files (--output, the action's sarif-file, json-file, comment-file)
  'report-control-character': {
    'zh-CN': '无法写入 {file}：路径中有换行符或其他控制字符',
    en: 'cannot write {file}: the path holds a line break or another control character',
  },
  'report-git-folder': { 'zh-CN': '无法写入 {file}：beian-guard 从不写入 .git 目录', en: 'cannot write {file}: beian-guard never writes into a .git folder' },
  'report-outside': {
    'zh-CN': '无法写入 {file}：路径指向工作区（{workspace}）之外；确实要写到那里，请给出绝对路径',
    en: 'cannot write {file}: the path leads outside the workspace ({workspace}); give an absolute path to write there on purpose',
  },
  'report-link-out': {
    'zh-CN': '无法写入 {file}：路径上的一个目录是指向工作区之外（{real}）的链接',
    en: 'cannot write {file}: a folder on the way is a link out of the workspace (to {real})',
  },
  'report-symlink': {
    'zh-CN': '无法写入 {file}：它是符号链接，beian-guard 不通过链接写入',
    en: 'cannot write {file}: it is a symbolic link; beian-guard does not write through links',
  },
  'report-not-file': { 'zh-CN': '无法写入 {file}：它已存在，且不是普通文件', en: 'cannot write {file}: it exists and is not a regular file' },
  'report-not-ours': {
    'zh-CN': '无法写入 {file}：它已存在，且不是 beian-guard 的 {kind} 报告；请删除它或换一个路径',
    en: 'cannot write {file}: it exists and is not a beian-guard {kind} report; remove it or choose another path',
  },
  'report-not-ours-force': {
    'zh-CN': '无法写入 {file}：它已存在，且不是 beian-guard 的 {kind} 报告；请删除它、换一个路径，或加 --force 覆盖它',
    en: 'cannot write {file}: it exists and is not a beian-guard {kind} report; remove it or choose another path, or pass --force to replace it',
  },
  'report-unwritable': { 'zh-CN': '无法写入 {file}（{code}）', en: 'cannot write {file}: {code}' },

  // beian-guard init (its flags are named in the texts, as init prints them)
  'init-unknown-option': {
    'zh-CN': '不认识的选项 {flag}；运行 beian-guard init --help 查看全部选项',
    en: 'unknown option {flag}; run beian-guard init --help for the options',
  },
  'init-positional': {
    'zh-CN': 'init 不接受“{value}”这样的参数；要指定目录请用 --dir',
    en: 'init takes no argument such as "{value}"; use --dir to name a folder',
  },
  'init-needs-value': { 'zh-CN': '{flag} 后面缺少值', en: '{flag} needs a value' },
  'init-dash-value': { 'zh-CN': '{flag} 的值以 - 开头，请写成 {flag}=值', en: 'the value of {flag} starts with -: write {flag}=value' },
  'init-arguments': {
    'zh-CN': '参数有误（{detail}）；运行 beian-guard init --help 查看全部选项',
    en: '{detail}; run beian-guard init --help for the options',
  },
  'init-choice': { 'zh-CN': '{flag}：“{value}”不是 {choices} 之一', en: '{flag}: "{value}" is not one of {choices}' },
  'init-empty-value': { 'zh-CN': '{flag}：值为空', en: '{flag}: the value is empty' },
  'init-conflict': { 'zh-CN': '{a} 和 {b} 不能同时使用', en: '{a} and {b} cannot be used together' },
  'init-not-dir': {
    'zh-CN': '--dir {dir}：不是一个目录；请给出项目所在的目录，或去掉 --dir 使用当前目录',
    en: '--dir {dir}: not a folder; name the project folder, or leave --dir out to use the current one',
  },
  'init-exists': {
    'zh-CN': '{file} 已存在，未做任何修改；确认要覆盖请加 --force',
    en: '{file} already exists and nothing was changed; pass --force to overwrite it',
  },
  'init-unknown-generator': {
    'zh-CN': '没有在 {dir} 中识别出网站生成器（支持 {names}）；请用 --root <构建输出目录> 指定要检查的目录',
    en: 'no site generator recognised in {dir} (supported: {names}); pass --root <build output folder> to name the folder to check',
  },
  'init-bad-number': { 'zh-CN': '{flag}：“{value}”不是有效的号码：{why}', en: '{flag}: "{value}" is not a valid number: {why}' },
  'init-bad-domain': { 'zh-CN': '--domain：“{value}”不能用作备案域名：{why}', en: '--domain: "{value}" cannot be a filed domain: {why}' },
  'init-needs-domain': {
    'zh-CN': '--live 需要备案的域名，生成器配置和 CNAME 文件中没有可用的网站地址{found}。请加 --domain <域名>',
    en: '--live needs the filed domain, and the generator config and CNAME files name no usable site address{found}. Pass --domain <name>',
  },
} as const satisfies Record<string, Localized>;

export type ErrorId = keyof typeof ERROR_MESSAGES;
