import { BlockList, isIP } from 'node:net';

/** One filed address or block, as written in config `ips`. */
export interface AddressRange {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
  /** As the user wrote it, for messages. */
  readonly text: string;
}

/** Why a text is not an address or block, for messages in any language (`reason` is the English one). */
export type AddressRangeProblem = 'not-ip' | 'prefix';

export type AddressRangeResult =
  | { readonly ok: true; readonly value: AddressRange }
  | { readonly ok: false; readonly reason: string; readonly problem: AddressRangeProblem; readonly max?: number };

/** `203.0.113.7`, `198.51.100.0/24`, `2001:db8::1`, `2001:db8::/48` or an IPv4-mapped IPv6 form. */
export function parseAddressRange(input: string): AddressRangeResult {
  const text = input.trim();
  const slash = text.indexOf('/');
  const address = (slash === -1 ? text : text.slice(0, slash)).replace(/^\[|\]$/g, '');
  const version = isIP(address);
  if (version === 0) return { ok: false, reason: 'it is not an IPv4 or IPv6 address', problem: 'not-ip' };
  const max = version === 4 ? 32 : 128;
  let prefix = max;
  if (slash !== -1) {
    const bits = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return { ok: false, reason: `the prefix length must be 0–${max}`, problem: 'prefix', max };
    prefix = Number(bits);
  }
  return { ok: true, value: { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6', text } };
}

/**
 * Whether resolved addresses are among the filed ones. node:net's BlockList compares in binary,
 * so `2001:0db8::1` equals `2001:db8::1`, and an IPv4-mapped `::ffff:198.51.100.7` matches
 * `198.51.100.0/24` (and the other way round).
 */
export class AddressMatcher {
  private readonly list = new BlockList();

  constructor(ranges: readonly AddressRange[]) {
    for (const r of ranges) {
      if (r.prefix === (r.family === 'ipv4' ? 32 : 128)) this.list.addAddress(r.address, r.family);
      else this.list.addSubnet(r.address, r.prefix, r.family);
    }
  }

  has(address: string): boolean {
    const version = isIP(address);
    if (version === 0) return false;
    return this.list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  }
}
