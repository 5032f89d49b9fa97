/**
 * Every regular expression in src/ is linear or bounded. The inventory below lists each one as
 * written (a literal, or the `new RegExp(...)` call), per file, with the adversarial input that
 * attacks it where one is specific to it. Each is run, in a worker thread, on that input (about
 * 100 KB) and on generic pumps built for every pattern: 400 KB runs of one character or of a word
 * the pattern contains, ended by a character that fails the match. Catastrophic backtracking shows
 * as a run that does not complete: the time limit is only a safety net that turns a hang into a
 * failure naming the pattern, never a speed claim.
 *
 * Literals are rebuilt from their source text; patterns built at run time are recorded as src/
 * builds them (RegExp is wrapped while the modules load and a few calls run) and run the same way.
 * A pattern added to src/ fails the inventory test until it is listed here with its attack.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const N = 100_000;
/**
 * Pumps are longer than the attacks: a quadratic pattern takes seconds on 100 KB and could slip
 * under the net, but needs minutes on 400 KB, while a linear one still takes milliseconds.
 */
const PUMP = 400_000;
/** A pattern that has not finished after this long is reported as hanging (a net, not a budget). */
const NET_MS = 30_000;

interface Entry {
  /** The literal, or the `new RegExp(...)` call, as written in the file (whitespace runs folded). */
  readonly re: string;
  /** An input aimed at this pattern in particular; every pattern also gets the generic pumps. */
  readonly attack?: string;
  /**
   * Bounded by what the code feeds it, not by the pattern: every input is shaped the same way first.
   * `folded`: whitespace runs are folded to one space before the match. `evidence`: at most 200
   * characters (finding evidence is capped). `line`: one line of at most 2,000 characters (the
   * problem-matcher guard runs its patterns on shorter lines only).
   */
  readonly shape?: 'folded' | 'evidence' | 'line';
}

