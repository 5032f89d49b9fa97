/**
 * The page pool with real processes: a scripted stand-in for the page process (checkers/scripted.mjs)
 * aborts, hangs, runs out of heap or throws on the pages named for it. Whatever one page does, it
 * gets an outcome of its own, its process is replaced, and every other page is still checked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { heapForLargePage, PagePool, type PageOutcome } from '../../src/engine/pool.js';
import { pidExists } from '../helpers/processes.js';

const SCRIPT = new URL('./checkers/scripted.mjs', import.meta.url);
const INIT = { sites: [], lang: 'en' as const };

let pool: PagePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function job(rel: string) {
  return { abs: `/nowhere/${rel}`, rel, file: `site/${rel}`, entry: false };
}

interface Seen {
  page: string;
  pid: number;
  heap: string;
}

/** The scripted process names the page, its pid and its node options in the finding's messageId, file and page. */
function seen(o: PageOutcome): Seen {
  if (!o.ok) throw new Error(`expected findings, got ${JSON.stringify(o)}`);
  const f = o.findings[0]!;
  return { page: f.messageId, pid: Number(f.file), heap: f.page };
}

async function runAll(p: PagePool, names: string[], bytes = 1000): Promise<Map<string, PageOutcome>> {
  const outcomes = await Promise.all(names.map((n) => p.run(0, job(n), bytes)));
  return new Map(names.map((n, i) => [n, outcomes[i]!]));
}


describe('page pool', () => {
  it('checks a small site in one process, and spreads a large one over every process', async () => {
    pool = new PagePool(SCRIPT, 2, INIT, { timeoutMs: 20_000, memoryMb: 96 });
    const few = await runAll(pool, Array.from({ length: 12 }, (_, i) => `p${i}.html`));
    expect([...few.values()].every((o) => o.ok)).toBe(true);
    expect(new Set([...few.values()].map((o) => seen(o).pid)).size).toBe(1);
    expect(seen(few.get('p0.html')!).heap).toBe('--max-old-space-size=96 --max-semi-space-size=8');
    const many = await runAll(pool, Array.from({ length: PagePool.GROW_AFTER + 24 }, (_, i) => `q${i}.html`));
    expect([...many.values()].every((o) => o.ok)).toBe(true);
    expect(new Set([...many.values()].map((o) => seen(o).pid)).size).toBe(2);
  });

  it('a page that aborts its process is a failure for that page alone; the others are checked', async () => {
    pool = new PagePool(SCRIPT, 1, INIT, { timeoutMs: 20_000, memoryMb: 96 });
    const out = await runAll(pool, ['a.html', 'abort-x.html', 'b.html', 'c.html']);
    expect(out.get('abort-x.html')).toMatchObject({ ok: false, reason: 'check-failed', detail: expect.stringContaining('SIGABRT') });
    for (const n of ['a.html', 'b.html', 'c.html']) expect(seen(out.get(n)!).page).toBe(n);
  });

  it('a page that never finishes is stopped at the deadline; the page queued behind it is checked elsewhere', async () => {
    pool = new PagePool(SCRIPT, 1, INIT, { timeoutMs: 700, memoryMb: 96 });
    const started = performance.now();
    const out = await runAll(pool, ['hang-x.html', 'after.html']);
    expect(out.get('hang-x.html')).toEqual({ ok: false, reason: 'too-slow', seconds: 0.7 });
    expect(seen(out.get('after.html')!).page).toBe('after.html');
    // A safety net against a hang, not a speed claim: the deadline cut it off.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('a page that outgrows the heap cap is out of memory, with the cap named', async () => {
    pool = new PagePool(SCRIPT, 1, INIT, { timeoutMs: 60_000, memoryMb: 48 });
    const out = await runAll(pool, ['heap-x.html', 'ok.html']);
    expect(out.get('heap-x.html')).toEqual({ ok: false, reason: 'out-of-memory', limitMb: 48 });
    expect(out.get('ok.html')!.ok).toBe(true);
  });

  it('a crash after other pages ran in the same process is not blamed on the page: it is checked again alone', async () => {
    pool = new PagePool(SCRIPT, 1, INIT, { timeoutMs: 20_000, memoryMb: 96 });
    const out = await runAll(pool, ['first.html', 'late-x.html', 'third.html']);
    // late-x crashes only behind another page; alone, in a fresh process, it is checked.
    expect(seen(out.get('late-x.html')!).page).toBe('late-x.html');
    expect(seen(out.get('first.html')!).pid).not.toBe(seen(out.get('late-x.html')!).pid);
    expect(out.get('third.html')!.ok).toBe(true);
  });

  it('a large page is checked alone in a process with a heap sized for it', async () => {
    pool = new PagePool(SCRIPT, 1, INIT, { timeoutMs: 20_000, memoryMb: 96 });
    const bytes = 10 * 1024 * 1024;
    const [big, small] = await Promise.all([pool.run(0, job('big.html'), bytes), pool.run(0, job('small.html'), 100)]);
    expect(seen(big).heap).toBe(`--max-old-space-size=${heapForLargePage(bytes)} --max-semi-space-size=8`);
    expect(seen(small).heap).toBe('--max-old-space-size=96 --max-semi-space-size=8');
    expect(seen(big).pid).not.toBe(seen(small).pid);
  });

  it('a failure message from the process is a failure for that page', async () => {
    pool = new PagePool(SCRIPT, 1, INIT, { timeoutMs: 20_000, memoryMb: 96 });
    const out = await runAll(pool, ['throw-x.html', 'y.html']);
    expect(out.get('throw-x.html')).toEqual({ ok: false, reason: 'check-failed', detail: 'throw-x.html: scripted failure' });
    expect(out.get('y.html')!.ok).toBe(true);
  });

  it('close ends every process it started', async () => {
    pool = new PagePool(SCRIPT, 2, INIT, { timeoutMs: 20_000, memoryMb: 96 });
    const out = await runAll(pool, ['a.html', 'b.html', 'c.html', 'd.html']);
    const pids = [...new Set([...out.values()].map((o) => seen(o).pid))];
    await pool.close();
    pool = undefined;
    expect(pids.every((pid) => !pidExists(pid))).toBe(true);
  });
});
