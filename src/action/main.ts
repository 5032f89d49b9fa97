/**
 * The GitHub Action: the one file that knows it runs in Actions. It checks the site exactly as the
 * CLI does, then reports through every sink GitHub offers: the log, annotations, the job summary,
 * one sticky PR comment, SARIF/JSON files and step outputs. The verdict is decided once, from the
 * report, and no sink can change it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { InputError } from '../config/errors.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { failed } from '../engine/report.js';
import { readPageLimits } from '../engine/limits.js';
import { runChecks } from '../engine/run.js';
import { runLive } from '../live/run.js';
import { findConfigFile } from '../config/load.js';
import type { Lang } from '../i18n/lang.js';
import { formatJsonChunks } from '../reporters/json.js';
import type { ReportKind } from '../reporters/own-files.js';
import { formatMarkdown, formatMarkdownError } from '../reporters/markdown.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatStylish } from '../reporters/stylish.js';
import { checkReportPath, writeReportFile } from '../sinks/report-file.js';
import { reportChunks } from '../sinks/report-formats.js';
import { attachSourceLocations } from '../sourcemap/index.js';
import { VERSION } from '../version.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations } from '../reporters/annotations.js';
import { COMMENT_MAX_CHARS, commentKey, commentMarker, pullRequestHead, upsertComment, type CommentResult } from './comment.js';
import { actionDocsUrl, readApiLimits, readGithubEnv, readPullRequest, runUrl, type ApiLimits, type GithubEnv, type PullRequestRef } from './env.js';
import { ApiTimeoutError, createApi, describeApiError, type Api } from './github.js';
import { inputName, readInputs, resolveActionConfig, type ActionInputs } from './inputs.js';
import { findReportFiles } from './report-inputs.js';
import { mergeReports } from '../engine/merge-reports.js';
import { readJsonReport } from '../engine/read-report.js';
import { ISSUE_MARKER, upsertIssue, type IssueOutcome } from './issue.js';
import { printUntrusted } from './log.js';
import { ACTION_TEXT, type ActionText } from './messages.js';
import { SUMMARY_MAX_BYTES, utf8Bytes, writeJobSummary } from './summary.js';
import { isInside, toPosix } from '../paths.js';
import type { Report, Severity } from '../model/index.js';

/** What the run knows about its surroundings once the inputs are read. */
interface RunContext {
  readonly inputs: ActionInputs;
  readonly gh: GithubEnv;
  readonly limits: ApiLimits;
  readonly cwd: string;
  /** The pull request of the event, read once; a problem is only reported if a comment is due. */
  readonly pull: { readonly pr?: PullRequestRef; readonly problem?: string };
  lang: Lang;
  /** Problems with the sinks, shown together as one warning at the end (one annotation slot). */
  readonly notes: string[];
  /** First line of this job's PR comment. */
  readonly marker: string;
}

function text(ctx: { lang: Lang }): ActionText {
  return ACTION_TEXT[ctx.lang];
}


