import { createHash } from 'node:crypto';
import { InputError, type Where } from '../config/errors.js';
import type { Shard } from '../model/index.js';

/**
 * Splitting one check across CI machines (`--shard K/N`, docs/shards.md). Which shard checks a
 * page depends on its path alone, so every machine and every run agree without talking to each
 * other, and a page keeps its shard when others are added or removed (listing order and file
 * sizes would move pages around). The contract, public since tests outside the project rely on it:
 *
 * - a non-entry page belongs to shard `1 + (u32be(sha256(rel)[0..4]) mod N)`, where `rel` is its
 *   path relative to the site folder in POSIX form (`docs/a b/index.html`), in Unicode NFC,
 *   hashed as UTF-8 (NFC because a macOS runner may list `é` decomposed where Linux lists it
 *   composed, and one page must not land in two shards or none);
 * - entry pages (index.html and the configured homepages) and everything not tied to one
 *   non-entry page (entry-missing, an empty site, render-mode notices) belong to shard 1.
 */

/** More shards than any CI runs in one matrix (GitHub: 256 jobs, GitLab: parallel ≤ 200). */
export const SHARD_MAX = 1000;

/** The shard a non-entry page belongs to, 1..total. */
export function shardOfPath(rel: string, total: number): number {
  if (total <= 1) return 1;
  return 1 + (createHash('sha256').update(rel.normalize('NFC'), 'utf8').digest().readUInt32BE(0) % total);
}

/** Whether this run checks the page `rel` (an entry page or not); every page without a shard. */
export function pageInShard(rel: string, entry: boolean, shard: Shard | undefined): boolean {
  if (!shard) return true;
  return entry ? shard.index === 1 : shardOfPath(rel, shard.total) === shard.index;
}

/** Whether this run reports what belongs to no one page (entry-missing, notices): shard 1, or an unsharded run. */
export function ownsSiteFindings(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}

/** `K/N` read from whole numbers only: "2/4", not "2/4.0", "+2/4" or "2 of 4". */
function readShard(raw: string): Shard | undefined {
  const m = /^\s*(\d{1,7})\s*\/\s*(\d{1,7})\s*$/.exec(raw);
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (index < 1 || total < 1 || index > total || total > SHARD_MAX) return undefined;
  return { index, total };
}

/** `--shard K/N` or the action's `shard` input; a bad value is an InputError naming `where`. */
export function parseShard(raw: string, where: Where): Shard {
  const shard = readShard(raw);
  if (!shard) throw InputError.of('shard-invalid', { value: raw, max: SHARD_MAX }, where);
  return shard;
}

/** What GitLab's `parallel:` variables say: a shard, nothing, or values that were not used (and why the log should say so). */
export type CiShard = { readonly shard: Shard } | { readonly shard?: undefined; readonly ignored?: string };

/**
 * GitLab's `parallel: N` sets CI_NODE_INDEX (1..N) and CI_NODE_TOTAL (N) in each copy of the job;
 * a job without `parallel` has CI_NODE_TOTAL=1 and no CI_NODE_INDEX. Both must be there and make
 * a valid K/N; anything else selects no shard (the whole site is checked) and is named in the log.
 */
export function shardFromCi(env: Readonly<Record<string, string | undefined>>): CiShard {
  const index = env.CI_NODE_INDEX?.trim() ?? '';
  const total = env.CI_NODE_TOTAL?.trim() ?? '';
  if (index === '') return {};
  const shown = `CI_NODE_INDEX=${index.slice(0, 20)}, CI_NODE_TOTAL=${total.slice(0, 20)}`;
  const shard = total === '' ? undefined : readShard(`${index}/${total}`);
  return shard ? { shard } : { ignored: shown };
}
