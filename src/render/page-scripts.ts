/**
 * JavaScript that runs inside the page, in an isolated world of our own: it shares the page's
 * DOM but not its globals, so a page cannot see it, and cannot fake what it measures by
 * patching `getBoundingClientRect` or `getComputedStyle` in its own world.
 *
 * Kept as source text rather than functions of ours: the bundle is minified and the test runner
 * transforms TypeScript, and either may rewrite a function in ways a page cannot run. The
 * browser tests (__tests__/render) run every branch of it for real.
 */

/** The name of the isolated world; also the global the observer keeps its state in. */
export const WORLD = '__beian_guard__';

/**
 * Installed before any page script runs: counts DOM changes, for deciding when the page has
 * settled. Inline style changes are left out: script-driven animations rewrite them every frame
 * and would keep a finished page "changing" until the time limit.
 */
export const OBSERVER_SOURCE = String.raw`(() => {
  const state = { count: 0, last: performance.now() };
  globalThis.${WORLD} = state;
  new MutationObserver((records) => {
    let counted = 0;
    for (const r of records) if (!(r.type === 'attributes' && r.attributeName === 'style')) counted++;
    if (counted === 0) return;
    state.count += counted;
    state.last = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/** [mutations so far, ms since the last one, readyState]; null before the observer exists. */
export const SETTLE_EXPRESSION = String.raw`(() => {
  const s = globalThis.${WORLD};
  return s ? [s.count, performance.now() - s.last, document.readyState] : null;
})()`;

/** The rendered document as HTML, with its doctype. */
export const SERIALIZE_EXPRESSION = String.raw`(() => {
  const d = document;
  const doctype = d.doctype ? '<!DOCTYPE ' + d.doctype.name + '>' : '';
  return doctype + (d.documentElement ? d.documentElement.outerHTML : '');
})()`;

export type { Needle } from '../model/index.js';

/** The probe's answer for one needle (see RenderedNumberFacts for the meaning of the fields). */
export interface ProbeNumber {
  readonly key: string;
  readonly found: boolean;
  readonly path?: string;
  readonly hiddenBy?: Record<string, unknown> | null;
  readonly box?: { x: number; y: number; width: number; height: number } | null;
  readonly fromBottom?: number | null;
  readonly fontSize?: number | null;
  readonly contrast?: number | null;
}

export interface ProbeResult {
  readonly width: number;
  readonly height: number;
  readonly scrollHeight: number;
  readonly contentBottom: number;
  readonly numbers: readonly ProbeNumber[];
}

/**
 * Measures each needle the way a reviewer would look for it: scrolled to the bottom of the page,
 * animations finished. Text is matched after the same folding the page model applies (NFKC,
 * dashes, no whitespace or zero-width characters), so the number found is the number the rules saw.
 * Reasons are tried from the plainest (display: none) to the most inferred (covered).
 */
export const PROBE_SOURCE = String.raw`(needles) => {
  const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]/;
  const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u2043]/;
  const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD', 'IFRAME', 'OBJECT']);
  const MIN_FONT_PX = 6;
  const MIN_CONTRAST = 1.5;
  const round = (n) => Math.round(n * 10) / 10;

  const fold = (s) => {
    let out = '';
    for (const ch of s) {
      if (SPACE.test(ch) || ZERO_WIDTH.test(ch)) continue;
      if (DASH.test(ch)) { out += '-'; continue; }
      out += ch.normalize('NFKC').replace(/\s+/g, '');
    }
    return out;
  };

  const segment = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) return s + '#' + el.id;
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
    for (const c of classes) s += '.' + c;
    return s;
  };
  const pathOf = (el, max = 6, ellipsis = true) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      parts.unshift(segment(e));
      if (e.tagName === 'BODY' || e.id) break;
      if (parts.length >= max) { if (ellipsis) parts.unshift('…'); break; }
    }
    return parts.join(' > ');
  };
  const short = (el) => pathOf(el, 2, false);

  try {
    for (const a of document.getAnimations()) {
      const t = a.effect && a.effect.getComputedTiming();
      if (t && Number.isFinite(t.endTime)) a.finish();
    }
  } catch (e) { /* an animation that cannot finish is measured as it is */ }

  // The text of the page as the page model reads it, with a map back to DOM positions.
  const nodes = [];
  const nodeOf = [];
  const offsetOf = [];
  let text = '';
  const unseen = new Map();
  const isUnseen = (el) => {
    const chain = [];
    let answer = false;
    for (let e = el; e; e = e.parentElement) {
      const known = unseen.get(e);
      if (known !== undefined) { answer = known; break; }
      chain.push(e);
      if (UNSEEN.has(e.tagName)) { answer = true; break; }
    }
    for (const e of chain) unseen.set(e, answer);
    return answer;
  };
  const root = document.body || document.documentElement;
  if (root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement || isUnseen(n.parentElement)) continue;
      const data = n.data;
      const index = nodes.length;
      nodes.push(n);
      let i = 0;
      for (const ch of data) {
        const folded = fold(ch);
        for (let k = 0; k < folded.length; k++) { text += folded[k]; nodeOf.push(index); offsetOf.push(i); }
        i += ch.length;
      }
    }
  }

  const scroller = document.scrollingElement || document.documentElement;
  const toBottom = () => window.scrollTo(0, scroller ? scroller.scrollHeight : 0);
  toBottom();
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const scrollHeight = scroller ? scroller.scrollHeight : vh;
  let contentBottom = 0;
  if (document.body) {
    const all = document.body.getElementsByTagName('*');
    const n = Math.min(all.length, 20000);
    for (let i = 0; i < n; i++) {
      const e = all[i];
      const r = e.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      if (e.checkVisibility && !e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      contentBottom = Math.max(contentBottom, r.bottom + window.scrollY);
    }
  }
  if (contentBottom <= 0) contentBottom = scrollHeight;

  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  // Any CSS colour as 8-bit sRGB with alpha 0..1, by painting it: computed colours may be written
  // in any syntax the engine knows (rgb, oklch, color-mix), and the canvas knows them all.
  const rgba = (value) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = 'rgba(0, 0, 0, 0)';
    ctx.fillStyle = value;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const over = (top, base) => [0, 1, 2].map((i) => top[i] * top[3] + base[i] * (1 - top[3]));
  const luminance = (c) => {
    const lin = c.map((v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4); });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };
  const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

  const styleHiding = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none') return { by: 'style', element: short(e), declaration: 'display: none' };
      if (e !== el && s.contentVisibility === 'hidden') return { by: 'style', element: short(e), declaration: 'content-visibility: hidden' };
    }
    const own = getComputedStyle(el);
    if (own.visibility !== 'visible') {
      let culprit = el;
      for (let e = el.parentElement; e && getComputedStyle(e).visibility === own.visibility; e = e.parentElement) culprit = e;
      return { by: 'style', element: short(culprit), declaration: 'visibility: ' + own.visibility };
    }
    let opacity = 1;
    let faintest = null;
    let faintestValue = 1;
    for (let e = el; e; e = e.parentElement) {
      const o = parseFloat(getComputedStyle(e).opacity);
      if (!Number.isFinite(o)) continue;
      opacity *= o;
      if (o < faintestValue) { faintestValue = o; faintest = e; }
    }
    if (opacity < 0.1 && faintest) return { by: 'style', element: short(faintest), declaration: 'opacity: ' + faintestValue };
    if (el.checkVisibility && !el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) {
      return { by: 'style', element: short(el), declaration: 'checkVisibility() = false' };
    }
    return null;
  };

  const contrastOf = (el) => {
    const s = getComputedStyle(el);
    const fill = s.webkitTextFillColor && s.webkitTextFillColor !== s.color ? s.webkitTextFillColor : s.color;
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bs = getComputedStyle(e);
      if (bs.backgroundClip === 'text' || bs.webkitBackgroundClip === 'text') return null;
      const c = rgba(bs.backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 0.99) break;
      if (bs.backgroundImage && bs.backgroundImage !== 'none') return null;
    }
    let base = [255, 255, 255];
    for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
    const color = over(rgba(fill), base);
    const a = luminance(color);
    const b = luminance(base);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return { ratio: Math.round(ratio * 100) / 100, color: hex(color), background: hex(base) };
  };

  // Does an element that lies on top of the number draw something there? A transparent overlay does not hide it.
  const paints = (top, el) => {
    let opacity = 1;
    for (let e = top; e; e = e.parentElement) {
      const o = parseFloat(getComputedStyle(e).opacity);
      if (Number.isFinite(o)) opacity *= o;
    }
    if (opacity < 0.3) return false;
    for (let e = top; e && !e.contains(el); e = e.parentElement) {
      const s = getComputedStyle(e);
      if (/^(IMG|VIDEO|CANVAS|SVG|IFRAME|svg)$/.test(e.tagName)) return true;
      if (s.backgroundImage && s.backgroundImage !== 'none') return true;
      if (rgba(s.backgroundColor)[3] >= 0.5) return true;
    }
    return false;
  };

  const measure = (needle) => {
    const target = fold(needle.text);
    let at = -1;
    for (let k = 0; k <= needle.occurrence; k++) {
      at = text.indexOf(target, at + 1);
      if (at === -1) break;
    }
    if (!target || at === -1) return { key: needle.key, found: false };
    const last = at + target.length - 1;
    const startNode = nodes[nodeOf[at]];
    const endNode = nodes[nodeOf[last]];
    const endText = endNode.data;
    const endOffset = offsetOf[last] + (endText.codePointAt(offsetOf[last]) > 0xffff ? 2 : 1);
    const range = document.createRange();
    range.setStart(startNode, offsetOf[at]);
    range.setEnd(endNode, endOffset);
    const el = startNode.parentElement;
    toBottom();
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    const b = range.getBoundingClientRect();
    const box = rects.length > 0 ? { x: round(b.left + window.scrollX), y: round(b.top + window.scrollY), width: round(b.width), height: round(b.height) } : null;
    const fontSize = parseFloat(getComputedStyle(el).fontSize);
    const result = {
      key: needle.key,
      found: true,
      path: pathOf(el),
      hiddenBy: null,
      box,
      fromBottom: box ? round(contentBottom - (box.y + box.height)) : null,
      fontSize: Number.isFinite(fontSize) ? fontSize : null,
      contrast: null,
    };
    let hidden = styleHiding(el);
    if (!hidden && Number.isFinite(fontSize) && fontSize < MIN_FONT_PX) hidden = { by: 'style', element: short(el), declaration: 'font-size: ' + getComputedStyle(el).fontSize };
    if (!hidden && !box) hidden = { by: 'zero-size', element: short(el) };
    if (!hidden && box && (box.x + box.width <= 0 || box.y + box.height <= 0 || box.x >= Math.max(scroller.scrollWidth, vw) || box.y >= scrollHeight)) {
      hidden = { by: 'offscreen', element: short(el), x: box.x, y: box.y };
    }
    let clipPath = null;
    if (!hidden) {
      for (let e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if ((s.position === 'absolute' || s.position === 'fixed') && s.clip && s.clip !== 'auto') { hidden = { by: 'clipped', element: short(e), declaration: 'clip: ' + s.clip }; break; }
        if (s.clipPath && s.clipPath !== 'none' && !clipPath) clipPath = { element: short(e), declaration: 'clip-path: ' + s.clipPath };
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
          const r = e.getBoundingClientRect();
          const w = Math.max(0, Math.min(b.right, r.right) - Math.max(b.left, r.left));
          const h = Math.max(0, Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top));
          if (w * h < 0.5 * b.width * b.height) {
            hidden = { by: 'clipped', element: short(e), declaration: 'overflow: ' + s.overflow + ' (' + round(r.width) + '×' + round(r.height) + ')' };
            break;
          }
        }
      }
    }
    const contrast = contrastOf(el);
    if (contrast) result.contrast = contrast.ratio;
    if (!hidden && contrast && contrast.ratio < MIN_CONTRAST) hidden = { by: 'contrast', element: short(el), color: contrast.color, background: contrast.background, ratio: contrast.ratio };
    if (!hidden) {
      // Look where a reviewer looks: the bottom of the page, or the number scrolled into view.
      let view = range.getBoundingClientRect();
      if (view.top < 0 || view.bottom > vh) {
        el.scrollIntoView({ block: 'end', inline: 'nearest' });
        view = range.getBoundingClientRect();
      }
      if (view.top >= 0 && view.bottom <= vh + 1 && view.left < vw && view.right > 0) {
        const y = view.top + view.height / 2;
        const xs = [0.2, 0.5, 0.8].map((f) => Math.min(vw - 1, Math.max(0, view.left + view.width * f)));
        let self = 0;
        let other = null;
        let others = 0;
        for (const x of xs) {
          const hit = document.elementFromPoint(x, y);
          if (!hit) continue;
          if (hit === el || el.contains(hit)) self++;
          else if (!hit.contains(el)) { others++; other = other || hit; }
        }
        if (others >= 2 && other && paints(other, el)) hidden = { by: 'covered', element: short(other) };
        else if (self === 0 && clipPath) hidden = { by: 'clipped', element: clipPath.element, declaration: clipPath.declaration };
      }
    }
    result.hiddenBy = hidden;
    return result;
  };

  const numbers = needles.map((n) => {
    try {
      return measure(n);
    } catch (e) {
      return { key: n.key, found: false, error: String(e) };
    }
  });
  return { width: vw, height: vh, scrollHeight, contentBottom: round(contentBottom), numbers };
}`;
