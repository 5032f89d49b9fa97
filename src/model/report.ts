import type { Finding } from './findings.js';

export interface SiteSummary {
  readonly root: string;
  readonly pages: number;
  readonly skipped: number;
}

/** One part of a sharded run (`--shard K/N`): `index` is K (1-based), `total` is N. */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** The result of one run: everything reporters format and the verdict is decided on. */
export interface Report {
  readonly version: string;
  /** Present on the report of one shard; a merged report (and an unsharded run) has none. */
  readonly shard?: Shard;
  /**
   * A hash of the resolved configuration that decides findings (engine/config-hash.ts): `merge`
   * refuses shards of different configurations. Absent for live reports and old JSON reports.
   */
  readonly configHash?: string;
  readonly findings: readonly Finding[];
  readonly sites: readonly SiteSummary[];
  readonly summary: { readonly pages: number; readonly errors: number; readonly warnings: number; readonly notices: number };
  readonly durationMs: number;
}
