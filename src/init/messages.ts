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
  siteName: { 'zh-CN': '网站名称', en: 'Site name' },
  icp: { 'zh-CN': 'ICP 备案号', en: 'ICP number' },
  police: { 'zh-CN': '公安备案号', en: 'Public-security number' },
  notFound: { 'zh-CN': '未找到', en: 'not found' },
  byDefault: { 'zh-CN': '{name} 的默认值', en: '{name} default' },
  fromFlag: { 'zh-CN': '命令行参数', en: 'command-line flag' },
  fromPrompt: { 'zh-CN': '你的输入', en: 'your answer' },
  at: { 'zh-CN': '{file} 第 {line} 行', en: '{file}, line {line}' },
  atKey: { 'zh-CN': '{file} 中的 {key}（第 {line} 行）', en: '{file}: {key} (line {line})' },
  written: { 'zh-CN': '已写入', en: 'Written' },
  todo: { 'zh-CN': '需要你确认或补充', en: 'For you to check or fill in' },
  next: { 'zh-CN': '接下来', en: 'Next steps' },

  askSiteName: {
    'zh-CN': '网站名称（与备案时填写的网站名称完全一致）',
    en: 'Site name (exactly as filed with MIIT)',
  },
  askIcp: { 'zh-CN': 'ICP 备案号，如 京ICP备2023012345号-1', en: 'ICP number, e.g. 京ICP备2023012345号-1' },
  askPolice: {
    'zh-CN': '公安备案号，如 京公网安备11010502030143号（还没有就直接回车）',
    en: 'Public-security number, e.g. 京公网安备11010502030143号 (press Enter if you have none yet)',
  },
  askDefault: { 'zh-CN': '回车使用 {value}', en: 'Enter keeps {value}' },
  badFlag: { 'zh-CN': '{flag}：“{value}”不是有效的号码：{why}', en: '{flag}: "{value}" is not a valid number: {why}' },
  askInvalid: { 'zh-CN': '“{value}”不是有效的号码：{why}。请重新输入。', en: '"{value}" is not a valid number: {why}. Please try again.' },

  icpPlaceholder: { 'zh-CN': '待填写：ICP 备案号', en: 'TODO: your ICP number' },
  siteNamePlaceholder: { 'zh-CN': '待填写：备案的网站名称', en: 'TODO: the filed site name' },

  todoIcp: {
    'zh-CN': '在 {config} 中把 icp 改为你的网站备案号（备案系统中带 -N 的那个号码）。',
    en: 'Set icp in {config} to your website number (the one with -N in the filing system).',
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
  checkBuild: {
    'zh-CN': '确认工作流中的构建命令“{build}”与你平时的构建方式一致。',
    en: 'Check that the build command "{build}" in the workflow is how you build the site.',
  },
  noBuild: {
    'zh-CN': '没有找到构建命令：在 {workflow} 中把“构建网站”一步改成你的构建命令。',
    en: 'No build command was found: replace the "build the site" step in {workflow} with yours.',
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
  'hexo-no-theme': {
    'zh-CN': '_config.yml 没有设置 theme，无法读取主题配置中的备案信息。',
    en: '_config.yml sets no theme, so no theme config was read for the filing line.',
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
    'zh-CN': '{dir} 位于仓库 {repo} 的子目录中：工作流写在仓库根目录，并在 {dir} 中运行。',
    en: '{dir} is a subfolder of the repository {repo}: the workflow is written at the repository root and runs in {dir}.',
  },

  stepBuild: { 'zh-CN': '在本地构建网站：{build}', en: 'Build the site locally: {build}' },
  stepCheck: { 'zh-CN': '检查构建结果：npx beian-guard check', en: 'Check the build: npx beian-guard check' },
  stepFix: {
    'zh-CN': '按输出修复问题（每条都给出文件、行号和改法），直到检查通过。',
    en: 'Fix what it reports (each finding names the file, the line and the fix) until it passes.',
  },
  stepCommit: {
    'zh-CN': '提交并推送：git add {files} && git commit -m "ci: 备案检查" && git push',
    en: 'Commit and push: git add {files} && git commit -m "ci: filing check" && git push',
  },
  done: {
    'zh-CN': '之后每次推送和 PR 都会在 GitHub Actions 中运行备案检查。',
    en: 'From then on every push and pull request runs the filing check in GitHub Actions.',
  },

  exists: {
    'zh-CN': '{file} 已存在，未做任何修改；确认要覆盖请加 --force',
    en: '{file} already exists and nothing was changed; pass --force to overwrite it',
  },
  notDir: { 'zh-CN': '--dir {dir}：不是一个目录', en: '--dir {dir}: not a folder' },
  unknownGenerator: {
    'zh-CN': '没有在 {dir} 中识别出网站生成器（支持 {names}）；请用 --root <构建输出目录> 指定要检查的目录',
    en: 'no site generator recognised in {dir} (supported: {names}); pass --root <build output folder> to name the folder to check',
  },
  unknownGeneratorName: { 'zh-CN': '未识别（使用 --root）', en: 'not recognised (using --root)' },
  cannotWrite: { 'zh-CN': '无法写入 {file}（{code}）', en: 'cannot write {file} ({code})' },
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
