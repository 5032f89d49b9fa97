import { Worker } from 'node:worker_threads';
import type { ResolvedSite } from '../config/resolve.js';
import type { Lang } from '../i18n/lang.js';
import type { FileJob } from './check-file.js';
import type { Finding } from '../model/index.js';

export interface WorkerInit {
  readonly sites: readonly ResolvedSite[];
  readonly lang: Lang;
}

export type ToWorker = { type: 'job'; id: number; site: number; job: FileJob };
export type FromWorker = { type: 'done'; id: number; findings: Finding[] } | { type: 'failed'; id: number; error: string };

interface Pending {
  resolve: (f: Finding[]) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed set of worker threads that check pages. Written here rather than taken from a pool
 * package because the bundle must ship the worker as its own file next to dist/index.js, and
 * the pool packages locate their worker scripts relative to their own install folder, which
 * does not exist inside an ncc bundle. It is small: each job goes to the least busy worker,
 * results are streamed back per page, nothing is retained after a page is done.
 */
export class PagePool {
  /**
   * Jobs a worker holds at once. With one, a worker sat idle for the round trip between
   * posting a result and receiving its next page: a quarter of its time on the 5,000-page
   * site (profile of issue 6). With two, the next page is already waiting when one is done.
   */
  static readonly DEPTH = 2;
  /**
   * Pages larger than this are checked on the main thread, whose heap has no cap: a page needs
   * about 15 MB of heap per MB of HTML while it is checked, and the workers' heaps are capped.
   */
  static readonly MAX_PAGE_BYTES = 2 * 1024 * 1024;
  private readonly workers: Worker[] = [];
  /** Jobs in flight per worker. */
  private readonly load = new Map<Worker, number>();
  private readonly queue: { message: ToWorker; pending: Pending }[] = [];
  private readonly inFlight = new Map<number, { worker: Worker; pending: Pending }>();
  private nextId = 0;
  private broken: Error | null = null;
  /** Set by close(): worker exits after it are expected, not failures. */
  private closing = false;

  constructor(script: URL, size: number, init: WorkerInit) {
    for (let i = 0; i < size; i++) {
      // Capped heaps: V8 lets an uncapped heap grow to several times its live size before it
      // collects, and a worker's live data is one page at a time. Measured on both corpora, the
      // caps cut the run's peak RSS by 18–22 MB at no measurable cost in time (issue 6).
      const worker = new Worker(script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 128 } });
      worker.on('message', (m: FromWorker) => this.settle(worker, m));
      worker.on('error', (e) => this.fail(new Error(`a worker thread failed: ${e.message}`)));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a worker thread exited with code ${code}`));
      });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Jobs queued or running: the caller keeps this bounded so discovery does not run far ahead. */
  get backlog(): number {
    return this.queue.length + this.inFlight.size;
  }

  /** Whether a job given now would start at once instead of waiting in the queue. */
  get hasRoom(): boolean {
    return this.backlog < this.workers.length * PagePool.DEPTH;
  }

  run(site: number, job: FileJob): Promise<Finding[]> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { type: 'job', id: this.nextId++, site, job }, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let worker: Worker | undefined;
      let least = PagePool.DEPTH;
      for (const w of this.workers) {
        const n = this.load.get(w) ?? 0;
        if (n < least) {
          worker = w;
          least = n;
        }
      }
      if (!worker) return;
      const { message, pending } = this.queue.shift() as { message: ToWorker; pending: Pending };
      this.inFlight.set(message.id, { worker, pending });
      this.load.set(worker, least + 1);
      worker.postMessage(message);
    }
  }

  private settle(worker: Worker, m: FromWorker): void {
    const current = this.inFlight.get(m.id);
    if (!current || current.worker !== worker) return;
    this.inFlight.delete(m.id);
    this.load.set(worker, (this.load.get(worker) ?? 1) - 1);
    if (m.type === 'done') current.pending.resolve(m.findings);
    else current.pending.reject(new Error(m.error));
    this.pump();
  }

  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = error;
    for (const { pending } of this.inFlight.values()) pending.reject(error);
    for (const { pending } of this.queue) pending.reject(error);
    this.inFlight.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
