import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CdpConnection } from './cdp.js';
import type { Localized } from '../i18n/lang.js';
import type { FoundBrowser } from './find-browser.js';

/** The browser could not be started or is not a usable Chrome; the message says why. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';
}

/** `checkVisibility()` and the protocol calls we use are all in Chrome 110 and later. */
export const MIN_CHROME_MAJOR = 110;
const START_TIMEOUT_MS = 20_000;

/**
 * Puppeteer's defaults less what does not apply, plus the network fence. Background networking,
 * component updates, sync and the like are off: they are requests the tool did not ask for, and
 * on a closed network they fail by the dozen at every start.
 */
const BASE_FLAGS = [
  '--headless',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--disable-client-side-phishing-detection',
  '--disable-domain-reliability',
  '--disable-hang-monitor',
  '--disable-prompt-on-repost',
  '--disable-gpu',
  '--disable-quic',
  '--no-pings',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--mute-audio',
  '--disable-dev-shm-usage',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AcceptCHFrame,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater',
  // Deterministic rendering: the same pixels on every machine (brief §6).
  '--lang=zh-CN',
  '--force-color-profile=srgb',
  '--font-render-hinting=none',
  '--hide-scrollbars',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--remote-debugging-pipe',
];

/**
 * The second fence, under the per-request one (Fetch interception in render-viewport.ts): no
 * host name resolves, and every request that is not for the tool's own server goes to that
 * server as a proxy request, which answers 403 and writes it down. Loopback is not exempt
 * (`<-loopback>`), only the tool's own address and port.
 */
export function fenceFlags(port: number, fence: LaunchFence = {}): string[] {
  return [
    ...(fence.resolver === false ? [] : ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']),
    ...(fence.proxy === false ? [] : [`--proxy-server=http://127.0.0.1:${port}`, `--proxy-bypass-list=<-loopback>;127.0.0.1:${port}`]),
  ];
}

/** Test-only switches: the isolation tests take fences away one at a time to prove each holds, and that a leak would be seen. */
export interface LaunchFence {
  readonly resolver?: boolean;
  readonly proxy?: boolean;
}

export interface LaunchedBrowser {
  readonly connection: CdpConnection;
  /** `HeadlessChrome/150.0.7871.100` or the like. */
  readonly product: string;
  readonly major: number;
  readonly userAgent: string;
  /** Launched with --no-sandbox (as root, or after "No usable sandbox"). */
  readonly noSandbox: boolean;
  /** Closes the browser and removes its profile; safe to call more than once. */
  close(): Promise<void>;
}

/** Every browser of this process, killed synchronously if the process exits without closing them. */
const running = new Set<{ child: ChildProcess; profile: string }>();
let exitHookInstalled = false;

function killNow(entry: { child: ChildProcess; profile: string }): void {
  const pid = entry.child.pid;
  if (pid !== undefined) {
    try {
      // The browser leads its own process group: this ends its renderer and zygote processes too,
      // including any that outlive a browser that has already exited.
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
  try {
    fs.rmSync(entry.profile, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // A profile left in the temp folder is untidy, not wrong.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs on every way out that runs JavaScript: normal end, process.exit, an uncaught
  // error. Signals are turned into an exit below so Ctrl-C and a CI cancel close the browser too.
  process.on('exit', () => {
    for (const entry of running) killNow(entry);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    if (process.listenerCount(signal) > 0) continue;
    process.once(signal, () => {
      for (const entry of running) killNow(entry);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function tail(text: string, lines = 6): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\[\d+:\d+:[^\]]*(?:INFO|VERBOSE)/.test(l))
    .slice(-lines)
    .join(' | ')
    .slice(0, 800);
}

/**
 * Starts the browser with the fence pointed at `proxyPort` and waits for its first protocol
 * answer. As root Chrome refuses to start without --no-sandbox (brief §5); elsewhere it starts
 * sandboxed, and once more without the sandbox only if the sandbox is unusable there.
 */
export async function launchBrowser(
  browser: FoundBrowser,
  proxyPort: number,
  /** Notices for the user, in both languages (the caller prints the one the run speaks). */
  log: (line: Localized) => void = () => undefined,
  fence: LaunchFence = {},
): Promise<LaunchedBrowser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    return await launchOnce(browser, proxyPort, asRoot, fence);
  } catch (e) {
    if (asRoot || !(e instanceof LaunchError) || !/No usable sandbox|setuid sandbox|namespace/i.test(e.message)) throw e;
    log({
      'zh-CN': `beian-guard: ${browser.path} 在这里没有可用的沙箱，改用 --no-sandbox 重新启动（页面是你自己的构建结果，且与网络隔离）`,
      en: `beian-guard: ${browser.path} has no usable sandbox here; starting it again with --no-sandbox (the page is your own build, fenced off the network)`,
    });
    return launchOnce(browser, proxyPort, true, fence);
  }
}

async function launchOnce(browser: FoundBrowser, proxyPort: number, noSandbox: boolean, fence: LaunchFence): Promise<LaunchedBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-guard-browser-'));
  const args = [...BASE_FLAGS, ...fenceFlags(proxyPort, fence), `--user-data-dir=${profile}`, ...(noSandbox ? ['--no-sandbox'] : []), 'about:blank'];
  let child: ChildProcess;
  try {
    child = spawn(browser.path, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw new LaunchError(`${browser.path}: ${(e as Error).message}`);
  }
  const entry = { child, profile };
  running.add(entry);
  installExitHook();

  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    if (stderr.length < 64 * 1024) stderr += d;
  });
  const exited = new Promise<string>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'not executable' : e.message));
    child.once('exit', (code, signal) => resolve(signal ? `exited on ${signal}` : `exited with code ${code}`));
  });
  const connection = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // Ask politely, then make sure: a browser that ignores Browser.close is killed.
        await Promise.race([connection.send('Browser.close', {}, undefined, 2000).catch(() => undefined), exited]);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      }
      killNow(entry);
      running.delete(entry);
    })());

  let version: { product?: string; userAgent?: string };
  try {
    version = await Promise.race([
      connection.send<{ product?: string; userAgent?: string }>('Browser.getVersion', {}, undefined, START_TIMEOUT_MS),
      exited.then((why) => Promise.reject(new LaunchError(why))),
    ]);
  } catch (e) {
    // The process's own ending says more than the pipe that broke because of it (a missing file
    // shows first as EPIPE on the pipe, then as ENOENT on the process).
    const ended = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 500).unref())]);
    await close();
    // A short wait for the last of stderr: Chrome writes its reason just before it exits.
    await new Promise((r) => setTimeout(r, 50));
    const why = ended ?? (e instanceof LaunchError ? e.message : (e as Error).message);
    const said = tail(stderr);
    throw new LaunchError(`${browser.path} (${browser.from}) did not start: ${why}${said ? `; it said: ${said}` : ''}`);
  }
  const product = version.product ?? '';
  const major = Number(/\/(\d+)\./.exec(product)?.[1] ?? 0);
  if (major < MIN_CHROME_MAJOR) {
    await close();
    throw new LaunchError(`${browser.path} (${browser.from}) is ${product || 'not a Chrome-family browser'}; render mode needs Chrome or Chromium ${MIN_CHROME_MAJOR} or later`);
  }
  return { connection, product, major, userAgent: version.userAgent ?? '', noSandbox, close };
}
