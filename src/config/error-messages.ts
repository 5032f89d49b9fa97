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
  'output-unwritable': { 'zh-CN': '无法写入报告（{code}）', en: 'cannot write the report ({code})' },

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
} as const satisfies Record<string, Localized>;

export type ErrorId = keyof typeof ERROR_MESSAGES;
