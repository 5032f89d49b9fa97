/**
 * Each way of hiding or misplacing the number that static HTML cannot see (issue 14), caught by
 * the browser at the viewport where it happens, and pinned to the line of the number in the
 * built file. One site, every page an entry page, one browser for all of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { check, FILING, only, requireBrowser } from './helpers.js';

const PAGES = ['media-mobile', 'same-colour', 'font-zero', 'off-screen', 'covered', 'clipped', 'script-hides', 'script-reveals', 'footer-top'];
const site = { ...FILING, root: 'fixtures/render/patterns', homepages: PAGES.map((p) => `${p}.html`), sources: { enabled: false } };
const file = (page: string) => `fixtures/render/patterns/${page}.html`;
let report: Report;

beforeAll(async () => {
  requireBrowser();
  report = await check({ ...site, render: 'on' });
});

/** `rule/message at viewport, line:column` for each footer finding of one page, sorted. */
function verdicts(page: string): string[] {
  return only(report, file(page))
    .map((f) => `${f.ruleId}/${f.messageId} ${f.message.match(/\d+×\d+/)?.[0] ?? '-'} ${f.line}:${f.column}`)
    .sort();
}

describe('hiding and placement patterns in render mode (real browser)', () => {
  it('a plain footer at the bottom passes at both viewports', () => {
    expect(verdicts('index')).toEqual([]);
  });

  it('a media query that hides the number on phones: hidden at 375×667 only', () => {
    expect(verdicts('media-mobile')).toEqual(['icp-hidden/rendered-style 375×667 20:75']);
    expect(only(report, file('media-mobile'))[0]!.message).toContain('p.beian 的计算样式是 display: none');
  });

  it('text the colour of its background: a contrast of 1:1 at both viewports', () => {
    expect(verdicts('same-colour')).toEqual(['icp-hidden/rendered-contrast 1366×768 20:75', 'icp-hidden/rendered-contrast 375×667 20:75']);
    expect(only(report, file('same-colour'))[0]!.message).toContain('#2b2b2b 和背景 #2b2b2b');
  });

  it('font-size 0', () => {
    expect(verdicts('font-zero')).toEqual(['icp-hidden/rendered-style 1366×768 19:75', 'icp-hidden/rendered-style 375×667 19:75']);
    expect(only(report, file('font-zero'))[0]!.message).toContain('font-size: 0px');
  });

  it('moved off screen', () => {
    expect(verdicts('off-screen')).toEqual(['icp-hidden/rendered-offscreen 1366×768 19:75', 'icp-hidden/rendered-offscreen 375×667 19:75']);
    expect(only(report, file('off-screen'))[0]!.message).toContain('x=-9999');
  });

  it('covered by a fixed cookie banner, named in the message', () => {
    expect(verdicts('covered')).toEqual(['icp-hidden/rendered-covered 1366×768 19:75', 'icp-hidden/rendered-covered 375×667 19:75']);
    expect(only(report, file('covered'))[0]!.message).toContain('div.cookie');
  });

  it('clipped to nothing by a visually-hidden class', () => {
    expect(verdicts('clipped')).toEqual(['icp-hidden/rendered-clipped 1366×768 20:75', 'icp-hidden/rendered-clipped 375×667 20:75']);
  });

  it('faded out by a script after load', () => {
    expect(verdicts('script-hides')).toEqual(['icp-hidden/rendered-style 1366×768 19:75', 'icp-hidden/rendered-style 375×667 19:75']);
    expect(only(report, file('script-hides'))[0]!.message).toContain('opacity: 0');
  });

  it('a footer drawn at the top of the page by CSS: misplaced at both viewports', () => {
    expect(verdicts('footer-top')).toEqual(['icp-placement/rendered-not-at-bottom 1366×768 17:75', 'icp-placement/rendered-not-at-bottom 375×667 17:75']);
  });

  it('a footer shipped hidden and revealed by a script passes; static analysis alone would report it', async () => {
    expect(verdicts('script-reveals')).toEqual([]);
    const staticReport = await check({ ...site, render: 'off' });
    expect(only(staticReport, file('script-reveals')).map((f) => `${f.ruleId}/${f.messageId}`)).toContain('icp-hidden/hidden');
    // and the patterns only a browser sees pass static analysis unnoticed
    for (const page of ['media-mobile', 'same-colour', 'covered', 'footer-top', 'script-hides']) {
      expect(only(staticReport, file(page)).filter((f) => f.severity === 'error'), page).toEqual([]);
    }
  });
});
