import { defineRule } from './rule.js';

/** Raised by `beian-guard live`: the address a host resolves to is not the filed server. */
export default defineRule({
  meta: {
    id: 'ip-mismatch',
    defaultSeverity: 'error',
    seedReasons: [8],
    kind: 'live',
    docs: {
      summary: {
        'zh-CN': '每个主机的 A/AAAA 记录必须在备案的 IP（ips）之内，或其 CNAME 链到达配置的 CDN 后缀（live.cnames）。',
        en: 'Every A/AAAA record of each host lies within the filed addresses (ips), or the host\'s CNAME chain reaches a configured CDN suffix (live.cnames).',
      },
      why: {
        'zh-CN': '接入商核查域名解析到的 IP 是否属于备案时接入的服务器；解析到别处属于核查不通过原因 8。',
        en: 'The hosting provider checks that the domain resolves to the server the filing was made for; any other address is failure reason 8.',
      },
    },
    messages: {
      'not-filed': {
        message: {
          'zh-CN': '{host} 解析到 {addresses}，不在备案的 IP（{ips}）之内{via}。检查地点：{from}；不同地区的 DNS 应答可能不同。',
          en: '{host} resolves to {addresses}, outside the filed addresses ({ips}){via}. Checked from {from}; DNS answers differ by region.',
        },
        fix: {
          'zh-CN': '把域名解析指回备案的服务器；如果换了服务器或接入商，先变更备案信息并更新 ips；使用 CDN 时把 CDN 的 CNAME 后缀写入 live.cnames。',
          en: 'Point the domain back at the filed server; if the server or provider changed, update the filing first and then ips; behind a CDN, list its CNAME suffix in live.cnames.',
        },
      },
      'no-address': {
        message: {
          'zh-CN': '{host} 没有解析到任何地址（{detail}）。检查地点：{from}。',
          en: '{host} resolves to no address ({detail}). Checked from {from}.',
        },
        fix: {
          'zh-CN': '在 DNS 服务商处为这个主机添加指向备案服务器的 A 记录（或 CDN 的 CNAME）；.cn 域名到期当天即停止解析，也请检查域名是否到期。',
          en: 'Add an A record pointing at the filed server (or the CDN\'s CNAME) for this host at your DNS provider; a .cn domain stops resolving on the day it expires, so check its expiry too.',
        },
      },
      'cname-loop': {
        message: { 'zh-CN': '{host} 的 CNAME 链形成了循环：{chain}。', en: 'The CNAME chain of {host} loops: {chain}.' },
        fix: { 'zh-CN': '修正 DNS 中互相指向的 CNAME 记录。', en: 'Fix the CNAME records that point at each other.' },
      },
    },
  },
});
