import type { AddressRangeProblem } from '../domain/addresses.js';
import type { HostnameProblem } from '../domain/hostname.js';
import { format, type Localized } from '../i18n/lang.js';
import { both } from './errors.js';

const HOSTNAME_WHY: Record<HostnameProblem, Localized> = {
  empty: both('为空', 'it is empty'),
  'ip-address': both('这是 IP 地址，不是域名', 'it is an IP address, not a domain'),
  'not-bare': both('只写域名本身，不带协议、端口、路径或空格', 'write the bare domain, without a scheme, port, path or spaces'),
  invalid: both('不是有效的域名', 'it is not a valid domain name'),
  'too-long': both('超过 253 个字符', 'it is longer than 253 characters'),
  'one-label': both('域名至少有两段，如 example.cn', 'a domain has at least two labels, as in example.cn'),
  'bad-label': both('“{label}”这一段不是 1–63 个字母、数字或中间的连字符', 'the label "{label}" is not 1–63 letters, digits or inner hyphens'),
  'numeric-tld': both('最后一段不能全是数字', 'the last label cannot be all digits'),
};

const ADDRESS_WHY: Record<AddressRangeProblem, Localized> = {
  'not-ip': both('它不是 IPv4 或 IPv6 地址', 'it is not an IPv4 or IPv6 address'),
  prefix: both('前缀长度必须在 0–{max} 之间', 'the prefix length must be 0–{max}'),
};

/** Why parseHostname refused a text, in both languages. */
export function hostnameWhy(r: { readonly problem: HostnameProblem; readonly label?: string }): Localized {
  const text = HOSTNAME_WHY[r.problem];
  const data = { label: r.label ?? '' };
  return { 'zh-CN': format(text['zh-CN'], data), en: format(text.en, data) };
}

/** Why parseAddressRange refused a text, in both languages. */
export function addressWhy(r: { readonly problem: AddressRangeProblem; readonly max?: number }): Localized {
  const text = ADDRESS_WHY[r.problem];
  const data = { max: r.max ?? 128 };
  return { 'zh-CN': format(text['zh-CN'], data), en: format(text.en, data) };
}
