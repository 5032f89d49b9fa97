import type { ShownIcp } from '../../page/footer-facts.js';
import type { Draft, RenderedFacts, RenderedHiding, RenderedNumberFacts, RuleMessage, ViewportInfo } from '../../model/index.js';

/**
 * Render mode's judgement of hidden and misplaced numbers (issue 14): a browser measured each
 * number at each viewport, so the answer is per viewport and from what was drawn, not from a
 * reading of the CSS. Pure: facts in, drafts out.
 */

/** `1366×768`: how messages name a viewport, the same in every language. */
export function viewportLabel(v: ViewportInfo): string {
  return `${v.width}×${v.height}`;
}

function factsAt(target: ShownIcp, viewport: ViewportInfo): RenderedNumberFacts | undefined {
  return target.rendered?.find((f) => f.viewport.name === viewport.name);
}

function hidingData(h: RenderedHiding): Record<string, string | number> {
  switch (h.by) {
    case 'absent':
      return {};
    case 'style':
      return { element: h.element, declaration: h.declaration };
    case 'zero-size':
      return { element: h.element };
    case 'offscreen':
      return { element: h.element, x: Math.round(h.x), y: Math.round(h.y) };
    case 'clipped':
      return { element: h.element, declaration: h.declaration };
    case 'contrast':
      return { element: h.element, color: h.color, background: h.background, ratio: h.ratio.toFixed(2) };
    case 'covered':
      return { element: h.element };
  }
}

/** One draft per viewport at which no copy of the number can be seen. */
export function renderedHiddenDrafts(targets: readonly ShownIcp[], rendered: RenderedFacts): Draft[] {
  const first = targets[0];
  if (!first) return [];
  const drafts: Draft[] = [];
  for (const viewport of rendered.viewports) {
    const facts = targets.map((t) => factsAt(t, viewport));
    if (facts.some((f) => f !== undefined && f.hiddenBy === null)) continue;
    const shown = facts.findIndex((f) => f !== undefined);
    const target = shown === -1 ? first : targets[shown]!;
    const hiding: RenderedHiding = (shown === -1 ? null : facts[shown]!.hiddenBy) ?? { by: 'absent' };
    drafts.push({
      messageId: `rendered-${hiding.by}`,
      span: target.span,
      evidence: target.match.text,
      data: { number: target.match.text, viewport: viewportLabel(viewport), ...hidingData(hiding) },
    });
  }
  return drafts;
}

/**
 * Where a reviewer looks for the number: the last screenful of the page, in its lower half (a
 * short page fits in one screen, and a number drawn at its top is still not at the bottom).
 */
export function atBottom(f: RenderedNumberFacts): boolean {
  if (!f.box || f.fromBottom === null) return false;
  const middle = f.box.y + f.box.height / 2;
  return f.fromBottom <= f.screenHeight && middle >= f.contentBottom / 2;
}

/** One draft per viewport at which every visible copy of the number lies above the bottom of the page. */
export function renderedPlacementDrafts(targets: readonly ShownIcp[], rendered: RenderedFacts): Draft[] {
  const drafts: Draft[] = [];
  for (const viewport of rendered.viewports) {
    const visible = targets
      .map((t) => ({ t, f: factsAt(t, viewport) }))
      .filter((x): x is { t: ShownIcp; f: RenderedNumberFacts } => x.f !== undefined && x.f.hiddenBy === null && x.f.box !== null);
    // No visible copy: icp-hidden reports this viewport.
    if (visible.length === 0 || visible.some((x) => atBottom(x.f))) continue;
    const { t, f } = visible[0]!;
    drafts.push({
      messageId: 'rendered-not-at-bottom',
      span: t.span,
      evidence: t.match.text,
      data: { number: t.match.text, viewport: viewportLabel(viewport), y: Math.round(f.box!.y), height: Math.round(f.contentBottom) },
    });
  }
  return drafts;
}

const AT = { 'zh-CN': '在 {viewport} 视口渲染后，', en: 'Rendered at {viewport}, ' } as const;

