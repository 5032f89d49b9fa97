import { format, type Lang, type Localized, type MessageData } from '../i18n/lang.js';

/** Every text `beian-guard init` prints, in both languages. */
export const INIT_TEXT = {
  heading: {
    'zh-CN': 'beian-guard init：为 {dir} 配置备案检查',
    en: 'beian-guard init: setting up the filing check for {dir}',
  },
  detected: { 'zh-CN': '识别结果', en: 'What was found' },
  generator: { 'zh-CN': '网站生成器', en: 'Generator' },
  outDir: { 'zh-CN': '构建输出目录', en: 'Build output' },
  build: { 'zh-CN': '构建命令', en: 'Build command' },
  noBuildNeeded: { 'zh-CN': '不需要（页面就是仓库中的 HTML）', en: 'none needed (the pages are the HTML in the repository)' },
  ci: { 'zh-CN': 'CI', en: 'CI' },
  siteName: { 'zh-CN': '网站名称', en: 'Site name' },
  icp: { 'zh-CN': 'ICP 备案号', en: 'ICP number' },
  police: { 'zh-CN': '公安备案号', en: 'Public-security number' },
  filing: { 'zh-CN': '备案主体', en: 'Filed by' },
  filingValue: { 'zh-CN': '{filing}（{label}）', en: '{filing} ({label})' },
  personal: { 'zh-CN': '个人', en: 'a person' },
  enterprise: { 'zh-CN': '单位', en: 'an organisation' },
  notFound: { 'zh-CN': '未找到', en: 'not found' },
  byDefault: { 'zh-CN': '{name} 的默认值', en: '{name} default' },
  fromFlag: { 'zh-CN': '命令行参数', en: 'command-line flag' },
  fromPrompt: { 'zh-CN': '你的输入', en: 'your answer' },
  fromDefault: { 'zh-CN': '默认值', en: 'default' },
  at: { 'zh-CN': '{file} 第 {line} 行', en: '{file}, line {line}' },
  atKey: { 'zh-CN': '{file} 中的 {key}（第 {line} 行）', en: '{file}: {key} (line {line})' },
  written: { 'zh-CN': '已写入', en: 'Written' },
  todo: { 'zh-CN': '需要你确认或补充', en: 'For you to check or fill in' },
  next: { 'zh-CN': '接下来', en: 'Next steps' },

  ciGithub: { 'zh-CN': 'GitHub Actions', en: 'GitHub Actions' },
  ciGitlab: { 'zh-CN': 'GitLab CI', en: 'GitLab CI' },
  ciGitee: { 'zh-CN': 'Gitee Go', en: 'Gitee Go' },
  ciJenkins: { 'zh-CN': 'Jenkins', en: 'Jenkins' },
  ciNone: { 'zh-CN': '不写 CI 配置', en: 'no CI file' },
  ciByDefault: {
    'zh-CN': '没有识别到 CI（没有 CI 配置文件，也没有已知托管平台的 origin 远程），默认使用；其他平台用 --ci gitlab|gitee|jenkins',
    en: 'no CI recognised (no CI files, no origin remote on a known host), so the default; use --ci gitlab|gitee|jenkins for another',
  },
  ciOthers: {
    'zh-CN': '仓库中也有 {others} 的配置；只为 {name} 写了文件，需要其他的请用 --ci 再运行一次。',
    en: 'The repository also has CI files for {others}; only the {name} file was written. Run again with --ci for another.',
  },
  gitlabInclude: {
    'zh-CN': '{file} 已存在，没有改动它：检查任务写在单独的文件中（stage: {stage}）。在 {file} 中加上下面几行把它接进流水线：\n      {snippet}',
    en: '{file} exists and was left unchanged: the check job is in a file of its own (stage: {stage}). Add these lines to {file} to include it:\n      {snippet}',
  },
  jenkinsPaste: {
    'zh-CN': '{file} 已存在，没有改动它：把 {stage} 中的 stage 粘贴到 {file} 的 stages { } 中。',
    en: '{file} exists and was left unchanged: paste the stage from {stage} into the stages { } block of {file}.',
  },

  askSiteName: {
    'zh-CN': '网站名称（与备案时填写的网站名称完全一致）',
    en: 'Site name (exactly as filed with MIIT)',
  },
  icpExplain: {
    'zh-CN': '网站备案号是主体备案号后面加上网站序号（如 京ICP备2023012345号-1），每个网站一个；不带 -N 的主体备案号属于整个个人或单位。',
    en: 'The website number is the entity number plus the site suffix (e.g. 京ICP备2023012345号-1), one per website; the entity number without -N belongs to the whole person or organisation.',
  },
  askIcp: { 'zh-CN': '网站备案号（带 -N），如 京ICP备2023012345号-1', en: 'Website filing number (with -N), e.g. 京ICP备2023012345号-1' },
  askPolice: {
    'zh-CN': '公安备案号，如 京公网安备11010502030143号（还没有办理就留空）',
    en: 'Public-security number, e.g. 京公网安备11010502030143号 (leave empty if you have none yet)',
  },
  askPoliceFound: { 'zh-CN': '公安备案号，如 京公网安备11010502030143号', en: 'Public-security number, e.g. 京公网安备11010502030143号' },
  askFiling: {
    'zh-CN': '备案主体：个人备案填 personal，单位（公司、组织）备案填 enterprise',
    en: 'Filed by: personal for a person, enterprise for a company or organisation',
  },
  askDefault: { 'zh-CN': '回车使用 {value}', en: 'Enter keeps {value}' },
  askFilingInvalid: { 'zh-CN': '请输入 personal 或 enterprise。', en: 'Please answer personal or enterprise.' },
  askInvalid: { 'zh-CN': '“{value}”不是有效的号码：{why}。请重新输入。', en: '"{value}" is not a valid number: {why}. Please try again.' },

  icpPlaceholder: { 'zh-CN': '待填写：ICP 备案号', en: 'TODO: your ICP number' },
  siteNamePlaceholder: { 'zh-CN': '待填写：备案的网站名称', en: 'TODO: the filed site name' },

  todoIcp: {
    'zh-CN': '在 {config} 中把 icp 改为你的网站备案号（备案系统中带 -N 的那个号码）。',
    en: 'Set icp in {config} to your website number (the one with -N in the filing system).',
  },
  entityOnly: {
    'zh-CN': '{value} 是主体备案号（不带 -N），检查也接受它；在工信部备案系统中查到本网站的网站备案号（带 -N）后，把 {config} 中的 icp 换成它，检查会更准确。',
    en: '{value} is an entity number (no -N); the check accepts it, but once you look up this website\'s own number (with -N) in the MIIT system, put that into icp in {config} for a more exact check.',
  },
  todoSiteName: {
    'zh-CN': '在 {config} 中把 siteName 改为备案时填写的网站名称。',
    en: 'Set siteName in {config} to the site name you filed.',
  },
  checkSiteName: {
    'zh-CN': '网站名称“{siteName}”取自 {where}。核查会比对首页标题与备案的网站名称，请确认两者一致；不一致时改 {config} 中的 siteName。',
    en: 'The site name "{siteName}" comes from {where}. The review compares the homepage title with the filed name; make sure they agree, or correct siteName in {config}.',
  },
  todoPolice: {
    'zh-CN': '没有找到公安备案号。办理后把它写进 {config} 的 police 字段，并加到网站底部。',
    en: 'No public-security number was found. Once you have one, add it as police in {config} and to the site footer.',
  },
  todoFiling: {
    'zh-CN': '备案主体按 {filing}（{label}）写入，这是默认值，init 无法从仓库判断：单位（公司、组织）备案请把 {config} 中的 filing 改为 enterprise。',
    en: 'Filed by is written as {filing} ({label}), the default: init cannot tell from the repository. For a company or organisation, set filing in {config} to enterprise.',
  },
  companyHint: {
    'zh-CN': '页脚写着 {company}（{where}）：如果是单位备案，请选 enterprise。',
    en: 'The footer names {company} ({where}): if the filing is an organisation\'s, choose enterprise.',
  },
  checkBuild: {
    'zh-CN': '确认 CI 中的构建命令“{build}”与你平时的构建方式一致。',
    en: 'Check that the build command "{build}" in the CI file is how you build the site.',
  },
  noBuild: {
    'zh-CN': '没有找到构建命令：在 {workflow} 中把构建网站的命令换成你的。',
    en: 'No build command was found: replace the build command in {workflow} with yours.',
  },

  disabled: {
    'zh-CN': '{where}：{value} 所在的配置块写着 enable: false，构建出的页面不会显示它；请改为 enable: true。',
    en: '{value} in {where} sits in a block with enable: false, so the built pages will not show it: set enable: true.',
  },
  invalidFound: {
    'zh-CN': '{where}：“{value}”不能直接使用（{why}），已忽略。',
    en: '"{value}" in {where} cannot be used as is ({why}) and was ignored.',
  },
  severalFound: {
    'zh-CN': '找到多个不同的{label}：{values}。已使用第一个，请确认。',
    en: 'Several different {label}s were found: {values}. The first one is used; please check.',
  },
  fromBuild: {
    'zh-CN': '源文件中没有找到{label}，{value} 取自构建结果 {where}；请确认它来自哪个配置或模板，以后改号码时改那里。',
    en: 'No {label} was found in the sources; {value} was taken from the built page, {where}. Find the config or template it comes from: that is where to change it later.',
  },
  'hexo-no-theme': {
    'zh-CN': '_config.yml 没有设置 theme，无法读取主题配置中的备案信息。',
    en: '_config.yml sets no theme, so no theme config was read for the filing line.',
  },
  'hexo-theme-missing': {
    'zh-CN': '_config.yml 使用主题 {theme}，但 themes/{theme} 和 node_modules/hexo-theme-{theme} 都不存在（还没有安装依赖？），主题自带的设置没有读到。',
    en: '_config.yml uses the theme {theme}, but neither themes/{theme} nor node_modules/hexo-theme-{theme} exists (dependencies not installed yet?), so the theme\'s own settings were not read.',
  },
  'astro-server': {
    'zh-CN': 'astro.config 使用 output: "server"：只有预渲染的页面会出现在构建目录中，首页需要预渲染（export const prerender = true）才能被检查。',
    en: 'astro.config uses output: "server": only prerendered pages land in the build folder, so prerender the homepage (export const prerender = true) to have it checked.',
  },
  'next-no-export': {
    'zh-CN': 'next.config 没有 output: "export"，将检查 next build 预渲染到 {outDir} 的页面。如果首页是动态渲染的，它不会出现在那里；静态网站建议改用 output: "export"（输出到 out/）。',
    en: 'next.config has no output: "export"; the check reads the pages next build prerenders into {outDir}. A dynamically rendered homepage is not there; for a static site prefer output: "export" (writes out/).',
  },
  'vite-spa': {
    'zh-CN': 'index.html 中没有备案号。单页应用的内容由脚本生成，核查看到的静态 HTML 里没有组件渲染的 footer：请把备案号直接写进 index.html（挂载点 #app 之外），或启用预渲染。',
    en: 'index.html shows no ICP number. A single-page app builds its content with scripts, and the static HTML the review sees has no component-rendered footer: put the number straight into index.html (outside the #app mount point) or prerender.',
  },
  subfolder: {
    'zh-CN': '{dir} 位于仓库 {repo} 的子目录中：CI 配置写在仓库根目录，并在 {dir} 中运行。',
    en: '{dir} is a subfolder of the repository {repo}: the CI file is written at the repository root and runs in {dir}.',
  },

  stepBuild: { 'zh-CN': '在本地构建网站：{build}', en: 'Build the site locally: {build}' },
  stepCheck: { 'zh-CN': '检查构建结果：{command}', en: 'Check the build: {command}' },
  stepFix: {
    'zh-CN': '按输出修复问题（每条都给出文件、行号和改法），直到检查通过。',
    en: 'Fix what it reports (each finding names the file, the line and the fix) until it passes.',
  },
  stepCommit: {
    'zh-CN': '提交并推送：git add {files} && git commit -m "ci: 备案检查" && git push',
    en: 'Commit and push: git add {files} && git commit -m "ci: filing check" && git push',
  },
  doneGithub: {
    'zh-CN': '推送后，GitHub Actions 会在每次推送和 PR 上运行备案检查，并把结果评论在 PR 上。工作流引用的 {action} 是占位的仓库地址：beian-guard 在 GitHub 上发布之前，这一步无法运行。',
    en: 'Once pushed, GitHub Actions runs the filing check on every push and pull request and comments the result on the PR. The workflow\'s {action} is a placeholder address: the step cannot run until beian-guard is published on GitHub.',
  },
  doneGitlab: {
    'zh-CN': '推送后，GitLab CI 会在每条流水线中运行备案检查，合并请求页面会给出报告链接。CI 中用 {cli} 运行检查：这需要 beian-guard 能从 npm 安装（或已写在 devDependencies 中）。',
    en: 'Once pushed, GitLab CI runs the filing check in every pipeline and the merge request links the report. CI runs it as {cli}: that needs beian-guard to install from npm (or to be in devDependencies).',
  },
  doneGitee: {
    'zh-CN': '推送后，Gitee Go 会在每次推送和 Pull Request 上运行备案检查（需要先在仓库中开通 Gitee Go）。CI 中用 {cli} 运行检查：这需要 beian-guard 能从 npm 安装（或已写在 devDependencies 中）。',
    en: 'Once pushed, Gitee Go runs the filing check on every push and pull request (Gitee Go must be enabled for the repository first). CI runs it as {cli}: that needs beian-guard to install from npm (or to be in devDependencies).',
  },
  doneJenkins: {
    'zh-CN': 'Jenkins 流水线下一次运行时会执行备案检查，报告作为构建物保存。CI 中用 {cli} 运行检查：这需要 beian-guard 能从 npm 安装（或已写在 devDependencies 中）。',
    en: 'The next Jenkins run performs the filing check and keeps the report as an artifact. CI runs it as {cli}: that needs beian-guard to install from npm (or to be in devDependencies).',
  },
  doneNone: {
    'zh-CN': '没有写 CI 配置（--ci none）：在部署前运行上面的检查命令。',
    en: 'No CI file was written (--ci none): run the check command above before each deploy.',
  },

  unknownGeneratorName: { 'zh-CN': '未识别（使用 --root）', en: 'not recognised (using --root)' },

  liveLabel: { 'zh-CN': '线上检查', en: 'Live check' },
  domainsLabel: { 'zh-CN': '备案域名', en: 'Filed domains' },
  liveDaily: { 'zh-CN': '每天检查 {names}', en: 'daily, fetching {names}' },
  liveOff: { 'zh-CN': '不添加', en: 'not added' },
  askLive: {
    'zh-CN': '每天检查一次已部署的网站（页脚和标题、解析的 IP、域名和证书到期）？y 或 n',
    en: 'Check the deployed site once a day (footer and title, resolved addresses, domain and certificate expiry)? y or n',
  },
  askLiveInvalid: { 'zh-CN': '请输入 y 或 n。', en: 'Please answer y or n.' },
  addressFound: { 'zh-CN': '网站地址 {value} 取自 {where}。', en: 'The site address {value} comes from {where}.' },
  askDomains: {
    'zh-CN': '备案的域名，多个用空格分开；网站在子域名上时写子域名，如 blog.example.cn',
    en: 'Filed domains, separated by spaces; for a site on a subdomain write the subdomain, e.g. blog.example.cn',
  },
  askDomainInvalid: { 'zh-CN': '“{value}”不能用作备案域名：{why}。请重新输入。', en: '"{value}" cannot be a filed domain: {why}. Please try again.' },
  liveNeedsDomainFound: { 'zh-CN': '：{value}（{where}）不能用，{why}', en: ': {value} ({where}) cannot be used, {why}' },
  liveNoDomain: {
    'zh-CN': '没有得到备案的域名，没有添加线上检查。',
    en: 'No filed domain was given, so no live check was added.',
  },
  liveExists: {
    'zh-CN': '{file} 已存在，没有询问是否添加线上检查；要重写它，运行“你还可以”中的命令。',
    en: '{file} exists, so the live check was not offered; to rewrite it, run the command under "You can also".',
  },
  subdomainHost: {
    'zh-CN': '{host} 是 {domain} 的子域名：domains 中写 {domain}，live.hosts 中写 {label}，线上检查只请求 {host}。',
    en: '{host} is a subdomain of {domain}: domains holds {domain} and live.hosts holds {label}, so the live check fetches {host} only.',
  },
  hostsShared: {
    'zh-CN': '{config} 中的 live.hosts 对每个域名都生效，线上检查会请求 {names}；不存在的主机会报告 live-unreachable，请删去它们，或把域名分到 sites 中的不同站点。',
    en: 'live.hosts in {config} applies to every domain, so the live check fetches {names}; hosts that do not exist are reported as live-unreachable: remove them, or put the domains in separate sites.',
  },
  gitlabSchedule: {
    'zh-CN': '线上检查只在计划流水线中运行：在 GitLab 项目的 构建 → 流水线计划 中新建一个计划，目标分支 {branch}，间隔例如每天一次（17 1 * * *）。',
    en: 'The live check runs in scheduled pipelines only: create one under Build → Pipeline schedules in the GitLab project, target branch {branch}, for example daily (17 1 * * *).',
  },
  gitlabScheduleOwn: {
    'zh-CN': '线上检查只在计划流水线中运行：在 GitLab 项目的 构建 → 流水线计划 中新建一个计划，目标分支 {branch}，间隔例如每天一次（17 1 * * *）。计划流水线也会运行 {file} 中没有 rules 的任务（部署也在其中时，给它加上 rules 排除 $CI_PIPELINE_SOURCE == "schedule"）。',
    en: 'The live check runs in scheduled pipelines only: create one under Build → Pipeline schedules in the GitLab project, target branch {branch}, for example daily (17 1 * * *). Scheduled pipelines also run the jobs of {file} that have no rules (if a deploy is among them, give it rules that leave out $CI_PIPELINE_SOURCE == "schedule").',
  },
  jenkinsTimer: {
    'zh-CN': 'Jenkins 在流水线运行过一次之后才登记 {file} 中的定时触发：推送后手动运行一次这个任务。',
    en: 'Jenkins registers the timer in {file} only after the pipeline has run once: run the job by hand once after pushing.',
  },
  jenkinsLiveJob: {
    'zh-CN': '线上检查是一个单独的流水线 {file}：在 Jenkins 中新建一个流水线任务（Pipeline script from SCM，脚本路径 {file}），运行一次后它每天自动运行；你的 Jenkinsfile 不受影响。',
    en: 'The live check is a pipeline of its own, {file}: create a Pipeline job for it in Jenkins (Pipeline script from SCM, script path {file}); after its first run it runs daily by itself, and your Jenkinsfile is not affected.',
  },
  liveNoCi: {
    'zh-CN': '没有写 CI 配置（--ci none）：线上检查需要你自己每天运行一次，例如在能访问网站的机器上用 cron 运行下面的命令。',
    en: 'No CI file was written (--ci none): run the live check daily yourself, for example from cron on a machine that can reach the site.',
  },
  stepLive: { 'zh-CN': '检查已部署的网站：{command}', en: 'Check the deployed site: {command}' },
  liveDoneGithub: {
    'zh-CN': '推送后，beian-live 工作流每天 UTC 1:17（北京时间 9:17）检查线上网站，并把结果写进一个 issue（失败时创建或重新打开，通过时关闭）；也可以在 Actions 页面手动运行。公开仓库 60 天没有任何活动时，GitHub 会停用定时工作流，届时在 Actions 页面重新启用。GitHub 的运行器在境外，它能说明什么、不能说明什么见 {docs}。',
    en: 'Once pushed, the beian-live workflow checks the deployed site daily at 01:17 UTC (09:17 in Beijing) and keeps one issue updated (opened or reopened on failure, closed on a pass); it can also be run by hand from the Actions tab. In a public repository GitHub disables scheduled workflows after 60 days without activity: enable it again from the Actions tab then. GitHub\'s runners are outside China: what such a run can and cannot tell is in {docs}.',
  },
  liveDoneGitlab: {
    'zh-CN': '建好计划后，GitLab 每天在计划流水线中运行线上检查，发现问题时流水线失败，报告 {report} 作为构建物保存。',
    en: 'Once the schedule exists, GitLab runs the live check in a scheduled pipeline every day; a problem fails the pipeline, and the report {report} is kept as an artifact.',
  },
  liveDoneGitee: {
    'zh-CN': '推送后，Gitee Go 按 {file} 每天 9:17 检查线上网站，发现问题时流水线失败。',
    en: 'Once pushed, Gitee Go runs {file} daily at 09:17 to check the deployed site; a problem fails the pipeline.',
  },
  liveDoneJenkins: {
    'zh-CN': 'Jenkins 每天 1 点左右运行线上检查，发现问题时构建失败，报告 {report} 作为构建物保存。',
    en: 'Jenkins runs the live check daily around 01:00; a problem fails the build, and the report {report} is kept as an artifact.',
  },
  more: { 'zh-CN': '你还可以', en: 'You can also' },
  moreLive: {
    'zh-CN': '每天检查一次已部署的网站（页脚和标题、解析的 IP、域名和证书到期），为 CI 写好定时任务：\n      {command}',
    en: 'Check the deployed site once a day (footer and title, resolved addresses, domain and certificate expiry), with the scheduled job written for your CI:\n      {command}',
  },
  moreLiveDomain: {
    'zh-CN': '（把 {placeholder} 换成备案的域名；会重写刚才写入的文件）',
    en: '(replace {placeholder} with the filed domain; this rewrites the files just written)',
  },
  moreLiveFound: {
    'zh-CN': '（备案域名取自网站地址 {value}，见 {where}；会重写刚才写入的文件）',
    en: '(the filed domain comes from the site address {value}, {where}; this rewrites the files just written)',
  },
  domainPlaceholder: { 'zh-CN': '<域名>', en: '<domain>' },
} as const satisfies Record<string, Localized>;

