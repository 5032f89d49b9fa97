import { defineRule } from './rule.js';

/** Raised by the engine: the homepage is what 核查 opens, so a build without it cannot pass. */
export default defineRule({
  meta: {
    id: 'entry-missing',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'input',
    docs: {
      summary: {
        'zh-CN': '站点目录中必须有入口页面（index.html 和配置的 homepages），且至少有一个 HTML 文件。',
        en: 'The site folder must hold its entry pages (index.html and any configured homepages) and at least one HTML file.',
      },
      why: {
        'zh-CN': '核查从网站首页开始；一个什么都没检查的门禁不能算通过。',
        en: 'The check starts at the homepage; a gate that checked nothing must not pass.',
      },
    },
    messages: {
      'no-html': {
        message: { 'zh-CN': '站点目录 {root} 中没有找到任何 HTML 文件。', en: 'No HTML files were found in the site folder {root}.' },
        fix: {
          'zh-CN': '确认在构建之后运行检查，且 root/path 指向构建输出目录（如 public、dist、_site、out）。',
          en: 'Run the check after the build and point root/path at the build output (public, dist, _site, out…).',
        },
      },
      'entry-missing': {
        message: { 'zh-CN': '入口页面 {page} 不存在。', en: 'The entry page {page} does not exist.' },
        fix: {
          'zh-CN': '确认构建会生成 {page}，或修正配置中的 homepages。',
          en: 'Make sure the build writes {page}, or correct homepages in the config.',
        },
      },
    },
  },
});
