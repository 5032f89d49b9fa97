import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/resolve.js';

/**
 * A hash of what in the resolved configuration can change a finding: each site's settings, scope,
 * entry pages, rule severities and render settings, the language of messages, the file size limit
 * and source mapping. Left out is what differs between machines or only changes the verdict or the
 * output (absolute paths, the browser's location, workers, fail-on, reports), so the shards of one
 * check hash alike on every runner. `merge` refuses shards whose hashes differ.
 */
export function configHash(config: ResolvedConfig): string {
  const facts = {
    lang: config.lang,
    maxFileSize: config.maxFileSize,
    sources: config.sources,
    sites: config.sites.map((s) => {
      // root is absolute when a folder argument stood in for it; rootDisplay says the same portably.
      const { root: _root, ...site } = s.config;
      return { root: s.rootDisplay, site, scope: s.scope, contentScope: s.contentScope, entries: s.entries, severities: s.severities, render: s.render ?? null };
    }),
  };
  return createHash('sha256').update(canonicalJson(facts)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted at every level: the same data gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
