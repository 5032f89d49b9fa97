/** The site server render mode loads pages from: a static host on 127.0.0.1, and the fence's proxy. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteServer } from '../../src/render/server.js';
import { tempDir } from './helpers.js';

let server: SiteServer;
let root: string;

beforeAll(async () => {
  root = tempDir('beian-serve-');
  const outside = tempDir('beian-outside-');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>首页</title>');
  fs.mkdirSync(path.join(root, 'docs'));
  fs.writeFileSync(path.join(root, 'docs/index.html'), '<p>docs</p>');
  fs.writeFileSync(path.join(root, 'about.html'), '<p>about</p>');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'assets/index-abc.js'), 'export {}');
  fs.writeFileSync(path.join(root, 'assets/app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets/font.woff2'), 'x');
  fs.writeFileSync(path.join(root, 'site.json'), '{}');
  fs.mkdirSync(path.join(root, 'empty'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'));
  server = new SiteServer();
  await server.listen();
  server.setRoot(root);
});

afterAll(() => server.close());

const get = (p: string, init?: RequestInit) => fetch(`${server.origin}${p}`, { redirect: 'manual', ...init });

describe('site server', () => {
  it('listens on 127.0.0.1 only, at a port of its own', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves files with the content types a host would send', async () => {
    for (const [p, type] of [
      ['/', 'text/html; charset=utf-8'],
      ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['/assets/app.css', 'text/css; charset=utf-8'],
      ['/assets/font.woff2', 'font/woff2'],
      ['/site.json', 'application/json; charset=utf-8'],
    ] as const) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      expect(r.headers.get('content-type'), p).toBe(type);
    }
    expect(await (await get('/')).text()).toContain('首页');
  });

  it('index.html for folders, a redirect that adds the slash, clean URLs, and no listings', async () => {
    expect(await (await get('/docs/')).text()).toBe('<p>docs</p>');
    const redirect = await get('/docs?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/docs/?x=1');
    expect(await (await get('/about')).text()).toBe('<p>about</p>');
    expect((await get('/empty/')).status).toBe(404);
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('nothing outside the folder: dot segments, encoded ones, or a symlink that leads out', async () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/leak.txt', '/assets/%00.js', '/%E0%A4%A']) {
      expect((await get(p)).status, p).toBe(404);
    }
  });

  it('answers GET and HEAD only', async () => {
    expect((await get('/', { method: 'HEAD' })).status).toBe(200);
    expect((await get('/', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('refuses and records proxy requests: absolute URLs and CONNECT', async () => {
    const before = server.fenced.length;
    const ask = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(server.port, '127.0.0.1', () => socket.write(request));
        let answer = '';
        socket.on('data', (d) => (answer += d.toString()));
        socket.on('close', () => resolve(answer));
      });
    expect(await ask('GET http://example.com/x.png HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 403/);
    expect(await ask('CONNECT hm.baidu.com:443 HTTP/1.1\r\nHost: hm.baidu.com:443\r\n\r\n')).toMatch(/^HTTP\/1\.1 403/);
    expect(server.fenced.slice(before)).toEqual([
      { method: 'GET', url: 'http://example.com/x.png' },
      { method: 'CONNECT', url: 'hm.baidu.com:443' },
    ]);
  });
});
