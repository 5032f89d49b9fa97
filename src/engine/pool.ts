import type { ChildProcess } from 'node:child_process';
import type { Lang } from '../i18n/lang.js';
import type { FileJob } from './check-file.js';
import type { PageLimits } from './limits.js';
import { spawnPageProcess, type EarlyPageProcess } from './page-process.js';
import type { SiteRulesInit } from './site-rules.js';
import { WireDecoder, type WireFindings } from './wire.js';
import type { Finding } from '../model/index.js';

/** What a page process is told once, before its first page: each site's rules and root, as plain data. */
export interface CheckerInit {
  readonly sites: readonly { readonly rules: SiteRulesInit; readonly root: string }[];
  readonly lang: Lang;
}

export interface CheckerJob {
  readonly id: number;
  readonly site: number;
  readonly job: FileJob;
}

/** Pages go out in batches (one message for several pages); results come back one page at a time. */
export type ToChecker = { type: 'init'; init: CheckerInit } | { type: 'jobs'; jobs: CheckerJob[] };
export type FromChecker = { type: 'listening' } | { type: 'ready' } | { type: 'done'; id: number; findings: WireFindings } | { type: 'failed'; id: number; error: string };

/** Why a page has no findings of its own: the engine turns each into a file-skipped finding. */
export type PageFailure =
  | { readonly reason: 'too-slow'; readonly seconds: number }
  | { readonly reason: 'out-of-memory'; readonly limitMb: number }
  | { readonly reason: 'check-failed'; readonly detail: string };

export type PageOutcome = { readonly ok: true; readonly findings: Finding[] } | ({ readonly ok: false } & PageFailure);

