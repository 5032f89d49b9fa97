import { defineRule } from './rule.js';

/**
 * Raised by `beian-guard live`: a check that could not run must say so instead of passing
 * quietly. A warning, not an error like file-skipped: a flaky network on a nightly run should
 * not turn the badge red, and the next run repeats the check.
 */
export default defineRule({
  meta: {
    id: 'live-skipped',
    defaultSeverity: 'warning',
    seedReasons: [10],
    kind: 'live',
    docs: {
      summary: {
        'zh-CN': '线上检查中有一项没能完成（顶级域没有 RDAP/WHOIS、被限流、应答无法解读、超时），报告原因。',
        en: 'A live check could not run (no RDAP or WHOIS for the TLD, rate limited, an unreadable answer, a timeout); the reason is reported.',
      },
      why: {
        'zh-CN': '没完成的检查不能算通过：检查工具必须说出它没能看到什么。',
        en: 'A check that did not run has not passed: a gate must say what it could not see.',
      },
    },
    messages: {
      'no-expiry-source': {
        message: {
          'zh-CN': '{domain} 的顶级域 .{tld} 没有 RDAP 服务，也没有已知的 WHOIS 服务器，无法检查到期日。',
          en: 'The TLD .{tld} of {domain} has no RDAP service and no known WHOIS server; its expiry was not checked.',
        },
        fix: {
          'zh-CN': '在 live.network.whoisServers 中为 {tld} 指定 WHOIS 服务器，或在注册商处自行关注到期日。',
          en: 'Name a WHOIS server for {tld} in live.network.whoisServers, or watch the expiry date at the registrar yourself.',
        },
      },
      'expiry-failed': {
        message: {
          'zh-CN': '没能查询 {domain} 的到期日（{source}：{detail}）。',
          en: 'The expiry of {domain} could not be looked up ({source}: {detail}).',
        },
        fix: {
          'zh-CN': '稍后重试；持续失败时检查运行环境能否访问该服务（WHOIS 使用 TCP 43 端口，不经过 HTTP 代理）。',
          en: 'Try again later; if it keeps failing, check that the runner can reach the service (WHOIS uses TCP port 43 and does not go through HTTP proxies).',
        },
      },
      'expiry-rate-limited': {
        message: {
          'zh-CN': '查询 {domain} 的到期日时被 {source} 限流（{detail}）。',
          en: '{source} rate-limited the expiry lookup of {domain} ({detail}).',
        },
        fix: {
          'zh-CN': '降低检查频率（每天一次足够）；共享出口 IP 的运行器更容易被注册局限流。',
          en: 'Check less often (once a day is enough); runners that share outgoing addresses are rate-limited by registries more often.',
        },
      },
      'expiry-unreadable': {
        message: {
          'zh-CN': '{source} 关于 {domain} 的应答中找不到到期日（{detail}）。',
          en: 'The answer of {source} about {domain} holds no expiry date ({detail}).',
        },
        fix: {
          'zh-CN': '在注册商处自行确认到期日；如果该注册局换了格式，请报告给 beian-guard。',
          en: 'Check the expiry at the registrar yourself; if the registry changed its format, please report it to beian-guard.',
        },
      },
      'dns-failed': {
        message: {
          'zh-CN': '没能查询 {host} 的 DNS 记录（{detail}），IP 检查未完成。检查地点：{from}。',
          en: 'The DNS records of {host} could not be looked up ({detail}); the address check did not run. Checked from {from}.',
        },
        fix: {
          'zh-CN': '确认运行环境的 DNS 可用，或在 live.network.dnsServers 中指定 DNS 服务器。',
          en: 'Check that DNS works where the check runs, or name DNS servers in live.network.dnsServers.',
        },
      },
      'cname-too-long': {
        message: {
          'zh-CN': '{host} 的 CNAME 链超过 {max} 跳（{chain}），IP 检查未完成。',
          en: 'The CNAME chain of {host} is longer than {max} hops ({chain}); the address check did not run.',
        },
        fix: { 'zh-CN': '缩短 CNAME 链；正常的 CDN 配置只有一两跳。', en: 'Shorten the CNAME chain; a usual CDN setup has one or two hops.' },
      },
      'tls-failed': {
        message: {
          'zh-CN': '没能取得 {host} 的证书（{detail}），证书检查未完成。',
          en: 'The certificate of {host} could not be fetched ({detail}); the certificate check did not run.',
        },
        fix: {
          'zh-CN': '确认这个主机在 443 端口提供 https；如果它不应提供 https，从 live.schemes 中去掉 https。',
          en: 'Make sure the host serves https on port 443; if it should not, remove https from live.schemes.',
        },
      },
      'page-too-large': {
        message: {
          'zh-CN': '{url} 的页面超过 {limit}，未检查。',
          en: 'The page at {url} is larger than {limit}; it was not checked.',
        },
        fix: { 'zh-CN': '确认这个地址返回的是网页；如是，调大 maxFileSizeMB。', en: 'Make sure the address serves a web page; if it does, raise maxFileSizeMB.' },
      },
      'page-not-html': {
        message: {
          'zh-CN': '{url} 返回的不是网页（{type}），未检查页脚。',
          en: '{url} does not serve a web page ({type}); its footer was not checked.',
        },
        fix: { 'zh-CN': '让首页返回 HTML，或在 live.paths 中改用返回网页的地址。', en: 'Serve HTML on the homepage, or list an address that serves a page in live.paths.' },
      },
    },
  },
});
