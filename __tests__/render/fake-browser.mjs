#!/usr/bin/env node
// A stand-in for Chrome that speaks the DevTools protocol on the same pipes: reads NUL-ended JSON
// from fd 3, writes to fd 4. FAKE_MODE picks its behaviour; every reply is what a test asserts on.
import fs from 'node:fs';

const mode = process.env.FAKE_MODE ?? 'ok';
const out = fs.createWriteStream(null, { fd: 4 });
const send = (message) => out.write(`${JSON.stringify(message)}\0`);
if (mode === 'exit') {
  process.stderr.write('[1:2:INFO:noise] starting\nfake browser: cannot open display\n');
  process.exit(5);
}
let buffer = '';
fs.createReadStream(null, { fd: 3 }).on('data', (chunk) => {
  buffer += chunk.toString('utf8');
  for (let end = buffer.indexOf('\0'); end !== -1; end = buffer.indexOf('\0')) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    handle(message);
  }
});

function handle({ id, method, params, sessionId }) {
  if (method === 'Browser.getVersion') {
    const product = mode === 'old' ? 'HeadlessChrome/90.0.4430.0' : 'HeadlessChrome/150.0.7871.100';
    return send({ id, result: { product, userAgent: `Mozilla/5.0 ${product}` } });
  }
  if (method === 'Browser.close') {
    send({ id, result: {} });
    return process.exit(0);
  }
  if (method === 'Test.echo') return send({ id, result: { params, sessionId } });
  if (method === 'Test.error') return send({ id, error: { code: -32000, message: 'no such thing' } });
  if (method === 'Test.silence') return; // never answers
  if (method === 'Test.late') return setTimeout(() => send({ id, result: { late: true } }), 300);
  if (method === 'Test.events') {
    // Two events and the answer in one write, then an event split across two writes.
    out.write(
      `${JSON.stringify({ method: 'Test.ping', params: { n: 1 }, sessionId: 'A' })}\0${JSON.stringify({ method: 'Test.ping', params: { n: 2 }, sessionId: 'B' })}\0not json\0${JSON.stringify({ id, result: {} })}\0`,
    );
    const split = `${JSON.stringify({ method: 'Test.ping', params: { n: 3, text: '京ICP备' }, sessionId: 'A' })}\0`;
    const bytes = Buffer.from(split);
    out.write(bytes.subarray(0, 20));
    setTimeout(() => out.write(bytes.subarray(20)), 50);
    return;
  }
  if (method === 'Test.die') return process.exit(9);
  send({ id, result: {} });
}
