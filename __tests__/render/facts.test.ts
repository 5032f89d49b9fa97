/**
 * The pure half of render mode, with facts written by hand: how numbers become needles and get
 * their facts back, how icp-hidden and icp-placement judge facts per viewport, and how a place in
 * the rendered document is found again in the built file. No browser here.
 */
import { describe, expect, it } from 'vitest';
import { buildPage } from '../../src/page/build-page.js';
import { footerFacts } from '../../src/page/footer-facts.js';
import { needlesOf } from '../../src/page/rendered.js';
import { StaticMatcher } from '../../src/page/static-match.js';
import { PROBE_SOURCE } from '../../src/render/page-scripts.js';
import { pagePath } from '../../src/render/renderer.js';
import { shellMount } from '../../src/rules/shared/absence.js';
import { atBottom, renderedHiddenDrafts, renderedPlacementDrafts } from '../../src/rules/shared/rendered.js';
import { LANGS, localize } from '../../src/i18n/lang.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import type { RenderedFacts, RenderedHiding, RenderedNumberFacts, ViewportInfo } from '../../src/model/index.js';

const DESKTOP: ViewportInfo = { name: 'desktop', width: 1366, height: 768 };
const MOBILE: ViewportInfo = { name: 'mobile', width: 375, height: 667 };
const ICP = '京ICP备2023012345号-1';

function facts(viewport: ViewportInfo, over: Partial<RenderedNumberFacts> = {}): RenderedNumberFacts {
  return { viewport, path: 'body > footer > a', hiddenBy: null, box: { x: 600, y: 1480, width: 190, height: 19 }, contentBottom: 1520, fromBottom: 21, screenHeight: viewport.height, fontSize: 14, contrast: 9.4, ...over };
}

const PAGE = `<!doctype html><html><head><title>t</title></head><body>
<main>正文</main>
<footer>
  <a href="https://beian.miit.gov.cn/">${ICP}</a>
  <p>镜像站：<a href="https://beian.miit.gov.cn/">${ICP}</a></p>
</footer>
</body></html>`;

function targets(numbers: Map<string, RenderedNumberFacts[]>) {
  const rendered: RenderedFacts = { viewports: [DESKTOP, MOBILE], numbers };
  return { rendered, icp: footerFacts(buildPage('index.html', PAGE), rendered).icp };
}

describe('needles and facts', () => {
  it('names each number by its folded text and its occurrence, and gives each its own facts back', () => {
    const page = buildPage('index.html', PAGE.replace(`>${ICP}</a></p>`, '>京 ICP 备 2023012345 号-1</a></p>'));
    const needles = needlesOf(footerFacts(page));
    expect(needles).toEqual([
      { key: `icp:${ICP}#0`, text: ICP, occurrence: 0 },
      { key: `icp:${ICP}#1`, text: ICP, occurrence: 1 },
    ]);
    const second = facts(DESKTOP, { hiddenBy: { by: 'zero-size', element: 'p > a' } });
    const { icp } = targets(new Map([[`icp:${ICP}#1`, [second]]]));
    expect(icp.map((s) => s.rendered)).toEqual([[], [second]]);
  });

  it('the probe is a function expression a browser can compile', () => {
    expect(() => new Function(`return (${PROBE_SOURCE});`)).not.toThrow();
  });

  it('asks for the page a visitor types: / for the root, folders with their slash', () => {
    expect(['index.html', 'docs/index.html', 'about.html', 'a b/页.html'].map(pagePath)).toEqual(['/', '/docs/', '/about.html', '/a%20b/%E9%A1%B5.html']);
  });
});

