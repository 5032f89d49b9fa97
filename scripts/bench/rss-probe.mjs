// Loaded with `node --import` into a measured child when /usr/bin/time is missing: on exit it
// writes the process's own peak RSS and CPU time where the bench asked (BENCH_PROBE_OUT).
// Worker threads live in the same process, so their memory is in this figure too.
import fs from 'node:fs';

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ maxRssKB: r.maxRSS, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }));
  });
}