const INVENTORY: Record<string, readonly Entry[]> = {
  'src/action/comment.ts': [
    { re: "/[A-Za-z0-9_.:/@+-]/" },
    { re: "/--/g", attack: '-'.repeat(N) },
    { re: "/^https?:\\/\\/[^\\s]+$/", attack: `https://${'a'.repeat(N)} ` },
  ],
  'src/action/env.ts': [
    { re: "/(?<!\\/)\\/+$/" },
  ],
  'src/action/github.ts': [
    { re: "/^\\d+$/", attack: `${'1'.repeat(N)}x` },
    { re: "/^(GET|PATCH|PUT|DELETE) /" },
    { re: "/\\bauthorization\\b\\s*[:=]|\\b(?:bearer|basic|token)\\s+[\\w.~+/=-]{8}|\\b(?:gh[opsur]_|github_pat_)\\w|\\beyJ[\\w-]{8}|\\/\\/[^/\\s:@]*:[^/\\s@]*@|\\b(?:password|secret|api[-_]?key)\\b\\s*[:=]/i", attack: `${'//a'.repeat(N / 6)}${'authorization '.repeat(N / 28)}${'token '.repeat(N / 12)}:` },
    { re: "/rate limit/i" },
    { re: "/\\s+/g" },
  ],
  'src/action/log.ts': [
    { re: "/\\n$/" },
  ],
  'src/cli/list-rules.ts': [
    { re: "/[\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6]/u" },
  ],
  'src/action/main.ts': [
    { re: "/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/", attack: `${'a'.repeat(N)}x` },
    // Live mode (issue 15): live findings name URLs and names, not files.
    { re: "/^(https?|domain|dns|tls):/" },
  ],
  'src/config/load.ts': [
    { re: "/\\.ya?ml$/i" },
    { re: "/ at line \\d+, column \\d+:?$/" },
    { re: "/^\\uFEFF/" },
    { re: "/position (\\d+)/", attack: `position ${'1'.repeat(N)}x`.repeat(2) },
    { re: "/ in JSON at position \\d+.*$/", attack: ` in JSON at position ${'1'.repeat(N)}` },
  ],
  'src/config/resolve.ts': [
    { re: "/^\\/+/" },
  ],
  'src/content/disable-comments.ts': [
    { re: "/^\\s*beian-guard-(disable|enable)(?:\\s+([\\s\\S]*))?$/", attack: ` beian-guard-disable ${' '.repeat(N)}x${' '.repeat(N)}y` },
    { re: "/[\\s,]+/", attack: ' ,x'.repeat(N / 3) },
  ],
  'src/content/entity-signals.ts': [
    { re: "/收款码|扫码(?:付款|支付)|付款方式|请(?:先)?付款|(?:开通|购买|付款|支付|下单)后(?:立即|即可|马上)?(?:生效|发货|开通|安排)|货到付款/" },
    { re: "/企业|成立于|主营|专业从事|致力于|是一家|专注于|始创于|创立于/" },
    { re: "/[。！？!?\\n]/" },
  ],
  'src/content/lexicon.ts': [
    { re: "/^[^A-Z]+$/" },
    { re: "/^[a-z]+(-[a-z]+)*$/" },
  ],
  'src/content/markers.ts': [
    { re: "/[.*+?^${}()|[\\]\\\\/-]/g" },
    { re: "new RegExp(alternatives.join('|'), 'gi')" },
    { re: "/\\btype\\s*=\\s*[\"']?(application\\/(ld\\+)?json|text\\/(template|html|x-template))/i" },
    { re: "/<meta\\b[^>]*\\bname\\s*=\\s*[\"']?generator[^>]*>/i" },
    { re: "/\\s+/g" },
    { re: "/(type\\s*=\\s*[\"']?password)|(<textarea)/gi", attack: `${'type = '.repeat(N / 7)}<textare` },
    { re: "/登录|登入|注册|用户名|账号|帐号|sign ?in|log ?in|sign ?up|register|username/i" },
    { re: "/留言|评论|反馈|咨询|联系|意见|message|comment|feedback|contact/i" },
    { re: "/search|搜索|查询/i" },
  ],
  'src/content/markup.ts': [
    { re: "/login|log-in|signin|sign-in|signup|sign-up|register|\\breg\\b|account|passport|member|user|auth|cart|checkout|buy|order|pay|shop/i" },
    { re: "/\\/(posts?|archives?|articles?|blog|notes?|docs?|tags?|categor(y|ies))\\/|\\/\\d{4}\\/\\d{1,2}\\//i" },
    { re: "/(^|[\\s_-])(btn|button)([\\s_-]|$)/i" },
    { re: "/^javascript:/i" },
    { re: "/^h[1-6]$/" },
    { re: "/data-beian-ignore/i", attack: 'data-beian-ignor'.repeat(N / 16) },
  ],
  'src/content/matcher.ts': [
    { re: "/[A-Z]/" },
    { re: "/[A-Z]+/g" },
  ],
  'src/content/organisation.ts': [
    { re: "/[\\u4e00-\\u9fffA-Za-z0-9（）()·]/" },
    { re: "/©|copyright|版权所有|\\(c\\)/i" },
    { re: "/[0-9A-HJ-NPQRTUWXY]{18}/" },
    { re: "/^\\s?(\\d[\\d,]*(?:\\.\\d{1,2})?)/" },
    { re: "/^[:：\\s]{0,4}(\\d{15})(?!\\d)/" },
    { re: "/(?<![\\d.,])(\\d[\\d,]*(?:\\.\\d{1,2})?)\\s?$/" },
    { re: "/price|plan|cost|amount|sku|product/i" },
  ],
  'src/discover/discover.ts': [
    { re: "/^(\\.\\/)+/" },
  ],
  'src/domain/icp.ts': [
    { re: "new RegExp(DASH_CLASS, 'gu')", attack: '\u2010'.repeat(N) },
    { re: "/\\s+/gu", attack: ' x'.repeat(N / 2) },
    { re: "/^(?<pre>\\p{sc=Han}{0,2})(?<ic>[Ii][Cc][Pp]|[Ii][Pp][Cc])(?<ty>备案号|备案|备|证):?(?<ser>[0-9Xx*]{1,64})(?:(?<hao>号)(?:-(?<site>[0-9]{1,9})(?<app>[A-Za-z])?)?|-(?<site2>[0-9]{1,9})(?<app2>[A-Za-z])?(?<hao2>号)?)?$/u", attack: `京ICP备${'1'.repeat(N)}号-${'2'.repeat(N)}#` },
    { re: "/^(?<pre>合字|\\p{sc=Han})?B2(?<dash>-)?(?<ser>[0-9Xx*]{1,64})(?:-(?<site>[0-9]{1,9})(?<app>[A-Za-z])?)?(?<hao>号)?$/u", attack: `粤B2-${'X'.repeat(N)}-${'1'.repeat(N)}#` },
    // Sticky: tried only where the anchor below puts it (domain/anchored-scan.ts); its runs are bounded, so each try is short.
    { re: "new RegExp(`${FIND_ICP}|${FIND_B2}`, 'uy')", attack: `京ICP备${'1'.repeat(N)}A ${'京 ICP 备 '.repeat(N / 8)}B2-${'9'.repeat(N)}x` },
    { re: "/[Ii](?:[Cc][Pp]|[Pp][Cc])|B2/g", attack: `${'Ic'.repeat(N / 2)}B` },
  ],
  'src/domain/links.ts': [
    { re: "/[^a-z0-9]/g" },
  ],
  'src/domain/police.ts': [
    { re: "new RegExp( `^(?<pre>\\\\p{sc=Han})?(?<w>${WORDING}):?(?<d>[0-9]{1,${MAX_DIGITS}})(?<hao>号)?$`, 'u', )", attack: `京公网安备${'1'.repeat(N)}号号` },
    { re: "new RegExp(`(?:(?!号)\\\\p{sc=Han} ?)?(?:${WORDING}) ?(?:[:：] ?)?[0-9]{1,${MAX_DIGITS}}(?: ?号)?`, 'uy')", attack: `${'京 公网安 : '.repeat(N / 10)}${'1'.repeat(N)}` },
    { re: "/公/g", attack: '公'.repeat(N) },
  ],
  'src/engine/check-file.ts': [
    { re: "/\\s+/g", attack: ' x'.repeat(N / 2) },
  ],
  'src/engine/render-check.ts': [
    { re: "/\\s+/g" },
  ],
  'src/engine/page-model.ts': [
    { re: "/icp|ipc/i" },
    { re: "/icp|ipc|公网安|公安|b2\\s?[-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d]/i", attack: `${'b2 '.repeat(N / 3)}公` },
  ],
  'src/engine/pool.ts': [
    { re: "/heap out of memory|Reached heap limit|Allocation failed/i", attack: 'heap out of '.repeat(N / 12) },
    { re: "/FATAL ERROR[^\\n]*|Fatal JavaScript[^\\n]*|Fatal error[^\\n]*/i", attack: 'Fatal '.repeat(N / 6) },
  ],
  'src/engine/run.ts': [
    { re: "/\\s+/g", attack: ' x'.repeat(N / 2) },
  ],
  'src/engine/stamp.ts': [
    { re: "/[\\r\\n\\t]+/g", attack: '\r\n\tx'.repeat(N / 4) },
  ],
  'src/engine/stylesheets.ts': [
    { re: "/[?#][\\s\\S]*/", attack: `${'?'.repeat(N)}\nx` },
    { re: "/^[a-z][a-z0-9+.-]*:|^\\/\\//i", attack: `a${'+'.repeat(N)}/` },
  ],
  'src/i18n/lang.ts': [
    { re: "/\\{(\\w+)\\}/g", attack: `{${'a'.repeat(N)}` },
  ],
  'src/init/args.ts': [
    { re: "/Unknown option '([^']+)'/" },
    { re: "/Unexpected argument '([^']+)'/" },
    { re: "/Option '(?:-\\w, )?(--[\\w-]+)[^']*' argument missing/" },
    { re: "/Option '(?:-\\w, )?(--[\\w-]+)[^']*' argument is ambiguous/", attack: `Option '--${'a'.repeat(N)}` },
    { re: "/\\. To specify a positional argument.*$/s" },
    { re: "/[\\s,，、]+/", attack: ' ,，、x'.repeat(N / 5) },
  ],
  'src/init/choose.ts': [
    { re: "/-\\d+$/" },
  ],
  'src/init/ci/detect.ts': [
    { re: "/^gitdir:\\s*(.+)$/m" },
    { re: "/\\[remote\\s+\"origin\"\\]([^[]*)/", attack: '[remote "origin"]'.repeat(N / 17) },
    { re: "/^[ \\t]*url[ \\t]*=[ \\t]*(\\S+)/m", attack: `${'\n'.repeat(N)}url` },
    { re: "/^[a-z+]+:\\/\\/(?:[^@/]+@)?([^/:]+)/i", attack: `ssh://${'a'.repeat(N)}` },
    { re: "/^(?:[^@/]+@)?([^/:]+):/", attack: 'a'.repeat(N) },
    { re: "/(^|\\.)gitlab\\./" },
    { re: "/\\.ya?ml$/i" },
  ],
  'src/init/ci/gitlab.ts': [
    { re: "/^\\.(pre|post)$/" },
  ],
  'src/init/ci/index.ts': [
    { re: "/\\n/g" },
  ],
  'src/init/ci/jenkins.ts': [
    { re: "/\\\\/g" },
    { re: "/'/g" },
  ],
  'src/init/live.ts': [
    { re: "/[\\s,，、]+/", attack: ' ,，、x'.repeat(N / 5) },
  ],
  'src/init/more.ts': [
    { re: "/^[\\p{L}\\p{N}_.,:/@%+=-]+$/u", attack: `${'a.'.repeat(N / 2)} ` },
    { re: "/'/g" },
  ],
  'src/init/generators/docusaurus.ts': [
    { re: "/--out-dir[= ]+(\\S+)/" },
  ],
  'src/init/generators/hexo.ts': [
    { re: "/^hexo$/" },
  ],
  'src/init/generators/hugo.ts': [
    { re: "/^(.+)\\.(toml|ya?ml|json)$/i" },
  ],
  'src/init/generators/jekyll.ts': [
    { re: "/jekyll|github-pages/i" },
  ],
  'src/init/generators/shared.ts': [
    { re: "/\\\\/g" },
    { re: "/^\\.\\/+/" },
    { re: "/(?<!\\/)\\/+$/" },
    { re: "/\\.(m|c)?(j|t)sx?$/i" },
    { re: "/\\.ya?ml$/i" },
  ],
  'src/init/project.ts': [
    { re: "/^\\uFEFF/" },
    { re: "/^ref: refs\\/heads\\/(\\S+)\\s*$/" },
  ],
  'src/init/run-init.ts': [
    { re: "/\\s+/g" },
    { re: "/B2|ICP证/" },
  ],
  'src/init/scan.ts': [
    { re: "/有限责任公司|股份有限公司|有限公司/gu", attack: '有限'.repeat(N / 2) },
    { re: "/[\\u4e00-\\u9fffA-Za-z0-9（）()·]/u" },
    { re: "/©|&copy;|copyright|版权所有|\\(c\\)/iu" },
    { re: "/^[0-9]+/u" },
    { re: "/\\s+/gu" },
    { re: "/ICP|B2|公网安备|公安/iu" },
    { re: "/\\r\\n|\\r|\\n/" },
    { re: "/\\{\\{|\\{%|<%|%>/" },
    { re: "/\\{\\{|\\$\\{/" },
  ],
  'src/init/site-domains.ts': [
    { re: "/^[a-z][a-z0-9+.-]*:\\/\\//i", attack: `a${'+'.repeat(N)}:/` },
    { re: "/^\\[|\\]$/g" },
    { re: "/\\r\\n|\\r|\\n/" },
  ],
  'src/init/sources/data-files.ts': [
    { re: "/\\.toml$/i" },
    { re: "/\\.ya?ml$/i" },
    { re: "/\\.json$/i" },
  ],
  'src/init/sources/js-config.ts': [
    { re: "/\\.[cm]?tsx?$/" },
    { re: "/x$/" },
    { re: "/\\.(m|c)?js$/" },
    { re: "/\\.(json|css|vue|svg|png)$/" },
  ],
  'src/init/sources/tree.ts': [
    { re: "/^\\d+$/" },
    { re: "/\\d{6,}/g" },
  ],
  'src/init/workflow.ts': [
    { re: "/^[A-Za-z0-9_./@*-][A-Za-z0-9_./@*:=+ -]*$/" },
    { re: "/: | #|:$| $/" },
    { re: "/^(true|false|null|yes|no|on|off|~)$/i" },
  ],
  'src/page/build-page.ts': [
    { re: "/(^|\\s)alternate(\\s|$)/" },
    { re: "/(^|\\s)stylesheet(\\s|$)/" },
    { re: "/(^|\\s)preload(\\s|$)/" },
    { re: "/stylesheet/i" },
    { re: "/media/i" },
  ],
  'src/page/css/cascade.ts': [
    { re: "/\\s+/" },
  ],
  'src/page/css/declarations.ts': [
    { re: "/display|visibility|opacity|font|indent|clip|position|left|top|right|transform|height|width|overflow/i" },
    { re: "/^(?:xx-small|x-small|small|medium|large|x-large|xx-large|xxx-large|smaller|larger)$/" },
    { re: "/^[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[a-z%]+)?$/", attack: `${"1".repeat(N)}.x` },
    { re: "/\\s+/" },
    { re: "/[a-z%]$/" },
    { re: "/!\\s*important\\s*$/i" },
  ],
  'src/page/css/media.ts': [
    { re: "/^(min|max)-/" },
  ],
  'src/page/css/sheet.ts': [
    { re: "/^@([-\\w]+)/" },
  ],
  'src/page/footer-facts.ts': [
    { re: "/window\\.open|location/i", attack: 'window.ope'.repeat(N / 10) },
    { re: "/ICP|B2/i", attack: 'IC'.repeat(N / 2) },
    { re: "/公/" },
    { re: "/\\s/" },
    { re: "/公网安|公安/" },
  ],
  'src/page/footer-region.ts': [
    { re: "/[-_]/", attack: 'a'.repeat(N) },
    { re: "/\\s+/", attack: ' \t'.repeat(N / 2) },
    { re: "/([a-z0-9])([A-Z])/g" },
  ],
  'src/page/hidden.ts': [
    { re: "/^(?:inherit|unset|revert)/" },
    { re: "/scale(?:x|y|3d)?\\(\\s*(?:0+(?:\\.0*)?|\\.0+)\\s*[,)]/" },
    { re: "/^[-+]?(?:0+(?:\\.0*)?|\\.0+)(?:[a-z]+|%)?$/" },
    { re: "/^([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(px|em|rem)?$/", attack: `${"1".repeat(N)}.x` },
    { re: "/^inset\\(\\s*(?:50|100)%/" },
    { re: "/^circle\\(\\s*0(?:px|%)?\\s*[)a]/" },
    { re: "/^rect\\(/" },
    { re: "/[\\s,]+/" },
    { re: "/^(?:hidden|clip)(?:\\s|$)/" },
    { re: "/(?:em|%|smaller|larger)$/" },
    { re: "/rem$/" },
    { re: "/\\s+/" },
  ],
  'src/page/normalize.ts': [
    { re: "/&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)/g", attack: `&#${'1'.repeat(N)}&${'a'.repeat(N)}` },
  ],
  'src/page/rendered.ts': [
    { re: "/\\s+/g" },
  ],
  'src/page/spans.ts': [
    { re: "new RegExp(`\\\\s${name}\\\\s*=\\\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\\\s>]*))`, 'i')", attack: `${' href='.repeat(N / 6)} href="${'a'.repeat(N)}` },
  ],
  'src/reporters/docs-url.ts': [
    { re: "/(?<!\\/)\\/+$/" },
    { re: "/^(https:\\/\\/[^/]+)\\/([^/]+)\\/([^/]+)$/" },
  ],
  'src/page/static-match.ts': [
    { re: "/\\s+/" },
    { re: "/\\s+/g" },
  ],
  'src/page/text-parser.ts': [
    { re: "/\\s|\\//" },
  ],
  'src/render/find-browser.ts': [
    { re: "/\\bsnap\\b/" },
  ],
  'src/render/launch.ts': [
    { re: "/^\\[\\d+:\\d+:[^\\]]*(?:INFO|VERBOSE)/", attack: `[1:2:${':'.repeat(N)}` },
    { re: "/No usable sandbox|setuid sandbox|namespace/i" },
    { re: "/\\/(\\d+)\\./", attack: `/${'1'.repeat(N)}x`.repeat(2) },
  ],
  'src/render/server.ts': [
    { re: "/^[a-z]+:\\/\\//i" },
    { re: "/\\?(.*)/s", attack: '?'.repeat(N) },
  ],
  'src/reporters/escape.ts': [
    { re: "/(?<=#)#(?=\\[|vso\\[)/gi", attack: `${'#'.repeat(N)}vso` },
    { re: "/^((?:[^\\S\\r\\n]|\\u0085|\\u001b\\[[0-9;]*m)*):(?=:)/gm", attack: `${' \u0085\u001b[1m'.repeat(N / 6)}:x\n${' '.repeat(N)}` },
    { re: "/[\\r\\n\\t\\u2028\\u2029\\u0085]+/g" },
    { re: "/[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/g" },
    { re: "/\\$\\{\\{/g" },
    { re: "/[&<>`*_[\\]!|~\\\\#{}$:]/g" },
    { re: "/\\b(?:[a-z][a-z0-9+.-]*:\\/\\/|www\\.)[A-Za-z0-9\\-._~:/?#[\\]@!$&'()*+,;=%]+/gi" },
    { re: "/@/g" },
    { re: "/(?<![.,;:!?'\"])[.,;:!?'\"]+$/", attack: `http://x${'.'.repeat(N)}a` },
    { re: "/[()]/g" },
    { re: "/[`<>{}|$@\\\\\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]/" },
    { re: "/(www)\\./gi" },
    { re: "/:\\/\\//g" },
    // The other actions' problem matchers, run only on lines of at most 2,000 characters.
    { re: "/^\\s+(\\d+):(\\d+)\\s+(error|warning|info)\\s+(.*)\\s\\s+(.*)$/", shape: 'line', attack: `  1:1 error ${'  '.repeat(N / 2)}` },
    { re: "/^(.+):\\sline\\s(\\d+),\\scol\\s(\\d+),\\s(Error|Warning|Info)\\s-\\s(.+)\\s\\((.+)\\)$/", shape: 'line', attack: `${'a: line 1, col 1, Error - '.repeat(N / 26)}` },
    { re: "/^(?:\\s+\\d+>)?([^\\s].*)\\((\\d+)(?:,(\\d+)(?:,\\d+(?:,\\d+)?)?)?\\)\\s*:\\s+(error|warning|info)\\s+(\\w{1,2}\\d+)\\s*:\\s*(.*)$/", shape: 'line', attack: `${'a(1,1): error '.repeat(N / 14)}` },
    { re: "/^\\s*File\\s\"(.*)\",\\sline\\s(\\d+),\\sin\\s(.*)$/", shape: 'line', attack: `File "${'", line 1, in '.repeat(N / 13)}` },
    { re: "/((?:\\.{0,2}\\/|\\.{0,2}\\\\)(?:.+\\.go)):(?:(\\d+):(\\d+):)? (.*)/", shape: 'line', attack: `${'/a.go:'.repeat(N / 6)}` },
    { re: "/^(\\s*\"[^\"\\\\]*\": \")(.*)(\",?)$/", attack: `  "k": "${'",'.repeat(N / 2)}x` },
    { re: "/^.*$/gm" },
    { re: "/[:,]/g" },
    { re: "/:/g" },
    { re: "/,/g" },
  ],
  'src/reporters/json.ts': [
    { re: "/\\n/g" },
  ],
  'src/reporters/markdown.ts': [
    { re: "/^[0-9a-f]{7,64}$/i" },
  ],
  'src/reporters/own-files.ts': [
    { re: "/^\\{\\n {2}\"version\": \"[^\"\\n]*\",\\n(?: {2}\"shard\": \\{\\n {4}\"index\": \\d+,\\n {4}\"total\": \\d+\\n {2}\\},\\n)?(?: {2}\"configHash\": \"[0-9a-f]+\",\\n)? {2}\"summary\": \\{/", attack: `{\n  "version": "1",\n${'  "configHash": "a",\n'.repeat(N / 22)}` },
    { re: "/^\\{\\n {2}\"\\$schema\": \"https:\\/\\/json\\.schemastore\\.org\\/sarif-2\\.1\\.0\\.json\",[\\s\\S]*?\"driver\": \\{\\n\\s*\"name\": \"beian-guard\"/", attack: `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",${'"driver": {\n '.repeat(N / 12)}` },
    { re: "/(?:^|\\n)(?:\\u001b\\[\\d+m)?[✔✖] [^\\n]*\\n?$/", attack: `${'\n✔ x'.repeat(N / 4)}\n\n` },
    { re: "/^<\\?xml version=\"1\\.0\" encoding=\"UTF-8\"\\?>\\n<!-- beian-guard /" },
    { re: "/^\\[(?:\\]\\n$|\\n {2}\\{\\n {4}\"description\": [^\\n]*\\n {4}\"check_name\": \"[a-z-]+\",)/", attack: `[\n  {\n    "description": ${'x'.repeat(N)}` },
    { re: "/^\\{\\n {2}\"source\": \\{\\n {4}\"name\": \"beian-guard\",/" },
    { re: "/^(?:<!-- beian-guard:report[^\\n]*\\n)?### (?:✅|❌|⚠️) beian-guard/", attack: `<!-- beian-guard:report${'x'.repeat(N)}` },
    { re: "/^<!DOCTYPE html>\\n<html lang=\"[^\"]+\">\\n<head>\\n<meta charset=\"utf-8\">\\n<meta name=\"generator\" content=\"beian-guard\">/", attack: `<!DOCTYPE html>\n<html lang="${'x'.repeat(N)}` },
  ],
  'src/reporters/sarif.ts': [
    { re: "/\\\\(?=[[\\]])/g" },
    { re: "/[[\\]]/g" },
    { re: "/(^|-)([a-z0-9])/g" },
    { re: "/^(https?|domain|dns|tls):/" },
  ],
  'src/rules/shared/targets.ts': [
    { re: "/\\D/g" },
  ],
  'src/sinks/report-file.ts': [
    { re: "/[\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]/" },
  ],
  'src/source/decode.ts': [
    { re: "/charset\\s*=\\s*(?:[\"']\\s*)?(?:utf-?16|unicode|ucs-2|csunicode|iso-10646-ucs-2)/i", attack: `charset=${' '.repeat(N)}x` },
  ],
  'src/sourcemap/built-page.ts': [
    { re: "/\\s*(?:&[#\\w]+;|[|·•©®™—–\\u3000]|\\b(?:19|20)\\d\\d\\b(?:\\s*[-–]\\s*(?:(?:19|20)\\d\\d|present|now))?)\\s*/giu", shape: 'folded', attack: ` ${'- 2024 '.repeat(N / 7)}` },
    { re: "/foot|copyright|beian|icp|colophon/i" },
    { re: "/\\s+/g" },
    { re: "/[.,;:!?，。；：！？、]\\s*/u" },
    { re: "/^[,.;:!?，。；：！？、]+|[,.;:!?，。；：！？、]+$/gu" },
    { re: "/\\p{L}/u" },
    { re: "/\\s+/" },
    { re: "/^https?:\\/\\/[^/]+\\.[^/]+/" },
  ],
  'src/sourcemap/file-kinds.ts': [
    { re: "/\\.config\\.[cm]?[jt]s$/" },
    { re: "/^config\\.[cm]?[jt]s$/" },
    { re: "/^(site|theme|blog)(config|[-_.]config|[-_.]?meta(data)?)\\.[cm]?[jt]s$/" },
    { re: "/(^|\\/)\\.(vitepress|vuepress)\\/config\\.[cm]?[jt]s$/" },
    { re: "/\\.min\\.[a-z]+$/" },
    { re: "/^hugo\\.(toml|ya?ml|json)$/" },
    { re: "/^config\\.(toml|ya?ml|json)$/" },
    { re: "/^config\\/_default\\/(hugo|config)\\.(toml|ya?ml|json)$/" },
    { re: "/^_config\\.ya?ml$/" },
    { re: "/^\\.vitepress\\/config\\.[cm]?[jt]s$/" },
    { re: "/^\\.vuepress\\/config\\.[cm]?[jt]s$/" },
    { re: "/^docusaurus\\.config\\.[cm]?[jt]s$/" },
    { re: "/^astro\\.config\\.[cm]?[jt]s$/" },
    { re: "/^nuxt\\.config\\.[cm]?[jt]s$/" },
    { re: "/^next\\.config\\.[cm]?[jt]s$/" },
    { re: "/^gatsby-config\\.[cm]?[jt]s$/" },
    { re: "/^eleventy\\.config\\.[cm]?js$/" },
    { re: "/^\\.eleventy\\.js$/" },
    { re: "/^mkdocs\\.ya?ml$/" },
    { re: "/^vite\\.config\\.[cm]?[jt]s$/" },
    { re: "/^package\\.json$/" },
    { re: "/\\.[^.]*$/" },
    { re: "/foot|copyright|beian|icp/" },
    { re: "/^(baseof|base|layout|default|app|_app|_document|root|main|index|page|single|list)$/" },
    { re: "/\\.(test|spec|e2e)\\.[a-z0-9]+$/i" },
    { re: "/^test_/" },
    { re: "/^(readme|changelog|changes|history|contributing|license|licence|code_of_conduct|security|authors|notice)(\\.|$)/i" },
    { re: "/\\.[^./]+$/" },
    { re: "/(^|\\/)index$/i" },
    { re: "/(^|\\/)(index|readme|_index)$/i" },
  ],
  'src/sourcemap/index.ts': [
    { re: "/[\\r\\n]+/g" },
    { re: "/^\\.$/" },
  ],
  'src/sourcemap/key-path.ts': [
    { re: "/\\.(toml|ini)$/" },
    { re: "/\\.(ya?ml|json5?|jsonc|[cm]?[jt]s)$/" },
    { re: "/\\r$/" },
    { re: "/^[ \\t]*/" },
    { re: "/\\t/g" },
    { re: "/[\\w$@\\-\\u3400-\\u9fff]/" },
    { re: "/^\\s*(?:export\\s+)?([A-Za-z_][\\w.-]*)\\s*=/" },
    { re: "/^\\s*\\[\\[?\\s*([^\\]]+?)\\s*\\]\\]?\\s*(?:#.*)?$/" },
    { re: "/[\"'\\s]/g" },
  ],
  'src/sourcemap/list-files.ts': [
    { re: "/^hexo-theme-[\\w.-]+$/" },
  ],
  'src/sourcemap/needles.ts': [
    { re: "/^javascript:/i" },
    { re: "/^(?:[a-z][a-z0-9+.-]*:)?\\/\\/[^/]+\\.[^/]+/i" },
  ],
  'src/sourcemap/project.ts': [
    { re: "/^theme[ \\t]*[:=][ \\t]*(.+)$/m" },
    { re: "/(?<!\\s)\\s+#.*$/" },
    { re: "/[[\\]\"']/g" },
    { re: "/[\\s,]+/" },
    { re: "/^[\\w.@/-]+$/" },
    { re: "/\\.(toml|ya?ml)$/" },
    { re: "/(?:^|\\/)node_modules\\/hexo-theme-([^/]+)\\//" },
  ],
  'src/sourcemap/reasons.ts': [
    { re: "/[\\r\\n\\t]+/g" },
  ],
  'src/sourcemap/search.ts': [
    { re: "/[\\w\\-./?#=%&~+@:]/" },
    { re: "/&/g" },
    { re: "/\\/$/" },
    { re: "/[?#]/" },
    { re: "new RegExp(`\\\\bhref\\\\s*=\\\\s*(?:\\\\{\\\\s*)?[\"'\\`]${value}[\"'\\`]`, 'g')", attack: `href=${' '.repeat(N)}x href={${' '.repeat(N)}x` },
    { re: "/\\s/g" },
    { re: "new RegExp(`(?<![0-9０-９])(?:${digits}|${toFullWidthDigits(digits)})(?![0-9０-９])`, 'g')" },
    { re: "/\\s*[|｜·•–—»«]\\s*|\\s+[-:~]\\s+|\\s*-{2,}\\s*/", shape: 'evidence', attack: `${' '.repeat(N)}x` },
    { re: "/title/i" },
    { re: "/name|brand|heading/i" },
    { re: "/^(?:site_?name|sitename|brand)$/i" },
    { re: "/^\\s*(?:export\\s+)?[\"']?[\\w$.-]+[\"']?\\s*[:=]\\s*(.*?)\\s*,?\\s*(?:#.*)?$/" },
    { re: "/^([\"'`])(.*)\\1$/" },
    { re: "/<title\\b/i" },
    { re: "/head/i" },
    { re: "/<footer\\b/i" },
    { re: "/\\bfooter[\"']?\\s*[:=]/i" },
    { re: "/<\\/body\\s*>/i" },
  ],
  'src/sourcemap/source-index.ts': [
    { re: "/<meta\\s[^>]*name\\s*=\\s*[\"']?generator[\"']?[^>]*content\\s*=\\s*[\"'][^\"']*\\d/i" },
    { re: "/\\{\\{|\\{%|<%|\\{#|@\\{/" },
    { re: "/\\.html?$/i" },
    { re: "/(?<!\\/)\\/+$/" },
  ],
  'src/sourcemap/text-search.ts': [
    { re: "/[.*+?^${}()|[\\]\\\\]/g" },
    { re: "/\\r$/" },
    { re: "/\\s/" },
    { re: "/[0-9A-Za-z]/" },
    { re: "new RegExp(parts.join(GAP), 'gu')" },
    { re: "/[0-9]+/g" },
    { re: "/[0-9]/g" },
    { re: "/icp|beian|miit|mps|gongan|gov\\.cn|police|record|filing|备案|公安|公网安/i" },
  ],
  // Live mode (issue 15): names, addresses, HTTP headers, WHOIS replies (at most 64 KB), page attributes.
  'src/config/live-schema.ts': [
    { re: "/[.]$/" },
    { re: "/^\\/[^\\s#]*$/" },
    { re: "/^\\*\\./" },
    { re: "/^\\[([0-9a-fA-F:.]+)\\](?::(\\d{1,5}))?$/", attack: `[${':'.repeat(N)}]:1x` },
    { re: "/^([^:[\\]\\s]+)(?::(\\d{1,5}))?$/", attack: `${'a'.repeat(N)}:123456` },
  ],
  'src/domain/addresses.ts': [
    { re: "/^\\[|\\]$/g" },
    { re: "/^\\d{1,3}$/" },
  ],
  'src/domain/hostname.ts': [
    { re: "/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/" },
    { re: "/^\\[|\\]$/g" },
    { re: "/[/:@?#\\s]/" },
    { re: "/\\.$/" },
    { re: "/^\\d+$/" },
  ],
  'src/live/addresses.ts': [
    { re: "/\\.$/" },
  ],
  'src/live/bootstrap.ts': [
    { re: "/^https?:\\/\\//i" },
  ],
  'src/live/http.ts': [
    { re: "/^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/" },
    { re: "/TIMEOUT/i" },
  ],
  'src/live/navigate.ts': [
    { re: "/(^|\\s)stylesheet(\\s|$)/i", attack: `${' '.repeat(N)}stylesheetx` },
    { re: "/^\\s*[\\d.]*\\s*[;,]?\\s*(?:url\\s*=\\s*)?(.*)$/is", attack: `${' 1'.repeat(N / 2)};url=${' '.repeat(N)}` },
    { re: "/^(['\"])(.*)\\1$/s", attack: `'${"'x".repeat(N / 2)}` },
    { re: "/^['\"]/" },
    { re: "/^\\d+$/" },
    { re: "/;\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?/i", attack: `;${' '.repeat(N)}charset${' '.repeat(N)}=` },
    { re: "/<(!doctype|html|head|body|title|meta|footer|div|p)\\b/i", attack: '<'.repeat(N) },
  ],
  'src/live/run.ts': [
    { re: "/^https?:/" },
    { re: "/^\\/+/" },
  ],
  'src/live/settings.ts': [
    { re: "/^\\./" },
  ],
  'src/live/timing.ts': [
    { re: "/^\\d+$/" },
  ],
  'src/live/tls-probe.ts': [
    { re: "/,\\s*/" },
  ],
  'src/live/whois.ts': [
    { re: "/^[ \\t]*(Expiration Time|Registry Expiry Date|Registrar Registration Expiration Date|Expiry Date|Expiration Date|Expires On|paid-till|expires)[ \\t]*:[ \\t]*(\\S[^\\r\\n]*)/im", attack: `${'Expiry Date'.repeat(N / 11)}\nExpiry Date:${' '.repeat(N)}` },
    { re: "/no matching record|no match(?:es)? for|^[ \\t]*not found|no entries found|no data found|domain not found|status:[ \\t]*(?:free|available)|is available for registration|requested is prohibited|reserved domain/im", attack: `status:${' '.repeat(N)}x\n${' '.repeat(N)}not` },
    { re: "/exceeded|too many (?:requests|queries)|rate limit|queried interval is too short|try again later|quota/i" },
    { re: "/^\\s+/" },
    { re: "/\\r?\\n/" },
    { re: "/^(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?$/" },
    { re: "/^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$/i" },
    { re: "/^\\d{4}\\.\\d{2}\\.\\d{2}$/" },
    { re: "/^(\\d{4})\\.(\\d{2})\\.(\\d{2})$/" },
  ],

  'src/reporters/github.ts': [
    { re: "/%/g" },
    { re: "/\\r/g" },
    { re: "/\\n/g" },
    { re: "/:/g" },
    { re: "/,/g" },
  ],
  'src/reporters/html.ts': [
    { re: "/&/g" },
    { re: "/</g" },
    { re: "/>/g" },
    { re: "/\"/g" },
    { re: "/'/g" },
  ],
  'src/reporters/xml.ts': [
    { re: "/[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]/g", attack: '\ud800'.repeat(N) },
    { re: "/&/g" },
    { re: "/</g" },
    { re: "/>/g" },
    { re: "/\"/g" },
    { re: "/\\r/g" },
    { re: "/\\n/g" },
    { re: "/\\t/g" },
  ],
  'src/sinks/byte-columns.ts': [
    { re: "/^[a-z][a-z0-9+.-]*:/i", attack: `a${'b'.repeat(N)}` },
    { re: "/\\r\\n|\\r|\\n/" },
  ],
  'src/sinks/report-formats.ts': [
    { re: "/^[a-z][a-z0-9+.-]*:/i", attack: `a${'b'.repeat(N)}` },
  ],
  'src/action/inputs.ts': [
    { re: "/\\r?\\n/" },
    { re: "/^\\d{1,10}$/", attack: `${'1'.repeat(N)}x` },
    { re: "/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i", attack: `${'a'.repeat(N)}x` },
  ],
  'src/engine/shard.ts': [
    { re: "/^\\s*(\\d{1,7})\\s*\\/\\s*(\\d{1,7})\\s*$/", attack: `1${' '.repeat(N)}x` },
  ],
  'src/engine/read-report.ts': [
    { re: "/^[0-9a-f]{1,64}$/", attack: `${'a'.repeat(N)}x` },
    { re: "/^[a-z0-9-]{1,64}$/", attack: `${'a-'.repeat(N / 2)}!` },
    { re: "/^\\uFEFF/" },
  ],
};

