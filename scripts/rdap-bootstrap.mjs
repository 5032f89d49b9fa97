// Refreshes data/rdap/dns.json, the RDAP bootstrap snapshot `beian-guard live` ships with (the
// registry of which RDAP server answers for which top-level domain, RFC 9224). IANA publishes it
// at https://data.iana.org/rdap/dns.json; run this now and then and commit the result:
//
//   node scripts/rdap-bootstrap.mjs                 # fetch IANA's current file
//   node scripts/rdap-bootstrap.mjs path/dns.json   # or read a copy saved earlier
//
// The file is checked (shape, lower-case labels, http(s) bases ending in /) and written with one
// service per line, sorted, so a refresh shows as a readable diff. Tests never run this script.
import fs from 'node:fs';
import path from 'node:path';
/* global fetch, AbortSignal -- Node 20 has both; the script runs only by hand. */

const IANA = 'https://data.iana.org/rdap/dns.json';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = path.join(root, 'data/rdap/dns.json');
const source = process.argv[2] ?? IANA;

const text = /^https?:\/\//.test(source)
  ? await (async () => {
      const response = await fetch(source, { signal: AbortSignal.timeout(30_000), headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
      return response.text();
    })()
  : fs.readFileSync(source, 'utf8');

const data = JSON.parse(text);
if (!Array.isArray(data.services)) throw new Error(`${source}: no "services" array`);
const services = data.services.map((service, i) => {
  const [labels, urls] = service;
  if (!Array.isArray(labels) || !Array.isArray(urls) || labels.length === 0 || urls.length === 0) throw new Error(`${source}: services[${i}] is not [[labels], [urls]]`);
  const tlds = labels.map((l) => String(l).toLowerCase()).sort();
  for (const l of tlds) if (!/^[a-z0-9-]+$/.test(l)) throw new Error(`${source}: services[${i}]: "${l}" is not an A-label`);
  for (const u of urls) if (!/^https?:\/\/\S+\/$/.test(u)) throw new Error(`${source}: services[${i}]: "${u}" is not a base URL ending in /`);
  return [tlds, [...urls]];
});
services.sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : 0));

const lines = services.map((s) => `    ${JSON.stringify(s)}`);
const out = `{
  "description": ${JSON.stringify(data.description ?? 'RDAP bootstrap file for Domain Name System registrations')},
  "publication": ${JSON.stringify(data.publication ?? '')},
  "version": ${JSON.stringify(data.version ?? '1.0')},
  "services": [
${lines.join(',\n')}
  ]
}
`;
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, out);
console.log(`wrote ${path.relative(root, target)}: ${services.length} services, ${services.reduce((n, s) => n + s[0].length, 0)} TLDs, published ${data.publication ?? '(unknown)'}`);
