import { CdpError, CdpSession } from './cdp.js';
import type { LaunchedBrowser } from './launch.js';
import { OBSERVER_SOURCE, PROBE_SOURCE, SERIALIZE_EXPRESSION, SETTLE_EXPRESSION, WORLD, type Needle, type ProbeResult } from './page-scripts.js';
import { userAgentFor, type ViewportSpec } from './viewports.js';

/**
 * How one load ended. `settled`: quiet for the settle window. `unsettled`: the page kept changing
 * until the time limit and was measured as it was then. `busy`: its script held the page past the
 * time limit and was terminated. `failed`: it did not load or the browser gave up on it.
 */
export type LoadStatus = 'settled' | 'unsettled' | 'busy' | 'failed';

export interface ViewportOutcome {
  readonly viewport: ViewportSpec;
  readonly status: LoadStatus;
  /** The rendered document; null when nothing could be read. */
  readonly html: string | null;
  readonly probe: ProbeResult | null;
  /** `alert: text`, `confirm: text`: dismissed, never waited on. */
  readonly dialogs: readonly string[];
  /** URLs the page asked for outside the site, refused. */
  readonly blocked: readonly string[];
  /** Where the page tried to take the whole window outside the site (the navigation was stopped). */
  readonly leftSite: string | null;
  readonly finalUrl: string | null;
  readonly detail: string | null;
  readonly elapsedMs: number;
}

export interface LoadLimits {
  /** Hard limit for one load: navigation, settling, and measuring. */
  readonly timeoutMs: number;
  /** The page counts as settled after this long without DOM changes or network activity. */
  readonly settleMs: number;
}

