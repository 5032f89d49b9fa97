import type { Dirent, Stats } from 'node:fs';
import { access, constants, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { MinHeap } from './min-heap.js';

/** What to look for under the root. */
export interface DiscoverOptions {
  /** Globs relative to the root, matched against posix paths; default `**\/*.html`, `**\/*.htm` with any letter case. */
  include?: readonly string[];
  /** Globs relative to the root; a matching folder is not entered. node_modules and dot-folders are always skipped. */
  exclude?: readonly string[];
  /** Bytes; larger files are yielded as skipped 'too-large'. */
  maxFileSize: number;
  /**
   * Only these root-relative posix paths are considered, and nothing else is read or stat'ed. They were named
   * on purpose, so `include` does not apply to them; `exclude` and the always-skipped folders still do.
   * Missing ones are yielded as skipped 'missing'.
   */
  only?: readonly string[];
}

/** One result of discovery: a file to check, or an entry we could not or would not check, and why. */
export type Discovered =
  | { kind: 'file'; path: string /* absolute */; rel: string /* posix, relative to root */; size: number }
  | {
      kind: 'skipped';
      path: string;
      rel: string;
      reason: 'too-large' | 'unreadable' | 'symlink-outside-root' | 'symlink-loop' | 'missing' | 'not-a-file';
      detail?: string;
      size?: number;
    };

type SkipReason = Extract<Discovered, { kind: 'skipped' }>['reason'];

/** The root itself is unusable; the whole run cannot proceed. */
export class DiscoverError extends Error {
  readonly code: 'root-missing' | 'root-not-directory' | 'root-unreadable';
  readonly path: string;

  constructor(code: DiscoverError['code'], filePath: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DiscoverError';
    this.code = code;
    this.path = filePath;
  }
}

const DEFAULT_INCLUDE = ['**/*.html', '**/*.htm'] as const;

/**
 * Walks `root` and yields every included file, sorted by `rel` in code-unit order, plus a 'skipped' entry for
 * each one it cannot or will not check. Symlinks are followed only while their real path stays inside the
 * root's real path, and no real folder is walked twice, so links cannot loop. A bad entry never throws;
 * only an unusable root does (DiscoverError).
 */
export async function* discover(root: string, options: DiscoverOptions): AsyncGenerator<Discovered> {
  const rootAbs = path.resolve(root);
  const rootReal = await openRoot(rootAbs);
  const filter = makeFilter(options);
  const ctx: Walk = { rootAbs, rootReal, filter, maxFileSize: options.maxFileSize, visited: new Set([rootReal]), identity: currentIdentity() };

  if (options.only) {
    yield* discoverOnly(ctx, options.only);
    return;
  }
  const first = await readDir(rootAbs);
  if (!Array.isArray(first)) {
    throw new DiscoverError('root-unreadable', rootAbs, `cannot read the site folder ${rootAbs}: ${describe(first.error)}`, { cause: first.error });
  }
  const prefetch = new Prefetch(ctx);
  const top: DirNode = { abs: rootAbs, real: rootReal, rel: '', key: '', listing: listing(ctx, prefetch, rootAbs, rootReal, '', first), prefetched: false };
  try {
    yield* walk(ctx, prefetch, top);
  } finally {
    // The consumer may stop early; do not keep listing folders nobody will read.
    prefetch.stop();
  }
}

interface Filter {
  included(rel: string): boolean;
  /** Whether a file or folder is excluded by the user's globs or our always-skipped folders. */
  excluded(rel: string, isDir: boolean): boolean;
}

interface Walk {
  rootAbs: string;
  rootReal: string;
  filter: Filter;
  maxFileSize: number;
  /** Real paths of folders already entered; entering one again would repeat or loop. */
  visited: Set<string>;
  /** Who we run as, for the mode-bit read check; null where every file counts as readable (root, Windows). */
  identity: { uid: number; gids: Set<number> } | null;
}

function currentIdentity(): Walk['identity'] {
  const uid = process.getuid?.();
  // root reads regardless of mode bits; Windows has no uids and its ACLs are not in the mode.
  if (uid === undefined || uid === 0) return null;
  return { uid, gids: new Set([...(process.getgroups?.() ?? []), ...(process.getgid ? [process.getgid()] : [])]) };
}

async function openRoot(rootAbs: string): Promise<string> {
  let st: Stats;
  try {
    st = await stat(rootAbs);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DiscoverError('root-missing', rootAbs, `site folder does not exist: ${rootAbs}`, { cause: err });
    throw new DiscoverError('root-unreadable', rootAbs, `cannot access the site folder ${rootAbs}: ${code ?? String(err)}`, { cause: err });
  }
  if (!st.isDirectory()) throw new DiscoverError('root-not-directory', rootAbs, `site folder is not a directory: ${rootAbs}`);
  try {
    return await realpath(rootAbs);
  } catch (err) {
    throw new DiscoverError('root-unreadable', rootAbs, `cannot resolve the site folder ${rootAbs}: ${errCode(err) ?? String(err)}`, { cause: err });
  }
}

function makeFilter(options: DiscoverOptions): Filter {
  // Any letter case for the default extensions: Windows-made sites ship INDEX.HTM.
  const include = options.include
    ? picomatch([...options.include])
    : picomatch([...DEFAULT_INCLUDE], { nocase: true });
  const exclude = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : null;
  return {
    included: (rel) => include(rel),
    excluded(rel, isDir) {
      if (isDir) {
        const name = rel.slice(rel.lastIndexOf('/') + 1);
        if (name === 'node_modules' || name.startsWith('.')) return true;
      }
      if (!exclude) return false;
      // 'drafts/**' should prune the folder itself, not just what is in it.
      return exclude(rel) || (isDir && exclude(`${rel}/`));
    },
  };
}

type Entry =
  | { type: 'file'; name: string; key: string }
  | { type: 'dir'; name: string; key: string; real: string; viaLink: boolean }
  | { type: 'skip'; name: string; key: string; reason: SkipReason; detail: string };

/** A folder to walk; its listing may already be under way (prefetched) before the walk reaches it. */
interface DirNode {
  abs: string;
  real: string;
  rel: string;
  /** `rel + '/'`: comparing these in code-unit order is comparing positions in the walk. */
  key: string;
  listing: Promise<Listing> | null;
  /** Listed ahead of the walk and still counted against the look-ahead budget. */
  prefetched: boolean;
}

type Listing =
  | { ok: true; items: Item[] }
  | { ok: false; error: unknown };

type Item =
  | { type: 'result'; result: Discovered | Promise<Discovered> }
  | { type: 'dir'; node: DirNode; viaLink: boolean };

/**
 * Lists folders ahead of the walk, a bounded number at a time. Listing one folder after another costs a
 * thread-pool round trip each, and a Hexo site is about one folder per page, so a serial walk is
 * latency-bound. Pending folders are listed in walk order (a heap on the walk key), not in the order
 * their parents happened to finish: otherwise a later big folder (tags/) eats the look-ahead budget while
 * the walk crawls through an earlier one (archives/) folder by folder.
 * Only physical folders are prefetched: a linked one is entered only after the in-order loop check, so
 * prefetching can never chase a loop.
 */
class Prefetch {
  // Measured on real-hexo (1,295 folders): 64 → ~64 ms, 256 → ~52 ms, 1024 → ~48 ms, unbounded → ~46 ms.
  static readonly AHEAD = 1024;
  #ctx: Walk;
  #pending = new MinHeap<DirNode>((a, b) => a.key < b.key);
  #ahead = 0;
  #stopped = false;

  constructor(ctx: Walk) {
    this.#ctx = ctx;
  }

  offer(nodes: readonly DirNode[]): void {
    for (const node of nodes) this.#pending.push(node);
    this.#pump();
  }

  /** The node's listing, started now if no prefetch got to it. */
  take(node: DirNode): Promise<Listing> {
    if (node.prefetched) {
      node.prefetched = false;
      this.#ahead--;
    }
    node.listing ??= this.#list(node);
    this.#pump();
    return node.listing;
  }

  stop(): void {
    this.#stopped = true;
    this.#pending.clear();
  }

  #pump(): void {
    while (!this.#stopped && this.#ahead < Prefetch.AHEAD && this.#pending.size > 0) {
      const node = this.#pending.pop()!;
      if (node.listing) continue;
      this.#ahead++;
      node.prefetched = true;
      node.listing = this.#list(node);
    }
  }

  async #list(node: DirNode): Promise<Listing> {
    const dirents = await readDir(node.abs);
    if (!Array.isArray(dirents)) return { ok: false, error: dirents.error };
    return listing(this.#ctx, this, node.abs, node.real, node.rel, dirents);
  }
}

