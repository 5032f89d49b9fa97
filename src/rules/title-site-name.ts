import { startTagSpan } from '../page/dom.js';
import { normalize } from '../page/normalize.js';
import { defineRule } from './rule.js';

/** Seed reason 13: 实际网站标题与备案网站名称不一致. */
export default defineRule({
  meta: {
    id: 'title-site-name',
    defaultSeverity: 'error',
    seedReasons: [13],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '入口页面的 <title> 必须包含备案的网站名称。',
        en: 'The entry page <title> must contain the filed website name.',
      },
      why: {
        'zh-CN': '“实际网站标题与备案网站名称不一致”是核查不通过原因 13：标题需与备案名称完全一致或完整包含它。',
        en: 'A title that differs from the filed name fails the check (reason 13): the title must equal the filed name or contain all of it.',
      },
    },
    messages: {
      missing: {
        message: { 'zh-CN': '页面没有 <title>（备案网站名称为“{siteName}”）。', en: 'The page has no <title> (the filed name is "{siteName}").' },
        fix: { 'zh-CN': '在 <head> 中加入 <title>{siteName}</title>。', en: 'Add <title>{siteName}</title> to the <head>.' },
      },
      empty: {
        message: { 'zh-CN': '<title> 为空（备案网站名称为“{siteName}”）。', en: 'The <title> is empty (the filed name is "{siteName}").' },
        fix: { 'zh-CN': '把站点标题设置为“{siteName}”，可以在后面加上描述。', en: 'Set the site title to "{siteName}"; a description may follow it.' },
      },
      mismatch: {
        message: { 'zh-CN': '<title>“{title}”不包含备案网站名称“{siteName}”。', en: 'The <title> "{title}" does not contain the filed name "{siteName}".' },
        fix: {
          'zh-CN': '在站点配置中把标题改为包含完整的“{siteName}”（如“{siteName} - 副标题”），或者核对配置中的 siteName 是否与备案一致。',
          en: 'Change the site title so it contains "{siteName}" in full (e.g. "{siteName} - tagline"), or check that siteName in the config matches the filing.',
        },
      },
    },
  },
  check(page, context) {
    const siteName = context.site.siteName;
    if (!page.title) {
      const span = page.head && page.head.startIndex != null ? startTagSpan(page.head, page.source) : { start: 0, end: 0 };
      return [{ messageId: 'missing', span, anchor: 'head', data: { siteName } }];
    }
    const title = page.title.text;
    if (!title) return [{ messageId: 'empty', span: page.title.span, anchor: 'title', data: { siteName } }];
    if (foldCase(title).includes(foldCase(normalize(siteName)))) return [];
    return [{ messageId: 'mismatch', span: page.title.span, anchor: 'title', evidence: title.slice(0, 200), data: { title: title.slice(0, 200), siteName } }];
  },
});

// Latin letters compare case-insensitively: a filed "Web技术文档" and a title "WEB技术文档" name the same site.
function foldCase(s: string): string {
  return s.toLowerCase();
}
