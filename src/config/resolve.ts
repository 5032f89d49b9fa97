import path from 'node:path';
import { z } from 'zod';
import { parseIcp } from '../domain/icp.js';
import { parsePolice } from '../domain/police.js';
import type { Lang } from '../i18n/lang.js';
import { RULES_BY_ID } from '../rules/index.js';
import { InputError } from './errors.js';
import { SITE_LIVE_KEYS, type LiveRunConfig, type SiteLiveConfig } from './live-schema.js';
import { renderModeFlag, resolveRunRender, resolveSiteRender, type ResolvedRender, type RunRender } from './render.js';
import { failOnSchema, filingSchema, langSchema, multiConfigSchema, scopeSchema, singleConfigSchema, siteSchema, type MultiConfig, type Scope, type SiteConfig } from './schema.js';
import { toPosix } from '../paths.js';
import type { FailOn, IcpNumber, PoliceNumber, Severity, SiteFacts } from '../model/index.js';

/** Flags (CLI) or inputs (Action): the shorthand for one site, applied over any config file. */
export interface Overrides {
  root?: string;
  icp?: string;
  police?: string;
  siteName?: string;
  filing?: string;
  scope?: string;
  failOn?: string;
  lang?: string;
  workers?: number;
  sourceMap?: boolean;
  /** `--render` / input `render`: on, auto or off for every site. */
  render?: string;
  /** `--browser` / input `browser`. */
  browser?: string;
}

/** Everything a run needs about one site, validated; plain data so it can cross to worker threads. */
export interface ResolvedSite {
  readonly index: number;
  /** Absolute path of the built site. */
  readonly root: string;
  /** The root relative to the working directory, for messages and report paths. */
  readonly rootDisplay: string;
  readonly config: SiteConfig;
  readonly scope: Scope;
  /** Entry pages relative to the root: index.html plus the configured homepages. */
  readonly entries: readonly string[];
  /** Effective severity per rule id; rules set to off are absent. */
  readonly severities: Readonly<Record<string, Severity>>;
  /** Render mode for this site's entry pages; absent (sites built by hand) means off. */
  readonly render?: ResolvedRender;
}

export interface ResolvedConfig {
  readonly sites: readonly ResolvedSite[];
  readonly failOn: FailOn;
  readonly lang: Lang;
  readonly workers: number | undefined;
  readonly maxFileSize: number;
  readonly sources: { readonly enabled: boolean; readonly include?: readonly string[]; readonly exclude?: readonly string[] };
  /** The config file used, if any (absolute). */
  readonly configFile: string | undefined;
  /** Top-level `live` settings (beian-guard live); file paths in it are relative to the config file. */
  readonly live?: LiveRunConfig;
  /** Render mode's browser and concurrency for the whole run; absent means the defaults. */
  readonly render?: RunRender;
}

const DEFAULT_MAX_FILE_MB = 20;

/** `sites[0].rules.icp-linkk` style path for messages. */
export function formatPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const part of p) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

