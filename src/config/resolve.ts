import path from 'node:path';
import type { $ZodError, $ZodIssue } from 'zod/v4/core';
import { parseIcp, type IcpProblem } from '../domain/icp.js';
import { parsePolice, type PoliceProblem } from '../domain/police.js';
import { LANGS, type Lang, type Localized } from '../i18n/lang.js';
import { RULES_BY_ID } from '../rules/index.js';
import { both, InputError, type Where } from './errors.js';
import { checkOneStdout, type ReportSpec } from './report-specs.js';
import { SITE_LIVE_KEYS, type LiveRunConfig, type SiteLiveConfig } from './live-schema.js';
import { renderModeFlag, resolveRunRender, resolveSiteRender, type ResolvedRender, type RunRender } from './render.js';
import { CONTENT_SCOPES, multiConfigSchema, SCOPES, singleConfigSchema, siteSchema, type ContentScope, type MultiConfig, type Scope, type SiteConfig } from './schema.js';
import { ownIssueText } from './schema-issues.js';
import { didYouMean } from './suggest.js';
import { toPosix } from '../paths.js';
import { FAIL_ON, FILINGS, type FailOn, type IcpNumber, type PoliceNumber, type Severity, type SiteFacts } from '../model/index.js';

/** Flags (CLI) or inputs (Action): the shorthand for one site, applied over any config file. */
export interface Overrides {
  root?: string;
  icp?: string;
  police?: string;
  siteName?: string;
  filing?: string;
  scope?: string;
  contentScope?: string;
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
  /** Where footer and title rules run: entry pages, or every page. */
  readonly scope: Scope;
  /** Where content rules run: every page (the default), or entry pages only. */
  readonly contentScope: ContentScope;
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
  /** The config's `reports`: what a run writes when no --format is given. */
  readonly reports: readonly ReportSpec[];
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

const TYPE_NAMES: Record<string, Localized> = {
  string: both('字符串', 'a string'),
  number: both('数字', 'a number'),
  int: both('整数', 'a whole number'),
  boolean: both('true 或 false', 'true or false'),
  object: both('对象', 'an object'),
  array: both('数组', 'an array'),
};

/**
 * One zod issue in both languages, in our own words (zod/mini carries no message texts); issues
 * our schemas raise themselves name their message by id (schema-issues.ts). The key path comes
 * first, as in `sites[0].icp: …`. `prefix` is the path of the union an issue was found inside.
 */
function issueTexts(issue: $ZodIssue, prefix: readonly PropertyKey[] = []): Localized[] {
  const path = [...prefix, ...issue.path];
  const where = formatPath(path);
  const at = (zh: string, en: string): Localized => ({ 'zh-CN': `${where === '(top level)' ? '顶层' : where}：${zh}`, en: `${where}: ${en}` });
  if (issue.code === 'invalid_union') {
    // An object that fits no form: what is wrong inside it is what the user needs to read.
    const inside = objectBranch(issue);
    if (inside) return inside.flatMap((i) => issueTexts(i, path));
  }
  const own = ownIssueText(issue);
  if (own) return [at(own['zh-CN'], own.en)];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return [at(`未知的字段 ${keys}`, `unknown key(s) ${keys}`)];
    }
    case 'invalid_type': {
      const type = TYPE_NAMES[issue.expected] ?? both(issue.expected, issue.expected);
      if (issue.input === undefined) return [at(`缺少这个字段（应为${type['zh-CN']}）`, `missing (expected ${type.en})`)];
      return [at(`应为${type['zh-CN']}`, `expected ${type.en}`)];
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return [at('不能为空', 'must not be empty')];
      if (issue.origin === 'array' || issue.origin === 'set') return [at(`至少需要 ${min} 项`, `needs at least ${min} item(s)`)];
      return [issue.inclusive ? at(`不能小于 ${min}`, `must be at least ${min}`) : at(`必须大于 ${min}`, `must be greater than ${min}`)];
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array') return [at(`不能超过 ${max} 项`, `must have at most ${max}`)];
      return [issue.inclusive ? at(`不能大于 ${max}`, `must be at most ${max}`) : at(`必须小于 ${max}`, `must be less than ${max}`)];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      return [at(`应为 ${values.join('、')} 之一`, `expected one of ${values.join(', ')}`)];
    }
    default:
      return [at('值无效', 'invalid value')];
  }
}

/**
 * The issues of the one object form of a union, when the input is an object and every other form
 * failed only because it is not that kind of value (`render: { viewports: [] }`).
 */
function objectBranch(issue: Extract<$ZodIssue, { code: 'invalid_union' }>): readonly $ZodIssue[] | undefined {
  if (issue.input === null || typeof issue.input !== 'object' || Array.isArray(issue.input)) return undefined;
  const wrongKind = (issues: readonly $ZodIssue[]) => issues.length === 1 && issues[0]!.path.length === 0 && (issues[0]!.code === 'invalid_type' || issues[0]!.code === 'invalid_value');
  const left = issue.errors.filter((issues) => !wrongKind(issues));
  return left.length === 1 ? left[0] : undefined;
}

