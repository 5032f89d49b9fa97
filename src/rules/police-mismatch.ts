import { defineRule } from './rule.js';
import { digitsOf } from './shared/targets.js';
import type { Draft } from '../model/index.js';

export default defineRule({
  meta: {
    id: 'police-mismatch',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '页面展示的公安备案号必须与配置的号码一致。',
        en: 'The public-security number a page shows must be the configured one.',
      },
      why: {
        'zh-CN': '展示别的网站或模板自带的公安备案号，与没有展示一样无法通过核查，还可能被认为冒用。',
        en: 'Showing another site\'s or a theme\'s sample number fails the check just like showing none, and may look like misuse.',
      },
    },
    messages: {
      different: {
        message: { 'zh-CN': '页面显示的公安备案号 {shown} 与配置的 {expected} 不一致。', en: 'The page shows {shown}, not the configured {expected}.' },
        fix: { 'zh-CN': '把 footer 中的公安备案号改为 {expected}，链接中的 code 也一并修改。', en: 'Change the number in the footer to {expected}, and the code in its link too.' },
      },
    },
  },
  check(_page, context) {
    const expected = context.site.police;
    const shown = context.footer().police;
    if (!expected || shown.length === 0) return [];
    if (shown.some((s) => digitsOf(s) === expected.digits)) return [];
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const s of shown) {
      if (seen.has(s.match.text)) continue;
      seen.add(s.match.text);
      drafts.push({ messageId: 'different', span: s.span, evidence: s.match.text, data: { shown: s.match.text, expected: expected.canonical } });
    }
    return drafts;
  },
});