/** icp-hidden's messages for render mode, one per reason the browser can give. */
export const RENDERED_HIDDEN_MESSAGES: Record<string, RuleMessage> = {
  'rendered-absent': {
    message: {
      'zh-CN': `${AT['zh-CN']}页面上没有备案号 {number}：脚本在这个宽度下没有显示它。`,
      en: `${AT.en}the page does not show {number} at all: the script does not render it at this width.`,
    },
    fix: {
      'zh-CN': '让页脚在各种屏幕宽度下都渲染备案号，不要按宽度或设备删掉它。',
      en: 'Render the number in the footer at every screen width; do not drop it by width or device.',
    },
  },
  'rendered-style': {
    message: {
      'zh-CN': `${AT['zh-CN']}备案号 {number} 看不到：{element} 的计算样式是 {declaration}。`,
      en: `${AT.en}{number} cannot be seen: {element} computes to {declaration}.`,
    },
    fix: {
      'zh-CN': '找到让 {element} 得到 {declaration} 的 CSS 规则（包括只在这个宽度生效的媒体查询）或脚本，去掉它。',
      en: 'Find the CSS rule (including media queries for this width) or the script that gives {element} {declaration}, and remove it.',
    },
  },
  'rendered-zero-size': {
    message: {
      'zh-CN': `${AT['zh-CN']}备案号 {number} 所在的 {element} 没有尺寸，看不到。`,
      en: `${AT.en}{element}, which holds {number}, has no size and cannot be seen.`,
    },
    fix: {
      'zh-CN': '检查 {element} 及其父元素的 width、height、line-height 和 overflow，让备案号占据正常的位置。',
      en: 'Check width, height, line-height and overflow of {element} and its parents so the number takes up normal space.',
    },
  },
  'rendered-offscreen': {
    message: {
      'zh-CN': `${AT['zh-CN']}备案号 {number} 被移到了页面之外（{element}，x={x}，y={y}）。`,
      en: `${AT.en}{number} is moved off the page ({element}, x={x}, y={y}).`,
    },
    fix: {
      'zh-CN': '去掉把它移出页面的定位、负的 text-indent 或 transform。',
      en: 'Remove the positioning, negative text-indent or transform that moves it off the page.',
    },
  },
  'rendered-clipped': {
    message: {
      'zh-CN': `${AT['zh-CN']}备案号 {number} 被 {element} 裁掉了（{declaration}）。`,
      en: `${AT.en}{number} is clipped away by {element} ({declaration}).`,
    },
    fix: {
      'zh-CN': '去掉裁剪（overflow、clip、clip-path），或给容器足够的尺寸，让整个备案号露出来。',
      en: 'Remove the clipping (overflow, clip, clip-path) or give the container room, so the whole number shows.',
    },
  },
  'rendered-contrast': {
    message: {
      'zh-CN': `${AT['zh-CN']}备案号 {number} 的文字颜色 {color} 和背景 {background} 几乎一样（对比度 {ratio}:1），看不清。`,
      en: `${AT.en}{number} is drawn in {color} on {background} (contrast {ratio}:1) and cannot be read.`,
    },
    fix: {
      'zh-CN': '给 {element} 换一个和背景反差明显的文字颜色（对比度至少 3:1，最好 4.5:1）。',
      en: 'Give {element} a text colour that stands out from the background (contrast at least 3:1, better 4.5:1).',
    },
  },
  'rendered-covered': {
    message: {
      'zh-CN': `${AT['zh-CN']}备案号 {number} 被 {element} 挡住了。`,
      en: `${AT.en}{number} is covered by {element}.`,
    },
    fix: {
      'zh-CN': '不要让固定在底部的横幅（Cookie 提示、悬浮栏）盖住页脚：给页面底部留出与横幅等高的空白，或让横幅出现在别处。',
      en: 'Keep fixed banners (cookie notices, sticky bars) off the footer: leave space at the bottom of the page as tall as the banner, or place it elsewhere.',
    },
  },
};

export const RENDERED_PLACEMENT_MESSAGES: Record<string, RuleMessage> = {
  'rendered-not-at-bottom': {
    message: {
      'zh-CN': `${AT['zh-CN']}备案号 {number} 在页面 {y}px 处，不在页面底部（页面内容高 {height}px）。`,
      en: `${AT.en}{number} sits at {y}px, not at the bottom of the page (the content is {height}px tall).`,
    },
    fix: {
      'zh-CN': '把备案号放进页面最下方的页脚里，让它出现在页面的最后一屏。',
      en: 'Put the number in the footer at the very end of the page, so it shows on the last screen.',
    },
  },
};
