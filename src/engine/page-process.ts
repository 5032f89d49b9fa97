import { fork, spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Told to a page process started under `setpriv --pdeathsig KILL`: the kernel ends it when this
 * process dies, so it needs no thread of its own to watch us (worker.ts).
 */
export const KERNEL_WATCHED = '--parent-death-signal';

/**
 * util-linux's setpriv, at a fixed path (never looked up in PATH). Linux ends a process whose parent
 * dies only when the process asked for it (prctl PR_SET_PDEATHSIG), which Node cannot do itself:
 * setpriv asks and then runs Node in its place, same pid. Elsewhere, or without setpriv, the page
 * process watches us from a thread instead, which costs it about 9 MB (issue 18).
 */
let setprivFile: string | null | undefined;
function setpriv(): string | null {
  // Found on first use, not when the module loads: the CLI front loads it for --version too.
  setprivFile ??= (process.platform === 'linux' && ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => fs.existsSync(f) && setprivKnowsPdeathsig(f))) || null;
  return setprivFile;
}

/**
 * Whether this setpriv accepts `--pdeathsig` (util-linux 2.33 and later). Older ones, CentOS 7's
 * among them, have setpriv without it: every page process would then fail to start. Asked once per
 * process by running it on itself (about 2.5 ms).
 */
export function setprivKnowsPdeathsig(file: string): boolean {
  const probe = spawnSync(file, ['--pdeathsig', 'KILL', '--', file, '--version'], { stdio: 'ignore', timeout: 2000 });
  return probe.status === 0;
}

/**
 * Starts one page process (dist/worker.js). Kept apart from the pool, with nothing but Node's own
 * modules, so the CLI front can start the first one before it loads the check bundle (issue 18).
 */
export function spawnPageProcess(script: URL, heapMb: number): ChildProcess {
  // The young generation capped as the worker threads' was (issue 6): V8 otherwise lets it grow
  // to 48 MB per process; 8 MB semi-spaces cut the run's peak RSS by about 25 MB at no cost in time.
  const execArgv = [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=8'];
  // The page process never writes to our stdout (a page's text must not reach the log);
  // its stderr is kept for the reason it died.
  const stdio: StdioOptions = ['ignore', 'ignore', 'pipe', 'ipc'];
  const file = fileURLToPath(script);
  const watcher = setpriv();
  if (watcher) return spawn(watcher, ['--pdeathsig', 'KILL', '--', process.execPath, ...execArgv, file, KERNEL_WATCHED], { stdio, serialization: 'advanced' });
  return fork(file, [], { execArgv, serialization: 'advanced', stdio });
}

/** What happened to an early process before the pool took it over. */
export interface AdoptedProcess {
  readonly proc: ChildProcess;
  /** Messages it sent before it was adopted, in order (its first is 'listening'). */
  readonly messages: unknown[];
  readonly stderr: string;
  /** Set when it had already ended. */
  readonly closed: { readonly code: number | null; readonly signal: NodeJS.Signals | null } | null;
}

/**
 * The first page process, started as soon as the command line says a check will run: starting
 * Node and loading the page bundle (about 90 ms) then overlap with loading the check bundle and
 * reading the configuration, instead of following them. Until the pool adopts it, it keeps what
 * the process says; whoever started it calls `release()` when the command ends, which ends it
 * unless the pool took it (a usage or configuration error must neither wait for it nor leave it).
 */
export class EarlyPageProcess {
  private readonly proc: ChildProcess;
  private readonly messages: unknown[] = [];
  private stderr = '';
  private closed: AdoptedProcess['closed'] = null;
  private taken = false;
  private readonly onMessage = (m: unknown): void => void this.messages.push(m);
  private readonly onData = (s: string): void => void (this.stderr = (this.stderr + s).slice(-4096));
  private readonly onClose = (code: number | null, signal: NodeJS.Signals | null): void => void (this.closed = { code, signal });

  constructor(
    readonly script: URL,
    readonly heapMb: number,
  ) {
    this.proc = spawnPageProcess(script, heapMb);
    this.proc.stderr?.setEncoding('utf8').on('data', this.onData);
    this.proc.on('message', this.onMessage);
    this.proc.on('close', this.onClose);
    // Spawning failed: 'close' follows, and the pool reports it as a process that could not start.
    this.proc.on('error', () => undefined);
  }

  /** The process's id (tests look for it). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Whether the pool may take it: not yet taken, and started for the same script and heap. */
  fits(script: URL, heapMb: number): boolean {
    return !this.taken && script.href === this.script.href && heapMb === this.heapMb;
  }

  /** Hands the process to the pool, with what it said so far; the caller attaches its own listeners at once. */
  adopt(): AdoptedProcess {
    if (this.taken) throw new Error('the early page process was adopted twice');
    this.taken = true;
    this.proc.off('message', this.onMessage);
    this.proc.stderr?.off('data', this.onData);
    this.proc.off('close', this.onClose);
    return { proc: this.proc, messages: this.messages.splice(0), stderr: this.stderr, closed: this.closed };
  }

  /** Ends the process unless the pool adopted it (the pool ends what it owns). */
  release(): void {
    if (this.taken) return;
    this.taken = true;
    this.proc.off('message', this.onMessage);
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}