export function zodProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = formatPath(issue.path);
      if (issue.code === 'unrecognized_keys') return `${where}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

function fail(source: string, message: string): never {
  throw new InputError(`${source}: ${message}`);
}

/** Parses a raw config object (already read from a file) into the multi-site shape. */
export function parseConfigObject(raw: unknown, source: string): MultiConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(source, 'the config must be an object');
  const schema = 'sites' in raw ? multiConfigSchema : singleConfigSchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) fail(source, zodProblems(parsed.error));
  if ('sites' in parsed.data) return parsed.data;
  const { $schema, failOn, lang, scope, workers, maxFileSizeMB, sources, live, ...site } = parsed.data;
  const split = live && splitLive(live);
  return {
    sites: [{ ...site, ...(split?.site && { live: split.site }) }],
    ...(split?.run && { live: split.run }),
    ...($schema !== undefined && { $schema }),
    ...(failOn !== undefined && { failOn }),
    ...(lang !== undefined && { lang }),
    ...(scope !== undefined && { scope }),
    ...(workers !== undefined && { workers }),
    ...(maxFileSizeMB !== undefined && { maxFileSizeMB }),
    ...(sources !== undefined && { sources }),
  };
}

/** The one-site form's `live` holds the site's keys (hosts, schemes…) and the run's (timeoutMs, network…). */
function splitLive(live: Record<string, unknown>): { site?: SiteLiveConfig; run?: LiveRunConfig } {
  const site: Record<string, unknown> = {};
  const run: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(live)) ((SITE_LIVE_KEYS as readonly string[]).includes(key) ? site : run)[key] = value;
  return {
    ...(Object.keys(site).length > 0 && { site: site as SiteLiveConfig }),
    ...(Object.keys(run).length > 0 && { run: run as LiveRunConfig }),
  };
}

function checkEnum<T>(schema: z.ZodType<T>, value: string | undefined, name: string): T | undefined {
  if (value === undefined || value === '') return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw new InputError(`${name}: "${value}" is not one of ${describeEnum(schema)}`);
  return r.data;
}

function describeEnum(schema: z.ZodType): string {
  const options = (schema as unknown as { options?: readonly string[] }).options;
  return options ? options.map((o) => `"${o}"`).join(', ') : 'the allowed values';
}

export function validateIcp(value: string, where: string): IcpNumber {
  const r = parseIcp(value);
  if (r.ok) return r.value;
  const why: Record<string, string> = {
    empty: 'it is empty',
    'unknown-province': 'it does not start with a province character such as 京 or 粤',
    'not-icp': 'it is not an MIIT number (look-alikes such as 萌ICP备 are not filings)',
    digits: 'the serial has the wrong number of digits',
    'suffix-order': 'the site suffix goes after 号, as in 京ICP备2023012345号-1',
    'app-suffix': 'A/X/K suffixes are App or mini-program numbers, not a website number',
    placeholder: 'it is a placeholder, not a real number',
    syntax: 'expected a form like 京ICP备2023012345号-1, 京ICP证030173号 or 粤B2-20090059',
  };
  throw new InputError(`${where}: "${value}" is not a valid ICP number: ${why[r.reason] ?? r.reason}${r.detail ? ` (${r.detail})` : ''}`);
}

export function validatePolice(value: string, where: string): PoliceNumber {
  const r = parsePolice(value);
  if (r.ok) return r.value;
  const why: Record<string, string> = {
    empty: 'it is empty',
    'unknown-province': 'it does not start with a province character such as 京 or 粤',
    digits: 'it must have 14 digits',
    'legacy-length': 'it has 12 or 13 digits; look up the current 14-digit number',
    'region-mismatch': 'its first two digits name another province than its first character',
    syntax: 'expected a form like 京公网安备11010502030143号',
  };
  throw new InputError(`${where}: "${value}" is not a valid public-security number: ${why[r.reason] ?? r.reason}${r.detail ? ` (${r.detail})` : ''}`);
}

/** Names where a site's key came from in messages: `--icp`, or `beian.config.json: sites[1].icp`. */
export type KeyLocator = (key: string) => string;

/** Parsed filing facts for the rules. Runs again inside each worker; cheap and keeps messages plain data. */
export function siteFacts(config: SiteConfig, at: KeyLocator = (key) => `config: ${key}`): SiteFacts {
  return {
    icp: validateIcp(config.icp, at('icp')),
    ...(config.police !== undefined && { police: validatePolice(config.police, at('police')) }),
    siteName: config.siteName,
    filing: config.filing,
    miitLink: config.miitLink,
    preapprovals: config.preapprovals ?? [],
    allow: config.allow ?? [],
    otherOrganizations: config.otherOrganizations ?? [],
  };
}


/**
 * Combines a config file (already parsed; may be absent) with flags into the validated run
 * configuration. `baseDir` is the config file's folder (roots are relative to it) or the cwd.
 */
export function resolveConfig(
  file: { config: MultiConfig; path: string; sitesForm?: boolean } | undefined,
  overrides: Overrides,
  cwd: string,
): ResolvedConfig {
  const source = file ? path.relative(cwd, file.path) || file.path : 'flags';
  const scopeFlag = checkEnum(scopeSchema, overrides.scope, '--scope');
  const failOnFlag = checkEnum(failOnSchema, overrides.failOn, '--fail-on');
  const langFlag = checkEnum(langSchema, overrides.lang, '--lang');
  const filingFlag = checkEnum(filingSchema, overrides.filing, '--filing');
  const renderFlag = renderModeFlag(overrides.render, '--render');

  const FLAGS: Record<string, string> = { icp: '--icp', police: '--police', siteName: '--site-name', filing: '--filing', scope: '--scope', root: 'the site folder' };
  const fromFlag = (key: string) => (overrides as Record<string, unknown>)[key] !== undefined && FLAGS[key] !== undefined;
  let rawSites: { site: Record<string, unknown>; base: string; at: KeyLocator; where: string }[];
  if (file) {
    if (overrides.root !== undefined && file.config.sites.length > 1) {
      throw new InputError(`${source}: names ${file.config.sites.length} sites; a folder argument can only stand for one site`);
    }
    const base = path.dirname(file.path);
    rawSites = file.config.sites.map((s, i) => ({
      site: { ...s, ...(overrides.root !== undefined && { root: path.resolve(cwd, overrides.root) }) },
      base,
      where: file.sitesForm ? `${source}: sites[${i}]` : source,
      at: (key: string) => (fromFlag(key) ? FLAGS[key]! : file.sitesForm ? `${source}: sites[${i}].${key}` : `${source}: ${key}`),
    }));
  } else {
    rawSites = [{ site: { root: overrides.root ?? '.' }, base: cwd, where: 'flags', at: (key) => FLAGS[key] ?? `--${key}` }];
  }

  const sites = rawSites.map(({ site, base, where, at }, index): ResolvedSite => {
    const merged: Record<string, unknown> = { ...site };
    if (overrides.icp) merged.icp = overrides.icp;
    if (overrides.police) merged.police = overrides.police;
    if (overrides.siteName) merged.siteName = overrides.siteName;
    if (filingFlag) merged.filing = filingFlag;
    if (scopeFlag) merged.scope = scopeFlag;
    const parsed = siteSchema.safeParse(merged);
    if (!parsed.success) {
      const flagNames: Record<string, string> = { icp: '--icp', siteName: '--site-name', root: 'the site folder' };
      const missing = parsed.error.issues
        .filter((i) => i.path.length === 1 && merged[String(i.path[0])] === undefined)
        .map((i) => flagNames[String(i.path[0])] ?? String(i.path[0]));
      if (missing.length > 0 && !file) throw new InputError(`missing ${missing.join(' and ')} (or give a config file with --config)`);
      throw new InputError(`${where}: ${zodProblems(parsed.error)}`);
    }
    const config = parsed.data;
    siteFacts(config, at);
    const severities: Record<string, Severity> = {};
    for (const [id, rule] of RULES_BY_ID) severities[id] = rule.meta.defaultSeverity;
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      if (!RULES_BY_ID.has(id)) throw new InputError(`${at('rules')}: unknown rule id "${id}"${suggest(id)}`);
      if (setting === 'off') delete severities[id];
      else severities[id] = setting;
    }
    for (const id of Object.keys(config.ignore ?? {})) {
      if (!RULES_BY_ID.has(id)) throw new InputError(`${at('ignore')}: unknown rule id "${id}"${suggest(id)}`);
    }
    const root = path.resolve(base, config.root);
    const entries = ['index.html', ...(config.homepages ?? [])].map((p) => toPosix(path.posix.normalize(p.replace(/^\/+/, ''))));
    return {
      index,
      root,
      rootDisplay: toPosix(path.relative(cwd, root)) || '.',
      config,
      scope: config.scope ?? file?.config.scope ?? 'entry',
      entries: [...new Set(entries)],
      severities,
      render: resolveSiteRender(file?.config.render, config.render, renderFlag),
    };
  });

  const top = file?.config;
  const render = resolveRunRender(
    top?.render,
    rawSites.map((r, i) => ({ render: sites[i]!.config.render, where: r.at('render') })),
    overrides.browser,
    { cwd, configDir: file ? path.dirname(file.path) : cwd, source },
  );
  return {
    sites,
    failOn: failOnFlag ?? top?.failOn ?? 'error',
    lang: langFlag ?? top?.lang ?? 'zh-CN',
    workers: overrides.workers ?? top?.workers,
    maxFileSize: Math.round((top?.maxFileSizeMB ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024),
    sources: {
      enabled: overrides.sourceMap ?? top?.sources?.enabled ?? true,
      ...(top?.sources?.include && { include: top.sources.include }),
      ...(top?.sources?.exclude && { exclude: top.sources.exclude }),
    },
    configFile: file?.path,
    ...(top?.live && { live: top.live }),
    render,
  };
}

/** "did you mean" for a mistyped rule id. */
function suggest(id: string): string {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const known of RULES_BY_ID.keys()) {
    const d = distance(id, known);
    if (d < bestScore) {
      bestScore = d;
      best = known;
    }
  }
  return best && bestScore <= 3 ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
