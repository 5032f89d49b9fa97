import path from 'node:path';
import type { Lang } from '../i18n/lang.js';
import type { FailOn, Report, ReportFormat } from '../model/index.js';
import { formatCheckstyle } from '../reporters/checkstyle.js';
import { releaseDocsUrl } from '../reporters/docs-url.js';
import { formatGithub } from '../reporters/github.js';
import { formatGitlab } from '../reporters/gitlab.js';
import { formatHtml } from '../reporters/html.js';
import { formatJsonChunks } from '../reporters/json.js';
import { formatJunit } from '../reporters/junit.js';
import { formatMarkdown } from '../reporters/markdown.js';
import { formatRdjson } from '../reporters/rdjson.js';
import { findRepoRoot } from '../reporters/repo-root.js';
import { formatSarif } from '../reporters/sarif.js';
import { stylishChunks } from '../reporters/stylish.js';
import { toPosix } from '../paths.js';
import { VERSION } from '../version.js';
import { byteColumns } from './byte-columns.js';

/** What every report format may need besides the report: decided once per run by the caller. */
export interface ReportContext {
  readonly lang: Lang;
  readonly failOn: FailOn;
  /** The verdict, decided apart from any output (engine/report.ts `failed`). */
  readonly passed: boolean;
  /** The working directory, which findings' `file` paths are relative to. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Colour for the terminal report on a terminal. */
  readonly color: boolean;
}

/**
 * Paths as the tools that read a report want them: relative to the repository (GitLab, reviewdog
 * and GitHub match them against the repository's files). Live mode's URLs and names stay as they are.
 */
function repoPaths(ctx: ReportContext): (file: string) => string {
  const root = findRepoRoot(ctx.cwd, ctx.env);
  return (file) => (/^[a-z][a-z0-9+.-]*:/i.test(file) ? file : toPosix(path.relative(root, path.resolve(ctx.cwd, file))));
}

/** One report in one format, in pieces where the format can be long (a million findings never make one string). */
export function reportChunks(format: ReportFormat, report: Report, ctx: ReportContext): Iterable<string> {
  const docsUrl = releaseDocsUrl(VERSION);
  switch (format) {
    case 'stylish':
      return stylishChunks(report, { lang: ctx.lang, color: ctx.color });
    case 'json':
      return formatJsonChunks(report);
    case 'sarif':
      return [formatSarif(report, { lang: ctx.lang, docsUrl, cwd: ctx.cwd, repoRoot: findRepoRoot(ctx.cwd, ctx.env) })];
    case 'junit':
      return [formatJunit(report, { lang: ctx.lang, path: repoPaths(ctx) })];
    case 'gitlab':
      return [formatGitlab(report, { lang: ctx.lang, path: repoPaths(ctx) })];
    case 'checkstyle':
      return [formatCheckstyle(report, { lang: ctx.lang, path: repoPaths(ctx) })];
    case 'rdjson':
      return [formatRdjson(report, { lang: ctx.lang, docsUrl, path: repoPaths(ctx), byteColumn: byteColumns(ctx.cwd) })];
    case 'github':
      return [formatGithub(report, { lang: ctx.lang, path: repoPaths(ctx) })];
    case 'markdown':
      return [formatMarkdown(report, { lang: ctx.lang, failOn: ctx.failOn, passed: ctx.passed, docsUrl, limit: Infinity, measure: (s) => s.length, path: repoPaths(ctx) })];
    case 'html':
      return [formatHtml(report, { lang: ctx.lang, failOn: ctx.failOn, passed: ctx.passed, docsUrl, path: repoPaths(ctx) })];
  }
}