/** Entry point of dist/index.js. Sets the step's exit code; never throws. */
export async function action(workerScript: URL): Promise<void> {
  let ctx: RunContext | undefined;
  // Before anything can fail: a run that dies later (killed, out of memory) must never leave an
  // earlier step's reading of `passed` standing, nor an empty one that a condition reads as a pass.
  core.setOutput('passed', 'false');
  try {
    const inputs = readInputs((name) => core.getInput(name));
    if (inputs.token) core.setSecret(inputs.token);
    const gh = readGithubEnv(process.env, process.cwd());
    // Relative paths (the config, the site folder, report files) start at working-directory, as in
    // a `run:` step with `working-directory:`; annotations stay relative to the workspace.
    const cwd = workingDirectory(inputs, gh.workspace);
    process.chdir(cwd);
    const marker = commentMarker(commentKey(inputs.commentKey, gh));
    // A workflow_run job names the pull request itself: its own event is not one.
    const pull = inputs.pullRequest !== undefined ? { pr: { number: inputs.pullRequest, headSha: inputs.headSha } } : readPullRequest(gh);
    ctx = { inputs, gh, limits: readApiLimits(process.env), cwd, pull, lang: inputs.lang ?? 'zh-CN', notes: [], marker };
    if (inputs.merge.length > 0) {
      // Reports made elsewhere (a fork's PR run, shards): read and checked as untrusted, never re-run.
      checkOutputFiles(inputs, cwd);
      const report = mergeReports(findReportFiles(inputs.merge, cwd).map((file) => {
        const shown = toPosix(path.relative(cwd, file));
        return { file: shown, json: readJsonReport(fs.readFileSync(file, 'utf8'), `${inputName('merge').en} ${shown}`) };
      }));
      await publish(report, { lang: ctx.lang, failOn: inputs.failOn ?? 'error' }, ctx);
      return;
    }
    const live = inputs.command === 'live';
    if (live && !inputs.config && !findConfigFile(ctx.gh.workspace)) throw InputError.of('live-input-no-config', {}, inputName('command'));
    const config = resolveActionConfig(inputs, cwd);
    checkOutputFiles(inputs, cwd);
    ctx.lang = config.lang;
    const report = live
      ? await runLive(config, { cwd, version: VERSION, env: process.env })
      : await runChecks(config, { cwd, version: VERSION, workerScript, pageLimits: readPageLimits(process.env), env: process.env, log: (line) => core.info(line), ...(inputs.shard && { shard: inputs.shard }) });
    if (config.sources.enabled && !live) {
      try {
        await attachSourceLocations(report, config, cwd);
      } catch (e) {
        // Source locations only move annotations; without them every sink still works.
        ctx.notes.push(text(ctx).sourcesFailed(e instanceof Error ? e.message : String(e)));
      }
    }
    await publish(report, config, ctx);
  } catch (e) {
    // First of all: whatever happens below, this run does not pass.
    process.exitCode = 2;
    await reportFailure(e, ctx);
  }
}

/** Every sink, in an order that keeps the annotation budget honest; then the verdict. */
async function publish(report: Report, config: Pick<ResolvedConfig, 'lang' | 'failOn'>, ctx: RunContext): Promise<void> {
  const t = text(ctx);
  const passed = !failed(report, config.failOn);
  // Live findings name URLs and domain:/dns:/tls: names, which stay as they are.
  const relative = (file: string) => (LIVE_FILE.test(file) ? file : toPosix(path.relative(ctx.gh.workspace, path.resolve(ctx.cwd, file))));
  const docsUrl = actionDocsUrl(ctx.gh, VERSION);

  printUntrusted(formatStylish(report, { lang: config.lang, color: true, maxFindings: LOG_MAX_FINDINGS }));

  const sarifFile = ctx.inputs.sarifFile && writeOutputFile('sarif-file', 'sarif', ctx.inputs.sarifFile, ctx, () => [
    formatSarif(report, { lang: config.lang, docsUrl, cwd: ctx.cwd, repoRoot: ctx.gh.workspace }),
  ]);
  const jsonFile = ctx.inputs.jsonFile && writeOutputFile('json-file', 'json', ctx.inputs.jsonFile, ctx, () => formatJsonChunks(report));
  const written = [sarifFile, jsonFile].filter((f): f is string => !!f);
  const formats = { lang: config.lang, failOn: config.failOn, passed, cwd: ctx.cwd, env: process.env, color: false };
  for (const spec of ctx.inputs.reports) written.push(writeOutputFile('reports', spec.format, spec.file!, ctx, () => reportChunks(spec.format, report, formats)));
  // A shard sees part of the site: its annotations, summary and comment would fight the merge job's.
  const shard = ctx.inputs.merge.length === 0 ? ctx.inputs.shard : undefined;
  if (shard) core.info(t.shardOnly(shard.index, shard.total));

  // setFailed takes one error slot; one warning slot stays free for the notes written at the end.
  const budget: Record<Severity, number> = {
    error: ANNOTATIONS_PER_LEVEL - (passed ? 0 : 1),
    warning: ANNOTATIONS_PER_LEVEL - 1,
    notice: ANNOTATIONS_PER_LEVEL,
  };
  const plan = planAnnotations(shard ? [] : report.findings, { budget, text: t, path: relative });
  for (const a of plan.annotations) {
    if (a.level === 'error') core.error(a.message, a.properties);
    else if (a.level === 'warning') core.warning(a.message, a.properties);
    else core.notice(a.message, a.properties);
  }
  if (plan.notAnnotated > 0) core.info(t.notAnnotated(plan.notAnnotated));

  const commit = commitOf(ctx);
  const markdown = { lang: config.lang, failOn: config.failOn, passed, docsUrl, path: relative, ...(commit && { commit }) };
  const full = runUrl(ctx.gh);
  const commentBody = formatMarkdown(report, {
    ...markdown,
    limit: COMMENT_MAX_CHARS - 100,
    measure: (s) => s.length,
    marker: ctx.marker,
    pagesPerGroup: 5,
    ...(full && { fullReportUrl: full }),
  });
  if (ctx.inputs.commentFile) written.push(writeOutputFile('comment-file', 'comment', ctx.inputs.commentFile, ctx, () => [commentBody]));
  // A report with findings is worth a new comment; a clean pass only corrects an earlier one.
  // Live reports are about the deployed site, not a pull request: they go to the issue instead.
  const comment = ctx.inputs.command !== 'live' && !shard ? await syncComment(ctx, commentBody, report.findings.length > 0) : undefined;
  if (ctx.inputs.issue) {
    const body = formatMarkdown(report, { ...markdown, limit: COMMENT_MAX_CHARS - 100, measure: (s) => s.length, marker: ISSUE_MARKER, pagesPerGroup: 10, ...(full && { fullReportUrl: full }) });
    await syncIssue(ctx, body, passed);
  }

  const summary = formatMarkdown(report, { ...markdown, limit: SUMMARY_MAX_BYTES, measure: utf8Bytes, notAnnotated: plan.notAnnotated, pagesPerGroup: 20 });
  if (!shard) await writeSummary(summary, ctx);

  core.setOutput('passed', String(passed));
  core.setOutput('errors', String(report.summary.errors));
  core.setOutput('warnings', String(report.summary.warnings));
  core.setOutput('pages', String(report.summary.pages));
  core.setOutput('sarif-file', sarifFile || '');
  core.setOutput('json-file', jsonFile || '');
  core.setOutput('report-files', written.join('\n'));
  core.setOutput('comment-url', comment?.url ?? '');
  core.setOutput('exit-code', passed ? '0' : '1');

  flushNotes(ctx);
  if (passed) core.info(t.passed(report.summary.pages, report.summary.errors, report.summary.warnings));
  else {
    const counted = t.counts(report.summary.errors, report.summary.warnings);
    core.setFailed(t.failed(counted, config.failOn, t.whereToLook(full)));
  }
}