async function listing(ctx: Walk, prefetch: Prefetch, dirAbs: string, dirReal: string, dirRel: string, dirents: Dirent[]): Promise<Listing> {
  try {
    return await listEntries(ctx, prefetch, dirAbs, dirReal, dirRel, dirents);
  } catch (error) {
    // classify and checkFile turn fs errors into results; this only guards a prefetched promise that nobody
    // may await from becoming an unhandled rejection.
    return { ok: false, error };
  }
}

async function listEntries(ctx: Walk, prefetch: Prefetch, dirAbs: string, dirReal: string, dirRel: string, dirents: Dirent[]): Promise<Listing> {
  const classified = dirents.map((d) => classify(ctx, d, dirAbs, dirReal, dirRel));
  // Plain files and folders classify without I/O; only links and untyped entries need awaiting.
  const entries = (classified.some((c) => c instanceof Promise) ? await Promise.all(classified) : (classified as Array<Entry | null>)).filter(
    (e): e is Entry => e !== null,
  );
  // Folders sort as "name/" so that a depth-first walk yields exactly the global code-unit order of rel paths.
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const items: Item[] = [];
  const physical: DirNode[] = [];
  for (const e of entries) {
    const rel = joinRel(dirRel, e.name);
    const abs = path.join(dirAbs, e.name);
    if (e.type === 'file') {
      // Started now, awaited in order: a folder's files are stat'ed together, not one round trip each.
      items.push({ type: 'result', result: checkFile(ctx, rel, abs) });
    } else if (e.type === 'skip') {
      items.push({ type: 'result', result: { kind: 'skipped', path: abs, rel, reason: e.reason, detail: e.detail } });
    } else {
      const node: DirNode = { abs, real: e.real, rel, key: `${rel}/`, listing: null, prefetched: false };
      items.push({ type: 'dir', node, viaLink: e.viaLink });
      if (!e.viaLink) physical.push(node);
    }
  }
  prefetch.offer(physical);
  return { ok: true, items };
}

