import { both, InputError } from '../config/errors.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { format, type Localized } from '../i18n/lang.js';
import { RENDER_DEFAULTS } from '../config/render.js';
import type { Finding, Span } from '../model/index.js';
import { findBrowser, INSTALL_HINT } from '../render/find-browser.js';
import { LaunchError } from '../render/launch.js';
import { Renderer } from '../render/renderer.js';
import { inputFindings } from './input-findings.js';
import type { SiteRules } from './site-rules.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The log line that says which browser renders the run's entry pages. */
const RENDERING: Localized = {
  'zh-CN': 'beian-guard: 用 {product} 渲染入口页面（{path}，来自 {from}）',
  en: 'beian-guard: rendering entry pages with {product} ({path}, from {from})',
};

/** Where the "could not render" notice of an `auto` run goes: the first shell page it left unrendered. */
interface PendingNotice {
  readonly job: { readonly rel: string; readonly file: string; readonly entry: boolean };
  readonly rules: Pick<SiteRules, 'lang' | 'severities'>;
  readonly source: string;
  readonly span: Span;
}

/**
 * Render mode for one run: finds and starts the browser once, on first need (at the start when a
 * site says `on`, so a missing browser stops the run before any page is read), hands the
 * renderer to entry pages, and closes it on every way out of the run.
 *
 * `on` without a usable browser is an input error (exit 2) naming what was tried and what to
 * install. `auto` without one keeps the static verdicts and says so in one notice per run.
 */
export class RenderSession {
  private starting: Promise<Renderer | null> | null = null;
  private renderer: Renderer | null = null;
  private problem: { messageId: 'no-browser' | 'browser-failed'; detail: string; error: InputError } | null = null;
  private pending: PendingNotice | null = null;
  private unrendered = 0;
  private closed = false;

  /** The rendered document is held to the same size limit as a built file (maxFileSizeMB). */
  get maxDocumentChars(): number {
    return this.config.maxFileSize;
  }

  constructor(
    private readonly config: ResolvedConfig,
    private readonly env: Env,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Whether any site of the run may render. */
  static wanted(config: ResolvedConfig): boolean {
    return config.sites.some((s) => s.render !== undefined && s.render.mode !== 'off');
  }

  /** With a site in `on` mode, starts the browser now; throws InputError when it cannot. */
  async prepare(): Promise<void> {
    if (this.config.sites.some((s) => s.render?.mode === 'on')) await this.get(true);
  }

  /**
   * The renderer, started on first call. `required` (mode `on`): no browser, or a browser that
   * does not start, throws InputError. Otherwise null, and the reason is kept for the notice.
   */
  get(required: boolean): Promise<Renderer | null> {
    if (this.closed) return Promise.resolve(null);
    if (!this.starting) this.starting = this.start(required);
    else if (required) {
      // An `auto` site asked first and could not start a browser: for an `on` site that is an error.
      return this.starting.then((r) => r ?? Promise.reject(this.problem?.error ?? InputError.of('render-browser-failed', { detail: both('运行已经结束', 'the run has ended'), hint: INSTALL_HINT })));
    }
    return this.starting;
  }

  private async start(required: boolean): Promise<Renderer | null> {
    const lookup = findBrowser(this.config.render?.browser, this.env);
    if (!lookup.found) {
      const error = InputError.of('render-no-browser', { tried: { 'zh-CN': lookup.triedText.map((t) => t['zh-CN']).join('；'), en: lookup.tried.join('; ') }, hint: INSTALL_HINT });
      if (required) throw error;
      this.problem = { messageId: 'no-browser', detail: error.message, error };
      return null;
    }
    try {
      this.renderer = await Renderer.start(lookup.found, { concurrency: this.config.render?.concurrency ?? RENDER_DEFAULTS.concurrency, log: (line) => this.log(line[this.config.lang]) });
    } catch (e) {
      if (!(e instanceof LaunchError)) throw e;
      const error = InputError.of('render-browser-failed', { detail: e.message, hint: INSTALL_HINT });
      if (required || lookup.found.explicit) throw error;
      this.problem = { messageId: 'browser-failed', detail: e.message, error };
      return null;
    }
    if (this.closed) {
      await this.renderer.close();
      return null;
    }
    this.log(format(RENDERING[this.config.lang], { product: this.renderer.product, path: lookup.found.path, from: lookup.found.from }));
    return this.renderer;
  }

  /** An `auto` page that needed rendering and got none: counted, and the first one carries the notice. */
  unrenderedShell(notice: PendingNotice): void {
    this.unrendered++;
    this.pending ??= notice;
  }

  /** The run's one notice about pages left unrendered in `auto` mode (empty when every page rendered). */
  notices(): Finding[] {
    if (!this.pending || !this.problem) return [];
    const { job, rules, source, span } = this.pending;
    const data: Record<string, string | number> =
      this.problem.messageId === 'no-browser'
        ? { count: this.unrendered, hint: rules.lang === 'zh-CN' ? `${INSTALL_HINT['zh-CN']}。` : `${INSTALL_HINT.en}.` }
        : { detail: this.problem.detail };
    return inputFindings('render-skipped', [{ messageId: this.problem.messageId, span, anchor: 'body', data, severity: 'notice' }], job, rules, source);
  }

  async close(): Promise<void> {
    this.closed = true;
    const starting = this.starting;
    if (starting) await starting.catch(() => undefined);
    await this.renderer?.close();
  }
}
