import os from 'node:os';
import path from 'node:path';
import { InputError } from '../config/errors.js';
import { readsEveryPage, siteFacts, type ResolvedConfig, type ResolvedSite } from '../config/resolve.js';
import { discover, DiscoverError } from '../discover/discover.js';
import { checkFile, type FileJob } from './check-file.js';
import { inputFindings, skipDraft, START } from './input-findings.js';
import { DEFAULT_PAGE_LIMITS, type PageLimits } from './limits.js';
import type { EarlyPageProcess } from './page-process.js';
import { PagePool, type PageOutcome } from './pool.js';
import { checkEntryRendered } from './render-check.js';
import { RenderSession } from './render-session.js';
import { buildReport } from './report.js';
import { configHash } from './config-hash.js';
import { ownsSiteFindings, pageInShard } from './shard.js';
import { siteRulesFrom, siteRulesInit, type SiteRules, type SiteRulesInit } from './site-rules.js';
import { StylesheetCache } from './stylesheets.js';
import { toPosix } from '../paths.js';
import type { Finding, Report, Shard, SiteSummary } from '../model/index.js';

export interface RunOptions {
  readonly cwd: string;
  readonly version: string;
  /**
   * The page-process script of the bundle (dist/worker.js). With it every page is checked in a
   * separate process under PageLimits; without it (tests of the sources) in this thread.
   */
  readonly workerScript?: URL;
  readonly pageLimits?: PageLimits;
  /** A page process started before the run (by the CLI front, for `workerScript`): the pool takes it as its first. */
  readonly firstProcess?: EarlyPageProcess;
  /** Render mode reads the browser's location from here (BEIAN_GUARD_BROWSER, CHROME_BIN, PATH); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Lines about the run itself (which browser rendered); default: none. */
  readonly log?: (line: string) => void;
  /** Check only this shard's pages (engine/shard.ts); shard 1 also reports what belongs to no one page. */
  readonly shard?: Shard;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Findings are kept until the report is written, and a site without its footer has the same few
 * messages on every page: each finding that crossed from a worker brings its own copy of every
 * text. Sharing one copy of each repeated text keeps 1,259 pages × several findings small.
 */
function compactor(): (f: Finding) => Finding {
  const texts = new Map<string, string>();
  const one = (s: string): string => {
    const known = texts.get(s);
    if (known !== undefined) return known;
    texts.set(s, s);
    return s;
  };
  return (f) => ({
    ...f,
    ruleId: one(f.ruleId),
    messageId: one(f.messageId),
    severity: one(f.severity) as Finding['severity'],
    file: one(f.file),
    page: one(f.page),
    message: one(f.message),
    fix: one(f.fix),
    evidence: one(f.evidence),
  });
}


/**
 * Processes that check pages. Pages are never checked in this process when the bundle's page
 * script is at hand: a hostile page could take it down, and with it every report. One process is
 * the least (entry pages only: one or two pages); when every page is read, up to one per core,
 * since this process only walks the folder and collects results (the pool adds them once the
 * site shows it is large: PagePool.GROW_AFTER).
 */
function poolSize(config: ResolvedConfig, options: RunOptions): number {
  if (!options.workerScript) return 0;
  if (config.workers !== undefined) return Math.max(1, config.workers);
  if (!config.sites.some(readsEveryPage)) return 1;
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/** Runs every site of the configuration and returns the report. Input problems throw InputError. */
export async function runChecks(config: ResolvedConfig, options: RunOptions): Promise<Report> {
  const started = performance.now();
  const size = poolSize(config, options);
  const limits = options.pageLimits ?? DEFAULT_PAGE_LIMITS;
  // The filing numbers are parsed once, here; the page processes get the result as plain data.
  const inits = config.sites.map((site) => siteRulesInit(site, siteFacts(site.config)));
  // The first page process starts now, before the walk and the browser: starting Node and loading
  // the engine overlap with finding the first page instead of following it (issue 18).
  const pool = size > 0 && options.workerScript ? new PagePool(options.workerScript, size, { sites: config.sites.map((site, i) => ({ rules: inits[i]!, root: site.root })), lang: config.lang }, limits, options.firstProcess) : null;
  const findings: Finding[] = [];
  const summaries: SiteSummary[] = [];
  const render = RenderSession.wanted(config) && ownsSiteFindings(options.shard) ? new RenderSession(config, options.env ?? process.env, options.log) : null;
  try {
    await render?.prepare();
    for (const [i, site] of config.sites.entries()) summaries.push(await runSite(site, inits[i]!, config, options, pool, findings, render));
    if (render) findings.push(...render.notices());
  } finally {
    await pool?.close();
    await render?.close();
  }
  const report = buildReport(options.version, findings, summaries, Math.round(performance.now() - started));
  return { ...report, ...(options.shard && { shard: options.shard }), configHash: configHash(config) };
}

async function runSite(
  site: ResolvedSite,
  init: SiteRulesInit,
  config: ResolvedConfig,
  options: RunOptions,
  pool: PagePool | null,
  findings: Finding[],
  render: RenderSession | null = null,
): Promise<SiteSummary> {
  const rules = siteRulesFrom(init, config.lang);
  const styles = new StylesheetCache(site.root);
  const entries = new Set(site.entries);
  const seenEntries = new Set<string>();
  const fileOf = (rel: string) => toPosix(path.relative(options.cwd, path.join(site.root, rel)));
  let pages = 0;
  let skipped = 0;
  // Files another shard checks: they still tell shard 1 that the site is not empty.
  let elsewhere = 0;
  const running = new Set<Promise<void>>();
  // Rendered entry pages wait for the browser's own queue (two at a time), not for the look-ahead below.
  const rendering: Promise<void>[] = [];

  const keep = compactor();
  const collect = (p: Promise<Finding[]>): void => {
    const tracked = p.then((f) => {
      for (const x of f) findings.push(keep(x));
    });
    running.add(tracked);
    void tracked.finally(() => running.delete(tracked)).catch(() => undefined);
  };

  try {
    const walk = discover(site.root, {
      ...(site.config.include && { include: site.config.include }),
      ...(site.config.exclude && { exclude: site.config.exclude }),
      maxFileSize: config.maxFileSize,
      ...(!readsEveryPage(site) && { only: site.entries }),
    });
    for await (const item of walk) {
      const entry = entries.has(item.rel);
      if (entry) seenEntries.add(item.rel);
      const job = { rel: item.rel, file: fileOf(item.rel), entry };
      if (!pageInShard(item.rel, entry, options.shard) && !(item.kind === 'skipped' && item.reason === 'missing')) {
        elsewhere++;
        continue;
      }
      if (item.kind === 'skipped') {
        if (item.reason === 'missing') {
          seenEntries.delete(item.rel);
          continue;
        }
        skipped++;
        const data = {
          detail: item.detail ?? item.reason,
          size: formatBytes(item.size ?? 0),
          limit: formatBytes(config.maxFileSize),
        };
        findings.push(...inputFindings('file-skipped', [skipDraft(item.reason, entry, data)], job, rules));
        continue;
      }
      pages++;
      const fileJob: FileJob = { ...job, abs: item.path };
      const checked = pool ? pool.run(site.index, fileJob, item.size).then((outcome) => outcomeFindings(outcome, fileJob, rules)) : checkFile(fileJob, rules, styles);
      if (render && entry && site.render && site.render.mode !== 'off') {
        const rendered = checked.then((f) => checkEntryRendered(fileJob, rules, styles, site, render, f)).then((f) => void findings.push(...f.map(keep)));
        // Handled here so a failure waits for Promise.all below instead of ending the process first.
        rendered.catch(() => undefined);
        rendering.push(rendered);
        continue;
      }
      collect(checked);
      // Bounded look-ahead: discovery never runs far ahead of the checks, so memory stays flat.
      while (running.size >= (pool ? pool.size * PagePool.DEPTH + 1 : 1)) await Promise.race(running);
    }
    await Promise.all(running);
    await Promise.all(rendering);
  } catch (e) {
    await Promise.allSettled([...running, ...rendering]);
    if (e instanceof DiscoverError) throw folderError(e, site);
    throw e;
  }

  if (!ownsSiteFindings(options.shard)) return { root: site.rootDisplay, pages, skipped };
  for (const rel of site.entries) {
    if (seenEntries.has(rel)) continue;
    findings.push(
      ...inputFindings('entry-missing', [{ messageId: 'entry-missing', span: START, anchor: 'document', data: { page: rel } }], { rel, file: fileOf(rel), entry: true }, rules),
    );
  }
  // A gate that read nothing must not pass. When only the entry pages were looked
  // for, so "nothing" is confirmed by a walk that stops at the first HTML file it meets.
  if (pages === 0 && skipped === 0 && elsewhere === 0 && (readsEveryPage(site) || !(await holdsHtml(site, config.maxFileSize)))) {
    findings.push(
      ...inputFindings('entry-missing', [{ messageId: 'no-html', span: START, anchor: 'document', data: { root: site.rootDisplay } }], { rel: '.', file: site.rootDisplay, entry: true }, rules),
    );
  }
  return { root: site.rootDisplay, pages, skipped };
}

/** A page that could not be checked is a file-skipped finding: an error on an entry page, a warning elsewhere. */
function outcomeFindings(outcome: PageOutcome, job: FileJob, rules: SiteRules): Finding[] {
  if (outcome.ok) return outcome.findings;
  const data: Record<string, string | number> =
    outcome.reason === 'too-slow'
      ? { seconds: outcome.seconds }
      : outcome.reason === 'out-of-memory'
        ? { limit: `${outcome.limitMb} MB` }
        : { detail: outcome.detail.replace(/\s+/g, ' ').slice(0, 200) };
  // A crash is reported like a thrown error in checkFile: at the rule's own severity, since it may be our bug.
  const draft = outcome.reason === 'check-failed' ? { messageId: 'check-failed', span: START, anchor: 'document' as const, data } : skipDraft(outcome.reason, job.entry, data);
  return inputFindings('file-skipped', [draft], job, rules);
}

/** Whether the site folder holds any file the walk would check or report (include and exclude apply). */
async function holdsHtml(site: ResolvedSite, maxFileSize: number): Promise<boolean> {
  const walk = discover(site.root, {
    ...(site.config.include && { include: site.config.include }),
    ...(site.config.exclude && { exclude: site.config.exclude }),
    maxFileSize,
  });
  try {
    for await (const item of walk) if (item.kind === 'file' || item.reason !== 'missing') return true;
  } catch (e) {
    if (e instanceof DiscoverError) throw folderError(e, site);
    throw e;
  }
  return false;
}

/** The site folder itself is unusable: an input error naming it as the user wrote it. */
function folderError(e: DiscoverError, site: ResolvedSite): InputError {
  const root = site.rootDisplay;
  if (e.code === 'root-missing') {
    // The CLI checks the folders itself and names the build command; this reaches the action.
    return InputError.of('root-missing', { root, hint: { 'zh-CN': '。网站是否已在前面的步骤中构建？', en: '. Has the site been built in an earlier step?' } });
  }
  if (e.code === 'root-not-directory') return InputError.of('root-not-directory', { root });
  const cause = e.cause as NodeJS.ErrnoException | undefined;
  return InputError.of('root-unreadable', { root, detail: cause?.code ?? e.message });
}
