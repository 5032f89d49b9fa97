import os from 'node:os';
import path from 'node:path';
import { InputError } from '../config/errors.js';
import { readsEveryPage, siteFacts, type ResolvedConfig, type ResolvedSite } from '../config/resolve.js';
import { discover, DiscoverError } from '../discover/discover.js';
import { checkFile, type FileJob } from './check-file.js';
import { inputFindings, skipDraft, START } from './input-findings.js';
import { prepareSiteRules } from './site-rules.js';
import { PagePool } from './pool.js';
import { checkEntryRendered } from './render-check.js';
import { RenderSession } from './render-session.js';
import { buildReport } from './report.js';
import { StylesheetCache } from './stylesheets.js';
import { toPosix } from '../paths.js';
import type { Finding, Report, SiteSummary } from '../model/index.js';

export interface RunOptions {
  readonly cwd: string;
  readonly version: string;
  /** The worker script of the bundle (dist/worker.js); without it every page is checked in this thread. */
  readonly workerScript?: URL;
  /** Render mode reads the browser's location from here (BEIAN_GUARD_BROWSER, CHROME_BIN, PATH); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Lines about the run itself (which browser rendered); default: none. */
  readonly log?: (line: string) => void;
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
 * Worker threads pay off only when many pages are read: with scope `entry` and contentScope
 * `entry` a run reads one or two pages, and starting threads would cost more than checking them.
 * The main thread checks pages too whenever every worker is busy, so one core is left for it:
 * each worker is a second copy of the engine (its code, its heap, its own warm-up), and on two
 * cores one worker plus the main thread was as fast as two workers beside an idle main thread,
 * with one copy fewer in memory.
 */
function poolSize(config: ResolvedConfig, options: RunOptions): number {
  if (!options.workerScript) return 0;
  if (config.workers !== undefined) return config.workers;
  if (!config.sites.some(readsEveryPage)) return 0;
  return Math.max(0, Math.min(8, os.availableParallelism() - 1));
}

/**
 * Pages the main thread checks before the default pool starts. Content rules read every page by
 * default, so most runs read the whole site, and most sites are small: a worker costs about as
 * much to start as the main thread needs for a few dozen pages, so a small site never pays for
 * one. An explicit `workers` setting starts the pool at once.
 */
const POOL_AFTER_PAGES = 48;

/** Runs every site of the configuration and returns the report. Input problems throw InputError. */
export async function runChecks(config: ResolvedConfig, options: RunOptions): Promise<Report> {
  const started = performance.now();
  const size = poolSize(config, options);
  const startAfter = config.workers !== undefined ? 0 : POOL_AFTER_PAGES;
  let pool: PagePool | null = null;
  let seen = 0;
  const poolForNextPage = (): PagePool | null => {
    if (!pool && size > 0 && options.workerScript && seen++ >= startAfter) {
      pool = new PagePool(options.workerScript, size, { sites: config.sites, lang: config.lang });
    }
    return pool;
  };
  const findings: Finding[] = [];
  const summaries: SiteSummary[] = [];
  const render = RenderSession.wanted(config) ? new RenderSession(config, options.env ?? process.env, options.log) : null;
  try {
    await render?.prepare();
    for (const site of config.sites) summaries.push(await runSite(site, config, options, poolForNextPage, findings, render));
    if (render) findings.push(...render.notices());
  } finally {
    await (pool as PagePool | null)?.close();
    await render?.close();
  }
  return buildReport(options.version, findings, summaries, Math.round(performance.now() - started));
}

async function runSite(
  site: ResolvedSite,
  config: ResolvedConfig,
  options: RunOptions,
  poolForNextPage: () => PagePool | null,
  findings: Finding[],
  render: RenderSession | null = null,
): Promise<SiteSummary> {
  const rules = prepareSiteRules(site, siteFacts(site.config), config.lang);
  const styles = new StylesheetCache(site.root);
  const entries = new Set(site.entries);
  const seenEntries = new Set<string>();
  const fileOf = (rel: string) => toPosix(path.relative(options.cwd, path.join(site.root, rel)));
  let pages = 0;
  let skipped = 0;
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
      if (render && entry && site.render && site.render.mode !== 'off') {
        const rendered = checkEntryRendered(fileJob, rules, styles, site, render).then((f) => void findings.push(...f.map(keep)));
        // Handled here so a failure waits for Promise.all below instead of ending the process first.
        rendered.catch(() => undefined);
        rendering.push(rendered);
        continue;
      }
      const pool = poolForNextPage();
      if (pool?.hasRoom && item.size <= PagePool.MAX_PAGE_BYTES) collect(pool.run(site.index, fileJob));
      else {
        // The main thread takes a page itself only when no worker has room. Checking runs
        // synchronously, so let the event loop turn afterwards: workers' results (and their next
        // pages) wait for it, and without the turn the main thread would end up checking alone.
        collect(checkFile(fileJob, rules, styles));
        if (pool) await new Promise<void>((resolve) => setImmediate(resolve));
      }
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

  for (const rel of site.entries) {
    if (seenEntries.has(rel)) continue;
    findings.push(
      ...inputFindings('entry-missing', [{ messageId: 'entry-missing', span: START, anchor: 'document', data: { page: rel } }], { rel, file: fileOf(rel), entry: true }, rules),
    );
  }
  // A gate that read nothing must not pass. When only the entry pages were looked
  // for, so "nothing" is confirmed by a walk that stops at the first HTML file it meets.
  if (pages === 0 && skipped === 0 && (readsEveryPage(site) || !(await holdsHtml(site, config.maxFileSize)))) {
    findings.push(
      ...inputFindings('entry-missing', [{ messageId: 'no-html', span: START, anchor: 'document', data: { root: site.rootDisplay } }], { rel: '.', file: site.rootDisplay, entry: true }, rules),
    );
  }
  return { root: site.rootDisplay, pages, skipped };
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
