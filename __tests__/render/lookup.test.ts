/** Where render mode looks for a browser, in the contract's order, with stub executables on a temporary PATH. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, findBrowser } from '../../src/render/find-browser.js';
import { tempDir } from './helpers.js';

function stub(dir: string, name: string, body = '#!/bin/sh\nexit 0\n'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, body, { mode: 0o755 });
  return file;
}

describe('browser lookup', () => {
  it('takes the flag or config first, even before BEIAN_GUARD_BROWSER, and does not check it: launching will say what is wrong', () => {
    const r = findBrowser({ path: '/opt/x/chrome', from: '--browser' }, { BEIAN_GUARD_BROWSER: '/usr/bin/true', PATH: '' });
    expect(r.found).toEqual({ path: '/opt/x/chrome', from: '--browser', explicit: true });
  });

  it('then BEIAN_GUARD_BROWSER (explicit), then CHROME_BIN and PUPPETEER_EXECUTABLE_PATH (passed over when stale)', () => {
    const dir = tempDir();
    const chrome = stub(dir, 'chrome');
    const puppeteer = stub(dir, 'puppeteer-chrome');
    expect(findBrowser(undefined, { BEIAN_GUARD_BROWSER: '/opt/mine', CHROME_BIN: chrome }).found).toEqual({ path: '/opt/mine', from: 'BEIAN_GUARD_BROWSER', explicit: true });
    expect(findBrowser(undefined, { CHROME_BIN: chrome, PUPPETEER_EXECUTABLE_PATH: puppeteer }).found).toEqual({ path: chrome, from: 'CHROME_BIN', explicit: false });
    const stale = findBrowser(undefined, { CHROME_BIN: path.join(dir, 'gone'), PUPPETEER_EXECUTABLE_PATH: puppeteer });
    expect(stale.found).toEqual({ path: puppeteer, from: 'PUPPETEER_EXECUTABLE_PATH', explicit: false });
    expect(stale.tried).toEqual([`CHROME_BIN: ${path.join(dir, 'gone')} (not an executable file)`]);
  });

  it('then the Chrome and Chromium names on PATH, name by name, each through every PATH folder', () => {
    const a = tempDir();
    const b = tempDir();
    stub(b, 'chromium-headless-shell');
    stub(a, 'chromium');
    const env = { PATH: [a, b].join(path.delimiter) };
    expect(findBrowser(undefined, env).found).toEqual({ path: path.join(a, 'chromium'), from: 'PATH (chromium)', explicit: false });
    stub(b, 'google-chrome');
    expect(findBrowser(undefined, env).found?.path).toBe(path.join(b, 'google-chrome'));
    expect(BROWSER_NAMES).toEqual(['google-chrome-stable', 'google-chrome', 'chromium', 'chromium-headless-shell', 'chromium-browser']);
  });

  it('skips files that are not executable and Ubuntu\'s snap stub', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'google-chrome'), 'not executable', { mode: 0o644 });
    stub(dir, 'chromium-browser', '#!/bin/sh\n# Chromium is now a snap\nexec /snap/bin/chromium "$@"\n');
    const r = findBrowser(undefined, { PATH: dir });
    expect(r.found).toBeNull();
    expect(r.tried).toEqual([
      `${path.join(dir, 'chromium-browser')} (a snap stub, skipped)`,
      'BEIAN_GUARD_BROWSER (not set)',
      'CHROME_BIN (not set)',
      'PUPPETEER_EXECUTABLE_PATH (not set)',
      'PATH: google-chrome-stable, google-chrome, chromium, chromium-headless-shell, chromium-browser (none found)',
    ]);
    // The same places for messages in the user's language.
    expect(r.triedText.map((t) => t.en)).toEqual(r.tried);
    expect(r.triedText.map((t) => t['zh-CN'])[0]).toBe(`${path.join(dir, 'chromium-browser')}（snap 的占位程序，已跳过）`);
    expect(r.triedText.map((t) => t['zh-CN'])[4]).toBe('PATH: google-chrome-stable, google-chrome, chromium, chromium-headless-shell, chromium-browser（都没有找到）');
  });
});
