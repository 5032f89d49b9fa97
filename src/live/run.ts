import os from 'node:os';
import type { ResolvedConfig } from '../config/resolve.js';
import type { Hostname } from '../domain/hostname.js';
import { checkPage } from '../engine/check-page.js';
import { buildReport } from '../engine/report.js';
import { fingerprint, stampDrafts } from '../engine/stamp.js';
import type { Lang } from '../i18n/lang.js';
import type { Draft, Finding, Report, Severity, SiteSummary } from '../model/index.js';
import { RULES_BY_ID } from '../rules/index.js';
import { checkAddresses } from './addresses.js';
import { ExpiryLookups, type ExpiryResult } from './expiry.js';
import type { Failure } from './http.js';
import { fetchStylesheets, visit, type Visit } from './navigate.js';
import { createNet, type Net } from './net.js';
import { liveSettings, liveSites, type LiveSettings, type LiveSite } from './settings.js';
import { probeCertificate } from './tls-probe.js';
import { describeOrigin, WORDS } from './words.js';

export interface LiveOptions {
  readonly cwd: string;
  readonly version: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock expiry is measured against; tests pin it. */
  readonly now?: () => Date;
  /** A network seam built elsewhere (tests); by default one is built from the settings. */
  readonly net?: (settings: LiveSettings) => Net;
  /** Network steps in flight at once. */
  readonly concurrency?: number;
}

const DAY = 86_400_000;
const START = { start: 0, end: 0 } as const;

/**
 * `beian-guard live`: fetches every host × scheme × path of every site with `domains`, runs the
 * footer and title rules on the HTML served, and checks addresses, certificates and domain
 * expiry. Config problems throw InputError (exit 2); anything the network does is a finding.
 */
export async function runLive(config: ResolvedConfig, options: LiveOptions): Promise<Report> {
  const started = performance.now();
  const settings = liveSettings(config, options.cwd);
  const sites = liveSites(config);
  const net = options.net ? options.net(settings) : createNet(settings, options.env);
  const now = options.now ?? (() => new Date());
  const lang = config.lang;
  const limit = limiter(options.concurrency ?? 4);
  const expiry = new ExpiryLookups(net, settings);
  const findings: Finding[] = [];
  const summaries: SiteSummary[] = [];
  const from = describeOrigin(options.env, net.dns.servers(), os.hostname(), lang);
  try {
    for (const site of sites) {
      const ctx: SiteContext = { site, settings, net, lang, from, now, findings, pages: 0, skipped: 0 };
      await Promise.all([
        ...site.domains.map((d) => limit(() => expiryFindings(d, expiry, ctx))),
        ...site.hosts.map((h) => limit(() => addressFindings(h.name, ctx))),
        ...(site.schemes.includes('https') ? site.hosts.map((h) => limit(() => certificateFindings(h.name, ctx))) : []),
        pageFindings(ctx, limit),
      ]);
      summaries.push({ root: site.domains.map((d) => d.unicode).join(', '), pages: ctx.pages, skipped: ctx.skipped });
    }
  } finally {
    await net.close();
  }
  return buildReport(options.version, findings, summaries, Math.round(performance.now() - started));
}

interface SiteContext {
  readonly site: LiveSite;
  readonly settings: LiveSettings;
  readonly net: Net;
  readonly lang: Lang;
  readonly from: string;
  readonly now: () => Date;
  readonly findings: Finding[];
  pages: number;
  skipped: number;
}

/** Stamps one live finding: `file` is a URL or `domain:`/`dns:`/`tls:` name, at 1:1. */
function report(ctx: SiteContext, ruleId: string, file: string, draft: Omit<Draft, 'span'>): void {
  const severity: Severity | undefined = ctx.site.rules.severities[ruleId];
  const rule = RULES_BY_ID.get(ruleId);
  if (!severity || !rule) return;
  if (ruleId === 'live-skipped') ctx.skipped++;
  const [f] = stampDrafts([{ meta: rule.meta, severity, draft: { ...draft, span: START, anchor: 'document' } }], {
    lang: ctx.lang,
    file,
    // The whole name goes into the fingerprint, so www and the bare domain differ.
    page: file,
    entry: true,
    source: '',
  });
  ctx.findings.push({ ...f!, page: pageOf(file) });
}

function pageOf(file: string): string {
  return /^https?:/.test(file) ? new URL(file).pathname : file;
}

function named(h: Hostname): string {
  return h.unicode === h.ascii ? h.ascii : `${h.unicode} (${h.ascii})`;
}

function days(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY);
}

