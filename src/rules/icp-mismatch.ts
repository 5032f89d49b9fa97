import { compareIcp, entityNumberAccepted, type IcpComparison } from '../domain/icp.js';
import { defineRule } from './rule.js';
import type { Draft } from '../model/index.js';

const BY_COMPARISON: Record<Exclude<IcpComparison, 'same' | 'entity-only' | 'site-of-entity'>, string> = {
  'different-site': 'different-site',
  'app-suffix': 'app-suffix',
  placeholder: 'placeholder',
  different: 'different',
};

// A found number that fails the grammar: placeholders and app suffixes are reported under their own ids.
const MALFORMED: Partial<Record<string, string>> = {
  digits: 'malformed-digits',
  'suffix-order': 'suffix-order',
  placeholder: 'placeholder',
  'app-suffix': 'app-suffix',
  'not-icp': 'lookalike',
};

/** Seed reason 10: 网站首页底部备案号添加错误. */
export default defineRule({
  meta: {
    id: 'icp-mismatch',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '页面展示的 ICP 备案号必须是本网站备案的号码。',
        en: 'The ICP number a page shows must be the one filed for this site.',
      },
      why: {
        'zh-CN': '“网站首页底部备案号添加错误”是核查不通过原因 10：号码不同、网站序号 -N 不对、使用了 App/小程序后缀或占位号码都算错误。',
        en: 'A wrong number at the bottom of the homepage fails the check (reason 10): other digits, another -N site suffix, an App or mini-program suffix, or placeholder digits.',
      },
    },
    messages: {
      different: {
        message: { 'zh-CN': '页面显示的备案号 {shown} 不是本站的备案号 {expected}。', en: 'The page shows {shown}, which is not this site\'s number {expected}.' },
        fix: { 'zh-CN': '把 footer 中的备案号改为 {expected}。', en: 'Change the number in the footer to {expected}.' },
      },
      'different-site': {
        message: { 'zh-CN': '备案号 {shown} 的网站序号与本站 {expected} 不同：同一主体下的另一个网站。', en: '{shown} has another site suffix than this site\'s {expected}: it belongs to another website of the same entity.' },
        fix: { 'zh-CN': '使用本网站自己的网站备案号 {expected}（注意“号”后面的 -N）。', en: 'Use this website\'s own number {expected} (mind the -N after 号).' },
      },
      'app-suffix': {
        message: { 'zh-CN': '{shown} 带有 App/小程序/快应用后缀（A/X/K），不是网站备案号。', en: '{shown} carries an App, mini-program or quick-app suffix (A/X/K); it is not a website number.' },
        fix: { 'zh-CN': '网站底部应展示网站备案号 {expected}，App 的备案号只用于 App 内。', en: 'Show the website number {expected}; the App number belongs inside the App.' },
      },
      placeholder: {
        message: { 'zh-CN': '{shown} 是占位号码（如全 0 或 12345678），不是真实备案号。', en: '{shown} is a placeholder (all zeros, 12345678 and the like), not a real filing number.' },
        fix: { 'zh-CN': '把主题或模板里的示例号码替换成 {expected}。', en: 'Replace the sample number from the theme or template with {expected}.' },
      },
      'entity-only': {
        message: { 'zh-CN': '页面只显示主体备案号 {shown}，缺少网站序号（应为 {expected}）。', en: 'The page shows only the entity number {shown} without the site suffix (expected {expected}).' },
        fix: { 'zh-CN': '除广东外，多数接入商要求展示带 -N 的网站备案号：改为 {expected}。', en: 'Outside Guangdong most providers ask for the site number with its -N: change it to {expected}.' },
      },
      lookalike: {
        message: { 'zh-CN': '{shown} 不是工信部的 ICP 备案号（如“萌ICP备”等非官方编号）。', en: '{shown} is not an MIIT ICP number (an unofficial look-alike such as 萌ICP备).' },
        fix: { 'zh-CN': '非官方编号可以保留，但 footer 中必须另外展示工信部备案号 {expected}。', en: 'An unofficial badge may stay, but the footer must also show the MIIT number {expected}.' },
      },
      'malformed-digits': {
        message: { 'zh-CN': '{shown} 的数字位数不对：备案号为 7、8 或 10 位数字。', en: '{shown} has the wrong number of digits: filing numbers have 7, 8 or 10.' },
        fix: { 'zh-CN': '从备案系统复制完整号码：{expected}。', en: 'Copy the full number from the filing system: {expected}.' },
      },
      'suffix-order': {
        message: { 'zh-CN': '{shown} 把网站序号写在了“号”之前；正确写法是“号-N”。', en: '{shown} puts the site suffix before 号; the right order is 号-N.' },
        fix: { 'zh-CN': '改为 {expected}。', en: 'Write it as {expected}.' },
      },
      malformed: {
        message: { 'zh-CN': '{shown} 看起来像备案号，但格式不正确。', en: '{shown} looks like an ICP number but is malformed.' },
        fix: { 'zh-CN': '按备案系统中的写法完整填写：{expected}。', en: 'Write it exactly as the filing system shows it: {expected}.' },
      },
      'entity-configured': {
        message: {
          'zh-CN': '配置的 {expected} 是主体备案号（没有 -N），页面上的 {shown} 是这个主体下的网站备案号，按通过处理。',
          en: 'The configured {expected} is an entity number (no -N); {shown} on the page is a site number of that entity, so it passes.',
        },
        fix: {
          'zh-CN': '在配置中填写本网站完整的网站备案号（如 {shown}），这样页面上写错了 -N 也能发现。',
          en: 'Configure this website’s full number (such as {shown}) so that a wrong -N on a page is caught too.',
        },
      },
      'entity-configured-bare': {
        message: {
          'zh-CN': '配置和页面上都是主体备案号 {shown}（没有 -N）。除广东外，接入商一般要求首页底部展示带 -N 的网站备案号。',
          en: 'Both the config and the page give the entity number {shown} (no -N). Outside Guangdong, providers usually ask for the site number with its -N at the bottom of the homepage.',
        },
        fix: {
          'zh-CN': '在备案系统中查到本网站的网站备案号（主体号后加 -N），填进配置并展示在页脚。',
          en: 'Look up this website’s own number (the entity number followed by -N) in the filing system, configure it and show it in the footer.',
        },
      },
    },
  },
  check(page, context) {
    // A hidden copy of the right number does not excuse a visible wrong one (icp-hidden reports the copy).
    const all = context.footer().icp;
    const visible = all.filter((s) => !s.hidden);
    const shown = visible.length > 0 ? visible : all;
    const expected = context.site.icp;
    const data = (text: string) => ({ shown: text, expected: expected.canonical });
    // A configured entity number (主体号) is accepted; the advice to configure the full number is
    // given once per site, on its root index.html, however many pages are checked.
    const advise = (s: (typeof shown)[number], messageId: string): Draft[] =>
      page.rel === 'index.html' ? [{ messageId, severity: 'notice', span: s.span, evidence: s.match.text, data: data(s.match.text) }] : [];
    let entityOnly: (typeof shown)[number] | undefined;
    for (const s of shown) {
      if (!s.match.parsed.ok) continue;
      const c = compareIcp(expected, s.match.parsed.value);
      if (c === 'site-of-entity') return advise(s, 'entity-configured');
      if (c === 'same') {
        const bareFiling = expected.kind === 'filing' && expected.site === undefined && !entityNumberAccepted(expected);
        return bareFiling ? advise(s, 'entity-configured-bare') : [];
      }
      if (c === 'entity-only') {
        if (entityNumberAccepted(expected)) return [];
        entityOnly ??= s;
      }
    }
    if (entityOnly) {
      return [{ messageId: 'entity-only', severity: 'warning', span: entityOnly.span, evidence: entityOnly.match.text, data: data(entityOnly.match.text) }];
    }
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const s of shown) {
      if (seen.has(s.match.text)) continue;
      seen.add(s.match.text);
      const base = { span: s.span, evidence: s.match.text, data: data(s.match.text) };
      if (s.match.lookalike) drafts.push({ ...base, messageId: 'lookalike' });
      else if (!s.match.parsed.ok) drafts.push({ ...base, messageId: MALFORMED[s.match.parsed.reason] ?? 'malformed' });
      else {
        const c = compareIcp(expected, s.match.parsed.value);
        if (c !== 'same' && c !== 'entity-only' && c !== 'site-of-entity') drafts.push({ ...base, messageId: BY_COMPARISON[c] });
      }
    }
    return drafts;
  },
});
