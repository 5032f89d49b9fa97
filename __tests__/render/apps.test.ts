/**
 * Vite-style apps whose footer only exists once their script has run (issue 14): rendered, a
 * correct footer passes; a wrong link, a wrong number or a hidden footer fails with the right
 * rule, at the mount point of the built index.html, with the element path in the message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { check, FILING, only, pinned, requireBrowser } from './helpers.js';

const APPS = ['spa-timer', 'spa-fetch', 'spa-fetch-wrong-link', 'spa-fetch-wrong-number', 'spa-fetch-hidden'];
const file = (app: string) => `fixtures/render/${app}/index.html`;
let rendered: Report;

beforeAll(async () => {
  requireBrowser();
  rendered = await check({ sites: APPS.map((app) => ({ ...FILING, root: `fixtures/render/${app}` })), render: 'on', sources: { enabled: false } });
});

describe('client-rendered apps in render mode (real browser)', () => {
  it('a footer drawn after a timer passes; only the shell warning remains, at the mount point', () => {
    expect(pinned(rendered, file('spa-timer'))).toEqual(['icp-present/spa-shell-rendered@12', 'police-present/spa-shell-rendered@12']);
    for (const f of only(rendered, file('spa-timer'))) {
      expect(f.severity).toBe('warning');
      expect(f.column).toBe(5);
    }
    expect(only(rendered, file('spa-timer'))[0]!.message).toContain('不运行脚本的爬虫看不到页脚');
  });

  it('a footer drawn from a same-origin fetch passes, and the title the script sets counts', () => {
    expect(pinned(rendered, file('spa-fetch'))).toEqual(['icp-present/spa-shell-rendered@10', 'police-present/spa-shell-rendered@10']);
  });

  it('a wrong link fails icp-link, at the mount point, naming the element the script made', () => {
    const [link, ...rest] = only(rendered, file('spa-fetch-wrong-link')).filter((f) => f.severity === 'error');
    expect(rest).toEqual([]);
    expect(`${link!.ruleId}/${link!.messageId}@${link!.line}:${link!.column}`).toBe('icp-link/www@10:5');
    expect(link!.message).toContain('1366×768');
    expect(link!.message).toContain('div#root > footer > a');
  });

  it('a wrong number fails icp-mismatch', () => {
    const errors = only(rendered, file('spa-fetch-wrong-number')).filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(['icp-mismatch/different-site']);
    expect(errors[0]!.evidence).toBe('京ICP备2023012345号-2');
  });

  it('a footer the script hides fails icp-hidden at both viewports, naming the computed style', () => {
    const hidden = only(rendered, file('spa-fetch-hidden')).filter((f) => f.ruleId === 'icp-hidden');
    expect(hidden.map((f) => f.messageId)).toEqual(['rendered-style', 'rendered-style']);
    expect(hidden.map((f) => f.message.match(/\d+×\d+/)?.[0]).sort()).toEqual(['1366×768', '375×667']);
    for (const f of hidden) expect(f.message).toContain('visibility: hidden');
  });

  it('without rendering, the same app is an empty shell with the title of the template', async () => {
    const report = await check({ ...FILING, root: 'fixtures/render/spa-fetch', render: 'off', sources: { enabled: false } });
    expect(pinned(report, file('spa-fetch'))).toEqual(['icp-present/spa-shell@10', 'police-present/spa-shell@10', 'title-site-name/mismatch@6']);
  });

  it('auto (the default) renders a shell when a browser is found', async () => {
    const report = await check({ ...FILING, root: 'fixtures/render/spa-fetch', sources: { enabled: false } });
    expect(pinned(report, file('spa-fetch'))).toEqual(['icp-present/spa-shell-rendered@10', 'police-present/spa-shell-rendered@10']);
  });

  it('auto without a browser keeps the static verdict and says how to render, once', async () => {
    const report = await check(
      { sites: ['spa-fetch', 'spa-timer'].map((app) => ({ ...FILING, root: `fixtures/render/${app}` })), sources: { enabled: false } },
      {},
      { PATH: '/nonexistent' },
    );
    const notices = report.findings.filter((f) => f.ruleId === 'render-skipped');
    expect(notices.map((f) => `${f.messageId}/${f.severity}`)).toEqual(['no-browser/notice']);
    expect(notices[0]!.message).toContain('2 个入口页面');
    expect(notices[0]!.message).toContain('apt-get install -y --no-install-recommends chromium-headless-shell');
    expect(pinned(report, file('spa-fetch'))).toContain('icp-present/spa-shell@10');
  });

  it('on without a browser is an input error that names where it looked and what to install', async () => {
    const run = check({ ...FILING, root: 'fixtures/render/spa-fetch', render: 'on' }, {}, { PATH: '/nonexistent', CHROME_BIN: '/opt/none/chrome' });
    await expect(run).rejects.toThrow(/render mode needs Chrome or Chromium and none was found \(looked at: CHROME_BIN: \/opt\/none\/chrome \(not an executable file\);.*apt-get install -y --no-install-recommends chromium-headless-shell/);
  });

  it('a browser named explicitly that cannot start is an input error with its path', async () => {
    const run = check({ ...FILING, root: 'fixtures/render/spa-fetch' }, { browser: '/opt/none/chrome' });
    await expect(run).rejects.toThrow(/\/opt\/none\/chrome \(--browser\) did not start: no such file/);
  });
});