async function expiryFindings(domain: Hostname, lookups: ExpiryLookups, ctx: SiteContext): Promise<void> {
  const result: ExpiryResult = await lookups.lookup(domain);
  const file = `domain:${domain.unicode}`;
  const shown = named(domain);
  if (result.kind === 'no-source') {
    report(ctx, 'live-skipped', file, { messageId: 'no-expiry-source', data: { domain: shown, tld: result.tld }, evidence: result.tld });
    return;
  }
  if (result.kind === 'failed') {
    const detail = result.detail === 'ETIMEOUT' || result.detail === 'timeout' ? WORDS[ctx.lang].timeout(ctx.settings.timeoutMs) : result.detail;
    report(ctx, 'live-skipped', file, { messageId: 'expiry-failed', data: { domain: shown, source: result.source, detail }, evidence: result.source });
    return;
  }
  const r = result.reading;
  const data = { domain: shown, source: result.source };
  switch (r.kind) {
    case 'not-registered':
      report(ctx, 'domain-expiry', file, { messageId: 'not-registered', data: { ...data, detail: r.detail }, evidence: result.source });
      return;
    case 'rate-limited':
      report(ctx, 'live-skipped', file, { messageId: 'expiry-rate-limited', data: { ...data, detail: r.detail }, evidence: result.source });
      return;
    case 'unreadable':
      report(ctx, 'live-skipped', file, { messageId: 'expiry-unreadable', data: { ...data, detail: r.detail }, evidence: result.source });
      return;
    case 'expiry': {
      const left = days(ctx.now(), r.date);
      // Days left stay out of the evidence: the fingerprint must not change every day.
      if (r.date.getTime() <= ctx.now().getTime()) report(ctx, 'domain-expiry', file, { messageId: 'expired', data: { ...data, date: r.display }, evidence: r.display });
      else if (left <= ctx.settings.expiryWarnDays) {
        report(ctx, 'domain-expiry', file, { messageId: 'expiring', data: { ...data, date: r.display, days: left }, evidence: r.display, severity: 'warning' });
      }
    }
  }
}

async function addressFindings(host: Hostname, ctx: SiteContext): Promise<void> {
  const { site } = ctx;
  if (!site.ips && site.cnames.length === 0) return;
  const w = WORDS[ctx.lang];
  const outcome = await checkAddresses(host.ascii, site, ctx.net.dns);
  const file = `dns:${host.unicode}`;
  const shown = named(host);
  switch (outcome.kind) {
    case 'ok':
      return;
    case 'not-filed': {
      const chain = outcome.chain.length > 1 ? w.cnameChain(outcome.chain.join(' → ')) : '';
      report(ctx, 'ip-mismatch', file, {
        messageId: 'not-filed',
        data: { host: shown, addresses: outcome.addresses.join(', '), ips: site.ipRanges.map((r) => r.text).join(', ') || w.noneFiled, via: chain, from: ctx.from },
        evidence: [...outcome.addresses].sort().join(' '),
      });
      return;
    }
    case 'no-address':
      report(ctx, 'ip-mismatch', file, { messageId: 'no-address', data: { host: shown, detail: w.dnsCode(outcome.code), from: ctx.from }, evidence: outcome.code });
      return;
    case 'cname-loop':
      report(ctx, 'ip-mismatch', file, { messageId: 'cname-loop', data: { host: shown, chain: outcome.chain.join(' → ') }, evidence: outcome.chain.join(' ') });
      return;
    case 'cname-too-long':
      report(ctx, 'live-skipped', file, { messageId: 'cname-too-long', data: { host: shown, max: 8, chain: outcome.chain.join(' → ') }, evidence: outcome.chain.join(' ') });
      return;
    case 'dns-failed':
      report(ctx, 'live-skipped', file, {
        messageId: 'dns-failed',
        data: { host: shown, detail: outcome.code === 'ETIMEOUT' ? w.timeout(ctx.settings.timeoutMs) : outcome.code, from: ctx.from },
        evidence: outcome.code,
      });
  }
}

async function certificateFindings(host: Hostname, ctx: SiteContext): Promise<void> {
  const outcome = await probeCertificate(host.ascii, ctx.net, ctx.settings);
  const file = `tls:${host.unicode}`;
  const shown = named(host);
  if (outcome.kind === 'failed') {
    // No address at all is reported by the address and page checks already.
    if (outcome.code === 'ENOTFOUND' || outcome.code === 'ENODATA') return;
    const w = WORDS[ctx.lang];
    const detail = outcome.code === 'ETIMEOUT' ? w.timeout(ctx.settings.timeoutMs) : outcome.code === 'ECONNREFUSED' ? w.failure({ kind: 'refused' }, 0) : outcome.code;
    report(ctx, 'live-skipped', file, { messageId: 'tls-failed', data: { host: shown, detail }, evidence: outcome.code });
    return;
  }
  const now = ctx.now();
  const date = (d: Date) => d.toISOString().slice(0, 10);
  if (outcome.validTo.getTime() <= now.getTime()) report(ctx, 'tls-certificate', file, { messageId: 'expired', data: { host: shown, date: date(outcome.validTo) }, evidence: date(outcome.validTo) });
  else if (outcome.validFrom.getTime() > now.getTime()) report(ctx, 'tls-certificate', file, { messageId: 'not-yet-valid', data: { host: shown, date: date(outcome.validFrom) }, evidence: date(outcome.validFrom) });
  else if (days(now, outcome.validTo) <= ctx.settings.certWarnDays) {
    report(ctx, 'tls-certificate', file, { messageId: 'expiring', data: { host: shown, date: date(outcome.validTo), days: days(now, outcome.validTo) }, evidence: date(outcome.validTo), severity: 'warning' });
  }
  if (!outcome.nameMatches) report(ctx, 'tls-certificate', file, { messageId: 'wrong-name', data: { host: shown, names: outcome.names.join(', ') || '—' }, evidence: outcome.names.join(' ') });
  if (outcome.chainError) report(ctx, 'tls-certificate', file, { messageId: 'untrusted', data: { host: shown, detail: outcome.chainError }, evidence: outcome.chainError });
}

