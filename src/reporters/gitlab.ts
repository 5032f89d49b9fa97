import { createHash } from 'node:crypto';
import type { Lang } from '../i18n/lang.js';
import type { Report, Severity } from '../model/index.js';
import { oneLine } from './escape.js';

export interface GitlabOptions {
  readonly lang: Lang;
  /** The path relative to the repository root (GitLab links `location.path` to the file). */
  readonly path?: (file: string) => string;
}

/**
 * GitLab's severity scale is info, minor, major, critical, blocker. An error blocks the filing
 * check, so it is `major` (shown above warnings in the merge request widget); `blocker` and
 * `critical` are left for problems that break the site itself.
 */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', notice: 'info' };
const FIX: Record<Lang, string> = { 'zh-CN': ' 修复：', en: ' Fix: ' };

/**
 * GitLab Code Quality JSON (`artifacts: reports: codequality`), the subset of the Code Climate
 * issue format GitLab reads: description, check_name, fingerprint, severity, location.path and
 * location.lines.begin. GitLab shows only the first issue of each fingerprint and compares
 * fingerprints between the base and the head of a merge request, so each one must be unique in the
 * report and stable across runs: the finding's own fingerprint (rule, message, page, evidence,
 * occurrence) hashed together with the file, because two sites of one config can have a page of
 * the same name.
 */
export function formatGitlab(report: Report, options: GitlabOptions): string {
  const name = options.path ?? ((f: string) => f);
  const issues = report.findings.map((f) => ({
    description: `${oneLine(f.message)}${FIX[options.lang]}${oneLine(f.fix)}`,
    check_name: f.ruleId,
    fingerprint: createHash('sha256').update(`${f.file}\0${f.fingerprint}`).digest('hex').slice(0, 32),
    severity: SEVERITY[f.severity],
    location: { path: name(f.file), lines: { begin: f.line, end: f.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
