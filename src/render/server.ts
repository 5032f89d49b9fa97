import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

/** Content types by extension: what a static host sends, so module scripts and fonts load. */
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
};

export function contentType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A request the fence stopped: sent to this server as a proxy request, answered 403. */
export interface FencedRequest {
  readonly method: string;
  readonly url: string;
}

/**
 * Serves one site folder on 127.0.0.1 at a random port, the way a static host would: `index.html`
 * for folders (with the slash added by a redirect, so relative links resolve as deployed), clean
 * URLs (`/about` → `about.html`), real content types, no directory listings, nothing outside the
 * folder (symlinks included). It is also the browser's proxy: any request that reaches it as a
 * proxy request (an absolute URL or CONNECT) was headed elsewhere, and gets a 403.
 */
export class SiteServer {
  private root = '';
  private realRoot = '';
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  /** Requests the second fence stopped, in order; the renderer reads them per page. */
  readonly fenced: FencedRequest[] = [];
  port = 0;

  constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connect', (req: http.IncomingMessage, socket: Socket) => {
      this.fenced.push({ method: 'CONNECT', url: req.url ?? '' });
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Socket) => {
      // WebSockets, to us or through us: a static build has no socket server.
      if (/^[a-z]+:\/\//i.test(req.url ?? '')) this.fenced.push({ method: 'UPGRADE', url: req.url ?? '' });
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('clientError', (_e, socket: Socket) => socket.destroy());
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The folder served from now on; the renderer switches it only between sites, with no page open. */
  setRoot(root: string): void {
    if (root === this.root) return;
    this.root = root;
    try {
      this.realRoot = fs.realpathSync(root);
    } catch {
      this.realRoot = path.resolve(root);
    }
  }

  get currentRoot(): string {
    return this.root;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = req.url ?? '/';
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!url.startsWith('/')) {
      // An absolute URL in the request line: the browser used us as its proxy for another host.
      this.fenced.push({ method: req.method ?? 'GET', url });
      return this.reply(res, 403, 'beian-guard: requests outside the site are blocked');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.reply(res, 405, 'a static site answers GET and HEAD only');
    const file = this.resolve(url);
    if (file.kind === 'redirect') {
      res.writeHead(301, { Location: file.location });
      return void res.end();
    }
    if (file.kind === 'missing') return this.reply(res, 404, 'not found');
    res.writeHead(200, { 'Content-Type': contentType(file.path), 'Content-Length': file.size });
    if (req.method === 'HEAD') return void res.end();
    const stream = fs.createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  private reply(res: http.ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  }

  private resolve(url: string): { kind: 'file'; path: string; size: number } | { kind: 'redirect'; location: string } | { kind: 'missing' } {
    const [rawPath = '/', query] = url.split(/\?(.*)/s, 2);
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return { kind: 'missing' };
    }
    if (decoded.includes('\0') || !this.root) return { kind: 'missing' };
    const target = path.join(this.root, decoded);
    const inside = (p: string) => {
      const rel = path.relative(this.realRoot, p);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    };
    const stat = (p: string): { path: string; stat: fs.Stats } | null => {
      try {
        const real = fs.realpathSync(p);
        if (!inside(real)) return null;
        return { path: real, stat: fs.statSync(real) };
      } catch {
        return null;
      }
    };
    const found = stat(target);
    if (found?.stat.isDirectory()) {
      if (!rawPath.endsWith('/')) return { kind: 'redirect', location: `${rawPath}/${query !== undefined ? `?${query}` : ''}` };
      const index = stat(path.join(found.path, 'index.html'));
      return index?.stat.isFile() ? { kind: 'file', path: index.path, size: index.stat.size } : { kind: 'missing' };
    }
    if (found?.stat.isFile()) return { kind: 'file', path: found.path, size: found.stat.size };
    if (!decoded.endsWith('/') && path.extname(decoded) === '') {
      const clean = stat(`${target}.html`);
      if (clean?.stat.isFile()) return { kind: 'file', path: clean.path, size: clean.stat.size };
    }
    return { kind: 'missing' };
  }
}
