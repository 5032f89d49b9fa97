/**
 * What a browser saw of one filing number at one viewport (render mode, issue 14). The renderer
 * measures these in the page; the page model attaches them to the numbers it finds; icp-hidden
 * and icp-placement judge them. Plain data: rules stay pure and tests can write facts by hand.
 */

export const VIEWPORT_NAMES = ['desktop', 'mobile'] as const;
export type ViewportName = (typeof VIEWPORT_NAMES)[number];

export interface ViewportInfo {
  readonly name: ViewportName;
  readonly width: number;
  readonly height: number;
}

/** Why a number cannot be seen. `element` is a short CSS-like path of the element concerned. */
export type RenderedHiding =
  /** The number is not on the page at this viewport (the script did not render it there). */
  | { readonly by: 'absent' }
  /** display, visibility, opacity, content-visibility or font-size, as computed. */
  | { readonly by: 'style'; readonly element: string; readonly declaration: string }
  | { readonly by: 'zero-size'; readonly element: string }
  | { readonly by: 'offscreen'; readonly element: string; readonly x: number; readonly y: number }
  | { readonly by: 'clipped'; readonly element: string; readonly declaration: string }
  | { readonly by: 'contrast'; readonly element: string; readonly color: string; readonly background: string; readonly ratio: number }
  | { readonly by: 'covered'; readonly element: string };

export interface RenderedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One number at one viewport. Lengths are CSS pixels in page coordinates. */
export interface RenderedNumberFacts {
  readonly viewport: ViewportInfo;
  /** Element path of the element holding the number, e.g. `body > div#app > footer > a`. */
  readonly path: string;
  /** null when a visitor can see it. */
  readonly hiddenBy: RenderedHiding | null;
  readonly box: RenderedBox | null;
  /** Bottom of the page's content (the lowest box drawn). */
  readonly contentBottom: number;
  /** contentBottom minus the bottom of the number's box. */
  readonly fromBottom: number | null;
  /** Height of the screen in CSS pixels as the page laid it out (a page without a viewport meta is zoomed out on phones). */
  readonly screenHeight: number;
  readonly fontSize: number | null;
  /** WCAG contrast ratio of the text against what is behind it; null when a background image makes it unknowable. */
  readonly contrast: number | null;
}

/** The rendered facts of one page: its viewports, and per number (by needle key) one entry per viewport. */
export interface RenderedFacts {
  readonly viewports: readonly ViewportInfo[];
  readonly numbers: ReadonlyMap<string, readonly RenderedNumberFacts[]>;
}

/**
 * A number the browser is asked to measure: its text as the page model normalised it, and which
 * occurrence of that text on the page. `key` joins the browser's answer back to the number.
 */
export interface Needle {
  readonly key: string;
  readonly text: string;
  readonly occurrence: number;
}
