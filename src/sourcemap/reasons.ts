import { localize, type Lang, type Localized, type MessageData } from '../i18n/lang.js';

/** Why a source location was chosen; JSON and the action print the sentence in the user's language. */
export const REASONS = {
  'href-exact': {
    'zh-CN': '此处写有链接 {href}',
    en: 'the link {href} is written here',
  },
  'href-config': {
    'zh-CN': '配置项 {key} 设定了链接 {href}',
    en: 'the config value {key} sets the link {href}',
  },
  'href-stem': {
    'zh-CN': '此处用 {stem} 拼出链接 {href}',
    en: 'the link {href} is put together here from {stem}',
  },
  'href-generic': {
    'zh-CN': '备案号旁的链接在此写成“{href}”',
    en: 'the link next to the filing number is written here as "{href}"',
  },
  'number-exact': {
    'zh-CN': '此处写有号码 {number}',
    en: 'the number {number} is written here',
  },
  'number-config': {
    'zh-CN': '配置项 {key} 设定了号码 {number}',
    en: 'the config value {key} sets the number {number}',
  },
  'number-serial': {
    'zh-CN': '此处写有 {number} 的数字部分 {digits}',
    en: 'the digits {digits} of {number} are written here',
  },
  'title-config': {
    'zh-CN': '配置项 {key} 设定了标题中的“{value}”',
    en: 'the config value {key} sets "{value}" of the title',
  },
  'title-exact': {
    'zh-CN': '此处写有标题文字“{value}”',
    en: 'the title text "{value}" is written here',
  },
  'title-element': {
    'zh-CN': '此模板输出 <title>',
    en: 'this template writes the <title>',
  },
  'footer-markup': {
    'zh-CN': '此文件含有页面页脚中的文字（{count} 处相同），备案号应加在这里',
    en: 'this file holds text of the page\'s footer ({count} matching); the number belongs here',
  },
  'footer-named': {
    'zh-CN': '名称像页脚的模板（页面页脚的文字在源文件中找不到）',
    en: 'a template named like a footer (the footer\'s texts were not found in the sources)',
  },
  'layout-body': {
    'zh-CN': '页面没有页脚；此布局输出 </body>，可在此加入页脚',
    en: 'the page has no footer; this layout writes </body>, where one can be added',
  },
  'spa-component': {
    'zh-CN': '页面由脚本渲染；此组件名称像页脚，备案号应直接写进静态 HTML',
    en: 'the page is rendered by script; this component is named like a footer, and the number must be in the static HTML',
  },
} as const satisfies Record<string, Localized>;

export type ReasonId = keyof typeof REASONS;

const MAX_QUOTED = 80;

/** The reason sentence; quoted page text is shortened so one line stays one line. */
export function reasonText(id: ReasonId, lang: Lang, data: MessageData): string {
  const short: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    short[k] = typeof v === 'string' ? clip(v) : v;
  }
  return localize(REASONS[id], lang, short);
}

function clip(s: string): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  return flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat;
}
