import type { ViewportInfo, ViewportName } from '../model/index.js';

export interface ViewportSpec extends ViewportInfo {
  readonly deviceScaleFactor: number;
  readonly mobile: boolean;
}

/**
 * Fixed sizes, so every run sees the same layout: the most common desktop screen and a small
 * phone (brief §6). Rules compare relative geometry (last screenful, half of the page), never pixels.
 */
export const VIEWPORTS: Readonly<Record<ViewportName, ViewportSpec>> = {
  desktop: { name: 'desktop', width: 1366, height: 768, deviceScaleFactor: 1, mobile: false },
  mobile: { name: 'mobile', width: 375, height: 667, deviceScaleFactor: 2, mobile: true },
};

/**
 * The user agent a visitor's browser would send. Headless Chrome says `HeadlessChrome`, which
 * some sites treat as a bot; the mobile one is Chrome on Android of the same version, so a site
 * that serves phones differently does so here too.
 */
export function userAgentFor(spec: ViewportSpec, browserUserAgent: string, major: number): string {
  if (spec.mobile) {
    return `Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Mobile Safari/537.36`;
  }
  return browserUserAgent.replace('HeadlessChrome', 'Chrome') || `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

