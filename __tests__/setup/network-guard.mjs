// Fails any connection outside loopback at once, in every test process (vitest setupFiles) and in
// the CLI processes tests spawn (node --import). Tests never touch the network: an accidental
// real lookup or connect fails in milliseconds with code ENETGUARD instead of waiting for a
// time-out, and is recorded so the test that caused it fails too.
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

export const violations = [];

const isLoopback = (address) => {
  const a = String(address).replace(/^\[|\]$/g, '').toLowerCase();
  return a === 'localhost' || a === '::1' || /^127\./.test(a) || /^::ffff:127\./.test(a);
};

function blocked(what) {
  violations.push(what);
  if (process.env.BEIAN_GUARD_NETWORK_GUARD_LOG === '1') process.stderr.write(`network guard: blocked ${what}\n`);
  return Object.assign(new Error(`network guard: ${what} is outside loopback`), { code: 'ENETGUARD' });
}

function checkedLookup(lookup) {
  return (hostname, options, callback) => {
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'function' ? {} : options;
    lookup(hostname, opts, (err, address, family) => {
      if (err) return cb(err, address, family);
      const list = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const outside = list.find((a) => !isLoopback(a));
      if (outside !== undefined) return cb(blocked(`${hostname} (${outside})`), opts.all ? [] : '', family);
      return cb(null, address, family);
    });
  };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0];
  let host;
  if (options !== null && typeof options === 'object') {
    if (options.path) return originalConnect.apply(this, args);
    host = options.host ?? 'localhost';
    if (net.isIP(host) === 0 && !isLoopback(host)) options.lookup = checkedLookup(options.lookup ?? dns.lookup);
  } else if (typeof options === 'number' || /^\d+$/.test(String(options))) {
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  } else return originalConnect.apply(this, args);
  if (net.isIP(host) !== 0 && !isLoopback(host)) {
    const error = blocked(host);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return originalConnect.apply(this, args);
};

// getaddrinfo would ask the system's resolver for a real name.
const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (net.isIP(hostname) === 0 && !isLoopback(hostname)) {
    const error = blocked(`lookup ${hostname}`);
    process.nextTick(() => cb(error));
    return {};
  }
  return originalLookup.call(this, hostname, options, callback);
};
const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromiseLookup(hostname, options) {
  if (net.isIP(hostname) === 0 && !isLoopback(hostname)) return Promise.reject(blocked(`lookup ${hostname}`));
  return originalPromiseLookup.call(this, hostname, options);
};

// c-ares sends its queries from C, past net and dgram: check the servers a resolver would ask.
for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
  for (const method of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse']) {
    const original = Resolver.prototype[method];
    if (typeof original !== 'function') continue;
    Resolver.prototype[method] = function guardedResolve(...args) {
      const outside = this.getServers().find((s) => !isLoopback(s.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1')));
      if (outside !== undefined) {
        const error = blocked(`DNS server ${outside}`);
        const cb = args[args.length - 1];
        if (typeof cb === 'function' && Resolver === dns.Resolver) {
          process.nextTick(() => cb(error));
          return undefined;
        }
        return Promise.reject(error);
      }
      return original.apply(this, args);
    };
  }
}
for (const fn of ['resolve', 'resolve4', 'resolve6', 'resolveCname', 'resolveAny']) {
  const original = dns.promises[fn];
  dns.promises[fn] = function guarded(...args) {
    const outside = dns.getServers().find((s) => !isLoopback(s.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1')));
    if (outside !== undefined) return Promise.reject(blocked(`DNS server ${outside}`));
    return original.apply(this, args);
  };
}

const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string');
  if (address !== undefined && !isLoopback(address)) {
    const error = blocked(`UDP ${address}`);
    const cb = args[args.length - 1];
    if (typeof cb === 'function') process.nextTick(() => cb(error));
    return;
  }
  return originalSend.apply(this, args);
};
