import { defineRule } from './rule.js';
import { icpTargets } from './shared/targets.js';
import { RENDERED_PLACEMENT_MESSAGES, renderedPlacementDrafts } from './shared/rendered.js';

/** Seed reason 10: the number belongs at the bottom centre of the homepage (MIIT order 33, art. 13). */
export default defineRule({
  meta: {
    id: 'icp-placement',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '备案号必须位于页面底部的 footer 区域。',
        en: 'The ICP number must sit in the footer region at the bottom of the page.',
      },
      why: {
        'zh-CN': '《非经营性互联网信息服务备案管理办法》第十三条要求在网站首页底部中央标明备案编号；核查人员只看页面底部（原因 10）。',
        en: 'MIIT order 33, article 13 asks for the number at the bottom centre of the homepage; reviewers look at the bottom of the page (reason 10).',
      },
    },
    messages: {
      'not-in-footer': {
        message: {
          'zh-CN': '备案号 {number} 不在页面底部的 footer 区域（如 <footer>、role="contentinfo" 或页面最后一块内容）。',
          en: 'The number {number} is not in the footer region (a <footer>, role="contentinfo", or the last block of the page).',
        },
        fix: {
          'zh-CN': '把备案号移到页面最底部的 <footer> 中。',
          en: 'Move the number into the <footer> at the very bottom of the page.',
        },
      },
      ...RENDERED_PLACEMENT_MESSAGES,
    },
  },
  check(_page, context) {
    const targets = icpTargets(context);
    if (context.rendered) return renderedPlacementDrafts(targets, context.rendered);
    if (targets.length === 0 || targets.some((t) => t.inFooter)) return [];
    const first = targets[0]!;
    return [{ messageId: 'not-in-footer', span: first.span, evidence: first.match.text, data: { number: first.match.text } }];
  },
});