export type InitTextId = keyof typeof INIT_TEXT;

export function t(lang: Lang, id: InitTextId, data?: MessageData): string {
  return format(INIT_TEXT[id][lang], data);
}

/** Why a typed or found ICP number is refused, by parseIcp's reason. */
export const ICP_PROBLEM_TEXT: Readonly<Record<string, Localized>> = {
  empty: { 'zh-CN': '为空', en: 'it is empty' },
  'unknown-province': { 'zh-CN': '开头不是省份简称（如 京、粤）', en: 'it does not start with a province character such as 京 or 粤' },
  'not-icp': { 'zh-CN': '不是工信部的备案号', en: 'it is not an MIIT number' },
  digits: { 'zh-CN': '数字位数不对（应为 7、8 或 10 位）', en: 'the serial must have 7, 8 or 10 digits' },
  'suffix-order': { 'zh-CN': '网站序号应写在“号”之后，如 京ICP备2023012345号-1', en: 'the site suffix goes after 号, as in 京ICP备2023012345号-1' },
  'app-suffix': { 'zh-CN': '带 A/X/K 后缀的是 App 或小程序的备案号', en: 'A/X/K suffixes belong to Apps and mini-programs' },
  placeholder: { 'zh-CN': '是占位号码', en: 'it is a placeholder' },
  syntax: { 'zh-CN': '格式应类似 京ICP备2023012345号-1', en: 'expected a form like 京ICP备2023012345号-1' },
};