/**
 * The commit the report is about. For `pull_request` the checkout is the PR's head. For
 * `pull_request_target` it is the base branch unless the workflow checked out something else, so
 * the commit actually checked out is asked of git, and failing that GITHUB_SHA (the base) is named:
 * never the PR head, which was not what was checked (audit D15).
 */
function commitOf(ctx: RunContext): string | undefined {
  if (ctx.gh.eventName === 'pull_request_target') return checkedOutCommit(ctx.gh.workspace) ?? ctx.gh.sha;
  return ctx.pull.pr?.headSha ?? ctx.gh.sha;
}

function checkedOutCommit(workspace: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', '--verify', 'HEAD'], { cwd: workspace, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Findings printed to the step log; the rest are counted there (the summary and the files have them all). */
const LOG_MAX_FINDINGS = 5000;

/** The working-directory input as an absolute folder inside the workspace; the workspace without it. */
function workingDirectory(inputs: ActionInputs, workspace: string): string {
  if (inputs.workingDirectory === undefined) return workspace;
  const abs = path.resolve(workspace, inputs.workingDirectory);
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    throw InputError.of('working-directory-missing', { dir: inputs.workingDirectory }, inputName('working-directory'));
  }
  if (!fs.statSync(real).isDirectory()) throw InputError.of('working-directory-missing', { dir: inputs.workingDirectory }, inputName('working-directory'));
  if (!isInside(fs.realpathSync(workspace), real)) throw InputError.of('working-directory-outside', { dir: inputs.workingDirectory }, inputName('working-directory'));
  return abs;
}

/** The report files asked for, checked before the run so that a bad path fails fast and writes nothing. */
function checkOutputFiles(inputs: ActionInputs, workspace: string): void {
  const files: [string, ReportKind, string | undefined][] = [
    ['sarif-file', 'sarif', inputs.sarifFile],
    ['json-file', 'json', inputs.jsonFile],
    ['comment-file', 'comment', inputs.commentFile],
    ...inputs.reports.map((r): [string, ReportKind, string | undefined] => ['reports', r.format, r.file]),
  ];
  const seen = new Map<string, string>();
  for (const [input, kind, given] of files) {
    if (!given) continue;
    const abs = checkReportPath({ option: inputName(input), given, workspace, kind });
    const other = seen.get(abs);
    if (other) throw InputError.of('report-same-file', { first: other, second: input, file: given });
    seen.set(abs, input);
  }
}

