import { defineRule } from './rule.js';
import { absenceDraft } from './shared/absence.js';
import { unseenMessages } from './shared/unseen-messages.js';

/** Seed reason 10: 网站首页底部备案号未添加. */
export default defineRule({
  meta: {
    id: 'icp-present',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '入口页面的静态 HTML 中必须能看到 ICP 备案号。',
        en: 'An entry page must show an ICP filing number in its static HTML.',
      },
      why: {
        'zh-CN': '接入商核查时打开首页查看底部备案号；找不到备案号是“网站首页底部备案号未添加”（核查不通过原因 10），可能导致取消接入。',
        en: 'During 备案信息核查 the provider opens the homepage and looks for the number at the bottom; a missing number fails the check (reason 10) and can cost the site its hosting access.',
      },
    },
    messages: {
      missing: {
        message: {
          'zh-CN': '页面上没有 ICP 备案号（应为 {expected}）。',
          en: 'The page shows no ICP filing number (expected {expected}).',
        },
        fix: {
          'zh-CN': '在页面底部的 footer 中加入 <a href="https://beian.miit.gov.cn/">{expected}</a>，并确认它出现在构建后的 HTML 里。',
          en: 'Add <a href="https://beian.miit.gov.cn/">{expected}</a> to the page footer and make sure it is in the built HTML.',
        },
      },
      ...unseenMessages('ICP'),
    },
  },
  check(page, context) {
    if (context.footer().icp.length > 0) return [];
    const draft = absenceDraft(page, 'icp', 'missing');
    return [{ ...draft, data: { ...draft.data, expected: context.site.icp.canonical } }];
  },
});
