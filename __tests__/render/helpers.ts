import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfigObject, resolveConfig } from '../../src/config/resolve.js';
import { runChecks } from '../../src/engine/run.js';
import { findBrowser, type FoundBrowser } from '../../src/render/find-browser.js';
import type { Finding, Report } from '../../src/model/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'fixtures/render');
export const FILING = { icp: '京ICP备2023012345号-1', police: '京公网安备11010502030143号', siteName: '示例技术笔记' };

/**
 * The browser the render tests use. None found is a failure that says what to install: render
 * mode is tested in a real browser on every run, never skipped (issue 14).
 */
export function requireBrowser(): FoundBrowser {
  const lookup = findBrowser(undefined, process.env);
  if (lookup.found) return lookup.found;
  throw new Error(
    `render tests need Chrome or Chromium and none was found (looked at: ${lookup.tried.join('; ')}). ` +
      'Install it: apt-get install -y --no-install-recommends chromium-headless-shell fonts-wqy-microhei (or set BEIAN_GUARD_BROWSER)',
  );
}

/** Runs the engine in-process over a config object written relative to ROOT. */
export async function check(
  raw: Record<string, unknown>,
  overrides: Record<string, string> = {},
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
): Promise<Report> {
  const config = resolveConfig({ config: parseConfigObject(raw, 'test config'), path: path.join(ROOT, 'render-test.config.json'), sitesForm: 'sites' in raw }, overrides, ROOT);
  return runChecks(config, { cwd: ROOT, version: 'test', env, ...(log && { log }) });
}

/** Browser processes this process started and has not ended (Linux /proc). */
export function browserChildren(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('beian-guard-browser-')) out.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return out;
}

/** `rule/message@line` for each finding of one file, sorted: what a test pins. */
export function pinned(report: Report, file: string): string[] {
  return report.findings
    .filter((f) => f.file === file)
    .map((f) => `${f.ruleId}/${f.messageId}@${f.line}`)
    .sort();
}

export function only(report: Report, file: string): Finding[] {
  return report.findings.filter((f) => f.file === file);
}

export function tempDir(prefix = 'beian-render-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