/** Writes a report file the user asked for (see checkReportPath); returns its absolute path. */
function writeOutputFile(input: string, kind: ReportKind, file: string, ctx: RunContext, render: () => Iterable<string>): string {
  const abs = writeReportFile({ option: inputName(input), given: file, workspace: ctx.cwd, kind }, render());
  core.info(text(ctx).wrote(input, abs));
  return abs;
}

/** Decides whether this run comments at all, and on which pull request. */
function commentTarget(ctx: RunContext): { owner: string; repo: string; number: number } | undefined {
  const t = text(ctx);
  const mode = ctx.inputs.comment;
  if (mode === 'never') return undefined;
  const isPullRequestEvent = ctx.gh.eventName === 'pull_request' || ctx.gh.eventName === 'pull_request_target' || ctx.inputs.pullRequest !== undefined;
  if (mode === 'auto' && !isPullRequestEvent) return undefined;
  const { pr, problem } = ctx.pull;
  if (problem) {
    ctx.notes.push(t.eventUnreadable(problem));
    return undefined;
  }
  if (!pr) {
    if (mode === 'always') ctx.notes.push(t.commentNoPr(ctx.gh.eventName));
    return undefined;
  }
  const [owner, repo] = (ctx.gh.repository ?? '').split('/');
  if (!owner || !repo) {
    ctx.notes.push(t.commentNoRepo);
    return undefined;
  }
  if (!ctx.inputs.token) {
    ctx.notes.push(t.commentNoToken);
    return undefined;
  }
  return { owner, repo, number: pr.number };
}

/**
 * All API work runs under one deadline (BEIAN_GUARD_API_TIMEOUT_MS): the abort signal stops
 * requests in flight, and the race stops anything else that would wait (a retry back-off).
 */
