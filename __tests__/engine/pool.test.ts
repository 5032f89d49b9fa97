import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The page pool (issues 6 and 17) must not change what a run reports: the same site checked by one
 * page process (`--workers 0` and `1` alike) and by three gives the same findings in the same order,
 * large pages (checked alone) included. Runs the built CLI (`npm run bundle` first), as users do.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PAGES = path.join(ROOT, 'fixtures/pages');

let site: string;

beforeAll(() => {
  // Every fixture page of every rule, three times over in nested folders: enough pages that
  // each worker holds several at once and the main thread takes its share.
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-pool-'));
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.html')) pages.push(abs);
    }
  };
  walk(PAGES);
  if (pages.length < 20) throw new Error(`expected the rule fixture pages under ${PAGES}, found ${pages.length}`);
  for (let copy = 0; copy < 3; copy++) {
    for (const [i, page] of pages.entries()) {
      const to = path.join(site, `c${copy}`, `p${i}`, 'index.html');
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(page, to);
    }
  }
  fs.copyFileSync(pages[0]!, path.join(site, 'index.html'));
  // Larger than PagePool.MAX_PAGE_BYTES: checked alone, in a process with a larger heap.
  const sample = fs.readFileSync(pages[0]!, 'utf8');
  const body = sample.slice(sample.indexOf('<body'), sample.lastIndexOf('</body>'));
  fs.writeFileSync(path.join(site, 'big.html'), sample.replace(body, body.repeat(Math.ceil((3 * 1024 * 1024) / body.length))));
});

afterAll(() => {
  fs.rmSync(site, { recursive: true, force: true });
});

function check(workers: number): { code: number | null; report: { findings: unknown[]; summary: { pages: number } } } {
  const r = spawnSync(
    process.execPath,
    [CLI, 'check', site, '--icp', '京ICP备2023012345号-1', '--site-name', '示例技术笔记', '--scope', 'all', '--workers', String(workers), '--format', 'json', '--no-source-map'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(r.stderr).toBe('');
  return { code: r.status, report: JSON.parse(r.stdout) as { findings: unknown[]; summary: { pages: number } } };
}

describe('worker pool', () => {
  it('reports the same findings with 0, 1 and 3 page processes', () => {
    const alone = check(0);
    expect(alone.code).toBe(1);
    expect(alone.report.summary.pages).toBeGreaterThan(60);
    expect(alone.report.findings.length).toBeGreaterThan(60);
    for (const workers of [1, 3]) {
      const pooled = check(workers);
      expect(pooled.code).toBe(alone.code);
      expect(pooled.report.findings).toEqual(alone.report.findings);
      expect(pooled.report.summary).toEqual(alone.report.summary);
    }
  });
});
