import { Worker } from 'node:worker_threads';
import { checkFile, type FileJob } from './check-file.js';
import { siteRulesFrom, type SiteRules } from './site-rules.js';
import type { FromChecker, ToChecker } from './pool.js';
import { StylesheetCache } from './stylesheets.js';
import { WireEncoder } from './wire.js';
import { KERNEL_WATCHED } from './page-process.js';

/**
 * A page is checked synchronously, so while one runs this process cannot notice that the run
 * is over: a parent killed outright (SIGKILL, an out-of-memory kill) would leave it checking a
 * page that never finishes, burning a core. Where the kernel does not end it with its parent
 * (page-process.ts), a tiny thread beside it watches the parent and ends the process once the
 * parent is gone (its parent pid changes, or it no longer exists).
 */
const WATCHDOG = `
const { workerData: parent } = require('node:worker_threads');
setInterval(() => {
  let gone = process.ppid !== parent;
  if (!gone) try { process.kill(parent, 0); } catch (e) { gone = e.code === 'ESRCH'; }
  if (gone) process.kill(process.pid, 'SIGKILL');
}, 500);
`;

function watchParent(): void {
  const watchdog = new Worker(WATCHDOG, { eval: true, workerData: process.ppid, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } });
  // It must never keep the process alive on its own, nor take it down if it fails.
  watchdog.unref();
  watchdog.on('error', () => undefined);
}

/**
 * Body of a page process (dist/worker.js, started by PagePool): prepares each site's rules once
 * from what the parent resolved (plain data: this bundle holds no configuration code), then
 * checks the pages it is sent, one at a time, in the order they came.
 */
export function runWorker(): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('runWorker must run in a process started by the page pool');
  // Started under setpriv (page-process.ts), the kernel ends this process with its parent.
  if (!process.argv.includes(KERNEL_WATCHED)) watchParent();
  let sites: { rules: SiteRules; styles: StylesheetCache }[] | null = null;
  const waiting: { id: number; site: number; job: FileJob }[] = [];
  const wire = new WireEncoder();
  let busy = false;

  const next = (): void => {
    const m = waiting.shift();
    if (!m || !sites) {
      busy = false;
      return;
    }
    busy = true;
    const site = sites[m.site];
    const reply = (message: FromChecker): void => {
      // The next page starts only once this result is on its way: a result still queued in this
      // process while a slow page runs would count against the slow page's deadline otherwise.
      send(message, undefined, {}, () => next());
    };
    if (!site) return reply({ type: 'failed', id: m.id, error: `unknown site ${m.site}` });
    checkFile(m.job, site.rules, site.styles).then(
      (findings) => reply({ type: 'done', id: m.id, findings: wire.encode(findings) }),
      (e: unknown) => reply({ type: 'failed', id: m.id, error: `${m.job.file}: ${e instanceof Error ? e.message : String(e)}` }),
    );
  };

  process.on('message', (m: ToChecker) => {
    if (m.type === 'init') {
      sites = m.init.sites.map((site) => ({ rules: siteRulesFrom(site.rules, m.init.lang), styles: new StylesheetCache(site.root) }));
      send({ type: 'ready' } satisfies FromChecker);
    } else for (const job of m.jobs) waiting.push(job);
    if (!busy) next();
  });
  // The run is over, or the parent died: nothing is left to do here.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'listening' } satisfies FromChecker);
}