async function withDeadline<T>(limits: ApiLimits, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const running = work(controller.signal);
  // Settles after the race is decided when it times out; its late rejection is not news.
  running.catch(() => undefined);
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new ApiTimeoutError('deadline')), { once: true });
  });
  timedOut.catch(() => undefined);
  try {
    return await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function syncComment(ctx: RunContext, body: string, create: boolean): Promise<CommentResult | undefined> {
  const target = commentTarget(ctx);
  if (!target) return undefined;
  const t = text(ctx);
  let aborted = false;
  try {
    const result: CommentResult | { outcome: 'stale-head'; head: string | undefined } = await withDeadline(ctx.limits, async (signal) => {
      signal.addEventListener('abort', () => (aborted = true), { once: true });
      const api: Api = createApi(ctx.inputs.token, ctx.gh, ctx.limits, signal, (m) => core.debug(m));
      // The report came from a run of that PR's code: post it only while the PR is still at the commit it was made for.
      if (ctx.inputs.headSha !== undefined) {
        const head = await pullRequestHead(api, target);
        if (head !== ctx.inputs.headSha) return { outcome: 'stale-head', head };
      }
      return upsertComment(api, target, body, { create, marker: ctx.marker });
    });
    if (result.outcome === 'stale-head') {
      ctx.notes.push(t.commentStaleHead(target.number, result.head ?? '?', ctx.inputs.headSha ?? ''));
      return undefined;
    }
    const said = { created: t.commentCreated, updated: t.commentUpdated, unchanged: t.commentUnchanged, 'not-needed': undefined }[result.outcome];
    core.info(said ? said(target.number) : t.commentNotNeeded);
    if (result.searchStopped !== undefined) ctx.notes.push(t.commentSearchStopped(result.searchStopped));
    return result;
  } catch (e) {
    ctx.notes.push(t.commentFailed(describeApiError(e, t, ctx.limits, aborted, ctx.inputs.token)));
    return undefined;
  }
}

/** One issue for scheduled runs, updated in place (issue: true); failures are notes, never the verdict. */
async function syncIssue(ctx: RunContext, body: string, passed: boolean): Promise<void> {
  const t = text(ctx);
  const [owner, repo] = (ctx.gh.repository ?? '').split('/');
  if (!owner || !repo || !ctx.inputs.token) {
    ctx.notes.push(ctx.lang === 'en' ? 'input "issue": no repository or token, so no issue was updated.' : '输入 "issue"：没有仓库或令牌，未更新 issue。');
    return;
  }
  let aborted = false;
  try {
    const outcome = await withDeadline(ctx.limits, async (signal) => {
      signal.addEventListener('abort', () => (aborted = true), { once: true });
      const api: Api = createApi(ctx.inputs.token, ctx.gh, ctx.limits, signal, (m) => core.debug(m));
      return upsertIssue(api, { owner, repo }, { title: ISSUE_TITLE[ctx.lang], body }, passed);
    });
    core.info(ISSUE_OUTCOME[outcome][ctx.lang]);
  } catch (e) {
    ctx.notes.push(`${ctx.lang === 'en' ? 'The report issue could not be updated' : '报告 issue 未能更新'}: ${describeApiError(e, t, ctx.limits, aborted)}`);
  }
}

const ISSUE_TITLE: Record<Lang, string> = {
  'zh-CN': 'beian-guard live：线上站点的备案检查未通过',
  en: 'beian-guard live: the deployed site fails its filing check',
};

const LIVE_FILE = /^(https?|domain|dns|tls):/;

/** The log line after the report issue was synced. */
const ISSUE_OUTCOME: Record<IssueOutcome, Record<Lang, string>> = {
  created: { 'zh-CN': 'beian-guard：已创建报告 issue', en: 'beian-guard: report issue created' },
  updated: { 'zh-CN': 'beian-guard：已更新报告 issue', en: 'beian-guard: report issue updated' },
  unchanged: { 'zh-CN': 'beian-guard：报告 issue 没有变化', en: 'beian-guard: report issue unchanged' },
  reopened: { 'zh-CN': 'beian-guard：已重新打开并更新报告 issue', en: 'beian-guard: report issue reopened and updated' },
  closed: { 'zh-CN': 'beian-guard：检查已通过，已关闭报告 issue', en: 'beian-guard: the check passed, report issue closed' },
  'not-needed': { 'zh-CN': 'beian-guard：检查通过，不需要报告 issue', en: 'beian-guard: the check passed, no report issue needed' },
};

async function writeSummary(markdown: string, ctx: RunContext): Promise<void> {
  try {
    if (!(await writeJobSummary(markdown, process.env))) core.info(text(ctx).summaryMissing);
  } catch (e) {
    ctx.notes.push(text(ctx).summaryNotWritten(e instanceof Error ? e.message : String(e)));
  }
}

function flushNotes(ctx: RunContext): void {
  if (ctx.notes.length > 0) core.warning(ctx.notes.join('\n'));
  ctx.notes.length = 0;
}

/** An input problem or our own bug: fail with a clear message, and correct a stale PR comment. */
async function reportFailure(error: unknown, ctx: RunContext | undefined): Promise<void> {
  try {
    // Inputs that failed to read leave no context: the lang input alone may still be usable.
    const lang: Lang = ctx?.lang ?? (core.getInput('lang').trim() === 'en' ? 'en' : 'zh-CN');
    const t = ACTION_TEXT[lang];
    const detail = error instanceof InputError ? error.text(lang) : error instanceof Error ? error.message : String(error);
    const message = error instanceof InputError ? t.inputError(detail) : t.internalError(detail);
    core.setOutput('passed', 'false');
    core.setOutput('exit-code', '2');
    if (ctx) {
      const full = runUrl(ctx.gh);
      const commit = commitOf(ctx);
      const body = formatMarkdownError(detail, { lang: ctx.lang, marker: ctx.marker, ...(commit && { commit }), ...(full && { fullReportUrl: full }) });
      // A failed shard leaves the comment and summary to the merge job, which names the missing shard.
      if (!ctx.inputs.shard) {
        await syncComment(ctx, body, false);
        await writeSummary(formatMarkdownError(detail, { lang: ctx.lang, ...(commit && { commit }) }), ctx);
      }
      flushNotes(ctx);
    }
    core.setFailed(message);
  } catch (e) {
    // Even the failure report failed: say the least that is certainly true.
    process.stderr.write(`beian-guard: ${error instanceof Error ? error.message : String(error)} (${e instanceof Error ? e.message : String(e)})\n`);
  } finally {
    process.exitCode = 2;
  }
}