/** Characters whose long runs defeat badly nested quantifiers; each pump is a run of one, then a NUL. */
const GENERIC = [' ', '\t', '\n', '\r\n', 'a', 'Z', '0', '9', '-', '_', '.', '/', '\\', ':', ';', '"', "'", '`', '<', '>', '=', '#', '?', '&', '@', '{', '(', '[', '*', '+', '%', ',', '|', '京', '号', 'ICP'];

function isDynamic(text: string): boolean {
  return /^(new )?RegExp\(/.test(text);
}

/** Every regex literal and RegExp call in src/, per file, as the inventory writes them. */
function scanSources(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const abs of walk(path.join(ROOT, 'src'))) {
    const rel = path.relative(ROOT, abs).split(path.sep).join('/');
    const sf = ts.createSourceFile(abs, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      let text: string | null = null;
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) text = n.getText();
      else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText() === 'RegExp') text = n.getText().replace(/\s+/g, ' ');
      if (text !== null) {
        if (!found.has(rel)) found.set(rel, new Set());
        found.get(rel)!.add(text);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

/** `/body/flags` → its parts, exactly as the engine compiles the literal. */
function literal(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

interface Job {
  readonly label: string;
  readonly source: string;
  readonly flags: string;
  readonly attacks: readonly string[];
  readonly shape?: Entry['shape'];
}

// Plain JavaScript for the worker: it builds the pumps itself so 100 KB strings are not copied per job.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { n, generic } = workerData;
const end = String.fromCharCode(0);
const base = generic.map((s) => s.repeat(Math.ceil(n / s.length)) + end);
function pumps(source) {
  const words = [...new Set(source.match(/[A-Za-z\\u4e00-\\u9fff][A-Za-z\\u4e00-\\u9fff-]{2,}/g) || [])].slice(0, 6);
  const out = [];
  for (const w of words) out.push(w + ' '.repeat(n) + end, w + '=' + ' '.repeat(n) + end, (w + ' ').repeat(Math.ceil(n / (w.length + 1))) + end);
  return out;
}
parentPort.on('message', (job) => {
  const re = new RegExp(job.source, job.flags);
  const shape = job.shape === 'folded' ? (s) => s.replace(/\\s+/g, ' ') : job.shape === 'evidence' ? (s) => s.slice(0, 200) : job.shape === 'line' ? (s) => s.replace(/[\\r\\n]/g, ' ').slice(0, 2000) : (s) => s;
  for (const raw of [...job.attacks, ...base, ...pumps(job.source)]) {
    const input = shape(raw);
    if (re.global) for (const m of input.matchAll(re)) void m;
    else re.test(input);
    re.lastIndex = 0;
  }
  parentPort.postMessage(job.label);
});
`;

/** Runs each job to completion in a worker; a job that outlives the net is reported and its worker replaced. */
async function runJobs(jobs: readonly Job[], netMs = NET_MS): Promise<string[]> {
  const failures: string[] = [];
  let worker: Worker | null = null;
  try {
    for (const job of jobs) {
      worker ??= new Worker(WORKER, { eval: true, workerData: { n: PUMP, generic: GENERIC } });
      const w = worker;
      const outcome = await new Promise<'done' | 'hung' | Error>((resolve) => {
        const timer = setTimeout(() => resolve('hung'), netMs);
        const settle = (v: 'done' | Error) => {
          clearTimeout(timer);
          w.off('message', onMessage);
          w.off('error', onError);
          resolve(v);
        };
        const onMessage = () => settle('done');
        const onError = (e: Error) => settle(e);
        w.on('message', onMessage);
        w.on('error', onError);
        w.postMessage(job);
      });
      if (outcome !== 'done') {
        failures.push(`${job.label}: ${outcome === 'hung' ? `did not finish within ${netMs / 1000} s (catastrophic backtracking)` : outcome.message}`);
        await w.terminate();
        worker = null;
      }
    }
  } finally {
    await worker?.terminate();
  }
  return failures;
}

/** Patterns src/ builds at run time, recorded with the src/ file that built them. */
const built: { file: string; source: string; flags: string }[] = [];

beforeAll(async () => {
  const Original = RegExp;
  const record = (re: RegExp) => {
    const frame = new Original(`${ROOT.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}/(src/[^:)\\s]+\\.ts)`).exec(new Error().stack ?? '');
    if (frame) built.push({ file: frame[1]!, source: re.source, flags: re.flags });
    return re;
  };
  globalThis.RegExp = new Proxy(Original, {
    construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget) as RegExp),
    apply: (target, _this, args: [string | RegExp, string?]) => record(target(...args)),
  });
  try {
    const ICP = '京ICP备2023012345号-1';
    await import('../../src/domain/icp.js');
    await import('../../src/domain/police.js');
    const { buildPage } = await import('../../src/page/build-page.js');
    const { attrValueSpan } = await import('../../src/page/spans.js');
    const page = buildPage('index.html', '<p><a href="https://beian.miit.gov.cn/">x</a></p>');
    const anchor = (await import('domutils')).findOne((el) => el.name === 'a', page.doc.children, true);
    if (anchor) attrValueSpan(anchor, 'href', page.source);
    const { findMarkers } = await import('../../src/content/markers.js');
    findMarkers(page, new Set());
    const { numberPattern } = await import('../../src/sourcemap/text-search.js');
    numberPattern(ICP);
    const { searchNeedle } = await import('../../src/sourcemap/search.js');
    const index = { files: [{ path: 'layouts/footer.html', kind: 'template' as const, text: '<a href="#">2023012345</a>' }], via: 'memory' as const, truncated: false, deferred: [], total: 0 };
    searchNeedle({ type: 'href', href: '#' }, index, null);
    searchNeedle({ type: 'number', number: ICP }, index, null);
  } finally {
    globalThis.RegExp = Original;
  }
});

describe('regular expressions in src/', () => {
  it('the inventory lists every regex in src/ and nothing that is gone', () => {
    const found = scanSources();
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [file, set] of found) for (const re of set) if (!INVENTORY[file]?.some((e) => e.re === re)) missing.push(`'${file}': { re: ${JSON.stringify(re)} }`);
    for (const [file, entries] of Object.entries(INVENTORY)) for (const e of entries) if (!found.get(file)?.has(e.re)) stale.push(`${file}: ${e.re}`);
    expect(missing, 'regexes in src/ that the inventory does not list: add them with an attack').toEqual([]);
    expect(stale, 'inventory entries no longer in src/: remove or update them').toEqual([]);
  });

  it('every pattern built at run time was recorded, from the file the inventory names', () => {
    for (const [file, entries] of Object.entries(INVENTORY)) {
      if (!entries.some((e) => isDynamic(e.re))) continue;
      expect(built.filter((b) => b.file === file).length, file).toBeGreaterThan(0);
    }
  });

  it('every literal and every recorded pattern completes on its attack and on the pumps', async () => {
    const jobs: Job[] = [];
    for (const [file, entries] of Object.entries(INVENTORY)) {
      for (const e of entries) {
        if (isDynamic(e.re)) continue;
        jobs.push({ label: `${file} ${e.re}`, ...literal(e.re), attacks: e.attack === undefined ? [] : [e.attack], ...(e.shape && { shape: e.shape }) });
      }
      const dynamicAttacks = entries.filter((e) => isDynamic(e.re) && e.attack !== undefined).map((e) => e.attack!);
      const seen = new Set<string>();
      for (const b of built.filter((x) => x.file === file)) {
        const key = `${b.source}/${b.flags}`;
        if (seen.has(key)) continue;
        seen.add(key);
        jobs.push({ label: `${file} (built) /${b.source.slice(0, 120)}/${b.flags}`, source: b.source, flags: b.flags, attacks: dynamicAttacks });
      }
    }
    expect(jobs.length).toBeGreaterThan(150);
    expect(await runJobs(jobs)).toEqual([]);
  }, 600_000);

  it('the runner does report a pattern that never finishes, and goes on with the next', async () => {
    const failures = await runJobs(
      [
        { label: 'nested quantifier', source: '^(a+)+$', flags: '', attacks: [`${'a'.repeat(64)}!`] },
        { label: 'linear', source: '^b', flags: '', attacks: [] },
      ],
      2_000,
    );
    expect(failures).toEqual(['nested quantifier: did not finish within 2 s (catastrophic backtracking)']);
  });
});
