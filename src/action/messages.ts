import type { Lang } from '../i18n/lang.js';
import { ANNOTATION_TEXT, type AnnotationText } from '../reporters/annotations.js';

/** Every sentence the action writes to the log, annotations and step result, in every language. */
export interface ActionText extends AnnotationText {
  readonly failed: (counts: string, failOn: string, where: string) => string;
  readonly counts: (errors: number, warnings: number) => string;
  readonly whereToLook: (runUrl: string | undefined) => string;
  readonly passed: (pages: number, errors: number, warnings: number) => string;
  readonly notAnnotated: (n: number) => string;
  readonly inputError: (message: string) => string;
  readonly internalError: (message: string) => string;
  readonly commentCreated: (n: number) => string;
  readonly commentUpdated: (n: number) => string;
  readonly commentUnchanged: (n: number) => string;
  readonly commentNotNeeded: string;
  readonly commentNoPr: (event: string) => string;
  readonly commentNoToken: string;
  readonly commentNoRepo: string;
  readonly commentFailed: (why: string) => string;
  readonly commentSearchStopped: (searched: number) => string;
  readonly commentStaleHead: (pr: number, head: string, expected: string) => string;
  readonly api: {
    readonly forbidden: string;
    readonly unauthorized: string;
    readonly notFound: string;
    readonly invalid: (detail: string) => string;
    readonly rateLimited: (waitSeconds: number | undefined) => string;
    readonly server: (status: number) => string;
    readonly timeout: (seconds: number) => string;
    readonly network: (detail: string) => string;
    readonly malformed: string;
    readonly other: (detail: string) => string;
  };
  readonly summaryNotWritten: (why: string) => string;
  readonly summaryMissing: string;
  readonly sourcesFailed: (why: string) => string;
  readonly eventUnreadable: (why: string) => string;
  readonly wrote: (what: string, file: string) => string;
  /** A shard job (input shard): what it checked, and who posts the report. */
  readonly shardOnly: (index: number, total: number) => string;
}