interface Task {
  readonly id: number;
  readonly site: number;
  readonly job: FileJob;
  /** Heap for the process that checks it. */
  readonly heapMb: number;
  /** Checked alone, in a process started for it: large pages, and pages suspected of a crash. */
  solo: boolean;
  readonly resolve: (outcome: PageOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface Checker {
  readonly proc: ChildProcess;
  /** This process's table of repeated texts (wire.ts). */
  readonly wire: WireDecoder;
  readonly heapMb: number;
  readonly solo: boolean;
  ready: boolean;
  /** Tasks sent or waiting to be sent, oldest first; the process checks them in this order. */
  readonly tasks: Task[];
  /** How many of them were sent (the rest wait for `ready`). */
  sent: number;
  /** Pages this process finished: a crash after some pages may come from what they left behind. */
  completed: number;
  timer: NodeJS.Timeout | undefined;
  /** Set when we end the process ourselves (deadline, close): its exit is not a crash. */
  ended: boolean;
  /** The end of its stderr: V8 writes why it died there (heap limit, fatal error). */
  stderr: string;
}

const STDERR_KEPT = 4096;

/**
 * Checks pages in separate Node processes, so that nothing one page does can take the run down.
 *
 * Why processes and not worker threads: a worker's heap cap does not contain every failure.
 * Measured on Node 20, a worker growing one large array or a Map past `maxOldGenerationSizeMb`
 * ends the whole process with "FATAL ERROR: Reached heap limit" (SIGABRT) instead of the worker's
 * ERR_WORKER_OUT_OF_MEMORY, and a V8 fatal error ("invalid size error") in any thread aborts the
 * process. A child process dies alone: its findings are lost, the others are not.
 *
 * Each page gets a deadline (the process is killed when it passes) and a heap cap (the process's
 * --max-old-space-size). A page that exceeds either, or crashes its process, becomes a failure
 * outcome for that page only; its process is replaced and the queue goes on. A process that dies
 * holding several pages, or after it checked others (whose leftovers may be to blame), does not
 * get to blame one: each of those pages is checked again alone in a fresh process, so a verdict
 * never depends on which pages happened to share a process.
 */
export class PagePool {
  /**
   * Pages a process holds at once. With one, a process sits idle for the round trip between
   * posting a result and receiving its next page (a quarter of a worker's time on the 5,000-page
   * site, issue 6); with several, the next page is always waiting. A process is topped up only
   * once it is down to REFILL pages, so pages go out a few to a message instead of one by one.
   */
  static readonly DEPTH = 8;
  static readonly REFILL = 4;
  /**
   * Pages larger than this are checked alone, in a process whose heap is sized for the page: a
   * page needs about 15 MB of heap per MB of HTML while it is checked.
   */
  static readonly MAX_PAGE_BYTES = 2 * 1024 * 1024;
  /** Solo processes at once, beside the shared ones: large pages are rare, and each is big. */
  private static readonly SOLO_SLOTS = 1;
  /**
   * Pages handed out before a second process may start. A second process costs its start, its own
   * bundle and its own warm-up (about 0.5 s of CPU on the synthetic site), and most sites are
   * small: a site of a few hundred pages is checked by the one process started with the pool, and
   * a large one gets every process once it has shown it is large. Measured on a busy 2-core
   * machine (issue 18, scope all, medians of 3 paired runs): 200 pages took 1.58 s with one
   * process and 1.96 s when the second started after 48 pages; 1,259 pages (real-hexo) took the
   * same either way (5.25 s and 5.08 s); 1,000 pages were faster with two (2.5 s against 2.8–3.3 s).
   */
  static readonly GROW_AFTER = 200;

  private readonly script: URL;
  private readonly shared: Checker[] = [];
  private readonly solos: Checker[] = [];
  private readonly queue: Task[] = [];
  private readonly soloQueue: Task[] = [];
  private nextId = 0;
  private handedOut = 0;
  private closing = false;
  /** Set when a process could not even start: a broken install, not a page's doing. */
  private broken: Error | null = null;

  constructor(
    script: URL,
    readonly size: number,
    private readonly init: CheckerInit,
    private readonly limits: PageLimits,
    early?: EarlyPageProcess,
  ) {
    this.script = script;
    // One started now (or earlier still, by the CLI front: `early`), so that loading the engine in
    // it overlaps with walking the site; more when the site turns out to be large (pump).
    if (size > 0) this.shared.push(early?.fits(script, limits.memoryMb) ? this.adopt(early) : this.spawn(limits.memoryMb, false));
  }

  /** Jobs queued or running: the caller keeps this bounded so discovery does not run far ahead. */
  get backlog(): number {
    let n = this.queue.length + this.soloQueue.length;
    for (const c of [...this.shared, ...this.solos]) n += c.tasks.length;
    return n;
  }

  /**
   * Checks one page. A page that could not be checked is a failure outcome; the promise rejects
   * only when a page process cannot start at all (a broken install), which no page can cause.
   */
  run(site: number, job: FileJob, bytes: number): Promise<PageOutcome> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      const large = bytes > PagePool.MAX_PAGE_BYTES;
      const heapMb = large ? Math.max(this.limits.memoryMb, heapForLargePage(bytes)) : this.limits.memoryMb;
      const task: Task = { id: this.nextId++, site, job, heapMb, solo: large, resolve, reject };
      (large ? this.soloQueue : this.queue).push(task);
      this.pump();
    });
  }

  private spawn(heapMb: number, solo: boolean): Checker {
    return this.attach(spawnPageProcess(this.script, heapMb), heapMb, solo);
  }

  /** Takes over a process started before the pool, and replays what it said meanwhile. */
  private adopt(early: EarlyPageProcess): Checker {
    const { proc, messages, stderr, closed } = early.adopt();
    const checker = this.attach(proc, early.heapMb, false);
    checker.stderr = stderr;
    // After the constructor returns: the pool's fields are all set before any message is handled.
    queueMicrotask(() => {
      for (const m of messages) this.onMessage(checker, m as FromChecker);
      if (closed) this.onClose(checker, closed.code, closed.signal);
    });
    return checker;
  }

  private attach(proc: ChildProcess, heapMb: number, solo: boolean): Checker {
    const checker: Checker = { proc, wire: new WireDecoder(), heapMb, solo, ready: false, tasks: [], sent: 0, completed: 0, timer: undefined, ended: false, stderr: '' };
    proc.stderr?.setEncoding('utf8').on('data', (s: string) => {
      checker.stderr = (checker.stderr + s).slice(-STDERR_KEPT);
    });
    proc.on('message', (m: FromChecker) => this.onMessage(checker, m));
    // 'close', not 'exit': it comes after every message the process managed to send.
    proc.on('close', (code, signal) => this.onClose(checker, code, signal));
    proc.on('error', () => {
      // Spawning failed or a signal could not be sent; 'close' follows and handles the tasks.
    });
    return checker;
  }

  private pump(): void {
    if (this.closing || this.broken) return;
    while (this.soloQueue.length > 0 && this.solos.length < PagePool.SOLO_SLOTS) {
      const task = this.soloQueue.shift()!;
      const checker = this.spawn(task.heapMb, true);
      this.solos.push(checker);
      this.assign(checker, task);
    }
    while (this.queue.length > 0) {
      let best: Checker | undefined;
      for (const c of this.shared) if (c.tasks.length <= PagePool.REFILL && (!best || c.tasks.length < best.tasks.length)) best = c;
      if (!best && this.shared.length < this.size && (this.shared.length === 0 || this.handedOut >= PagePool.GROW_AFTER)) {
        best = this.spawn(this.limits.memoryMb, false);
        this.shared.push(best);
      }
      if (!best) return;
      while (this.queue.length > 0 && best.tasks.length < PagePool.DEPTH) {
        this.handedOut++;
        best.tasks.push(this.queue.shift()!);
      }
      this.flush(best);
    }
  }

  private assign(checker: Checker, task: Task): void {
    checker.tasks.push(task);
    this.flush(checker);
  }

  /** Sends the pages assigned since the last flush, in one message. */
  private flush(checker: Checker): void {
    if (!checker.ready || checker.ended) return;
    if (checker.sent < checker.tasks.length) {
      const jobs = checker.tasks.slice(checker.sent).map((t) => ({ id: t.id, site: t.site, job: t.job }));
      checker.sent = checker.tasks.length;
      checker.proc.send({ type: 'jobs', jobs } satisfies ToChecker);
    }
    if (!checker.timer) this.startClock(checker);
  }

  /** The deadline runs for the oldest task, the one the process is checking now. */
  private startClock(checker: Checker): void {
    clearTimeout(checker.timer);
    checker.timer = undefined;
    if (!checker.ready || checker.tasks.length === 0) return;
    const running = checker.tasks[0]!;
    checker.timer = setTimeout(() => this.overtime(checker, running), this.limits.timeoutMs);
  }

  private onMessage(checker: Checker, m: FromChecker): void {
    // Two steps, so that preparing the rules never counts against the first page's deadline: the
    // process says it listens (a message sent earlier could be lost), gets the sites, and says it is ready.
    if (m.type === 'listening') {
      checker.proc.send({ type: 'init', init: this.init } satisfies ToChecker);
      return;
    }
    if (m.type === 'ready') {
      checker.ready = true;
      this.flush(checker);
      return;
    }
    const task = checker.tasks[0];
    if (!task || task.id !== m.id) return;
    checker.tasks.shift();
    checker.sent--;
    checker.completed++;
    if (m.type === 'done') task.resolve({ ok: true, findings: checker.wire.decode(m.findings) });
    else task.resolve({ ok: false, reason: 'check-failed', detail: m.error });
    this.startClock(checker);
    if (checker.solo) this.retire(checker);
    this.pump();
  }

  private overtime(checker: Checker, task: Task): void {
    if (checker.tasks[0] !== task || checker.ended) return;
    checker.tasks.shift();
    // Two significant digits: 60 s, 0.3 s and a test's 0.03 s all read as what was set.
    task.resolve({ ok: false, reason: 'too-slow', seconds: Number((this.limits.timeoutMs / 1000).toPrecision(2)) });
    // The pages behind it were never started: they go back to the front of their queue.
    this.requeue(checker.tasks.splice(0));
    this.retire(checker);
    this.pump();
  }

  private onClose(checker: Checker, code: number | null, signal: NodeJS.Signals | null): void {
    clearTimeout(checker.timer);
    this.remove(checker);
    if (checker.ended) return;
    checker.ended = true;
    const tasks = checker.tasks.splice(0);
    if (this.closing) {
      for (const t of tasks) t.resolve({ ok: false, reason: 'check-failed', detail: 'the run was stopped' });
      return;
    }
    if (!checker.ready) {
      // No page was sent to it yet: it died loading the engine.
      const last = checker.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
      this.fail(tasks, new Error(`a page-checking process could not start (${signal ? `signal ${signal}` : `exit code ${code ?? '?'}`})${last ? `: ${last.slice(0, 200)}` : ''}`));
      return;
    }
    if (tasks.length > 0) {
      // The process checks its pages in order and each result is sent before the next page
      // starts, so the oldest page without a result is the one it died on; the pages queued
      // behind it never started and go back to the queue. The page is blamed only when it was the
      // first this process checked: after other pages, their leftovers may be to blame, so it is
      // checked again alone and a verdict never depends on which pages shared a process.
      const [running, ...behind] = tasks as [Task, ...Task[]];
      if (checker.solo || checker.completed === 0) running.resolve(this.diagnose(checker, code, signal));
      else {
        running.solo = true;
        behind.unshift(running);
      }
      this.requeue(behind);
    }
    this.pump();
  }

  private diagnose(checker: Checker, code: number | null, signal: NodeJS.Signals | null): PageOutcome {
    const text = checker.stderr;
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(text)) return { ok: false, reason: 'out-of-memory', limitMb: checker.heapMb };
    const fatal = /FATAL ERROR[^\n]*|Fatal JavaScript[^\n]*|Fatal error[^\n]*/i.exec(text)?.[0];
    const how = signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
    return { ok: false, reason: 'check-failed', detail: `the page's checking process ended (${how})${fatal ? `: ${fatal.trim().slice(0, 160)}` : ''}` };
  }

  private fail(tasks: Task[], error: Error): void {
    this.broken = error;
    for (const t of [...tasks, ...this.queue.splice(0), ...this.soloQueue.splice(0)]) t.reject(error);
    for (const c of [...this.shared, ...this.solos]) {
      for (const t of c.tasks.splice(0)) t.reject(error);
      this.retire(c);
    }
  }

  private requeue(tasks: Task[]): void {
    const solo = tasks.filter((t) => t.solo);
    const shared = tasks.filter((t) => !t.solo);
    this.soloQueue.unshift(...solo);
    this.queue.unshift(...shared);
  }

  /** Ends a process we no longer use; its 'close' is then not a crash. */
  private retire(checker: Checker): void {
    clearTimeout(checker.timer);
    checker.timer = undefined;
    checker.ended = true;
    this.remove(checker);
    checker.proc.kill('SIGKILL');
  }

  private remove(checker: Checker): void {
    for (const list of [this.shared, this.solos]) {
      const i = list.indexOf(checker);
      if (i !== -1) list.splice(i, 1);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    const all = [...this.shared, ...this.solos];
    await Promise.all(
      all.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.proc.exitCode !== null || c.proc.signalCode !== null) return resolve();
            c.proc.once('close', () => resolve());
            this.retire(c);
          }),
      ),
    );
  }
}

/** Heap for a page over MAX_PAGE_BYTES: 32 MB per MB of HTML over a base, about twice what one needs. */
export function heapForLargePage(bytes: number): number {
  return Math.ceil(128 + (32 * bytes) / (1024 * 1024));
}
