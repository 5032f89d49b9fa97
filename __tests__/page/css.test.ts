/**
 * The static cascade's parts (issue 13, issue 17 "bounded CSS"): media queries at the two widths,
 * the stylesheet reader and its cap, and selector work that counts what :has() really visits.
 * Whole-page verdicts are in __tests__/rules/footer-rules.test.ts (icp-hidden, icp-placement).
 */
import { describe, expect, it } from 'vitest';
import { buildPage } from '../../src/page/build-page.js';
import { CSS_LIMITS } from '../../src/page/css/cascade.js';
import { parseDeclarations } from '../../src/page/css/declarations.js';
import { evaluateMedia } from '../../src/page/css/media.js';
import { parseSheet } from '../../src/page/css/sheet.js';
import { StaticVisibility } from '../../src/page/hidden.js';

describe('media queries at 1366 px and 375 px', () => {
  it.each([
    ['screen and (max-width: 768px)', { desktop: 'no', mobile: 'yes' }],
    ['(min-width: 48em)', { desktop: 'yes', mobile: 'no' }],
    ['only screen and (min-width: 1024px) and (max-width: 1439.98px)', { desktop: 'yes', mobile: 'no' }],
    ['(width >= 600px)', { desktop: 'yes', mobile: 'no' }],
    ['(400px <= width <= 1400px)', { desktop: 'yes', mobile: 'no' }],
    ['(orientation: portrait)', { desktop: 'no', mobile: 'yes' }],
    ['(hover: none)', { desktop: 'no', mobile: 'yes' }],
    ['print', { desktop: 'no', mobile: 'no' }],
    ['not print', { desktop: 'yes', mobile: 'yes' }],
    ['print, (max-width: 500px)', { desktop: 'no', mobile: 'yes' }],
    ['(prefers-color-scheme: dark)', { desktop: 'maybe', mobile: 'maybe' }],
    ['screen and (max-width: 50vw)', { desktop: 'maybe', mobile: 'maybe' }],
    ['((( broken', { desktop: 'maybe', mobile: 'maybe' }],
  ])('%s', (query, expected) => {
    expect(evaluateMedia(query)).toEqual(expected);
  });
});

describe('declarations', () => {
  it('reads the properties that decide visibility, the font shorthand and !important', () => {
    expect(parseDeclarations('color: red; DISPLAY: None !important; font: 0/0 a; content: "x;y"; opacity: .0')).toEqual([
      { prop: 'display', value: 'none', important: true },
      { prop: 'font-size', value: '0', important: false },
      { prop: 'opacity', value: '.0', important: false },
    ]);
    expect(parseDeclarations('font: bold 14px/1.5 sans-serif')).toEqual([{ prop: 'font-size', value: '14px', important: false }]);
  });
});

describe('stylesheets', () => {
  it('keeps rules that set a property we read, with media, layer, specificity and order', () => {
    const sheet = parseSheet(
      '.a{color:red} @media (max-width:600px){#f .b{display:none}} @layer base{ p.c{opacity:0} } @font-face{font-family:x} a:hover{display:none} .d::before{display:none}',
      100,
    );
    expect(sheet.rules.map((r) => [r.selector, r.key, r.layered, r.media?.mobile ?? null])).toEqual([
      ['#f .b', '.b', false, 'yes'],
      ['p.c', '.c', true, null],
    ]);
    expect(sheet.rules[0]!.specificity).toBeGreaterThan(sheet.rules[1]!.specificity);
  });

  it('stops at its cap and says so, without building the rest of the sheet', () => {
    const css = Array.from({ length: 5000 }, (_, i) => `.c${i} a{display:none}`).join('\n');
    const sheet = parseSheet(css, 1000);
    expect(sheet.rules).toHaveLength(1000);
    expect(sheet.truncated).toBe(true);
  });

  it('survives a selector nested too deep for css-tree and an unclosed rule', () => {
    expect(() => parseSheet(`${':not('.repeat(20_000)}a${')'.repeat(20_000)}{display:none} .x{display:none`, 100)).not.toThrow();
    expect(parseSheet('.x{display:none', 100).rules.map((r) => r.selector)).toEqual(['.x']);
  });
});

describe('selector work', () => {
  it('counts the nodes :has() visits, stops at the budget and reports it', () => {
    const rules = Array.from({ length: 50 }, (_, r) => `div:has(i > u.k${r}) a{display:none}`).join('\n');
    const body = '<div>'.repeat(50) + '<i></i>'.repeat(CSS_LIMITS.work / 100) + '<a href="/">京ICP备2023012345号-1</a>' + '</div>'.repeat(50);
    const page = buildPage('index.html', `<html><head><style>${rules}</style></head><body>${body}</body></html>`);
    const visibility = new StaticVisibility(page);
    const anchor = page.pieces.find((p) => p.node.data.includes('ICP'))!.node;
    expect(visibility.hiddenAt(anchor)).toBeNull();
    expect(visibility.limits().map((l) => l.kind)).toEqual(['work']);
  });
});
