// The memory of a process and everything it started, read from Linux /proc: what the bench rows
// (measure.mjs) and the render bench (bench-render.mjs) sample while a run goes on.
import fs from 'node:fs';

export const PROC = fs.existsSync('/proc/self/status');
/** Whether the kernel gives proportional set sizes (Linux 4.14 and later). */
export const PSS = fs.existsSync('/proc/self/smaps_rollup');

/** `root` and every process below it, root first. */
export function treePids(root) {
  const parents = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/**
 * Resident and proportional set sizes of the tree, summed, in KB, and how many processes it holds.
 * The RSS sum counts a page that several processes map (the Node executable every Node process
 * maps, a browser's shared memory) once per process; PSS splits such a page among them, so its
 * sum is the physical memory the run takes. `pss` is 0 where the kernel gives none.
 */
export function treeMemoryKB(root) {
  const pids = treePids(root);
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      if (PSS) {
        const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
        pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      } else {
        rss += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      }
    } catch {
      // Gone while we looked.
    }
  }
  return { rss, pss, processes: pids.length };
}
