/**
 * Render mode's run-level object: one site server and one browser per run, at most
 * `concurrency` pages at a time, each page loaded once per viewport in a fresh browser context.
 * Entry pages only: a site has one to three of them, so the browser's start (0.1–0.5 s) is paid
 * once and two pages at a time keep both cores of a CI machine busy (brief §4).
 */
import type { ViewportName } from '../model/index.js';
import type { Localized } from '../i18n/lang.js';
import type { FoundBrowser } from './find-browser.js';
import { launchBrowser, type LaunchedBrowser, type LaunchFence } from './launch.js';
import type { Needle } from './page-scripts.js';
import { renderViewport, type FenceOptions, type LoadLimits, type ViewportOutcome } from './render-viewport.js';
import { SiteServer, type FencedRequest } from './server.js';
import { VIEWPORTS } from './viewports.js';

export interface PageRenderRequest {
  /** Absolute path of the site folder the page belongs to. */
  readonly root: string;
  /** The page, relative to the root. */
  readonly rel: string;
  readonly viewports: readonly ViewportName[];
  readonly limits: LoadLimits;
  /**
   * Called once with the first rendered document: returns the numbers to measure in it and at
   * every other viewport (the page model finds them; the browser only measures).
   */
  readonly needles: (html: string) => readonly Needle[];
}

export interface PageRender {
  /** One outcome per viewport rendered, in the order asked; a page that hangs is not loaded again. */
  readonly viewports: readonly ViewportOutcome[];
  /** The first rendered document, which the rules read. */
  readonly html: string | null;
  /** The viewport `html` came from. */
  readonly primary: ViewportName | null;
  readonly needles: readonly Needle[];
}

export interface RendererOptions {
  readonly concurrency: number;
  /** Notices for the user, in both languages. */
  readonly log?: (line: Localized) => void;
  /** Test-only: take fences away to prove the others hold. */
  readonly fence?: FenceOptions & LaunchFence;
}

/** The URL path a visitor types for a page: `/` for the root index.html, `/docs/` for docs/index.html. */
export function pagePath(rel: string): string {
  const parts = rel.split('/').filter((p) => p !== '');
  if (parts[parts.length - 1] === 'index.html') parts[parts.length - 1] = '';
  return `/${parts.map(encodeURIComponent).join('/')}`;
}

export class Renderer {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  private constructor(
    private readonly browser: LaunchedBrowser,
    private readonly server: SiteServer,
    private readonly options: RendererOptions,
  ) {}

  /** Starts the server and the browser. Throws LaunchError when the browser does not start. */
  static async start(found: FoundBrowser, options: RendererOptions): Promise<Renderer> {
    const server = new SiteServer();
    await server.listen();
    try {
      const browser = await launchBrowser(found, server.port, options.log, options.fence);
      return new Renderer(browser, server, options);
    } catch (e) {
      await server.close();
      throw e;
    }
  }

  /** `HeadlessChrome/150.0.7871.100`, for the log line that says which browser rendered. */
  get product(): string {
    return this.browser.product;
  }

  /** Requests the second fence (the proxy) stopped during the run. */
  get fenced(): readonly FencedRequest[] {
    return this.server.fenced;
  }

  get origin(): string {
    return this.server.origin;
  }

  async render(request: PageRenderRequest): Promise<PageRender> {
    await this.slot(request.root);
    try {
      const outcomes: ViewportOutcome[] = [];
      let html: string | null = null;
      let primary: ViewportName | null = null;
      let needles: readonly Needle[] = [];
      for (const name of request.viewports) {
        if (this.closed) break;
        const outcome = await renderViewport(
          this.browser,
          this.server.origin,
          pagePath(request.rel),
          VIEWPORTS[name],
          request.limits,
          (document) => {
            if (html === null) {
              html = document;
              primary = name;
              needles = request.needles(document);
            }
            return needles;
          },
          this.options.fence,
        );
        outcomes.push(outcome);
        // A script that never yields does so at every size: one report, one time limit.
        if (outcome.status === 'busy' || (outcome.status === 'failed' && this.browser.connection.closed)) break;
      }
      return { viewports: outcomes, html, primary, needles };
    } finally {
      this.release();
    }
  }

  /** Waits for a free slot; the served folder changes only while no page is open. */
  private async slot(root: string): Promise<void> {
    for (;;) {
      const free = this.active < this.options.concurrency;
      const sameRoot = this.server.currentRoot === root || this.active === 0;
      if (free && sameRoot) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.server.setRoot(root);
    this.active++;
  }

  private release(): void {
    this.active--;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Closes the browser and the server. Safe to call twice, and on every way out of a run. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.browser.close(), this.server.close()]);
  }
}