export const ACTION_TEXT: Record<Lang, ActionText> = {
  'zh-CN': {
    ...ANNOTATION_TEXT['zh-CN'],
    failed: (counts, failOn, where) => `beian-guard：发现 ${counts}（fail-on: ${failOn}），检查未通过。${where}`,
    counts: (e, w) => `${e} 个错误、${w} 个警告`,
    whereToLook: (url) => (url ? `每个问题及修复方法见作业摘要：${url}，以及上方日志和注释。` : '每个问题及修复方法见上方日志。'),
    passed: (pages, e, w) => `beian-guard：检查通过（${pages} 个页面，${e} 个错误，${w} 个警告）。`,
    notAnnotated: (n) => `GitHub 每个步骤每种级别最多显示 10 条注释，另有 ${n} 个问题没有注释，全部列在作业摘要中。`,
    inputError: (m) => `beian-guard：输入有误：${m}`,
    internalError: (m) => `beian-guard：内部错误：${m}。这是 beian-guard 的缺陷，请附上本步骤日志报告给我们。`,
    commentCreated: (n) => `已在 PR #${n} 发表检查结果评论。`,
    commentUpdated: (n) => `已更新 PR #${n} 上的检查结果评论。`,
    commentUnchanged: (n) => `PR #${n} 上的检查结果评论已是最新。`,
    commentNotNeeded: '检查通过且 PR 上没有旧评论，不发表评论。',
    commentNoPr: (event) => `comment 为 always，但本次运行（事件 ${event || '未知'}）没有关联的 PR，不发表评论。`,
    commentNoToken: 'github-token 为空，无法发表 PR 评论。',
    commentNoRepo: '环境变量 GITHUB_REPOSITORY 为空，无法发表 PR 评论。',
    commentFailed: (why) => `没能更新 PR 评论：${why} 检查结论不受影响，作业摘要和注释仍然完整。`,
    commentStaleHead: (pr, head, expected) =>
      `PR #${pr} 现在的提交是 ${head.slice(0, 7)}，不是报告对应的 ${expected.slice(0, 7)}（PR 在检查之后又有了新提交，或者报告不属于这个 PR），没有发表评论；新提交的检查会再发。`,
    commentSearchStopped: (n) => `PR 上的评论太多，只查找了前 ${n} 条，其中没有本工具（同一 comment-key）的旧评论；更早的检查结果评论如果在后面，它没有被更新。`,
    api: {
      forbidden: 'GitHub 拒绝了写入（403）。来自 fork 的 PR 只有只读令牌；同仓库的 PR 请在工作流中授予 permissions: pull-requests: write。fork 的做法见 docs/github-action.md。',
      unauthorized: 'GitHub 不接受该令牌（401），请检查 github-token。',
      notFound: 'GitHub 找不到该仓库或 PR（404），请检查令牌能否访问此仓库。',
      invalid: (d) => `GitHub 拒绝了请求内容（422）：${d}`,
      rateLimited: (w) => (w === undefined ? 'GitHub API 达到速率限制，已放弃。' : `GitHub API 达到速率限制，要求等待 ${w} 秒，超出了本次运行的时间预算（BEIAN_GUARD_API_TIMEOUT_MS），已放弃。`),
      server: (s) => `GitHub API 服务器错误（${s}），重试后仍未成功。`,
      timeout: (s) => `GitHub API 在 ${s} 秒内没有完成响应，已放弃。`,
      network: (d) => `无法连接 GitHub API：${d}`,
      malformed: 'GitHub API 返回的内容无法解析（不是预期的 JSON）。',
      other: (d) => `GitHub API 出错：${d}`,
    },
    summaryNotWritten: (why) => `没能写入作业摘要：${why}`,
    summaryMissing: '未设置 GITHUB_STEP_SUMMARY（不在 GitHub Actions 中运行？），跳过作业摘要。',
    sourcesFailed: (why) => `没能把问题对应到源文件，注释将指向构建产物：${why}`,
    eventUnreadable: (why) => `无法读取事件数据，跳过 PR 评论：${why}`,
    wrote: (what, file) => `已写入 ${what}：${file}`,
    shardOnly: (index, total) => `beian-guard：这是 ${total} 片中的第 ${index} 片，不写注释、作业摘要和 PR 评论；由合并各片 JSON 报告的任务（输入 merge）发布完整报告。`,
  },
  en: {
    ...ANNOTATION_TEXT.en,
    failed: (counts, failOn, where) => `beian-guard: ${counts} found (fail-on: ${failOn}); the check failed. ${where}`,
    counts: (e, w) => `${e} ${e === 1 ? 'error' : 'errors'} and ${w} ${w === 1 ? 'warning' : 'warnings'}`,
    whereToLook: (url) => (url ? `Each finding and its fix is in the job summary at ${url}, in the log above and in the annotations.` : 'Each finding and its fix is in the log above.'),
    passed: (pages, e, w) => `beian-guard: the check passed (${pages} ${pages === 1 ? 'page' : 'pages'}, ${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}).`,
    notAnnotated: (n) => `GitHub shows at most 10 annotations of each level per step; ${n} more ${n === 1 ? 'finding has' : 'findings have'} no annotation. The job summary lists them all.`,
    inputError: (m) => `beian-guard: input problem: ${m}`,
    internalError: (m) => `beian-guard: internal error: ${m}. This is a bug in beian-guard; please report it with this step's log.`,
    commentCreated: (n) => `Posted the report as a comment on PR #${n}.`,
    commentUpdated: (n) => `Updated the report comment on PR #${n}.`,
    commentUnchanged: (n) => `The report comment on PR #${n} is already up to date.`,
    commentNotNeeded: 'The check passed and the PR has no earlier comment of ours: no comment written.',
    commentNoPr: (event) => `comment is "always", but this run (event ${event || 'unknown'}) has no pull request: no comment written.`,
    commentNoToken: 'github-token is empty: cannot comment on the pull request.',
    commentNoRepo: 'GITHUB_REPOSITORY is empty: cannot comment on the pull request.',
    commentFailed: (why) => `Could not update the PR comment: ${why} The verdict is unaffected; the job summary and annotations are complete.`,
    commentStaleHead: (pr, head, expected) =>
      `PR #${pr} is now at ${head.slice(0, 7)}, not at ${expected.slice(0, 7)} the report was made for (the PR moved on after the check, or the report is not this PR's): no comment was posted; the check of the new commit posts its own.`,
    commentSearchStopped: (n) =>
      `The pull request has too many comments: only the first ${n} were searched, and none of them is our report (same comment-key). If an earlier report comes after them, it was not updated.`,
    api: {
      forbidden: 'GitHub refused the write (403). Pull requests from forks get a read-only token; for same-repository PRs grant `permissions: pull-requests: write`. See docs/github-action.md for forks.',
      unauthorized: 'GitHub did not accept the token (401); check github-token.',
      notFound: 'GitHub cannot find the repository or pull request (404); check that the token can access this repository.',
      invalid: (d) => `GitHub rejected the request (422): ${d}`,
      rateLimited: (w) =>
        w === undefined
          ? 'The GitHub API rate limit was hit; gave up.'
          : `The GitHub API rate limit was hit and GitHub asked to wait ${w} s, past this run's time budget (BEIAN_GUARD_API_TIMEOUT_MS); gave up.`,
      server: (s) => `The GitHub API answered with a server error (${s}) and retries did not help.`,
      timeout: (s) => `The GitHub API did not finish within ${s} s; gave up.`,
      network: (d) => `Could not reach the GitHub API: ${d}`,
      malformed: 'The GitHub API sent a response that could not be read (not the JSON expected).',
      other: (d) => `GitHub API error: ${d}`,
    },
    summaryNotWritten: (why) => `Could not write the job summary: ${why}`,
    summaryMissing: 'GITHUB_STEP_SUMMARY is not set (not running in GitHub Actions?): no job summary written.',
    sourcesFailed: (why) => `Could not map findings to source files; annotations point at the built files: ${why}`,
    eventUnreadable: (why) => `Could not read the event payload, so no PR comment: ${why}`,
    wrote: (what, file) => `Wrote the ${what} to ${file}`,
    shardOnly: (index, total) => `beian-guard: this is shard ${index} of ${total}: no annotations, job summary or PR comment here; the job that merges the shards' JSON reports (input merge) posts the whole report.`,
  },
};
