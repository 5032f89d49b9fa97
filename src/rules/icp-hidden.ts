import type { CssLimitHit, HiddenAt } from '../page/hidden.js';
import { defineRule } from './rule.js';
import { icpTargets } from './shared/targets.js';
import { RENDERED_HIDDEN_MESSAGES, renderedHiddenDrafts } from './shared/rendered.js';
import type { Draft } from '../model/index.js';

/** The attribute or CSS that hides the number, as the user would search for it in their code. */
function describeHidden(h: HiddenAt): string {
  const el = `<${h.element.name}>`;
  if (h.reason.by === 'attribute') return `${el} hidden`;
  if (h.reason.by === 'inline-style') return `${el} style="${h.reason.declaration}"`;
  const rule = `${h.reason.selector} { ${h.reason.declaration} }`;
  return `${h.reason.sheet}: ${h.reason.media ? `@media ${h.reason.media} { ${rule} }` : rule}`;
}

const LIMIT_MESSAGE: Record<CssLimitHit['kind'], string> = {
  rules: 'css-too-many-rules',
  sheets: 'css-too-many-sheets',
  work: 'css-too-much-work',
};

const LIMIT_FIX = {
  'zh-CN': '精简页面引用的样式表（去掉重复和未使用的规则），避免在大页面上使用 :has() 等代价高的选择器；在浏览器中确认备案号可见。',
  en: 'Trim the stylesheets the page uses (drop duplicate and unused rules) and avoid costly selectors such as :has() on large pages; check in a browser that the number shows.',
} as const;

/** Seed reason 10: a number nobody can see counts as not added. */
export default defineRule({
  meta: {
    id: 'icp-hidden',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '备案号不能被隐藏（hidden 属性、display:none、visibility:hidden、opacity:0、font-size:0、移出屏幕等），电脑和手机宽度都要可见。',
        en: 'The ICP number must not be hidden (hidden attribute, display:none, visibility:hidden, opacity:0, font-size:0, moved off screen and the like), at desktop and at mobile width.',
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
      'hidden-desktop': {
        message: {
          'zh-CN': '备案号 {number} 在电脑宽度（1366px）下被隐藏：{how}。',
          en: 'The number {number} is hidden at desktop width (1366px) by {how}.',
        },
        fix: {
          'zh-CN': '修改这条样式，让备案号在电脑宽度下也可见；核查人员通常用电脑浏览器查看首页。',
          en: 'Change that rule so the number also shows at desktop width; reviewers usually open the homepage in a desktop browser.',
        },
      },
      'hidden-mobile': {
        message: {
          'zh-CN': '备案号 {number} 在手机宽度（375px）下被隐藏：{how}。',
          en: 'The number {number} is hidden at mobile width (375px) by {how}.',
        },
        fix: {
          'zh-CN': '修改这条媒体查询中的样式，让备案号在手机上也可见；移动端访问首页同样应看到备案号。',
          en: 'Change that media-query rule so the number also shows on phones; the homepage on mobile should show it too.',
        },
      },
      'css-too-many-rules': {
        message: {
          'zh-CN': '样式表（{where} 起）中影响显示的规则超过 {limit} 条，只读取了前 {limit} 条；备案号 {number} 是否被隐藏只按这些规则判断。',
          en: 'The stylesheets (from {where}) hold more than {limit} rules that affect visibility; only the first {limit} were read to judge whether {number} is hidden.',
        },
        fix: LIMIT_FIX,
      },
      'css-too-many-sheets': {
        message: {
          'zh-CN': '页面引用了超过 {limit} 个样式表，之后的没有读取；备案号 {number} 是否被隐藏只按前 {limit} 个判断。',
          en: 'The page uses more than {limit} stylesheets; the rest were not read to judge whether {number} is hidden.',
        },
        fix: LIMIT_FIX,
      },
      'css-too-much-work': {
        message: {
          'zh-CN': '页面 CSS 的选择器匹配超过了 {limit} 步（:has()、:nth-child() 和后代选择器在大页面上代价很高），之后的样式规则没有参与判断；备案号 {number} 是否被隐藏只按已匹配的规则判断。',
          en: 'Matching the page’s CSS selectors took more than {limit} steps (:has(), :nth-child() and descendant selectors are costly on large pages); later rules were not consulted to judge whether {number} is hidden.',
        },
        fix: LIMIT_FIX,
      },
    },
  },
  check(_page, context) {
    const targets = icpTargets(context);
    if (context.rendered) return renderedHiddenDrafts(targets, context.rendered);
    if (targets.length === 0) return [];
    const first = targets[0]!;
    const drafts: Draft[] = [];
    const base = { span: first.span, evidence: first.match.text };
    // Hidden at a width only when no copy of the number shows at that width.
    const desktop = targets.every((t) => t.hidden?.viewports.includes('desktop'));
    const mobile = targets.every((t) => t.hidden?.viewports.includes('mobile'));
    if (desktop || mobile) {
      const shown = targets.find((t) => t.hidden?.viewports.includes(desktop ? 'desktop' : 'mobile'))!;
      const messageId = desktop && mobile ? 'hidden' : desktop ? 'hidden-desktop' : 'hidden-mobile';
      drafts.push({
        ...base,
        messageId,
        data: { number: first.match.text, how: describeHidden(shown.hidden!) },
        // A theme that hides the footer on phones only fails fewer reviews than one that hides it everywhere.
        ...(messageId === 'hidden-mobile' ? { severity: 'warning' as const } : {}),
      });
    }
    for (const hit of context.footer().cssLimits) {
      drafts.push({
        ...base,
        messageId: LIMIT_MESSAGE[hit.kind],
        severity: 'warning',
        data: { number: first.match.text, limit: hit.limit.toLocaleString('en-US'), where: hit.where ?? '<style>' },
      });
    }
    return drafts;
  },
});