/**
 * Depth-first over prefetched listings with an explicit stack: nested `yield*` would pass every result
 * through one async generator per folder level.
 */
async function* walk(ctx: Walk, prefetch: Prefetch, top: DirNode): AsyncGenerator<Discovered> {
  const stack: Array<{ items: Item[]; next: number }> = [];
  const enter = async (node: DirNode): Promise<Discovered | null> => {
    const list = await prefetch.take(node);
    if (!list.ok) return { kind: 'skipped', path: node.abs, rel: node.rel, reason: reasonFor(list.error), detail: describe(list.error) };
    stack.push({ items: list.items, next: 0 });
    return null;
  };
  const failed = await enter(top);
  if (failed) yield failed;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const item = frame.items[frame.next++];
    if (!item) {
      stack.pop();
      continue;
    }
    if (item.type === 'result') {
      yield await item.result;
      continue;
    }
    const child = item.node;
    // Decided here, in walk order, so which alias of a folder wins never depends on I/O timing.
    if (ctx.visited.has(child.real)) {
      yield { kind: 'skipped', path: child.abs, rel: child.rel, reason: 'symlink-loop', detail: `folder already walked: ${child.real}` };
      continue;
    }
    ctx.visited.add(child.real);
    const unreadable = await enter(child);
    if (unreadable) yield unreadable;
  }
}

