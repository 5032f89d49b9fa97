// A stand-in for dist/worker.js that speaks the page pool's protocol and misbehaves on purpose,
// chosen by the page's name: the pool must turn each misdeed into an outcome for that page alone.
//   abort-*   ends the process at once (SIGABRT), as a V8 fatal error does
//   hang-*    never answers (a page that never finishes)
//   heap-*    grows its heap until the process's --max-old-space-size stops it
//   late-*    crashes only when an earlier page ran in this process (leftovers to blame)
//   throw-*   answers with a failure message
//   anything else answers with one finding naming the page and the process that checked it
let sites = null;
let checked = 0;
const waiting = [];
let busy = false;

function next() {
  const m = waiting.shift();
  if (!m || !sites) {
    busy = false;
    return;
  }
  busy = true;
  const name = m.job.rel;
  const reply = (message) => process.send(message, undefined, {}, () => next());
  if (name.startsWith('abort-')) process.abort();
  if (name.startsWith('hang-')) for (;;);
  if (name.startsWith('heap-')) {
    const keep = new Map();
    for (let i = 0; ; i++) keep.set(i, { i, s: `x${i}` });
  }
  if (name.startsWith('late-') && checked > 0) process.abort();
  checked++;
  if (name.startsWith('throw-')) return reply({ type: 'failed', id: m.id, error: `${name}: scripted failure` });
  // One finding in the pool's wire form (src/engine/wire.ts), its texts in the message's own list:
  // they say which process checked it.
  const strings = ['scripted', name, 'notice', String(process.pid), process.execArgv.join(' ')];
  reply({ type: 'done', id: m.id, findings: { add: [], local: strings, rows: [-1, -2, -3, -4, -5, 1, 1, 1, 1, -1, -1, -1, 0], fingerprints: ['fp'] } });
}

process.on('message', (m) => {
  if (m.type === 'init') {
    sites = m.init.sites;
    process.send({ type: 'ready' });
  } else waiting.push(...m.jobs);
  if (!busy) next();
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'listening' });
