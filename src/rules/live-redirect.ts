import { defineRule } from './rule.js';

/** Raised by `beian-guard live`: a redirect chain that never ends, loops, or leaves the filed domains. */
export default defineRule({
  meta: {
    id: 'live-redirect',
    defaultSeverity: 'warning',
    seedReasons: [10],
    kind: 'live',
    docs: {
      summary: {
        'zh-CN': '线上站点的跳转不能超过 maxRedirects 次，不能形成循环，最终页面必须在备案域名（domains）之内。',
        en: 'Redirects on the deployed site stay within maxRedirects, never loop, and end on a filed domain (domains).',
      },
      why: {
        'zh-CN': '跳转循环的首页在浏览器里打不开；跳到备案域名之外时，核查人员看到的是另一个网站的页面，备案号挂在哪里都对不上（原因 10）。',
        en: 'A looping homepage does not open in a browser; a homepage that redirects off the filed domains shows the reviewer another site, where the filing footer does not belong (reason 10).',
      },
    },
    messages: {
      'too-many': {
        message: { 'zh-CN': '{url} 跳转超过 {max} 次：{chain}。', en: '{url} redirects more than {max} times: {chain}.' },
        fix: {
          'zh-CN': '让首页最多经过一两次跳转（如 http → https、裸域名 → www）就到达最终页面；确有必要时调大 live.maxRedirects。',
          en: 'Let the homepage reach its final page in one or two redirects (http → https, bare domain → www); raise live.maxRedirects only if the chain is intended.',
        },
      },
      loop: {
        message: { 'zh-CN': '{url} 的跳转形成了循环：{chain}。', en: '{url} redirects in a loop: {chain}.' },
        fix: {
          'zh-CN': '检查服务器、CDN 和框架中的跳转规则（常见于 CDN 回源用 http 而源站又强制 https）。',
          en: 'Check the redirect rules of the server, the CDN and the framework (a CDN that fetches over http from an origin that forces https is the usual cause).',
        },
      },
      'off-site': {
        message: {
          'zh-CN': '{url} 最终跳转到了备案域名之外的 {host}：{chain}。',
          en: '{url} ends up on {host}, outside the filed domains: {chain}.',
        },
        fix: {
          'zh-CN': '让备案域名直接提供首页；如果新域名也已备案，把它加入 domains。',
          en: 'Serve the homepage on the filed domain itself; if the new domain is filed too, add it to domains.',
        },
      },
    },
  },
});