/** Decides what a directory entry is, resolving symlinks; null when it is filtered out. */
function classify(ctx: Walk, d: Dirent, dirAbs: string, dirReal: string, dirRel: string): Entry | null | Promise<Entry | null> {
  const name = d.name;
  const rel = joinRel(dirRel, name);
  if (d.isDirectory()) {
    if (ctx.filter.excluded(rel, true)) return null;
    return { type: 'dir', name, key: `${name}/`, real: path.join(dirReal, name), viaLink: false };
  }
  if (d.isFile()) {
    if (!ctx.filter.included(rel) || ctx.filter.excluded(rel, false)) return null;
    return { type: 'file', name, key: name };
  }

  const abs = path.join(dirAbs, name);
  if (d.isSymbolicLink()) return classifySymlink(ctx, name, rel, abs, dirReal);

  if (d.isFIFO() || d.isSocket() || d.isCharacterDevice() || d.isBlockDevice()) {
    if (!ctx.filter.included(rel) || ctx.filter.excluded(rel, false)) return null;
    return { type: 'skip', name, key: name, reason: 'not-a-file', detail: 'not a regular file' };
  }
  return classifyUntyped(ctx, name, rel, abs, dirReal);
}

/** Some file systems report no type in readdir; ask stat instead. */
async function classifyUntyped(ctx: Walk, name: string, rel: string, abs: string, dirReal: string): Promise<Entry | null> {
  let st: Stats;
  try {
    st = await stat(abs);
  } catch (err) {
    if (!ctx.filter.included(rel)) return null;
    return { type: 'skip', name, key: name, reason: reasonFor(err), detail: describe(err) };
  }
  if (st.isDirectory()) {
    if (ctx.filter.excluded(rel, true)) return null;
    return { type: 'dir', name, key: `${name}/`, real: path.join(dirReal, name), viaLink: false };
  }
  if (!ctx.filter.included(rel) || ctx.filter.excluded(rel, false)) return null;
  if (!st.isFile()) return { type: 'skip', name, key: name, reason: 'not-a-file', detail: 'not a regular file' };
  return { type: 'file', name, key: name };
}

async function classifySymlink(ctx: Walk, name: string, rel: string, abs: string, dirReal: string): Promise<Entry | null> {
  let real: string;
  let st: Stats;
  try {
    real = await realpath(abs);
    st = await stat(real);
  } catch (err) {
    // We cannot tell whether it was meant as a folder or a page; report it only where a page would be.
    if (!ctx.filter.included(rel) || ctx.filter.excluded(rel, false)) return null;
    const detail = errCode(err) === 'ENOENT' ? 'dangling symlink' : describe(err);
    return { type: 'skip', name, key: name, reason: reasonFor(err), detail };
  }
  if (st.isDirectory()) {
    if (ctx.filter.excluded(rel, true)) return null;
    const key = `${name}/`;
    if (!isInside(ctx.rootReal, real)) return { type: 'skip', name, key, reason: 'symlink-outside-root', detail: real };
    const physical = path.relative(ctx.rootReal, real).split(path.sep).join('/');
    if (isInside(real, dirReal)) return { type: 'skip', name, key, reason: 'symlink-loop', detail: `points back to ${physical || '.'}` };
    // A folder the link-free walk reaches anyway is walked there, under its own name, whichever sorts first.
    if (physicallyWalked(ctx, physical)) return { type: 'skip', name, key, reason: 'symlink-loop', detail: `same folder as ${physical}` };
    return { type: 'dir', name, key, real, viaLink: true };
  }
  if (!ctx.filter.included(rel) || ctx.filter.excluded(rel, false)) return null;
  if (!isInside(ctx.rootReal, real)) return { type: 'skip', name, key: name, reason: 'symlink-outside-root', detail: real };
  if (!st.isFile()) return { type: 'skip', name, key: name, reason: 'not-a-file', detail: 'not a regular file' };
  return { type: 'file', name, key: name };
}

