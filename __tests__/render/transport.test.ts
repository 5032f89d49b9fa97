/**
 * The DevTools protocol client and the launcher, against a fake browser that speaks the
 * protocol on the same pipes Chrome uses (fake-browser.mjs): no real browser needed here.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CdpError, CdpSession } from '../../src/render/cdp.js';
import { launchBrowser, LaunchError, type LaunchedBrowser } from '../../src/render/launch.js';

const FAKE = path.join(import.meta.dirname, 'fake-browser.mjs');
const launched: LaunchedBrowser[] = [];

async function fake(mode = 'ok'): Promise<LaunchedBrowser> {
  process.env.FAKE_MODE = mode;
  try {
    const b = await launchBrowser({ path: FAKE, from: 'test', explicit: true }, 9);
    launched.push(b);
    return b;
  } finally {
    delete process.env.FAKE_MODE;
  }
}

afterEach(async () => {
  for (const b of launched.splice(0)) await b.close();
});

describe('CDP over --remote-debugging-pipe', () => {
  it('starts, reads the version and answers calls by id', async () => {
    const b = await fake();
    expect(b.product).toBe('HeadlessChrome/150.0.7871.100');
    expect(b.major).toBe(150);
    const r = await b.connection.send<{ params: unknown; sessionId?: string }>('Test.echo', { a: '京' }, 'S1');
    expect(r).toEqual({ params: { a: '京' }, sessionId: 'S1' });
  });

  it('turns a protocol error into a CdpError naming the method', async () => {
    const b = await fake();
    await expect(b.connection.send('Test.error')).rejects.toMatchObject({ kind: 'protocol', message: 'Test.error: no such thing' });
  });

  it('times out a call that is never answered, and ignores the answer that comes too late', async () => {
    const b = await fake();
    await expect(b.connection.send('Test.silence', {}, undefined, 100)).rejects.toMatchObject({ kind: 'timeout' });
    await expect(b.connection.send('Test.late', {}, undefined, 100)).rejects.toMatchObject({ kind: 'timeout' });
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.connection.send('Test.echo', { still: 'alive' })).toMatchObject({ params: { still: 'alive' } });
  });

  it('delivers events to their session, several per chunk or one split across chunks, and skips garbage', async () => {
    const b = await fake();
    const a = new CdpSession(b.connection, 'A');
    const seen: unknown[] = [];
    a.on('Test.ping', (p) => seen.push(p));
    await b.connection.send('Test.events');
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([{ n: 1 }, { n: 3, text: '京ICP备' }]);
    a.dispose();
  });

  it('a browser that dies fails the calls in flight and every later call, without crashing the tool', async () => {
    const b = await fake();
    const inFlight = b.connection.send('Test.silence', {}, undefined, 5000);
    await expect(b.connection.send('Test.die', {}, undefined, 5000)).rejects.toBeInstanceOf(CdpError);
    await expect(inFlight).rejects.toMatchObject({ kind: 'closed' });
    await expect(b.connection.send('Test.echo')).rejects.toMatchObject({ kind: 'closed' });
    expect(b.connection.closed).toBe(true);
  });
});

describe('launching', () => {
  it('a program that exits at once is a LaunchError with its exit code and its last words, without log noise', async () => {
    const error = await fake('exit').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect((error as Error).message).toBe(`${FAKE} (test) did not start: exited with code 5; it said: fake browser: cannot open display`);
  });

  it('a path that does not exist says so', async () => {
    const error = await launchBrowser({ path: '/opt/none/chrome', from: '--browser', explicit: true }, 9).catch((e: unknown) => e);
    expect((error as Error).message).toBe('/opt/none/chrome (--browser) did not start: no such file');
  });

  it('a browser older than Chrome 110 is refused', async () => {
    const error = await fake('old').catch((e: unknown) => e);
    expect((error as Error).message).toContain('is HeadlessChrome/90.0.4430.0; render mode needs Chrome or Chromium 110 or later');
  });
});
