import type { HiddenAt } from '../page/hidden.js';
import { defineRule } from './rule.js';
import { icpTargets } from './shared/targets.js';
import { RENDERED_HIDDEN_MESSAGES, renderedHiddenDrafts } from './shared/rendered.js';

/** The attribute or CSS that hides the number, as the user would search for it in their code. */
function describeHidden(h: HiddenAt): string {
  const el = `<${h.element.name}>`;
  if (h.reason.by === 'attribute') return `${el} hidden`;
  if (h.reason.by === 'inline-style') return `${el} style="${h.reason.declaration}"`;
  return `${h.reason.selector} { ${h.reason.declaration} }`;
}

/** Seed reason 10: a number nobody can see counts as not added. */
export default defineRule({
  meta: {
    id: 'icp-hidden',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '备案号不能被隐藏（hidden 属性、display:none、visibility:hidden、opacity:0、font-size:0 等）。',
        en: 'The ICP number must not be hidden (hidden attribute, display:none, visibility:hidden, opacity:0, font-size:0 and the like).',
      },
      why: {
        'zh-CN': '核查人员用浏览器查看页面；被隐藏的备案号等同于“未添加”（原因 10）。',
        en: 'Reviewers look at the rendered page; a hidden number counts as not added (reason 10).',
      },
    },
    messages: {
      hidden: {
        message: {
          'zh-CN': '备案号 {number} 被隐藏了：{how}。',
          en: 'The number {number} is hidden by {how}.',
        },
        fix: {
          'zh-CN': '去掉隐藏它的属性或样式，让备案号在页面上可见（包括移动端）。',
          en: 'Remove the attribute or style that hides it so the number is visible, on mobile too.',
        },
      },
      ...RENDERED_HIDDEN_MESSAGES,
    },
  },
  check(_page, context) {
    const targets = icpTargets(context);
    if (context.rendered) return renderedHiddenDrafts(targets, context.rendered);
    if (targets.length === 0 || targets.some((t) => !t.hidden)) return [];
    const first = targets[0]!;
    const how = describeHidden(first.hidden!);
    return [{ messageId: 'hidden', span: first.span, evidence: first.match.text, data: { number: first.match.text, how } }];
  },
});