/** Every host × path over every scheme; then each distinct page served is checked once. */
async function pageFindings(ctx: SiteContext, limit: Limiter): Promise<void> {
  const { site, settings, net } = ctx;
  const w = WORDS[ctx.lang];
  const jobs: Promise<void>[] = [];
  const pages = new Map<string, Extract<Visit['outcome'], { kind: 'page' }>>();
  for (const host of site.hosts) {
    for (const path of site.paths) {
      jobs.push(
        (async () => {
          const visits = await Promise.all(site.schemes.map((scheme) => limit(() => visit(`${scheme}://${host.name.ascii}${path}`, net, settings))));
          const failures: { url: string; failure: Failure }[] = [];
          for (const v of visits) {
            redirectFindings(v, ctx);
            const o = v.outcome;
            if (o.kind === 'page') {
              if (!pages.has(o.finalUrl)) pages.set(o.finalUrl, o);
            } else if (o.kind === 'failed') failures.push({ url: v.url, failure: o.failure });
            else if (o.kind === 'too-large') {
              report(ctx, 'live-skipped', v.url, { messageId: 'page-too-large', data: { url: v.url, limit: `${Math.round(settings.maxBytes / 1024 / 1024)} MB` }, evidence: 'too-large' });
            } else report(ctx, 'live-skipped', v.url, { messageId: 'page-not-html', data: { url: v.url, type: o.type }, evidence: o.type });
          }
          // The host answered over no scheme: what each scheme did, in one finding.
          if (failures.length === visits.length && failures.length > 0) {
            const details = failures.map((f) => `${f.url}: ${w.failure(f.failure, settings.timeoutMs)}`).join(w.listGap);
            const statuses = failures.map((f) => f.failure.status);
            const messageId = statuses.includes(403) ? 'blocked' : statuses.includes(429) ? 'rate-limited' : 'unreachable';
            report(ctx, 'live-unreachable', failures[0]!.url, {
              messageId,
              data: { url: failures[0]!.url, details },
              evidence: failures.map((f) => `${new URL(f.url).protocol}${f.failure.kind}${f.failure.status ?? ''}`).join(' '),
              ...(messageId !== 'unreachable' && { severity: 'warning' as const }),
            });
          }
        })(),
      );
    }
  }
  await Promise.all(jobs);
  for (const [url, page] of [...pages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sheets = await fetchStylesheets(page, net, settings);
    ctx.pages++;
    const found = checkPage(
      {
        rel: relOf(url),
        file: url,
        entry: true,
        source: page.text,
        loadStylesheet: (href) => {
          try {
            const u = new URL(href.trim(), url);
            u.hash = '';
            return sheets.get(u.href);
          } catch {
            return undefined;
          }
        },
      },
      site.rules,
    );
    // Fingerprints name the URL, not just the path: the same footer problem on www and on the bare domain is two findings.
    const seen = new Map<string, number>();
    for (const f of found) {
      const key = `${f.ruleId}\0${f.messageId}\0${f.evidence}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      ctx.findings.push({ ...f, page: new URL(url).pathname, fingerprint: fingerprint(f.ruleId, f.messageId, url, f.evidence, n) });
    }
  }
}

function redirectFindings(v: Visit, ctx: SiteContext): void {
  const chain = v.chain.join(' → ');
  if (v.outcome.kind === 'failed' && v.outcome.failure.kind === 'redirect-loop') {
    report(ctx, 'live-redirect', v.url, { messageId: 'loop', data: { url: v.url, chain }, evidence: chain });
  } else if (v.outcome.kind === 'failed' && v.outcome.failure.kind === 'too-many-redirects') {
    report(ctx, 'live-redirect', v.url, { messageId: 'too-many', data: { url: v.url, max: ctx.settings.maxRedirects, chain }, evidence: chain });
  } else if (v.outcome.kind === 'page') {
    const host = new URL(v.outcome.finalUrl).hostname;
    if (!ctx.site.domains.some((d) => host === d.ascii || host.endsWith(`.${d.ascii}`))) {
      report(ctx, 'live-redirect', v.url, { messageId: 'off-site', data: { url: v.url, host, chain }, evidence: chain });
    }
  }
}

/** A URL path as the built file behind it, so `ignore` globs written for `check` apply: `/` → index.html. */
export function relOf(url: string): string {
  const raw = new URL(url).pathname;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    path = raw;
  }
  path = path.replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return path;
}

type Limiter = <T>(work: () => Promise<T>) => Promise<T>;

/** At most `n` network steps at once: two cores and the sites' servers both prefer a few at a time. */
function limiter(n: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
