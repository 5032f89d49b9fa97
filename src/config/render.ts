import path from 'node:path';
import * as z from 'zod/mini';
import { VIEWPORT_NAMES, type ViewportName } from '../model/index.js';
import { InputError, type Where } from './errors.js';
import { ownMessage } from './schema-issues.js';

/**
 * Render mode's settings (issue 14): `render: "on" | "auto" | "off"`, or an object with the mode
 * and its limits, at the top level or per site (a site's keys win). `--render` and `--browser`
 * (action inputs `render`, `browser`) win over both. Written with zod/mini, as schema.ts.
 */
export const RENDER_MODES = ['on', 'auto', 'off'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

export const renderModeSchema = z.enum(RENDER_MODES);

const described = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text));
const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

export const renderObjectSchema = z.strictObject({
  mode: described(z.optional(renderModeSchema), 'on: render every entry page; auto: only client-rendered shells, when a browser is found; off: never.'),
  browser: described(z.optional(z.string().check(z.trim(), z.minLength(1))), 'Chrome or Chromium executable; relative paths are relative to the config file.'),
  viewports: described(z.optional(z.array(z.enum(VIEWPORT_NAMES)).check(z.minLength(1))), 'desktop (1366×768) and/or mobile (375×667).'),
  timeoutMs: described(z.optional(whole(1000, 300_000)), 'Hard time limit for one page at one viewport.'),
  settleMs: described(z.optional(whole(0, 10_000)), 'Quiet time (no DOM change, no request) after which a page counts as rendered.'),
  concurrency: described(z.optional(whole(1, 8)), 'Pages rendered at the same time.'),
});

/**
 * A union says only that neither form fits. For an object, issueText (resolve.ts) reports the
 * problems inside it; for anything else, this message names both forms.
 */
export const renderSchema = described(
  z.union([renderModeSchema, renderObjectSchema], { error: (issue) => (issue.code === 'invalid_union' ? ownMessage('render-form') : undefined) }),
  'Check entry pages in headless Chrome/Chromium as a reviewer sees them: "on", "auto" (default), "off", or an object.',
);

export type RenderInput = z.infer<typeof renderSchema>;
type RenderObject = z.infer<typeof renderObjectSchema>;

export const RENDER_DEFAULTS = {
  mode: 'auto' as RenderMode,
  viewports: ['desktop', 'mobile'] as readonly ViewportName[],
  timeoutMs: 10_000,
  settleMs: 500,
  // Two pages at a time: one per core on a 2-core CI machine, the sweet spot measured in the brief (§4).
  concurrency: 2,
};

/** Render settings of one site. */
export interface ResolvedRender {
  readonly mode: RenderMode;
  readonly viewports: readonly ViewportName[];
  readonly timeoutMs: number;
  readonly settleMs: number;
}

/** Settings of the run: one browser renders every site. */
export interface RunRender {
  /** The browser the user named (flag or config), with where it was named. */
  readonly browser?: { readonly path: string; readonly from: string };
  readonly concurrency: number;
}

function asObject(input: RenderInput | undefined): RenderObject {
  return typeof input === 'string' ? { mode: input } : (input ?? {});
}

/** The `--render` flag (or the `render` input) checked against the modes; '' and undefined mean "not given". */
export function renderModeFlag(value: string | undefined, name: Where): RenderMode | undefined {
  if (value === undefined || value === '') return undefined;
  if ((RENDER_MODES as readonly string[]).includes(value)) return value as RenderMode;
  throw InputError.of('choice', { value, allowed: RENDER_MODES.map((m) => `"${m}"`).join(', ') }, name);
}

export function resolveSiteRender(top: RenderInput | undefined, site: RenderInput | undefined, modeFlag: RenderMode | undefined): ResolvedRender {
  const t = asObject(top);
  const s = asObject(site);
  return {
    mode: modeFlag ?? s.mode ?? t.mode ?? RENDER_DEFAULTS.mode,
    viewports: [...new Set(s.viewports ?? t.viewports ?? RENDER_DEFAULTS.viewports)],
    timeoutMs: s.timeoutMs ?? t.timeoutMs ?? RENDER_DEFAULTS.timeoutMs,
    settleMs: s.settleMs ?? t.settleMs ?? RENDER_DEFAULTS.settleMs,
  };
}

function absolute(browser: string, base: string): string {
  // A bare command name is looked up on PATH when it is started; a relative path is relative to `base`.
  return browser.includes('/') || browser.includes('\\') ? path.resolve(base, browser) : browser;
}

/**
 * The run's browser and concurrency: the flag, else the top level, else the sites (which must
 * then agree on one browser, since one browser renders the whole run).
 */
export function resolveRunRender(
  top: RenderInput | undefined,
  /** `where` names the site's render key in messages, e.g. `beian.config.json: sites[1].render`. */
  sites: readonly { readonly render: RenderInput | undefined; readonly where: string }[],
  flag: string | undefined,
  files: { readonly cwd: string; readonly configDir: string; readonly source: string },
): RunRender {
  const t = asObject(top);
  let browser: RunRender['browser'];
  if (flag !== undefined && flag.trim() !== '') browser = { path: absolute(flag.trim(), files.cwd), from: '--browser' };
  else if (t.browser) browser = { path: absolute(t.browser, files.configDir), from: `${files.source}: render.browser` };
  else {
    for (const site of sites) {
      const b = asObject(site.render).browser;
      if (!b) continue;
      const named = { path: absolute(b, files.configDir), from: `${site.where}.browser` };
      if (browser && browser.path !== named.path) {
        throw InputError.of('render-browser-differs', { browser: b, first: browser.from }, named.from);
      }
      browser ??= named;
    }
  }
  const concurrency = t.concurrency ?? sites.map((s) => asObject(s.render).concurrency).find((c) => c !== undefined) ?? RENDER_DEFAULTS.concurrency;
  return { ...(browser && { browser }), concurrency };
}
