/** render in the config file, on the command line and per site: validated at the boundary, merged in one place. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { parseConfigObject, resolveConfig } from '../../src/config/resolve.js';
import { FILING, ROOT } from './helpers.js';

const CONFIG = path.join(ROOT, 'sub/beian.config.json');

function resolve(raw: Record<string, unknown>, overrides: Record<string, string> = {}) {
  return resolveConfig({ config: parseConfigObject(raw, 'beian.config.json'), path: CONFIG, sitesForm: 'sites' in raw }, overrides, ROOT);
}

describe('render settings', () => {
  it('default: auto, both viewports, 10 s, 500 ms, two pages at a time, no browser named', () => {
    const c = resolve({ ...FILING, root: 'public' });
    expect(c.sites[0]!.render).toEqual({ mode: 'auto', viewports: ['desktop', 'mobile'], timeoutMs: 10_000, settleMs: 500 });
    expect(c.render).toEqual({ concurrency: 2 });
  });

  it('a mode string or an object, at the top level or per site; the site wins key by key', () => {
    const c = resolve({
      render: { mode: 'on', timeoutMs: 5000, concurrency: 1 },
      sites: [
        { ...FILING, root: 'a' },
        { ...FILING, root: 'b', render: 'off' },
        { ...FILING, root: 'c', render: { viewports: ['mobile', 'mobile'], settleMs: 0 } },
      ],
    });
    expect(c.sites.map((s) => s.render)).toEqual([
      { mode: 'on', viewports: ['desktop', 'mobile'], timeoutMs: 5000, settleMs: 500 },
      { mode: 'off', viewports: ['desktop', 'mobile'], timeoutMs: 5000, settleMs: 500 },
      { mode: 'on', viewports: ['mobile'], timeoutMs: 5000, settleMs: 0 },
    ]);
    expect(c.render?.concurrency).toBe(1);
  });

  it('--render overrides every site; --browser is taken relative to the working directory, render.browser to the config file', () => {
    const flagged = resolve({ ...FILING, root: 'public', render: { mode: 'off', browser: 'bin/chrome' } }, { render: 'on', browser: './my/chrome' });
    expect(flagged.sites[0]!.render?.mode).toBe('on');
    expect(flagged.render?.browser).toEqual({ path: path.join(ROOT, 'my/chrome'), from: '--browser' });
    const fromFile = resolve({ ...FILING, root: 'public', render: { browser: 'bin/chrome' } });
    expect(fromFile.render?.browser).toEqual({ path: path.join(ROOT, 'sub/bin/chrome'), from: 'sub/beian.config.json: render.browser' });
    const bare = resolve({ ...FILING, root: 'public', render: { browser: 'chromium' } });
    expect(bare.render?.browser?.path).toBe('chromium');
  });

  it('two sites that name different browsers are an error: one browser renders the run', () => {
    expect(() =>
      resolve({ sites: [{ ...FILING, root: 'a', render: { browser: '/usr/bin/chromium' } }, { ...FILING, root: 'b', render: { browser: '/usr/bin/google-chrome' } }] }),
    ).toThrow('sub/beian.config.json: sites[1].render.browser: "/usr/bin/google-chrome" differs from sub/beian.config.json: sites[0].render.browser; one browser renders every site of a run, so name it once at the top level');
  });

  it('bad values name the key or the flag', () => {
    const bad = (raw: Record<string, unknown>) => () => resolve({ ...FILING, root: 'public', ...raw });
    expect(bad({ render: 'always' })).toThrow(InputError);
    expect(bad({ render: 'always' })).toThrow('beian.config.json: render: "always" is not one of "on", "auto", "off", or an object with mode, browser, viewports, timeoutMs, settleMs, concurrency');
    expect(bad({ render: { mode: 'on', timeout: 5 } })).toThrow('beian.config.json: render: unknown key(s) "timeout"');
    expect(bad({ render: { viewports: ['tablet'] } })).toThrow('beian.config.json: render.viewports[0]: expected one of "desktop", "mobile"');
    expect(bad({ render: { viewports: [] } })).toThrow('beian.config.json: render.viewports: needs at least 1 item(s)');
    expect(bad({ render: { timeoutMs: 10 } })).toThrow('beian.config.json: render.timeoutMs: must be at least 1000');
    expect(() => resolve({ ...FILING, root: 'public' }, { render: 'always' })).toThrow('--render: "always" is not one of "on", "auto", "off"');
  });
});
