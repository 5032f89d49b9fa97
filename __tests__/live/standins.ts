/**
 * Stand-ins for everything `beian-guard live` talks to, on 127.0.0.1 and random ports: a UDP
 * DNS server, HTTP and HTTPS servers (certificates from a test CA made here), an RDAP server
 * and a WHOIS server. No test reaches beyond loopback; live.network points the tool at these.
 */
import dgram from 'node:dgram';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import * as packet from 'dns-packet';
import { generate } from 'selfsigned';

export interface ZoneEntry {
  readonly A?: readonly string[];
  readonly AAAA?: readonly string[];
  readonly CNAME?: string;
}
/** Name (lower case, A-label) → records. A name not in the zone is NXDOMAIN. */
export type Zone = Readonly<Record<string, ZoneEntry>>;

export interface DnsStandIn {
  readonly port: number;
  /** `type name` of every query received. */
  readonly queries: string[];
  close(): Promise<void>;
}

/** Answers like a recursive resolver: CNAMEs followed for A/AAAA queries, NXDOMAIN for unknown names. */
export async function startDns(zone: Zone, options: { silent?: boolean } = {}): Promise<DnsStandIn> {
  const socket = dgram.createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, rinfo) => {
    let query: packet.Packet;
    try {
      query = packet.decode(msg);
    } catch {
      return;
    }
    const q = query.questions?.[0];
    if (!q) return;
    const name = q.name.toLowerCase();
    queries.push(`${q.type} ${name}`);
    if (options.silent) return;
    const answers: packet.Answer[] = [];
    let rcode = 0;
    if (!zone[name]) rcode = 3;
    else if (q.type === 'CNAME') {
      const target = zone[name]!.CNAME;
      if (target) answers.push({ type: 'CNAME', name, ttl: 60, data: target });
    } else if (q.type === 'A' || q.type === 'AAAA') {
      let current = name;
      const seen = new Set<string>();
      for (;;) {
        const entry = zone[current];
        if (!entry) {
          rcode = 3;
          break;
        }
        if (entry.CNAME) {
          if (seen.has(current)) {
            rcode = 2;
            answers.length = 0;
            break;
          }
          seen.add(current);
          answers.push({ type: 'CNAME', name: current, ttl: 60, data: entry.CNAME });
          current = entry.CNAME.toLowerCase();
          continue;
        }
        for (const address of (q.type === 'A' ? entry.A : entry.AAAA) ?? []) answers.push({ type: q.type, name: current, ttl: 60, data: address } as packet.Answer);
        break;
      }
    }
    const reply = packet.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | rcode,
      questions: [q],
      answers,
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

/** A test certificate authority and the leaf certificates it signs. */
export interface TestCa {
  readonly cert: string;
  readonly key: string;
  leaf(names: readonly string[], dates?: { notBefore?: Date; notAfter?: Date }): Promise<{ cert: string; key: string }>;
  /** A certificate signed by nobody we trust. */
  selfSigned(names: readonly string[]): Promise<{ cert: string; key: string }>;
}

const DAY = 86_400_000;

export async function makeCa(): Promise<TestCa> {
  const ca = await generate([{ name: 'commonName', value: 'beian-guard test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 2 * DAY),
    notAfterDate: new Date(Date.now() + 3650 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leafExtensions = (names: readonly string[]) => [
    { name: 'basicConstraints' as const, cA: false },
    { name: 'keyUsage' as const, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage' as const, serverAuth: true },
    { name: 'subjectAltName' as const, altNames: names.map((value) => ({ type: 2 as const, value })) },
  ];
  return {
    cert: ca.cert,
    key: ca.private,
    async leaf(names, dates = {}) {
      const r = await generate([{ name: 'commonName', value: names[0]! }], {
        keyType: 'ec',
        algorithm: 'sha256',
        notBeforeDate: dates.notBefore ?? new Date(Date.now() - DAY),
        notAfterDate: dates.notAfter ?? new Date(Date.now() + 365 * DAY),
        extensions: leafExtensions(names),
        ca: { key: ca.private, cert: ca.cert },
      });
      return { cert: r.cert, key: r.private };
    },
    async selfSigned(names) {
      const r = await generate([{ name: 'commonName', value: names[0]! }], { keyType: 'ec', algorithm: 'sha256', extensions: leafExtensions(names) });
      return { cert: r.cert, key: r.private };
    },
  };
}

export interface WebResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Never answer: the request hangs until the client gives up. */
  readonly silent?: boolean;
  /** Send headers, then this many body bytes, then stall. */
  readonly stallAfter?: number;
}
export type WebRoute = WebResponse | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

export interface WebStandIn {
  readonly httpPort: number;
  readonly httpsPort: number;
  /** `METHOD url user-agent` of every request received. */
  readonly requests: { method: string; url: string; userAgent: string }[];
  close(): Promise<void>;
}

/**
 * HTTP and HTTPS on two ports. A request is routed by its full URL as the client meant it
 * (`https://www.example.cn/`, from the Host header); an unknown URL is a 404.
 */
export async function startWeb(routes: Readonly<Record<string, WebRoute>>, certFor: (servername: string) => tls.SecureContext): Promise<WebStandIn> {
  const requests: WebStandIn['requests'] = [];
  const sockets = new Set<net.Socket>();
  const handle = (scheme: string) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = `${scheme}://${host}${req.url ?? '/'}`;
    requests.push({ method: req.method ?? '', url, userAgent: String(req.headers['user-agent'] ?? '') });
    const route = routes[url];
    if (typeof route === 'function') return route(req, res);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.silent) return;
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
    if (route.stallAfter !== undefined) {
      res.write(Buffer.from(route.body ?? '').subarray(0, route.stallAfter));
      return;
    }
    res.end(route.body ?? '');
  };
  const plain = http.createServer(handle('http'));
  const secure = https.createServer({ SNICallback: (name, cb) => cb(null, certFor(name)) }, handle('https'));
  for (const s of [plain, secure]) s.on('connection', (c) => (sockets.add(c), c.on('close', () => sockets.delete(c))));
  await Promise.all([plain, secure].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  return {
    httpPort: (plain.address() as net.AddressInfo).port,
    httpsPort: (secure.address() as net.AddressInfo).port,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([plain, secure].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

export type RdapBehaviour =
  | { readonly expiration: string }
  | { readonly status: number; readonly retryAfter?: string }
  | { readonly body: string }
  | { readonly silent: true };

export interface RdapStandIn {
  readonly port: number;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves `GET /domain/<name>` as a registry's RDAP server would; unknown names are 404. */
export async function startRdap(domains: Readonly<Record<string, RdapBehaviour>>): Promise<RdapStandIn> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    requests.push(`${req.url} ${req.headers.accept ?? ''}`);
    const name = decodeURIComponent((req.url ?? '').replace(/^\/domain\//, ''));
    const b = domains[name];
    if (!b) return void res.writeHead(404, { 'content-type': 'application/rdap+json' }).end('{"errorCode":404}');
    if ('silent' in b) return;
    if ('expiration' in b) {
      const body = { objectClassName: 'domain', ldhName: name, events: [{ eventAction: 'registration', eventDate: '2015-03-17T04:20:05Z' }, { eventAction: 'expiration', eventDate: b.expiration }] };
      return void res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(body));
    }
    if ('body' in b) return void res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(b.body);
    res.writeHead(b.status, { 'content-type': 'application/rdap+json', ...(b.retryAfter && { 'retry-after': b.retryAfter }) }).end('{}');
  });
  server.on('connection', (c) => (sockets.add(c), c.on('close', () => sockets.delete(c))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type WhoisBehaviour =
  | { readonly reply: string | Uint8Array; /** Byte offsets at which the reply is cut into separate writes. */ readonly splitAt?: readonly number[] }
  | { readonly silent: true }
  | { readonly reset: true };

export interface WhoisStandIn {
  readonly port: number;
  readonly queries: string[];
  close(): Promise<void>;
}

/** RFC 3912 over TCP: reads one line, answers, closes. Unknown names get CNNIC's "no matching record." */
export async function startWhois(domains: Readonly<Record<string, WhoisBehaviour>>): Promise<WhoisStandIn> {
  const queries: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let input = '';
    socket.on('data', async (chunk) => {
      input += chunk.toString('latin1');
      if (!input.includes('\r\n')) return;
      const name = input.split('\r\n')[0]!.trim();
      queries.push(name);
      const b = domains[name] ?? { reply: 'no matching record.\r\n' };
      if ('silent' in b) return;
      if ('reset' in b) return void socket.resetAndDestroy();
      const bytes = typeof b.reply === 'string' ? Buffer.from(b.reply, 'utf8') : Buffer.from(b.reply);
      let from = 0;
      for (const at of [...(b.splitAt ?? []), bytes.length]) {
        socket.write(bytes.subarray(from, at));
        from = at;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    queries,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A TCP port that accepts connections and never says a word (a silent server). */
export async function startSilentTcp(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => (sockets.add(s), s.on('error', () => undefined)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nothing listens on: connections are refused at once. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