/** Every problem zod found, in both languages, separated by semicolons. */
export function zodProblemTexts(error: $ZodError): Localized {
  const texts = error.issues.flatMap((issue) => issueTexts(issue));
  return { 'zh-CN': texts.map((t) => t['zh-CN']).join('；'), en: texts.map((t) => t.en).join('; ') };
}

/** The English text of zodProblemTexts, for callers that want one string. */
export function zodProblems(error: $ZodError): string {
  return zodProblemTexts(error).en;
}

/** Parses a raw config object (already read from a file) into the multi-site shape. */
export function parseConfigObject(raw: unknown, source: string): MultiConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw InputError.of('config-not-object', {}, source);
  const schema = 'sites' in raw ? multiConfigSchema : singleConfigSchema;
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw InputError.of('config-invalid', { problems: zodProblemTexts(parsed.error) }, source);
  if ('sites' in parsed.data) return parsed.data;
  const { $schema, failOn, lang, scope, contentScope, workers, maxFileSizeMB, sources, live, reports, ...site } = parsed.data;
  const split = live && splitLive(live);
  return {
    sites: [{ ...site, ...(split?.site && { live: split.site }) }],
    ...(split?.run && { live: split.run }),
    ...($schema !== undefined && { $schema }),
    ...(failOn !== undefined && { failOn }),
    ...(lang !== undefined && { lang }),
    ...(scope !== undefined && { scope }),
    ...(contentScope !== undefined && { contentScope }),
    ...(workers !== undefined && { workers }),
    ...(maxFileSizeMB !== undefined && { maxFileSizeMB }),
    ...(sources !== undefined && { sources }),
    ...(reports !== undefined && { reports }),
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

/** The config's `reports` as the CLI's report list (at most one to standard output). */
function configReports(reports: readonly { format: ReportSpec['format']; path?: string | undefined }[] | undefined, where: string): ReportSpec[] {
  const specs = (reports ?? []).map((r) => ({ format: r.format, ...(r.path !== undefined && r.path !== '-' && { file: r.path }) }));
  checkOneStdout(specs, where);
  return specs;
}

/** A config key path (`beian.config.json: sites[1].render`), the same in every language. */
function keyPath(where: Where): string {
  return typeof where === 'string' ? where : where.en;
}

/** A value that must be one of a few words; `where` names the flag or input it came from. */
export function checkChoice<T extends string>(allowed: readonly T[], value: string | undefined, where: Where): T | undefined {
  if (value === undefined || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw InputError.of('choice', { value, allowed: allowed.map((o) => `"${o}"`).join(', ') }, where);
}

const ICP_WHY: Record<IcpProblem, Localized> = {
  empty: both('号码是空的', 'it is empty'),
  'unknown-province': both('开头不是省份简称（如京、粤）', 'it does not start with a province character such as 京 or 粤'),
  'not-icp': both('不是工信部的备案号（“萌ICP备”等是非官方编号）', 'it is not an MIIT number (look-alikes such as 萌ICP备 are not filings)'),
  digits: both('数字位数不对：备案号为 6、7、8 或 10 位，ICP 证为 6 位，B2 许可证为 7 或 8 位', 'the serial has the wrong number of digits'),
  'suffix-order': both('网站序号应写在“号”之后，如 京ICP备2023012345号-1', 'the site suffix goes after 号, as in 京ICP备2023012345号-1'),
  'app-suffix': both('A/X/K 后缀是 App、小程序或快应用的备案号，不是网站备案号', 'A/X/K suffixes are App or mini-program numbers, not a website number'),
  placeholder: both('这是占位号码，不是真实的备案号', 'it is a placeholder, not a real number'),
  syntax: both('应写成 京ICP备2023012345号-1、京ICP证030173号 或 粤B2-20090059 这样的形式', 'expected a form like 京ICP备2023012345号-1, 京ICP证030173号 or 粤B2-20090059'),
};

export function validateIcp(value: string, where: Where): IcpNumber {
  const r = parseIcp(value);
  if (r.ok) return r.value;
  const why = ICP_WHY[r.reason];
  const detail = r.detail ? ` (${r.detail})` : '';
  throw InputError.of('icp-invalid', { value, why: { 'zh-CN': why['zh-CN'], en: `${why.en}${detail}` } }, where);
}

const POLICE_WHY: Record<PoliceProblem, Localized> = {
  empty: both('号码是空的', 'it is empty'),
  'unknown-province': both('开头不是省份简称（如京、粤）', 'it does not start with a province character such as 京 or 粤'),
  digits: both('应为 14 位数字', 'it must have 14 digits'),
  'legacy-length': both('这是 12 或 13 位的旧号码，请查询现在的 14 位号码', 'it has 12 or 13 digits; look up the current 14-digit number'),
  'region-mismatch': both('前两位数字与开头的省份简称不是同一个省', 'its first two digits name another province than its first character'),
  syntax: both('应写成 京公网安备11010502030143号 这样的形式', 'expected a form like 京公网安备11010502030143号'),
};

export function validatePolice(value: string, where: Where): PoliceNumber {
  const r = parsePolice(value);
  if (r.ok) return r.value;
  const why = POLICE_WHY[r.reason];
  const detail = r.detail ? ` (${r.detail})` : '';
  throw InputError.of('police-invalid', { value, why: { 'zh-CN': why['zh-CN'], en: `${why.en}${detail}` } }, where);
}

/** Names where a site's key came from in messages: `--icp`, or `beian.config.json: sites[1].icp`. */
export type KeyLocator = (key: string) => Where;

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

/** Whether a site reads every page: footer rules on all pages, or content rules on all pages. */
export function readsEveryPage(site: Pick<ResolvedSite, 'scope' | 'contentScope'>): boolean {
  return site.scope === 'all' || site.contentScope === 'all';
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
  const scopeFlag = checkChoice(SCOPES, overrides.scope, '--scope');
  const contentScopeFlag = checkChoice(CONTENT_SCOPES, overrides.contentScope, '--content-scope');
  const failOnFlag = checkChoice(FAIL_ON, overrides.failOn, '--fail-on');
  const langFlag = checkChoice(LANGS, overrides.lang, '--lang');
  const filingFlag = checkChoice(FILINGS, overrides.filing, '--filing');
  const renderFlag = renderModeFlag(overrides.render, '--render');

  const FLAGS: Record<string, Where> = {
    icp: '--icp',
    police: '--police',
    siteName: '--site-name',
    filing: '--filing',
    scope: '--scope',
    contentScope: '--content-scope',
    root: both('站点目录', 'the site folder'),
  };
  const fromFlag = (key: string) => (overrides as Record<string, unknown>)[key] !== undefined && FLAGS[key] !== undefined;
  let rawSites: { site: Record<string, unknown>; base: string; at: KeyLocator; where: string }[];
  if (file) {
    if (overrides.root !== undefined && file.config.sites.length > 1) {
      throw InputError.of('folder-many-sites', { count: file.config.sites.length }, source);
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
    if (contentScopeFlag) merged.contentScope = contentScopeFlag;
    const parsed = siteSchema.safeParse(merged, { reportInput: true });
    if (!parsed.success) {
      const flagNames: Record<string, string> = { icp: '--icp', siteName: '--site-name', root: 'the site folder' };
      const missing = parsed.error.issues
        .filter((i) => i.path.length === 1 && merged[String(i.path[0])] === undefined)
        .map((i) => flagNames[String(i.path[0])] ?? String(i.path[0]));
      if (missing.length > 0 && !file) {
        throw InputError.of('missing-flags', { missing: { 'zh-CN': missing.join(' 和 '), en: missing.join(' and ') } });
      }
      throw InputError.of('config-invalid', { problems: zodProblemTexts(parsed.error) }, where);
    }
    const config = parsed.data;
    siteFacts(config, at);
    const severities: Record<string, Severity> = {};
    for (const [id, rule] of RULES_BY_ID) severities[id] = rule.meta.defaultSeverity;
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      if (!RULES_BY_ID.has(id)) throw InputError.of('unknown-rule', { id, suggestion: didYouMean(id, RULES_BY_ID.keys()) }, at('rules'));
      if (setting === 'off') delete severities[id];
      else severities[id] = setting;
    }
    for (const id of Object.keys(config.ignore ?? {})) {
      if (!RULES_BY_ID.has(id)) throw InputError.of('unknown-rule', { id, suggestion: didYouMean(id, RULES_BY_ID.keys()) }, at('ignore'));
    }
    const root = path.resolve(base, config.root);
    const entries = ['index.html', ...(config.homepages ?? [])].map((p) => toPosix(path.posix.normalize(p.replace(/^\/+/, ''))));
    return {
      index,
      root,
      rootDisplay: toPosix(path.relative(cwd, root)) || '.',
      config,
      scope: config.scope ?? file?.config.scope ?? 'entry',
      contentScope: config.contentScope ?? file?.config.contentScope ?? 'all',
      entries: [...new Set(entries)],
      severities,
      render: resolveSiteRender(file?.config.render, config.render, renderFlag),
    };
  });

  const top = file?.config;
  const render = resolveRunRender(
    top?.render,
    rawSites.map((r, i) => ({ render: sites[i]!.config.render, where: keyPath(r.at('render')) })),
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
    reports: configReports(top?.reports, `${source}: reports`),
  };
}
