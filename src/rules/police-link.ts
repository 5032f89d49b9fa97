import { classifyPoliceHref, policeUrl } from '../domain/links.js';
import { attrValueSpan } from '../page/spans.js';
import { defineRule } from './rule.js';
import { digitsOf, onePerAnchor, policeTargets } from './shared/targets.js';
import type { Draft } from '../model/index.js';

const FIX = {
  'zh-CN': '链接改为 {url}（code 与号码中的 14 位数字相同）。',
  en: 'Link it to {url} (the code is the 14 digits of the number).',
} as const;

export default defineRule({
  meta: {
    id: 'police-link',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '公安备案号必须链接到全国互联网安全管理服务平台的查询页，code 与号码一致。',
        en: 'The public-security number must link to the national platform\'s query page with the same digits as its code.',
      },
      why: {
        'zh-CN': '平台提供的标准代码就是 https://beian.mps.gov.cn/#/query/webSearch?code=号码；旧地址 www.beian.gov.cn 自 2025 年起已无法访问。',
        en: 'The platform\'s own snippet links to https://beian.mps.gov.cn/#/query/webSearch?code=<digits>; the old www.beian.gov.cn address stopped answering in 2025.',
      },
    },
    messages: {
      'not-linked': {
        message: { 'zh-CN': '公安备案号 {number} 没有链接。', en: 'The number {number} is not a link.' },
        fix: FIX,
      },
      legacy: {
        message: { 'zh-CN': '公安备案号链接使用旧地址 {href}，该地址已停止服务。', en: 'The number links to the old address {href}, which is no longer served.' },
        fix: FIX,
      },
      'code-mismatch': {
        message: { 'zh-CN': '公安备案号链接中的 code 与号码 {number} 不一致：{href}。', en: 'The code in the link does not match the number {number}: {href}.' },
        fix: FIX,
      },
      other: {
        message: { 'zh-CN': '公安备案号链接到 {href}，不是公安备案查询页。', en: 'The number links to {href}, not to the public-security query page.' },
        fix: FIX,
      },
    },
  },
  check(page, context) {
    const drafts: Draft[] = [];
    for (const target of onePerAnchor(policeTargets(context))) {
      const digits = digitsOf(target);
      const number = target.match.text;
      const data = { number, url: policeUrl(digits) };
      if (!target.anchor || target.href === null) {
        drafts.push({ messageId: 'not-linked', span: target.span, evidence: number, data });
        continue;
      }
      const verdict = classifyPoliceHref(target.href, digits);
      if (verdict.ok) continue;
      const href = target.href.slice(0, 200);
      drafts.push({
        messageId: verdict.problem === 'missing' ? 'not-linked' : verdict.problem,
        span: attrValueSpan(target.anchor, 'href', page.source),
        evidence: href,
        data: { ...data, href },
        // The legacy host is a warning by project decision (DOMAIN.md): it used to be the official link.
        ...(verdict.problem === 'legacy' ? { severity: 'warning' as const } : {}),
      });
    }
    return drafts;
  },
});
