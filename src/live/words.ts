import type { Lang } from '../i18n/lang.js';
import type { Failure } from './http.js';

/** Pieces of live messages that are composed before a rule's template is filled. */
export const WORDS = {
  'zh-CN': {
    failure(f: Failure, timeoutMs: number): string {
      switch (f.kind) {
        case 'dns':
          return `域名解析失败（${f.code ?? 'DNS'}）`;
        case 'refused':
          return '连接被拒绝';
        case 'timeout':
          return `${seconds(timeoutMs)} 秒内没有应答`;
        case 'tls':
          return `TLS 握手失败（${f.code ?? 'TLS'}）`;
        case 'reset':
          return '连接被重置';
        case 'status':
          return `HTTP ${f.status}`;
        case 'bad-redirect':
          return `跳转地址无效（${f.code ?? ''}）`;
        case 'redirect-loop':
          return '跳转循环';
        case 'too-many-redirects':
          return '跳转次数过多';
        case 'network':
          return `网络错误（${f.code ?? '未知'}）`;
      }
    },
    listGap: '；',
    githubHosted: 'GitHub 托管的运行器（通常位于中国大陆境外）',
    selfHosted: (name: string) => `自托管运行器 ${name}`,
    machine: (name: string) => `本机 ${name}`,
    dnsServers: (servers: string) => `，DNS 服务器 ${servers}`,
    systemDns: '系统 DNS',
    via: (name: string) => `（经 CNAME ${name}）`,
    noneFiled: '未配置',
    cnameChain: (chain: string) => `，CNAME 链 ${chain}`,
    dnsCode: (code: string) => ({ ENOTFOUND: '域名不存在（NXDOMAIN）', ENODATA: '没有 A/AAAA 记录' })[code] ?? code,
    timeout: (ms: number) => `${seconds(ms)} 秒内没有应答`,
  },
  en: {
    failure(f: Failure, timeoutMs: number): string {
      switch (f.kind) {
        case 'dns':
          return `DNS lookup failed (${f.code ?? 'DNS'})`;
        case 'refused':
          return 'connection refused';
        case 'timeout':
          return `no answer within ${seconds(timeoutMs)} s`;
        case 'tls':
          return `TLS handshake failed (${f.code ?? 'TLS'})`;
        case 'reset':
          return 'connection reset';
        case 'status':
          return `HTTP ${f.status}`;
        case 'bad-redirect':
          return `invalid redirect target (${f.code ?? ''})`;
        case 'redirect-loop':
          return 'redirect loop';
        case 'too-many-redirects':
          return 'too many redirects';
        case 'network':
          return `network error (${f.code ?? 'unknown'})`;
      }
    },
    listGap: '; ',
    githubHosted: 'a GitHub-hosted runner (usually outside mainland China)',
    selfHosted: (name: string) => `the self-hosted runner ${name}`,
    machine: (name: string) => `this machine (${name})`,
    dnsServers: (servers: string) => `, DNS servers ${servers}`,
    systemDns: 'system DNS',
    via: (name: string) => ` (through the CNAME ${name})`,
    noneFiled: 'none configured',
    cnameChain: (chain: string) => `, CNAME chain ${chain}`,
    dnsCode: (code: string) => ({ ENOTFOUND: 'the name does not exist (NXDOMAIN)', ENODATA: 'no A/AAAA record' })[code] ?? code,
    timeout: (ms: number) => `no answer within ${seconds(ms)} s`,
  },
} satisfies Record<Lang, unknown>;

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/**
 * Where the check ran, for messages about addresses: DNS answers differ by region, so an
 * address seen from a runner abroad may not be what a reviewer in mainland China sees.
 */
export function describeOrigin(env: Readonly<Record<string, string | undefined>>, servers: readonly string[], host: string, lang: Lang): string {
  const w = WORDS[lang];
  let place: string;
  if (env.GITHUB_ACTIONS === 'true') place = env.RUNNER_ENVIRONMENT === 'self-hosted' ? w.selfHosted(env.RUNNER_NAME ?? '') : w.githubHosted;
  else place = w.machine(host);
  return `${place}${w.dnsServers(servers.length > 0 ? servers.join(', ') : w.systemDns)}`;
}
