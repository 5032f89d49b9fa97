/**
 * The first page process, started before the pool exists (the CLI front starts it while the check
 * bundle loads): the pool takes it over with whatever it said meanwhile, and one nobody took is
 * ended by its owner.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EarlyPageProcess, KERNEL_WATCHED, setprivKnowsPdeathsig, spawnPageProcess } from '../../src/engine/page-process.js';
import { PagePool, type PageOutcome } from '../../src/engine/pool.js';
import { pidExists } from '../helpers/processes.js';

const SCRIPT = new URL('./checkers/scripted.mjs', import.meta.url);
const INIT = { sites: [], lang: 'en' as const };
const LIMITS = { timeoutMs: 20_000, memoryMb: 96 };

let pool: PagePool | undefined;
const started: EarlyPageProcess[] = [];
afterEach(async () => {
  await pool?.close();
  pool = undefined;
  for (const e of started.splice(0)) e.release();
});

function early(heapMb = LIMITS.memoryMb): EarlyPageProcess {
  const e = new EarlyPageProcess(SCRIPT, heapMb);
  started.push(e);
  return e;
}

const job = (rel: string) => ({ abs: `/nowhere/${rel}`, rel, file: `site/${rel}`, entry: false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The scripted process puts its pid in the finding's file field. */
function pidOf(o: PageOutcome): number {
  if (!o.ok) throw new Error(`expected findings, got ${JSON.stringify(o)}`);
  return Number(o.findings[0]!.file);
}

describe('the early page process', () => {
  it('is adopted by the pool as its first process, even when it said "listening" long before', async () => {
    const e = early();
    // Long enough for the process to load and announce itself before the pool listens.
    await sleep(1500);
    pool = new PagePool(SCRIPT, 1, INIT, LIMITS, e);
    const outcomes = await Promise.all(['a.html', 'b.html', 'c.html'].map((n) => pool!.run(0, job(n), 1000)));
    expect(outcomes.map(pidOf)).toEqual([e.pid, e.pid, e.pid]);
    // Adopted: releasing it is the pool's business now, so release() leaves it running.
    e.release();
    expect(pidExists(e.pid!)).toBe(true);
    await pool.close();
    pool = undefined;
    expect(pidExists(e.pid!)).toBe(false);
  });

  it('is adopted when the pool comes first too', async () => {
    const e = early();
    pool = new PagePool(SCRIPT, 1, INIT, LIMITS, e);
    expect(pidOf(await pool.run(0, job('a.html'), 1000))).toBe(e.pid);
  });

  it('is not adopted when it was started with another heap; its owner ends it', async () => {
    const e = early(128);
    pool = new PagePool(SCRIPT, 1, INIT, LIMITS, e);
    expect(pidOf(await pool.run(0, job('a.html'), 1000))).not.toBe(e.pid);
    e.release();
    for (let i = 0; i < 50 && pidExists(e.pid!); i++) await sleep(50);
    expect(pidExists(e.pid!)).toBe(false);
  });

  it('one that died before the pool took it makes the pool report a process that could not start', async () => {
    const e = early();
    process.kill(e.pid!, 'SIGKILL');
    for (let i = 0; i < 50 && pidExists(e.pid!); i++) await sleep(50);
    await sleep(200);
    pool = new PagePool(SCRIPT, 1, INIT, LIMITS, e);
    await expect(pool.run(0, job('a.html'), 1000)).rejects.toThrow(/could not start \(signal SIGKILL\)/);
  });
});

describe('a page process on Linux', () => {
  const setpriv = process.platform === 'linux' && ['/usr/bin/setpriv', '/bin/setpriv'].some((f) => fs.existsSync(f));

  it.skipIf(!setpriv)('runs Node in setpriv\'s place (same pid, our child) and is told the kernel watches it, so it starts no watcher thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-pdeath-'));
    try {
      const script = path.join(dir, 'say.mjs');
      fs.writeFileSync(script, 'process.send({ pid: process.pid, ppid: process.ppid, argv: process.argv.slice(2), execArgv: process.execArgv });\n');
      const proc = spawnPageProcess(pathToFileURL(script), 96);
      const said = await new Promise<{ pid: number; ppid: number; argv: string[]; execArgv: string[] }>((resolve) => proc.once('message', resolve));
      expect(said).toEqual({ pid: proc.pid, ppid: process.pid, argv: [KERNEL_WATCHED], execArgv: ['--max-old-space-size=96', '--max-semi-space-size=8'] });
      proc.kill('SIGKILL');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!setpriv)('uses setpriv only when it knows --pdeathsig (util-linux 2.33+; CentOS 7 has one that does not)', () => {
    const real = ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => fs.existsSync(f))!;
    expect(setprivKnowsPdeathsig(real)).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-old-setpriv-'));
    try {
      // What an old setpriv does with an option it does not know: a usage message and status 1.
      const old = path.join(dir, 'setpriv');
      fs.writeFileSync(old, '#!/bin/sh\necho "setpriv: unrecognized option \'--pdeathsig\'" >&2\nexit 1\n', { mode: 0o755 });
      expect(setprivKnowsPdeathsig(old)).toBe(false);
      expect(setprivKnowsPdeathsig(path.join(dir, 'missing'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
