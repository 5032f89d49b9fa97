import { classifyMiitHref } from '../domain/links.js';
import { attrValueSpan } from '../page/spans.js';
import { defineRule } from './rule.js';
import { icpTargets, onePerAnchor } from './shared/targets.js';
import type { Draft } from '../model/index.js';

const LINK_FIX = {
  'zh-CN': '把备案号放进 <a href="https://beian.miit.gov.cn/" target="_blank">…</a>，href 必须正好是 https://beian.miit.gov.cn/。',
  en: 'Wrap the number in <a href="https://beian.miit.gov.cn/" target="_blank">…</a>; the href must be exactly https://beian.miit.gov.cn/.',
} as const;

/** Seed reason 10: 备案号未链接至工信部备案官网首页 / 链接错误. */
export default defineRule({
  meta: {
    id: 'icp-link',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'footer',
    docs: {
      summary: {
        'zh-CN': '备案号必须链接到 https://beian.miit.gov.cn/（工信部备案管理系统首页）。',
        en: 'The ICP number must link to https://beian.miit.gov.cn/, the MIIT filing system home page.',
      },
      why: {
        'zh-CN': '核查不通过原因 10 包括“备案号未链接至工信部备案官网首页”和“链接错误”；接入商给出的正确地址就是 https://beian.miit.gov.cn/。',
        en: 'Reason 10 covers a number that is not linked to the MIIT filing site home page or is linked wrongly; the provider names https://beian.miit.gov.cn/ as the right address.',
      },
    },
    messages: {
      'not-linked': {
        message: { 'zh-CN': '备案号 {number} 没有链接。', en: 'The number {number} is not a link.' },
        fix: LINK_FIX,
      },
      'no-href': {
        message: { 'zh-CN': '备案号 {number} 所在的 <a> 没有 href。', en: 'The <a> around {number} has no href.' },
        fix: LINK_FIX,
      },
      scripted: {
        message: { 'zh-CN': '备案号 {number} 只通过 onclick 脚本跳转，没有真正的 href。', en: '{number} navigates only through an onclick script, without a real href.' },
        fix: LINK_FIX,
      },
      http: {
        message: { 'zh-CN': '备案号链接使用了 http：{href}。', en: 'The number links over http: {href}.' },
        fix: LINK_FIX,
      },
      www: {
        message: { 'zh-CN': '备案号链接到 {href}，带 www 的地址已无法访问。', en: 'The number links to {href}; the www host no longer answers.' },
        fix: LINK_FIX,
      },
      'legacy-host': {
        message: { 'zh-CN': '备案号链接到已停用的旧地址 {href}。', en: 'The number links to the retired address {href}.' },
        fix: LINK_FIX,
      },
      path: {
        message: { 'zh-CN': '备案号链接 {href} 带有路径、参数或 # 片段，不是备案系统首页。', en: 'The link {href} has a path, query or fragment; it is not the filing system home page.' },
        fix: LINK_FIX,
      },
      lookalike: {
        message: { 'zh-CN': '备案号链接到 {href}，这不是工信部的域名。', en: 'The number links to {href}, which is not the MIIT host.' },
        fix: LINK_FIX,
      },
      javascript: {
        message: { 'zh-CN': '备案号链接是 javascript: 地址 {href}。', en: 'The number links to a javascript: address {href}.' },
        fix: LINK_FIX,
      },
      placeholder: {
        message: { 'zh-CN': '备案号链接是占位地址“{href}”。', en: 'The number links to the placeholder "{href}".' },
        fix: LINK_FIX,
      },
      'other-host': {
        message: { 'zh-CN': '备案号链接到 {href}，应链接到工信部备案管理系统。', en: 'The number links to {href} instead of the MIIT filing system.' },
        fix: LINK_FIX,
      },
    },
  },
  check(page, context) {
    const drafts: Draft[] = [];
    for (const target of onePerAnchor(icpTargets(context))) {
      const number = target.match.text;
      if (!target.anchor) {
        drafts.push({ messageId: 'not-linked', span: target.span, evidence: number, data: { number } });
        continue;
      }
      if (target.href === null) {
        drafts.push({ messageId: target.scripted ? 'scripted' : 'no-href', span: target.span, evidence: number, data: { number } });
        continue;
      }
      const verdict = classifyMiitHref(target.href, context.site.miitLink);
      if (verdict.ok) continue;
      const problem = verdict.problem === 'missing' ? 'placeholder' : verdict.problem;
      drafts.push({
        messageId: problem,
        span: attrValueSpan(target.anchor, 'href', page.source),
        evidence: target.href.slice(0, 200),
        data: { href: target.href.slice(0, 200), number },
        // With the relaxed policy an http link on the right host is only a warning (DOMAIN.md decisions).
        ...(context.site.miitLink === 'host' && problem === 'http' ? { severity: 'warning' as const } : {}),
      });
    }
    return drafts;
  },
});