describe('icp-hidden and icp-placement from rendered facts', () => {
  const hiding: RenderedHiding = { by: 'style', element: 'p.beian', declaration: 'display: none' };

  it('one visible copy at a viewport is enough; none is a finding for that viewport only', () => {
    const { rendered, icp } = targets(
      new Map([
        [`icp:${ICP}#0`, [facts(DESKTOP), facts(MOBILE, { hiddenBy: hiding })]],
        [`icp:${ICP}#1`, [facts(DESKTOP, { hiddenBy: hiding }), facts(MOBILE, { hiddenBy: { by: 'covered', element: 'div.cookie' } })]],
      ]),
    );
    const drafts = renderedHiddenDrafts(icp, rendered);
    expect(drafts.map((d) => [d.messageId, d.data])).toEqual([['rendered-style', { number: ICP, viewport: '375×667', element: 'p.beian', declaration: 'display: none' }]]);
  });

  it('every reason has a complete message and fix in every language', () => {
    const reasons: RenderedHiding[] = [
      { by: 'style', element: 'p.beian', declaration: 'opacity: 0' },
      { by: 'zero-size', element: 'p.beian' },
      { by: 'offscreen', element: 'p.beian', x: -9999, y: 10 },
      { by: 'clipped', element: 'div.sr-only', declaration: 'clip: rect(0px, 0px, 0px, 0px)' },
      { by: 'contrast', element: 'a', color: '#2b2b2b', background: '#2b2b2b', ratio: 1 },
      { by: 'covered', element: 'div.cookie' },
    ];
    const meta = RULES_BY_ID.get('icp-hidden')!.meta;
    const seen = new Set<string>();
    for (const hiddenBy of [...reasons, null]) {
      const numbers = new Map([[`icp:${ICP}#0`, hiddenBy ? [facts(DESKTOP, { hiddenBy }), facts(MOBILE, { hiddenBy })] : []]]);
      const { rendered, icp } = targets(numbers);
      for (const d of renderedHiddenDrafts(icp.slice(0, 1), rendered)) {
        seen.add(d.messageId);
        const message = meta.messages[d.messageId]!;
        for (const lang of LANGS) expect(`${localize(message.message, lang, d.data)} ${localize(message.fix, lang, d.data)}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(meta.messages).filter((id) => id.startsWith('rendered-')).sort());
  });

  it('a number missing at a viewport is absent there', () => {
    const { rendered, icp } = targets(new Map([[`icp:${ICP}#0`, [facts(DESKTOP)]]]));
    expect(renderedHiddenDrafts(icp, rendered).map((d) => `${d.messageId} ${d.data?.viewport}`)).toEqual(['rendered-absent 375×667']);
  });

  it('placement: at the bottom means in the last screenful and in the lower half of the page', () => {
    expect(atBottom(facts(DESKTOP))).toBe(true);
    // a long page, the number at its top
    expect(atBottom(facts(DESKTOP, { box: { x: 0, y: 10, width: 100, height: 19 }, fromBottom: 1491 }))).toBe(false);
    // a short page that fits one screen, the number drawn at its top
    expect(atBottom(facts(DESKTOP, { box: { x: 0, y: 10, width: 100, height: 19 }, contentBottom: 600, fromBottom: 571 }))).toBe(false);
    // the same short page with the number below its content
    expect(atBottom(facts(DESKTOP, { box: { x: 0, y: 560, width: 100, height: 19 }, contentBottom: 600, fromBottom: 21 }))).toBe(true);
    // a phone page laid out zoomed out (no viewport meta): its screen is taller than 667 CSS px
    expect(atBottom(facts(MOBILE, { box: { x: 0, y: 900, width: 100, height: 19 }, contentBottom: 1700, fromBottom: 781, screenHeight: 1744 }))).toBe(true);
  });

  it('placement is judged on visible copies only, and hidden ones are left to icp-hidden', () => {
    const top = { box: { x: 0, y: 10, width: 100, height: 19 }, fromBottom: 1491 };
    const { rendered, icp } = targets(
      new Map([
        [`icp:${ICP}#0`, [facts(DESKTOP, top), facts(MOBILE, { hiddenBy: hiding })]],
        [`icp:${ICP}#1`, [facts(DESKTOP, { ...top, hiddenBy: hiding }), facts(MOBILE, { hiddenBy: hiding })]],
      ]),
    );
    expect(renderedPlacementDrafts(icp, rendered).map((d) => [d.messageId, d.data])).toEqual([['rendered-not-at-bottom', { number: ICP, viewport: '1366×768', y: 10, height: 1520 }]]);
  });
});

describe('locations in the built file', () => {
  const built = `<!doctype html>
<html>
<head><title>示例</title></head>
<body>
  <div id="app"></div>
  <footer class="static">
    <a href="https://beian.miit.gov.cn/">${ICP}</a>
  </footer>
</body>
</html>`;
  const renderedHtml = `<!DOCTYPE html><html><head><title>示例</title></head><body>
  <div id="app" data-v-app=""><main>正文</main><footer class="app"><a href="http://www.beian.miit.gov.cn/">${ICP}</a></footer></div>
  <footer class="static">
    <a href="https://beian.miit.gov.cn/">${ICP}</a>
  </footer>
</body></html>`;
  const staticPage = buildPage('index.html', built);
  const renderedPage = buildPage('index.html', renderedHtml);
  const matcher = new StaticMatcher(renderedPage, staticPage, shellMount(staticPage));
  const lineOf = (offset: number) => built.slice(0, offset).split('\n').length;

  it('an element that is in the built file keeps its own line, and an attribute its own column', () => {
    const [, second] = footerFacts(renderedPage).icp;
    const at = matcher.locate(second!.span, second!.match.text);
    expect(at.exact).toBe(true);
    expect(built.slice(at.span.start, at.span.end)).toBe(ICP);
    expect(lineOf(at.span.start)).toBe(7);
    const href = renderedHtml.lastIndexOf('https://beian.miit.gov.cn/');
    const attr = matcher.locate({ start: href, end: href + 26 });
    expect(built.slice(attr.span.start, attr.span.end)).toBe('https://beian.miit.gov.cn/');
  });

  it('an element only the script made points at its nearest ancestor in the file, the mount point, with its path', () => {
    const [first] = footerFacts(renderedPage).icp;
    const at = matcher.locate(first!.span, first!.match.text);
    expect(at.exact).toBe(false);
    expect(at.path).toBe('div#app > footer.app > a');
    expect(built.slice(at.span.start, at.span.end)).toBe('<div id="app">');
  });
});
