/**
 * A Chrome DevTools Protocol client over `--remote-debugging-pipe`: Chrome reads JSON messages
 * ended by a NUL byte on its fd 3 and writes them on its fd 4.
 *
 * Why our own client and not a driver package (facts measured for issue 14, see
 * ../shared/briefs/render-mode.md §2): puppeteer-core 25 needs Node 22 and we support Node 20;
 * puppeteer-core 24 brings 80 packages (57 MB) including a browser downloader we must never run;
 * playwright-core fails at start inside the ncc ESM bundle we ship (`__dirname is not defined`);
 * chrome-remote-interface speaks only the WebSocket port, which any local process could connect
 * to. What render mode needs is a dozen stable protocol methods, so a client of about a hundred
 * lines over a private pipe is smaller than any of them, has no dependency and bundles as is.
 *
 * Two lessons from the spike are built in: every call has a time limit (a page whose script
 * never yields leaves calls unanswered), and a write to a browser that died is an error we
 * report, not an EPIPE that crashes the tool.
 */
import type { Readable, Writable } from 'node:stream';

/** A protocol call that failed: Chrome answered with an error, the call timed out, or the pipe closed. */
export class CdpError extends Error {
  override readonly name = 'CdpError';
  constructor(
    message: string,
    readonly kind: 'protocol' | 'timeout' | 'closed',
  ) {
    super(message);
  }
}

type Params = Record<string, unknown>;
type Handler = (params: Params, sessionId: string | undefined) => void;

interface Pending {
  readonly method: string;
  readonly resolve: (result: Params) => void;
  readonly reject: (error: CdpError) => void;
  readonly timer: NodeJS.Timeout;
}

/** Default limit for one call; callers pass a shorter one wherever a page may be busy. */
export const CALL_TIMEOUT_MS = 10_000;

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private buffered: Buffer[] = [];
  private closedReason: string | null = null;
  private readonly closeListeners = new Set<(reason: string) => void>();

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('end', () => this.shut('the browser closed the pipe'));
    fromBrowser.on('close', () => this.shut('the browser closed the pipe'));
    fromBrowser.on('error', (e) => this.shut(`reading from the browser failed: ${e.message}`));
    toBrowser.on('error', (e) => this.shut(`writing to the browser failed: ${e.message}`));
  }

  get closed(): boolean {
    return this.closedReason !== null;
  }

  /** Calls `method`; rejects with a CdpError on a protocol error, after `timeoutMs`, or when the pipe closes. */
  send<T = Params>(method: string, params: Params = {}, sessionId?: string, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    if (this.closedReason !== null) return Promise.reject(new CdpError(`${method}: ${this.closedReason}`, 'closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CdpError(`${method}: no answer within ${timeoutMs} ms`, 'timeout'));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (r: Params) => void, reject, timer });
      const message = JSON.stringify({ id, method, params, ...(sessionId !== undefined && { sessionId }) });
      this.toBrowser.write(`${message}\0`);
    });
  }

  /** Listens to an event, of one session or (sessionId undefined) of any; returns the function that stops listening. */
  on(method: string, handler: Handler): () => void {
    let set = this.handlers.get(method);
    if (!set) this.handlers.set(method, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  onClose(listener: (reason: string) => void): void {
    if (this.closedReason !== null) listener(this.closedReason);
    else this.closeListeners.add(listener);
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.buffered.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.buffered).toString('utf8');
      this.buffered = [];
      start = end + 1;
      this.dispatch(text);
    }
    if (start < chunk.length) this.buffered.push(chunk.subarray(start));
  }

  private dispatch(text: string): void {
    let message: { id?: number; method?: string; params?: Params; result?: Params; error?: { message?: string }; sessionId?: string };
    try {
      message = JSON.parse(text);
    } catch {
      return; // Not a protocol message; Chrome never sends one, and nothing waits on it.
    }
    if (typeof message.id === 'number') {
      const call = this.pending.get(message.id);
      if (!call) return; // answered after its time limit
      this.pending.delete(message.id);
      clearTimeout(call.timer);
      if (message.error) call.reject(new CdpError(`${call.method}: ${message.error.message ?? 'protocol error'}`, 'protocol'));
      else call.resolve(message.result ?? {});
      return;
    }
    if (typeof message.method === 'string') {
      const set = this.handlers.get(message.method);
      if (!set) return;
      for (const handler of [...set]) handler(message.params ?? {}, message.sessionId);
    }
  }

  private shut(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(new CdpError(`${call.method}: ${reason}`, 'closed'));
    }
    this.pending.clear();
    for (const listener of this.closeListeners) listener(reason);
    this.closeListeners.clear();
  }
}

/** One attached target (flat session mode): calls and events scoped to its session id. */
export class CdpSession {
  private readonly offs: (() => void)[] = [];

  constructor(
    readonly connection: CdpConnection,
    readonly id: string,
  ) {}

  send<T = Params>(method: string, params: Params = {}, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    return this.connection.send<T>(method, params, this.id, timeoutMs);
  }

  on(method: string, handler: (params: Params) => void): void {
    this.offs.push(this.connection.on(method, (params, sessionId) => sessionId === this.id && handler(params)));
  }

  /** Stops every listener this session added. */
  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
