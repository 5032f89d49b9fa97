/**
 * No request leaves 127.0.0.1 (issue 14). A page that tries every way out (elements, fetch,
 * beacons, sockets, a worker, a popup, WebRTC, a form, a navigation) aims at listeners of ours
 * on every loopback address and a host name that resolves through /etc/hosts. With the fences
 * up, no listener hears a thing. With fences taken away one at a time, the others still hold;
 * with all of them away, the listeners do hear the page: the test can see a leak.
 */
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Renderer, type RendererOptions } from '../../src/render/renderer.js';
import type { FoundBrowser } from '../../src/render/find-browser.js';
import { FIXTURES, requireBrowser, tempDir } from './helpers.js';

let browser: FoundBrowser;
let site: string;
let tcp: net.Server;
let udp: dgram.Socket;
const heard: string[] = [];
let udpPackets = 0;
let port = 0;
let udpPort = 0;
const host = os.hostname();

beforeAll(async () => {
  browser = requireBrowser();
  tcp = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (d) => {
      heard.push(d.toString('latin1').split('\r\n').slice(0, 2).join(' '));
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    });
  });
  // '::' takes IPv4 too (dual stack): 127.0.0.1, 127.0.0.2, ::1 and the host's own name all reach it.
  await new Promise<void>((resolve) => tcp.listen(0, '::', resolve));
  port = (tcp.address() as net.AddressInfo).port;
  udp = dgram.createSocket('udp4');
  udp.on('message', () => udpPackets++);
  await new Promise<void>((resolve) => udp.bind(0, '0.0.0.0', resolve));
  udpPort = udp.address().port;

  site = tempDir('beian-fence-');
  for (const name of fs.readdirSync(path.join(FIXTURES, 'fence'))) {
    const text = fs.readFileSync(path.join(FIXTURES, 'fence', name), 'utf8');
    fs.writeFileSync(path.join(site, name), text.replaceAll('__HOST__', host).replaceAll('__UDP_PORT__', String(udpPort)).replaceAll('__PORT__', String(port)));
  }
});

afterAll(async () => {
  await new Promise((resolve) => tcp?.close(resolve));
  udp?.close();
});

async function renderWith(fence: RendererOptions['fence']) {
  heard.length = 0;
  udpPackets = 0;
  const renderer = await Renderer.start(browser, { concurrency: 1, ...(fence && { fence }) });
  try {
    const result = await renderer.render({
      root: site,
      rel: 'index.html',
      viewports: ['desktop'],
      limits: { timeoutMs: 8000, settleMs: 700 },
      needles: () => [{ key: 'icp', text: '京ICP备2023012345号-1', occurrence: 0 }],
    });
    // Stragglers (a socket opened just before the context was disposed) get a moment to arrive.
    await new Promise((r) => setTimeout(r, 300));
    return { result, fenced: [...renderer.fenced] };
  } finally {
    await renderer.close();
  }
}

describe('network isolation of render mode (real browser)', () => {
  it('the listeners are reachable: without a fence, requests to them would arrive', async () => {
    // The host name is not fetched from here: the test process's network guard refuses any name
    // but localhost. The browser, a process of its own, does reach it once the fences are down
    // (the last test of this file).
    for (const url of [`http://127.0.0.1:${port}/x`, `http://127.0.0.2:${port}/x`, `http://localhost:${port}/x`]) {
      const r = await fetch(url);
      expect(await r.text(), url).toBe('ok');
    }
    expect(heard.length).toBe(3);
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => probe.send('x', udpPort, '127.0.0.2', () => resolve()));
    probe.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(udpPackets).toBe(1);
  });

  it('with every fence up, nothing reaches any listener, and the page is still rendered', async () => {
    const { result } = await renderWith(undefined);
    expect(heard).toEqual([]);
    expect(udpPackets).toBe(0);
    const [desktop] = result.viewports;
    expect(desktop?.probe?.numbers[0]?.found).toBe(true);
    expect(desktop?.blocked.length).toBeGreaterThan(10);
    expect(desktop?.blocked.some((u) => u.startsWith('https://hm.baidu.com/'))).toBe(true);
    // The form post and the scripted navigation were stopped; the page stayed where it was.
    expect(desktop?.leftSite).toMatch(new RegExp(`^http://127\\.0\\.0\\.2:${port}/(form|navigate)$`));
    expect(desktop?.finalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('without request interception, the proxy fence alone stops everything and logs it', async () => {
    const { fenced } = await renderWith({ interceptRequests: false });
    expect(heard).toEqual([]);
    expect(udpPackets).toBe(0);
    expect(fenced.some((r) => r.url.includes(`127.0.0.2:${port}`))).toBe(true);
    expect(fenced.some((r) => r.method === 'CONNECT' && r.url.startsWith('hm.baidu.com:443'))).toBe(true);
  });

  it('with the resolver fence alone, no name or address resolves but 127.0.0.1; with no fence at all the leak is seen', async () => {
    const resolverOnly = await renderWith({ interceptRequests: false, proxy: false });
    expect(resolverOnly.fenced).toEqual([]);
    // Chrome applies the rule to address literals too: only the excluded 127.0.0.1 is reachable,
    // and the proxy and request fences above are what close its other ports.
    expect(heard.length).toBeGreaterThan(0);
    for (const line of heard) expect(line).toContain(`Host: 127.0.0.1:${port}`);

    const open = await renderWith({ interceptRequests: false, proxy: false, resolver: false });
    expect(open.fenced).toEqual([]);
    expect(heard.some((line) => line.includes(`Host: ${host}:${port}`))).toBe(true);
    expect(heard.some((line) => line.includes(`Host: 127.0.0.2:${port}`))).toBe(true);
  });
});
