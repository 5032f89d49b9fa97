import { parentPort, workerData } from 'node:worker_threads';
import { siteFacts } from '../config/resolve.js';
import { checkFile } from './check-file.js';
import { prepareSiteRules } from './site-rules.js';
import type { FromWorker, ToWorker, WorkerInit } from './pool.js';
import { StylesheetCache } from './stylesheets.js';

/** Body of a worker thread: prepares each site's rules once, then checks the pages it is sent. */
export function runWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runWorker must run inside a worker thread');
  const init = workerData as WorkerInit;
  const sites = init.sites.map((site) => ({
    rules: prepareSiteRules(site, siteFacts(site.config), init.lang),
    styles: new StylesheetCache(site.root),
  }));
  port.on('message', (m: ToWorker) => {
    const site = sites[m.site];
    if (!site) {
      port.postMessage({ type: 'failed', id: m.id, error: `unknown site ${m.site}` } satisfies FromWorker);
      return;
    }
    checkFile(m.job, site.rules, site.styles).then(
      (findings) => port.postMessage({ type: 'done', id: m.id, findings } satisfies FromWorker),
      (e: unknown) => port.postMessage({ type: 'failed', id: m.id, error: `${m.job.file}: ${e instanceof Error ? e.message : String(e)}` } satisfies FromWorker),
    );
  });
}
