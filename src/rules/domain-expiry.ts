import { defineRule } from './rule.js';

/** Raised by `beian-guard live`: the filed domain has expired or soon will. */
export default defineRule({
  meta: {
    id: 'domain-expiry',
    defaultSeverity: 'error',
    seedReasons: [6],
    kind: 'live',
    docs: {
      summary: {
        'zh-CN': '备案域名（domains）不能过期：已过期为错误，expiryWarnDays 天内到期为警告。到期日来自 RDAP，没有 RDAP 的顶级域（如 .cn、.中国）查 WHOIS。',
        en: 'Filed domains (domains) must not expire: expired is an error, expiring within expiryWarnDays a warning. The date comes from RDAP, or WHOIS for TLDs without RDAP (.cn, .中国).',
      },
      why: {
        'zh-CN': '域名过期属于核查不通过原因 6；.cn 域名到期当天即停止解析，网站随之无法访问。',
        en: 'An expired domain is failure reason 6; a .cn domain stops resolving on the day it expires, and the site goes with it.',
      },
    },
    messages: {
      expired: {
        message: { 'zh-CN': '域名 {domain} 已于 {date} 到期（来源：{source}）。', en: 'The domain {domain} expired on {date} (source: {source}).' },
        fix: {
          'zh-CN': '立即在注册商处续费；过了赎回期域名可能被他人注册，备案也随之失效。',
          en: 'Renew it at the registrar now; after the redemption period anyone may register it, and the filing goes with it.',
        },
      },
      expiring: {
        message: {
          'zh-CN': '域名 {domain} 将在 {days} 天后（{date}）到期（来源：{source}）。',
          en: 'The domain {domain} expires in {days} days, on {date} (source: {source}).',
        },
        fix: { 'zh-CN': '在注册商处续费，或开启自动续费。', en: 'Renew it at the registrar, or turn on automatic renewal.' },
      },
      'not-registered': {
        message: {
          'zh-CN': '{source} 查不到域名 {domain} 的注册记录（{detail}）。',
          en: '{source} has no registration for the domain {domain} ({detail}).',
        },
        fix: {
          'zh-CN': '确认 domains 中的域名拼写正确且是注册的域名本身（如 example.cn，而不是 www.example.cn）；如果域名确实已被删除，尽快重新注册。',
          en: 'Check that the names in domains are spelt right and are registered domains themselves (example.cn, not www.example.cn); if the domain really was deleted, register it again quickly.',
        },
      },
    },
  },
});
