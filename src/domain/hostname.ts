import { isIP } from 'node:net';
import { domainToASCII, domainToUnicode } from 'node:url';

/** A host name in both spellings: the A-label form DNS, TLS and WHOIS use, and the form people read. */
export interface Hostname {
  /** Lower-case A-labels (`xn--fsqu00a.xn--fiqs8s`), no trailing dot. */
  readonly ascii: string;
  /** U-labels where the name has any (`例子.中国`), else the same as `ascii`. */
  readonly unicode: string;
}

/** Why a text is not a host name, for messages in any language (`reason` is the English one). */
export type HostnameProblem = 'empty' | 'ip-address' | 'not-bare' | 'invalid' | 'too-long' | 'one-label' | 'bad-label' | 'numeric-tld';

export type HostnameResult =
  | { readonly ok: true; readonly value: Hostname }
  | { readonly ok: false; readonly reason: string; readonly problem: HostnameProblem; readonly label?: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Reads a domain as a person writes it: U-labels, the ideographic full stop 。, full-width
 * letters and a trailing dot are all accepted (UTS #46 through node:url). node:url also accepts
 * what DNS does not (`-bad-.cn`, `a_b.cn`, an IP address), so every label is checked as LDH here.
 */
export function parseHostname(input: string): HostnameResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'it is empty', problem: 'empty' };
  if (isIP(text.replace(/^\[|\]$/g, '')) !== 0) return { ok: false, reason: 'it is an IP address, not a domain', problem: 'ip-address' };
  if (/[/:@?#\s]/.test(text)) return { ok: false, reason: 'write the bare domain, without a scheme, port, path or spaces', problem: 'not-bare' };
  const ascii = domainToASCII(text).replace(/\.$/, '').toLowerCase();
  if (ascii === '') return { ok: false, reason: 'it is not a valid domain name', problem: 'invalid' };
  if (isIP(ascii) !== 0) return { ok: false, reason: 'it is an IP address, not a domain', problem: 'ip-address' };
  if (ascii.length > 253) return { ok: false, reason: 'it is longer than 253 characters', problem: 'too-long' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, reason: 'a domain has at least two labels, as in example.cn', problem: 'one-label' };
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) return { ok: false, reason: `the label "${bad}" is not 1–63 letters, digits or inner hyphens`, problem: 'bad-label', label: bad };
  if (/^\d+$/.test(labels[labels.length - 1]!)) return { ok: false, reason: 'the last label cannot be all digits', problem: 'numeric-tld' };
  return { ok: true, value: { ascii, unicode: domainToUnicode(ascii) || ascii } };
}

/** The last label: what the RDAP bootstrap and WHOIS server tables are keyed by (`a.com.cn` → `cn`). */
export function topLevelLabel(ascii: string): string {
  return ascii.slice(ascii.lastIndexOf('.') + 1);
}

/** `name` is `domain` or lies under it. Both in A-label form. */
export function isWithin(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}