/** Whether the link-free walk enters this folder anyway: no folder on its real path is skipped or excluded. */
function physicallyWalked(ctx: Walk, relReal: string): boolean {
  if (relReal === '') return true;
  const parts = relReal.split('/');
  for (let i = 1; i <= parts.length; i++) {
    if (ctx.filter.excluded(parts.slice(0, i).join('/'), true)) return false;
  }
  return true;
}

async function checkFile(ctx: Walk, rel: string, abs: string): Promise<Discovered> {
  let st: Stats;
  try {
    st = await stat(abs);
  } catch (err) {
    return { kind: 'skipped', path: abs, rel, reason: reasonFor(err), detail: describe(err) };
  }
  if (!st.isFile()) return { kind: 'skipped', path: abs, rel, reason: 'not-a-file', detail: 'not a regular file' };
  if (st.size > ctx.maxFileSize) {
    return { kind: 'skipped', path: abs, rel, reason: 'too-large', detail: `${st.size} bytes > maxFileSize ${ctx.maxFileSize}`, size: st.size };
  }
  if (!(await readable(ctx, abs, st))) return { kind: 'skipped', path: abs, rel, reason: 'unreadable', detail: 'permission denied', size: st.size };
  return { kind: 'file', path: abs, rel, size: st.size };
}

/**
 * Mode bits answer "readable?" without a syscall for the common case; only when they say no do we ask
 * access(), which also honours ACLs and root's override.
 */
async function readable(ctx: Walk, abs: string, st: Stats): Promise<boolean> {
  const me = ctx.identity;
  if (me === null) return true;
  const bit = st.uid === me.uid ? 0o400 : me.gids.has(st.gid) ? 0o040 : 0o004;
  if ((st.mode & bit) !== 0) return true;
  try {
    await access(abs, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

async function* discoverOnly(ctx: Walk, only: readonly string[]): AsyncGenerator<Discovered> {
  const rels = new Map<string, string>(); // normalised rel -> as given
  for (const given of only) {
    const norm = path.posix.normalize(given.replaceAll('\\', '/')).replace(/^(\.\/)+/, '');
    if (!rels.has(norm)) rels.set(norm, given);
  }
  const sorted = [...rels.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const rel of sorted) {
    const abs = path.resolve(ctx.rootAbs, rel);
    if (rel === '.' || rel === '' || rel.startsWith('../') || rel === '..' || path.posix.isAbsolute(rel)) {
      yield { kind: 'skipped', path: abs, rel, reason: 'missing', detail: 'not a path inside the site folder' };
      continue;
    }
    if (isFilteredOnly(ctx, rel)) continue;
    let real: string;
    try {
      real = await realpath(abs);
    } catch (err) {
      yield { kind: 'skipped', path: abs, rel, reason: reasonFor(err), detail: describe(err) };
      continue;
    }
    if (!isInside(ctx.rootReal, real)) {
      yield { kind: 'skipped', path: abs, rel, reason: 'symlink-outside-root', detail: real };
      continue;
    }
    yield await checkFile(ctx, rel, abs);
  }
}

function isFilteredOnly(ctx: Walk, rel: string): boolean {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) if (ctx.filter.excluded(parts.slice(0, i).join('/'), true)) return true;
  return ctx.filter.excluded(rel, false);
}

async function readDir(abs: string): Promise<Dirent[] | { error: unknown }> {
  try {
    return await readdir(abs, { withFileTypes: true });
  } catch (error) {
    return { error };
  }
}

function isInside(rootReal: string, real: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

function joinRel(dirRel: string, name: string): string {
  return dirRel === '' ? name : `${dirRel}/${name}`;
}

function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

function reasonFor(err: unknown): SkipReason {
  switch (errCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'missing';
    case 'ELOOP':
      return 'symlink-loop';
    default:
      return 'unreadable';
  }
}

function describe(err: unknown): string {
  const code = errCode(err);
  return code ?? (err instanceof Error ? err.message : String(err));
}
