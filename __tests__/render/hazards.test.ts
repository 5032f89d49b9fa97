/**
 * Pages that fight the renderer (issue 14): a script that never yields is reported within its
 * time limit and never hangs the run or passes; dialogs are dismissed; a page that leaves the
 * site is held where it was; and the browser is started once per run and gone after it, on the
 * error path too.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { Renderer } from '../../src/render/renderer.js';
import { browserChildren, check, FILING, FIXTURES, only, pinned, requireBrowser } from './helpers.js';

const file = (name: string) => `fixtures/render/${name}/index.html`;

describe('pages that fight the renderer (real browser)', () => {
  it('a script that never yields is terminated within its time limit, once, and the page is still measured', async () => {
    const renderer = await Renderer.start(requireBrowser(), { concurrency: 2 });
    try {
      const started = performance.now();
      const result = await renderer.render({
        root: `${FIXTURES}/endless`,
        rel: 'index.html',
        viewports: ['desktop', 'mobile'],
        limits: { timeoutMs: 3000, settleMs: 500 },
        needles: () => [{ key: 'icp', text: '京ICP备2023012345号-1', occurrence: 0 }],
      });
      const elapsed = performance.now() - started;
      expect(result.viewports.map((v) => `${v.viewport.name}:${v.status}`)).toEqual(['desktop:busy']);
      // Terminated and measured inside the limit (timers are late by a few ms on a loaded machine);
      // then the context is disposed, which the whole call may add on top.
      expect(result.viewports[0]!.elapsedMs).toBeLessThanOrEqual(3000 + 250);
      expect(elapsed).toBeLessThan(3000 + 2000);
      expect(result.viewports[0]!.probe?.numbers[0]?.found).toBe(true);
      expect(browserChildren().length).toBeGreaterThan(0);
    } finally {
      await renderer.close();
    }
    expect(browserChildren()).toEqual([]);
  });

  it('reports endless scripts, before and after load, as errors; dialogs and a page leaving the site do not stall the run', async () => {
    const logs: string[] = [];
    const started = performance.now();
    const report = await check(
      { sites: ['endless', 'endless-inline', 'dialogs', 'leaves'].map((name) => ({ ...FILING, root: `fixtures/render/${name}` })), render: { mode: 'on', timeoutMs: 3000 }, sources: { enabled: false } },
      {},
      process.env,
      (line) => logs.push(line),
    );
    // Two endless pages at 3 s each (one viewport each), two ordinary pages at two viewports.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(logs.filter((l) => l.startsWith('beian-guard: 用 ') && l.includes(' 渲染入口页面（'))).toHaveLength(1);

    for (const name of ['endless', 'endless-inline']) {
      const findings = only(report, file(name));
      expect(findings.map((f) => `${f.ruleId}/${f.messageId}/${f.severity}`), name).toEqual(['render-skipped/script-timeout/error']);
      expect(findings[0]!.message).toContain('3000 毫秒');
    }
    expect(pinned(report, file('dialogs'))).toEqual([]);
    const left = only(report, file('leaves'));
    expect(left.map((f) => `${f.ruleId}/${f.messageId}/${f.severity}`)).toEqual(['render-skipped/left-site/warning', 'render-skipped/left-site/warning']);
    expect(left[0]!.message).toContain('https://example.com/landing');
    expect(browserChildren()).toEqual([]);
  });

  it('a page that never stops changing is measured when its limit comes, with a notice', async () => {
    const report = await check({ ...FILING, root: 'fixtures/render/restless', render: { mode: 'on', timeoutMs: 2000 }, sources: { enabled: false } });
    const findings = only(report, file('restless'));
    expect(findings.map((f) => `${f.ruleId}/${f.messageId}/${f.severity}`)).toEqual(['render-skipped/not-settled/notice', 'render-skipped/not-settled/notice']);
  });

  it('a rendered document larger than maxFileSizeMB is not read: the page is reported, the static verdict stands', async () => {
    const report = await check({ ...FILING, root: 'fixtures/render/spa-fetch', render: { mode: 'on', viewports: ['desktop'] }, maxFileSizeMB: 0.0005, sources: { enabled: false } });
    const findings = only(report, file('spa-fetch'));
    expect(findings.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(expect.arrayContaining(['render-skipped/load-failed', 'icp-present/spa-shell']));
    expect(findings.find((f) => f.messageId === 'load-failed')!.message).toContain('more than maxFileSizeMB allows');
  });

  it('closes the browser when the run fails after it started', async () => {
    const run = check({ sites: [{ ...FILING, root: 'fixtures/render/dialogs' }, { ...FILING, root: 'fixtures/render/no-such-site' }], render: 'on', sources: { enabled: false } });
    await expect(run).rejects.toBeInstanceOf(InputError);
    expect(browserChildren()).toEqual([]);
  });
});
