import { defineRule } from './rule.js';

/**
 * Raised by `beian-guard live`: the reviewer opens the homepage in a browser, and a host that
 * answers nothing (or only errors) shows no footer at all. 403 and 429 are warnings: the server
 * is up and is turning away an automated visitor, which a reviewer's browser may not meet.
 */
export default defineRule({
  meta: {
    id: 'live-unreachable',
    defaultSeverity: 'error',
    seedReasons: [10],
    kind: 'live',
    docs: {
      summary: {
        'zh-CN': '线上站点的每个主机（如裸域名和 www）都必须能通过至少一种配置的协议返回 2xx 页面。',
        en: 'Every host of the deployed site (the bare domain and www, say) must answer 2xx over at least one configured scheme.',
      },
      why: {
        'zh-CN': '核查人员打开的是线上首页；打不开的首页看不到备案号，属于核查不通过原因 10（首页底部备案号未添加）。',
        en: 'The reviewer opens the live homepage; a homepage that does not load shows no filing number, which is failure reason 10 (no filing number in the homepage footer).',
      },
    },
    messages: {
      unreachable: {
        message: { 'zh-CN': '{url} 无法访问：{details}。', en: '{url} could not be fetched: {details}.' },
        fix: {
          'zh-CN': '确认站点已部署，域名解析指向正确的服务器，服务器在 80/443 端口应答且返回 200；然后重新运行 beian-guard live。',
          en: 'Make sure the site is deployed, the domain resolves to the right server, and the server answers 200 on ports 80/443; then run beian-guard live again.',
        },
      },
      blocked: {
        message: {
          'zh-CN': '{url} 拒绝了检查请求：{details}。服务器在线，但可能把自动检查当作机器人拦截了。',
          en: '{url} refused the check: {details}. The server is up but may be turning away automated visitors.',
        },
        fix: {
          'zh-CN': '用浏览器打开这个地址确认能看到首页；如果防火墙或 CDN 拦截了机器人，为 beian-guard 的 User-Agent 放行，或用 live.userAgent 设置一个可识别的值。',
          en: 'Open the address in a browser to confirm the homepage shows; if a firewall or CDN blocks bots, allow beian-guard\'s User-Agent, or set a recognisable one with live.userAgent.',
        },
      },
      'rate-limited': {
        message: {
          'zh-CN': '{url} 限制了请求频率：{details}。',
          en: '{url} rate-limited the check: {details}.',
        },
        fix: {
          'zh-CN': '降低检查频率（每天一次足够），或在 CDN/防火墙中为检查放行；GitHub 托管的运行器共享出口 IP，更容易被限流。',
          en: 'Check less often (once a day is enough), or allow the check in the CDN or firewall; GitHub-hosted runners share outgoing addresses and are rate-limited more often.',
        },
      },
    },
  },
});
