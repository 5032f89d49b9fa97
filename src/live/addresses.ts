import { isWithin } from '../domain/hostname.js';
import type { Dns } from './net.js';
import type { LiveSite } from './settings.js';

/** A CNAME chain longer than this is not walked further (a usual CDN setup has one or two hops). */
export const MAX_CNAME_HOPS = 8;

export type AddressOutcome =
  | { readonly kind: 'ok'; readonly addresses: readonly string[]; readonly chain: readonly string[]; readonly via?: string }
  | { readonly kind: 'not-filed'; readonly addresses: readonly string[]; readonly chain: readonly string[] }
  | { readonly kind: 'no-address'; readonly code: string; readonly chain: readonly string[] }
  | { readonly kind: 'cname-loop'; readonly chain: readonly string[] }
  | { readonly kind: 'cname-too-long'; readonly chain: readonly string[] }
  | { readonly kind: 'dns-failed'; readonly code: string };

/** Answers that mean "this name has nothing", as opposed to "the server did not answer". */
const ABSENT = new Set(['ENOTFOUND', 'ENODATA']);

function codeOf(e: unknown): string {
  return String((e as { code?: unknown }).code ?? 'ERROR');
}

/** `*.cdn.example.net` matches names under it; a plain name matches itself. */
export function matchesCname(name: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) : name === pattern;
}

/**
 * Walks the CNAME chain one hop per query (at most 8 hops, loops detected), then compares every
 * A/AAAA record with the filed addresses. A chain that reaches a listed CDN suffix passes: the
 * provider then checks that the CDN belongs to the access provider, not the address.
 */
export async function checkAddresses(host: string, site: Pick<LiveSite, 'ips' | 'cnames'>, dns: Dns): Promise<AddressOutcome> {
  const chain = [host];
  for (;;) {
    const current = chain[chain.length - 1]!;
    let targets: string[];
    try {
      targets = await dns.resolveCname(current);
    } catch (e) {
      if (ABSENT.has(codeOf(e))) break;
      return { kind: 'dns-failed', code: codeOf(e) };
    }
    const target = targets[0]?.toLowerCase().replace(/\.$/, '');
    if (!target) break;
    if (chain.includes(target)) return { kind: 'cname-loop', chain: [...chain, target] };
    chain.push(target);
    if (chain.length - 1 > MAX_CNAME_HOPS) return { kind: 'cname-too-long', chain };
  }
  const via = chain.slice(1).find((name) => site.cnames.some((p) => matchesCname(name, p)));
  let addresses: string[];
  try {
    addresses = await dns.addresses(host);
  } catch (e) {
    const code = codeOf(e);
    if (ABSENT.has(code)) return { kind: 'no-address', code, chain };
    return { kind: 'dns-failed', code };
  }
  if (via !== undefined) return { kind: 'ok', addresses, chain, via };
  const outside = addresses.filter((a) => !site.ips?.has(a));
  return outside.length === 0 ? { kind: 'ok', addresses, chain } : { kind: 'not-filed', addresses: outside, chain };
}

/** The host is one of the filed domains or lies under one. */
export function onFiledDomain(hostname: string, domains: readonly { ascii: string }[]): boolean {
  return domains.some((d) => isWithin(hostname, d.ascii));
}
