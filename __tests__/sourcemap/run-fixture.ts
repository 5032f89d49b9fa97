import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig, type Overrides, type ResolvedConfig } from '../../src/config/resolve.js';
import { runChecks } from '../../src/engine/run.js';
import { attachSourceLocations } from '../../src/sourcemap/index.js';
import type { Finding, Report } from '../../src/model/index.js';

export const REPOS = path.resolve(import.meta.dirname, '../../fixtures/repos');

/** Checks a fixture repository's built site with the real engine, then maps the findings to sources. */
export async function checkRepo(cwd: string, site: Overrides, sources: Partial<ResolvedConfig['sources']> = {}): Promise<{ report: Report; config: ResolvedConfig }> {
  const base = resolveConfig(undefined, site, cwd);
  const config: ResolvedConfig = { ...base, lang: 'en', sources: { ...base.sources, ...sources } };
  const report = await runChecks(config, { cwd, version: 'test' });
  await attachSourceLocations(report, config, cwd);
  return { report, config };
}

/** The one finding of a rule and message; fails loudly when there is none or more than one page's worth. */
export function only(report: Report, ruleId: string, messageId: string, page = 'index.html'): Finding {
  const hits = report.findings.filter((f) => f.ruleId === ruleId && f.messageId === messageId && f.page === page);
  if (hits.length !== 1) {
    const seen = report.findings.map((f) => `${f.page} ${f.ruleId}/${f.messageId}`).join(', ');
    throw new Error(`expected one ${ruleId}/${messageId} on ${page}, got ${hits.length}; findings: ${seen}`);
  }
  return hits[0]!;
}

/** A copy of a fixture repository in a temp folder that is not a git work tree. */
export function tempCopy(name: string, gitignore?: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bg-sourcemap-${name}-`));
  cpSync(path.join(REPOS, name), dir, { recursive: true });
  if (gitignore !== undefined) writeFileSync(path.join(dir, '.gitignore'), gitignore);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 1-based line of the first line of `file` containing `text`, so tests name lines by content. */
export function lineOf(text: string, fileText: string): number {
  const i = fileText.split(/\r?\n/).findIndex((l) => l.includes(text));
  if (i === -1) throw new Error(`"${text}" not found`);
  return i + 1;
}
