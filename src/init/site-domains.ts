/**
 * The filed domain behind a site address, for the live check: `https://blog.example.cn/` is the
 * host `blog` of the registrable domain `example.cn`, which is what `domains` in the config holds
 * (live fetches each host of each domain, and looks the domain itself up in RDAP or WHOIS).
 *
 * Where the registrable part ends needs the Public Suffix List: `example.com.cn` and
 * `example.bj.cn` are registrable, `com.cn` is not, and `user.github.io` belongs to GitHub, not to
 * the user. tldts (MIT, no dependencies besides its own core) carries the list; it lives in the
 * init bundle (dist/init/), so `check` never loads it.
 */
import { hostnameWhy } from '../config/domain-reasons.js';
import { parseHostname, type Hostname } from '../domain/hostname.js';
import type { Localized } from '../i18n/lang.js';
import type { Project } from './project.js';
import type { Found } from './scan.js';
import type { Detection } from './types.js';
import { parse as parseDomain } from 'tldts';

/** One address of the site: its filed domain and the host `live` fetches on it. */
export interface SiteAddress {
  /** The name as the user wrote or the config says (`blog.example.cn`). */
  readonly host: Hostname;
  /** The registrable domain (`example.cn`): what goes into `domains`. */
  readonly domain: Hostname;
  /** `@` for the domain itself, else the labels in front of it (`www`, `blog`, `a.b`). */
  readonly label: string;
}

/** Why a name cannot be a filed domain. */
export type AddressProblem =
  | { readonly kind: 'syntax'; readonly reason: string; readonly why: Localized }
  /** Under a hosting platform's suffix (github.io, vercel.app): the platform's name, not the user's. */
  | { readonly kind: 'platform'; readonly suffix: string }
  /** A name reserved for examples and tests (example.com, *.test), as generator templates ship. */
  | { readonly kind: 'example' }
  /** A public suffix itself (`com.cn`): nothing below it was named. */
  | { readonly kind: 'suffix' };

export type AddressResult = { readonly ok: true; readonly value: SiteAddress } | { readonly ok: false; readonly name: string; readonly problem: AddressProblem };

/** RFC 2606 and RFC 6761: names no one can register, used by generator templates as placeholders. */
const RESERVED_DOMAINS = new Set(['example.com', 'example.net', 'example.org']);
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost', 'local']);
/** Hosting platforms whose user subdomains the Public Suffix List does not (or no longer) list. */
const PLATFORM_DOMAINS = new Set(['gitee.io']);

/**
 * A name as people write it: a bare host (`例子.中国`, `www.example.cn`) or an address with a scheme
 * and path (`https://blog.example.cn/`), which is cut down to its host.
 */
export function hostOf(input: string): string {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : text.startsWith('//') ? `https:${text}` : undefined;
  if (withScheme === undefined) return text;
  try {
    return new URL(withScheme).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return text;
  }
}

/** The filed domain and host for a name, or why it cannot be one. */
export async function siteAddress(input: string): Promise<AddressResult> {
  const name = hostOf(input);
  const parsed = parseHostname(name);
  if (!parsed.ok) return { ok: false, name, problem: { kind: 'syntax', reason: parsed.reason, why: hostnameWhy(parsed) } };
  const host = parsed.value;
  const labels = host.ascii.split('.');
  if (RESERVED_TLDS.has(labels[labels.length - 1]!) || [...RESERVED_DOMAINS].some((d) => host.ascii === d || host.ascii.endsWith(`.${d}`))) {
    return { ok: false, name: host.unicode, problem: { kind: 'example' } };
  }
  const psl = parseDomain(host.ascii, { allowPrivateDomains: true });
  if (psl.isPrivate || (psl.domain !== null && PLATFORM_DOMAINS.has(psl.domain))) {
    const suffix = psl.isPrivate ? (psl.publicSuffix ?? host.ascii) : psl.domain!;
    const shown = parseHostname(suffix);
    return { ok: false, name: host.unicode, problem: { kind: 'platform', suffix: shown.ok ? shown.value.unicode : suffix } };
  }
  const domain = psl.domain === null ? undefined : parseHostname(psl.domain);
  if (!domain?.ok) return { ok: false, name: host.unicode, problem: { kind: 'suffix' } };
  const sub = host.ascii === domain.value.ascii ? '' : host.ascii.slice(0, -(domain.value.ascii.length + 1));
  // Host labels are written as people read them, like the domain (`博客` rather than its A-label).
  const label = sub === '' ? '@' : host.unicode.split('.').slice(0, sub.split('.').length).join('.');
  return { ok: true, value: { host, domain: domain.value, label } };
}

/**
 * Where a site says its own address, beside the generator's config (Detection.addresses): a
 * CNAME file, which GitHub Pages and Gitee Pages read for a custom domain, in the places the
 * generators copy static files from.
 */
const CNAME_FILES = ['CNAME', 'source/CNAME', 'static/CNAME', 'public/CNAME', 'docs/public/CNAME', 'src/public/CNAME'];

/** Every address the project names for itself, the generator's config first. */
export function addressesIn(project: Project, detection: Detection | undefined): Found[] {
  const out: Found[] = [...(detection?.addresses ?? [])];
  for (const file of CNAME_FILES) {
    const text = project.read(file);
    if (text === undefined) continue;
    const lines = text.split(/\r\n|\r|\n/);
    const index = lines.findIndex((l) => l.trim() !== '');
    if (index >= 0) out.push({ value: lines[index]!.trim(), file, line: index + 1 });
  }
  return out;
}

/** A found address with what it means for the live check. */
export interface FoundAddress {
  readonly found: Found;
  readonly result: AddressResult;
}

export async function classify(found: readonly Found[]): Promise<FoundAddress[]> {
  return Promise.all(found.map(async (f) => ({ found: f, result: await siteAddress(f.value) })));
}

/** The config's `domains` and `live.hosts` for a set of addresses. */
export interface LiveTargets {
  /** Registrable domains, U-labels where they have any, in the order given, without repeats. */
  readonly domains: readonly string[];
  /** Hosts to fetch on every domain; undefined: live's default, the domain itself and www. */
  readonly hosts?: readonly string[];
  /** Every host name live will fetch, for the summary. */
  readonly names: readonly string[];
}

export function liveTargets(addresses: readonly SiteAddress[]): LiveTargets {
  const domains = [...new Set(addresses.map((a) => a.domain.unicode))];
  const apexOrWww = (label: string) => label === '@' || label === 'www';
  const hosts = addresses.every((a) => apexOrWww(a.label)) ? undefined : [...new Set(addresses.flatMap((a) => (apexOrWww(a.label) ? ['@', 'www'] : [a.label])))];
  const names = domains.flatMap((d) => (hosts ?? ['@', 'www']).map((h) => (h === '@' ? d : `${h}.${d}`)));
  return { domains, ...(hosts && { hosts }), names };
}
