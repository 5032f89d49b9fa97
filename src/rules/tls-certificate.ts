import { defineRule } from './rule.js';

/** Raised by `beian-guard live` for every https host: the certificate a browser would be shown. */
export default defineRule({
  meta: {
    id: 'tls-certificate',
    defaultSeverity: 'error',
    seedReasons: [],
    kind: 'live',
    docs: {
      summary: {
        'zh-CN': '每个 https 主机的证书必须有效：未过期、签发给这个主机名、由受信任的机构签发；certWarnDays 天内到期为警告。',
        en: 'The certificate of every https host must be valid: not expired, issued for the host name, signed by a trusted authority; expiring within certWarnDays is a warning.',
      },
      why: {
        'zh-CN': '证书无效时浏览器会拦下页面，核查人员和访客都看不到首页和备案号。',
        en: 'Browsers stop at an invalid certificate, so neither the reviewer nor visitors see the homepage and its filing number.',
      },
    },
    messages: {
      expired: {
        message: { 'zh-CN': '{host} 的证书已于 {date} 过期。', en: 'The certificate of {host} expired on {date}.' },
        fix: { 'zh-CN': '更换证书，并开启自动续期（如 ACME/Let\'s Encrypt 或云服务商的托管证书）。', en: 'Replace the certificate and turn on automatic renewal (ACME, or the provider\'s managed certificates).' },
      },
      expiring: {
        message: { 'zh-CN': '{host} 的证书将在 {days} 天后（{date}）过期。', en: 'The certificate of {host} expires in {days} days, on {date}.' },
        fix: { 'zh-CN': '续期证书；如果已配置自动续期，检查续期任务是否在运行。', en: 'Renew the certificate; if renewal is automatic, check that the renewal job runs.' },
      },
      'not-yet-valid': {
        message: { 'zh-CN': '{host} 的证书要到 {date} 才生效。', en: 'The certificate of {host} is not valid before {date}.' },
        fix: { 'zh-CN': '检查服务器时钟和证书的生效时间。', en: 'Check the server clock and the certificate\'s start date.' },
      },
      'wrong-name': {
        message: {
          'zh-CN': '{host} 的证书不包含这个主机名（证书上的名称：{names}）。',
          en: 'The certificate of {host} does not cover that name (names on it: {names}).',
        },
        fix: {
          'zh-CN': '签发一张包含这个主机名的证书（裸域名和 www 都要包含），或在 CDN 上为这个主机绑定正确的证书。',
          en: 'Issue a certificate that includes this name (both the bare domain and www), or bind the right certificate to this host on the CDN.',
        },
      },
      untrusted: {
        message: { 'zh-CN': '{host} 的证书不受信任（{detail}）。', en: 'The certificate of {host} is not trusted ({detail}).' },
        fix: {
          'zh-CN': '使用公共 CA 签发的证书，并在服务器上配置完整的证书链（包括中间证书）。',
          en: 'Use a certificate from a public CA and serve the full chain, intermediates included.',
        },
      },
    },
  },
});