/** Test-only switches, to prove that each fence holds on its own. */
export interface FenceOptions {
  readonly interceptRequests?: boolean;
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface EvaluateResult<T> {
  result?: { value?: T };
  exceptionDetails?: { text?: string; exception?: { description?: string } };
}

/**
 * Loads one page at one viewport in a fresh browser context, waits for it to settle, reads the
 * rendered document and measures the needles in it. Never takes much longer than `timeoutMs`:
 * every protocol call has its own limit inside it, and a page whose script does not yield is
 * terminated (Runtime.terminateExecution), its scripts switched off, and measured as it stands.
 */
export async function renderViewport(
  browser: LaunchedBrowser,
  origin: string,
  urlPath: string,
  spec: ViewportSpec,
  limits: LoadLimits,
  needlesFor: (html: string) => readonly Needle[],
  fence: FenceOptions = {},
): Promise<ViewportOutcome> {
  const started = performance.now();
  const deadline = started + limits.timeoutMs;
  // Time kept back at the end for reading and measuring the page.
  const reserve = Math.min(2500, Math.max(500, limits.timeoutMs / 4));
  const left = (floor = 50) => Math.max(floor, deadline - performance.now());
  const conn = browser.connection;
  const dialogs: string[] = [];
  const blocked: string[] = [];
  let leftSite: string | null = null;
  let finalUrl: string | null = null;
  let crashed = false;
  let domReady = false;
  let lastNetwork = performance.now();
  let world: number | undefined;
  let session: CdpSession | undefined;
  let contextId: string | undefined;
  let status: LoadStatus = 'failed';
  let html: string | null = null;
  let probe: ProbeResult | null = null;
  let detail: string | null = null;

  const finish = (): ViewportOutcome => ({
    viewport: spec,
    status,
    html,
    probe,
    dialogs,
    blocked,
    leftSite,
    finalUrl,
    detail,
    elapsedMs: Math.round(performance.now() - started),
  });

  try {
    ({ browserContextId: contextId } = await conn.send<{ browserContextId: string }>('Target.createBrowserContext', {}, undefined, 5000));
    const { targetId } = await conn.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId: contextId }, undefined, 5000);
    const { sessionId } = await conn.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true }, undefined, 5000);
    const s = new CdpSession(conn, sessionId);
    session = s;
    const sameOrigin = (url: string) => {
      try {
        return new URL(url).origin === origin;
      } catch {
        return false;
      }
    };

    s.on('Inspector.targetCrashed', () => (crashed = true));
    s.on('Page.domContentEventFired', () => (domReady = true));
    s.on('Page.frameNavigated', (p) => {
      const frame = p.frame as { parentId?: string; url?: string };
      if (!frame.parentId) finalUrl = frame.url ?? null;
    });
    s.on('Page.javascriptDialogOpening', (p) => {
      dialogs.push(`${String(p.type)}: ${String(p.message).slice(0, 200)}`);
      s.send('Page.handleJavaScriptDialog', { accept: false }, 2000).catch(() => undefined);
    });
    s.on('Runtime.executionContextCreated', (p) => {
      const c = p.context as { id: number; name?: string; auxData?: { frameId?: string } };
      if (c.name === WORLD && c.auxData?.frameId === targetId) world = c.id;
    });
    s.on('Runtime.executionContextsCleared', () => (world = undefined));
    for (const event of ['Network.requestWillBeSent', 'Network.loadingFinished', 'Network.loadingFailed', 'Network.responseReceived']) {
      s.on(event, () => (lastNetwork = performance.now()));
    }
    s.on('Fetch.requestPaused', (p) => {
      const request = p.request as { url: string };
      const requestId = p.requestId as string;
      if (sameOrigin(request.url)) {
        s.send('Fetch.continueRequest', { requestId }, 5000).catch(() => undefined);
        return;
      }
      // Kept for the report, within reason: a page may fire thousands of requests.
      if (blocked.length < 200) blocked.push(request.url.slice(0, 300));
      const document = p.resourceType === 'Document';
      if (document && p.frameId === targetId) leftSite ??= request.url.slice(0, 300);
      // A stopped navigation must be 'Aborted': with 'BlockedByClient' Chrome replaces the page
      // with its error page and the footer is lost (measured in the spike).
      s.send('Fetch.failRequest', { requestId, errorReason: document ? 'Aborted' : 'BlockedByClient' }, 5000).catch(() => undefined);
    });

    // Setting up a fresh tab is quick; a browser that takes longer than the page's limit is stuck.
    const setup = Math.min(5000, left());
    await Promise.all([
      s.send('Page.enable', {}, setup),
      s.send('Runtime.enable', {}, setup),
      s.send('Network.enable', {}, setup),
      fence.interceptRequests === false ? null : s.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] }, setup),
      s.send('Network.setCacheDisabled', { cacheDisabled: true }, setup),
      s.send('Network.setBypassServiceWorker', { bypass: true }, setup),
      s.send('Emulation.setDeviceMetricsOverride', {
        width: spec.width,
        height: spec.height,
        deviceScaleFactor: spec.deviceScaleFactor,
        mobile: spec.mobile,
        screenWidth: spec.width,
        screenHeight: spec.height,
      }, setup),
      s.send('Emulation.setTouchEmulationEnabled', { enabled: spec.mobile, ...(spec.mobile && { maxTouchPoints: 5 }) }, setup),
      s.send('Emulation.setUserAgentOverride', {
        userAgent: userAgentFor(spec, browser.userAgent, browser.major),
        acceptLanguage: 'zh-CN,zh;q=0.9',
        platform: spec.mobile ? 'Linux armv8l' : 'Linux x86_64',
      }, setup),
      s.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'prefers-reduced-motion', value: 'reduce' },
          { name: 'prefers-color-scheme', value: 'light' },
        ],
      }, setup),
      s.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Shanghai' }, setup),
      // Experimental in the protocol (as is terminateExecution); a browser without it still renders.
      s.send('Emulation.setLocaleOverride', { locale: 'zh-CN' }, setup).catch(() => undefined),
      s.send('Page.addScriptToEvaluateOnNewDocument', { source: OBSERVER_SOURCE, worldName: WORLD }, setup),
    ]);

    const nav = await s.send<{ errorText?: string }>('Page.navigate', { url: `${origin}${urlPath}` }, left());
    if (nav.errorText) {
      detail = nav.errorText;
      return finish();
    }

    const evaluate = async <T>(expression: string, timeoutMs: number): Promise<T> => {
      if (world === undefined) {
        const created = await s.send<{ executionContextId: number }>('Page.createIsolatedWorld', { frameId: targetId, worldName: WORLD }, timeoutMs);
        world = created.executionContextId;
      }
      const r = await s.send<EvaluateResult<T>>('Runtime.evaluate', { expression, contextId: world, returnByValue: true }, timeoutMs);
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? 'script error');
      return r.result?.value as T;
    };

    // Settle: DOMContentLoaded, then settleMs without a DOM change or network event.
    let busy = false;
    status = 'unsettled';
    while (performance.now() < deadline - reserve && !crashed) {
      await sleep(POLL_MS);
      if (world === undefined) continue;
      let state: [number, number, string] | null;
      try {
        state = await evaluate<[number, number, string] | null>(SETTLE_EXPRESSION, Math.min(1000, Math.max(50, deadline - reserve - performance.now())));
        busy = false;
      } catch (e) {
        if (e instanceof CdpError && e.kind === 'closed') throw e;
        busy = e instanceof CdpError && e.kind === 'timeout';
        continue;
      }
      if (!state) continue;
      const quiet = Math.min(state[1], performance.now() - lastNetwork);
      if ((domReady || state[2] !== 'loading') && quiet >= limits.settleMs) {
        status = 'settled';
        break;
      }
    }
    if (crashed) {
      status = 'failed';
      detail = 'the page crashed';
      return finish();
    }
    if (status !== 'settled') {
      // One short question decides whether the page is still changing or no longer answering: a
      // poll that timed out near the cut-off on a loaded machine is not proof enough.
      try {
        await evaluate('0', 500);
        busy = false;
      } catch (e) {
        if (e instanceof CdpError && e.kind === 'closed') throw e;
        busy = busy || (e instanceof CdpError && e.kind === 'timeout');
      }
    }
    if (busy) {
      status = 'busy';
      await stopScripts(s);
    }

    // Read and measure, within what is left of the limit: once more after stopping scripts again.
    let measureError: string | null = null;
    for (let attempt = 0; attempt < 2 && probe === null; attempt++) {
      try {
        html ??= await evaluate<string>(SERIALIZE_EXPRESSION, left(400));
        probe = await evaluate<ProbeResult>(`(${PROBE_SOURCE})(${JSON.stringify(needlesFor(html))})`, left(400));
      } catch (e) {
        if (e instanceof CdpError && e.kind === 'closed') throw e;
        measureError = e instanceof Error ? e.message : String(e);
        // No answer means a script holds the page again (a timer that restarts the loop).
        if (e instanceof CdpError && e.kind === 'timeout') status = 'busy';
        await stopScripts(s);
      }
    }
    // Never a silent gap: a page that was not measured is a failed load unless its script is to blame.
    if (probe === null && status !== 'busy') {
      status = 'failed';
      detail = `the page could not be measured (${measureError ?? 'no answer'})`;
    }
    return finish();
  } catch (e) {
    status = 'failed';
    detail = e instanceof Error ? e.message : String(e);
    return finish();
  } finally {
    session?.dispose();
    if (contextId !== undefined && !conn.closed) {
      await conn.send('Target.disposeBrowserContext', { browserContextId: contextId }, undefined, 5000).catch(() => undefined);
    }
  }
}

/** Ends the script that holds the page and keeps the page's scripts from starting again. */
async function stopScripts(s: CdpSession): Promise<void> {
  await s.send('Runtime.terminateExecution', {}, 1000).catch(() => undefined);
  await s.send('Emulation.setScriptExecutionDisabled', { value: true }, 1000).catch(() => undefined);
}
