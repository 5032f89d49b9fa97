import fs from 'node:fs';
import path from 'node:path';
import type { Localized } from '../i18n/lang.js';

/** Chrome and Chromium names looked for on PATH, in this order (issue 14's contract). */
export const BROWSER_NAMES = ['google-chrome-stable', 'google-chrome', 'chromium', 'chromium-headless-shell', 'chromium-browser'] as const;

/** Environment variables that may name a browser, in the order they are read. */
export const BROWSER_ENV = ['BEIAN_GUARD_BROWSER', 'CHROME_BIN', 'PUPPETEER_EXECUTABLE_PATH'] as const;

/** What to do when no browser is found; printed in errors and notices. */
export const INSTALL_HINT = {
  'zh-CN':
    'Debian/Ubuntu 容器：apt-get install -y --no-install-recommends chromium-headless-shell fonts-wqy-microhei；GitHub 托管的 Ubuntu runner 已预装 Google Chrome（CHROME_BIN）；或用 --browser 指定路径',
  en: 'Debian/Ubuntu containers: apt-get install -y --no-install-recommends chromium-headless-shell fonts-wqy-microhei; GitHub-hosted Ubuntu runners have Google Chrome preinstalled (CHROME_BIN); or pass --browser PATH',
} as const;

export interface FoundBrowser {
  readonly path: string;
  /** Where the path came from, for messages: `--browser`, `CHROME_BIN`, `PATH (chromium)`. */
  readonly from: string;
  /** The user named this browser: when it cannot be launched, that is an input error, not a fallback. */
  readonly explicit: boolean;
}

export interface BrowserLookup {
  readonly found: FoundBrowser | null;
  /** Every place looked at, for the message when nothing was found. */
  readonly tried: readonly string[];
  /** The same places in both languages, for the messages users read. */
  readonly triedText: readonly Localized[];
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ubuntu's `chromium-browser` package is a stub that asks for the snap and never starts in a
 * container; it is skipped rather than launched and reported as broken.
 */
function isSnapStub(file: string): boolean {
  try {
    const real = fs.realpathSync(file);
    if (real.startsWith('/snap/')) return true;
    if (fs.statSync(real).size > 64 * 1024) return false;
    return /\bsnap\b/.test(fs.readFileSync(real, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Finds a browser: the explicit path (flag or config), then BEIAN_GUARD_BROWSER, CHROME_BIN,
 * PUPPETEER_EXECUTABLE_PATH, then Chrome/Chromium names on PATH. An explicit path is returned
 * even when it is not executable: launching it gives the clear error the user needs.
 * Never downloads anything.
 */
export function findBrowser(explicit: { path: string; from: string } | undefined, env: Readonly<Record<string, string | undefined>>): BrowserLookup {
  const tried: string[] = [];
  const triedText: Localized[] = [];
  const looked = (zh: string, en: string) => {
    tried.push(en);
    triedText.push({ 'zh-CN': zh, en });
  };
  if (explicit) {
    looked(`${explicit.from}: ${explicit.path}`, `${explicit.from}: ${explicit.path}`);
    return { found: { path: explicit.path, from: explicit.from, explicit: true }, tried, triedText };
  }
  for (const name of BROWSER_ENV) {
    const value = env[name]?.trim();
    if (!value) continue;
    // Our own variable is a request for that browser, like a flag. CHROME_BIN and
    // PUPPETEER_EXECUTABLE_PATH are often set by a machine image: a stale one is passed over.
    if (name === 'BEIAN_GUARD_BROWSER') {
      looked(`${name}: ${value}`, `${name}: ${value}`);
      return { found: { path: value, from: name, explicit: true }, tried: tried.slice(-1), triedText: triedText.slice(-1) };
    }
    if (isExecutable(value)) return { found: { path: value, from: name, explicit: false }, tried, triedText };
    looked(`${name}: ${value}（不是可执行文件）`, `${name}: ${value} (not an executable file)`);
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (!isExecutable(candidate)) continue;
      if (isSnapStub(candidate)) {
        looked(`${candidate}（snap 的占位程序，已跳过）`, `${candidate} (a snap stub, skipped)`);
        continue;
      }
      return { found: { path: candidate, from: `PATH (${name})`, explicit: false }, tried, triedText };
    }
  }
  for (const name of BROWSER_ENV) if (!env[name]?.trim()) looked(`${name}（未设置）`, `${name} (not set)`);
  looked(`PATH: ${BROWSER_NAMES.join(', ')}（都没有找到）`, `PATH: ${BROWSER_NAMES.join(', ')} (none found)`);
  return { found: null, tried, triedText };
}