/** Why a typed or found 公安 number is refused, by parsePolice's reason. */
export const POLICE_PROBLEM_TEXT: Readonly<Record<string, Localized>> = {
  empty: { 'zh-CN': '为空', en: 'it is empty' },
  'unknown-province': { 'zh-CN': '开头不是省份简称（如 京、粤）', en: 'it does not start with a province character such as 京 or 粤' },
  digits: { 'zh-CN': '应为 14 位数字', en: 'it must have 14 digits' },
  'legacy-length': { 'zh-CN': '是旧式的 12/13 位号码', en: 'it is an old 12 or 13 digit number' },
  'region-mismatch': { 'zh-CN': '前两位数字与省份简称不符', en: 'its first two digits name another province' },
  syntax: { 'zh-CN': '格式应类似 京公网安备11010502030143号', en: 'expected a form like 京公网安备11010502030143号' },
};

/** Why a name cannot be a filed domain, by siteAddress's problem (site-domains.ts). */
export const ADDRESS_PROBLEM_TEXT = {
  platform: { 'zh-CN': '它在 {suffix} 下，属于托管平台，不能备案', en: 'it is under {suffix}, a hosting platform\'s name that cannot be filed' },
  example: { 'zh-CN': '这是示例用的保留域名', en: 'it is a name reserved for examples' },
  suffix: { 'zh-CN': '这是公共后缀（如 com.cn），不是注册的域名', en: 'it is a public suffix (like com.cn), not a registered domain' },
} as const satisfies Record<string, Localized>;
