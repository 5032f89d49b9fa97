// Runs one measured row as its own child process and returns wall time, CPU time and peak RSS.
//
// Peak RSS comes from GNU time (`/usr/bin/time -v`) where it exists; otherwise from a probe loaded
// into the Node child (rss-probe.mjs) that reports process.resourceUsage() on exit. Both count the
// whole process, worker threads included. Wall time is taken here, around the whole child, so it
// includes Node's start-up: what a user waits for.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROC, PSS, treeMemoryKB } from './tree-memory.mjs';

const GNU_TIME = '/usr/bin/time';
const PROBE = pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'rss-probe.mjs')).href;

export const rssSource = fs.existsSync(GNU_TIME) ? 'GNU time -v' : 'process.resourceUsage() probe';

/**
 * Runs `node ...nodeArgs` in `cwd`. Resolves with { wallMs, cpuMs, maxRssKB, peakPssKB, code, stdout, stderr }.
 * Pages are checked in child processes (issue 17), and both GNU time and resourceUsage() report
 * the peak of one process, never of the tree. Where /proc exists, the tree's memory is also
 * sampled every 20 ms (tree-memory.mjs): maxRssKB is the larger of the two, peakPssKB the tree's
 * summed PSS (null where the kernel gives none), the physical memory the run takes.
 * stdout is kept (the floor rows print their page count there); pass `discardStdout` for rows
 * whose report would only fill memory.
 */
export function measure(nodeArgs, { cwd, discardStdout = false } = {}) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-bench-'));
  const timeFile = path.join(scratch, 'time.txt');
  const probeFile = path.join(scratch, 'probe.json');
  const useTime = rssSource === 'GNU time -v';
  const [command, args] = useTime
    ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, ['--import', PROBE, ...nodeArgs]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', BENCH_PROBE_OUT: probeFile },
      stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let treePeakKB = 0;
    let treePeakPssKB = 0;
    const sample = () => {
      const { rss, pss } = treeMemoryKB(child.pid);
      treePeakKB = Math.max(treePeakKB, rss);
      treePeakPssKB = Math.max(treePeakPssKB, pss);
    };
    const sampler = PROC ? setInterval(sample, 20) : undefined;
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      try {
        const usage = useTime ? parseGnuTime(fs.readFileSync(timeFile, 'utf8')) : JSON.parse(fs.readFileSync(probeFile, 'utf8'));
        resolve({ wallMs, cpuMs: usage.cpuMs, maxRssKB: Math.max(usage.maxRssKB, treePeakKB), peakPssKB: PSS ? treePeakPssKB : null, code, stdout, stderr });
      } catch (e) {
        reject(new Error(`no resource usage for ${nodeArgs.join(' ')} (exit ${code}): ${e.message}\n${stderr.slice(-2000)}`));
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}

function parseGnuTime(text) {
  const field = (label) => {
    const m = new RegExp(`${label}: ([0-9.]+)`).exec(text);
    if (!m) throw new Error(`GNU time printed no "${label}"`);
    return Number(m[1]);
  };
  return {
    cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000,
    maxRssKB: field('Maximum resident set size \\(kbytes\\)'),
  };
}
