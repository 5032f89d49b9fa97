import type { Lang } from '../i18n/lang.js';
import type { FailOn, Finding, Report, Severity } from '../model/index.js';
import type { DocsUrl } from './docs-url.js';
import { oneLine } from './escape.js';
import { groupFindings, tallyRules, type FindingGroup } from './group.js';
import { MARKDOWN_TEXT } from './markdown-text.js';

export interface HtmlOptions {
  readonly lang: Lang;
  readonly failOn: FailOn;
  /** The verdict, decided apart from any output (engine/report.ts `failed`). */
  readonly passed: boolean;
  readonly docsUrl: DocsUrl;
  /** How a built or source file is named to the reader (relative to the repository). Default: as given. */
  readonly path?: (file: string) => string;
}

const COUNTS: Record<Lang, (e: number, w: number, n: number, pages: number) => string> = {
  'zh-CN': (e, w, n, pages) => `检查了 ${pages} 个页面：${e + w + n === 0 ? '没有发现问题' : `${e} 个错误，${w} 个警告${n ? `，${n} 个提示` : ''}`}。失败条件（fail-on）：`,
  en: (e, w, n, pages) => {
    const p = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    return `Checked ${p(pages, 'page', 'pages')}: ${e + w + n === 0 ? 'no problems found' : `${p(e, 'error', 'errors')}, ${p(w, 'warning', 'warnings')}${n ? `, ${p(n, 'notice', 'notices')}` : ''}`}. Fails on: `;
  },
};

/** Text of the page, or of anything the page put in a message, as HTML text or a quoted attribute value. */
function h(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = [
  'body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}',
  'table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}',
  'td.n{text-align:right}li{margin:.6rem 0}.error{color:#cf222e}.warning{color:#9a6700}.notice{color:#0969da}',
  'code{font:13px ui-monospace,monospace}.fix{color:#1a7f37}',
].join('');

const CLASS: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };

/**
 * The report as one self-contained HTML page (no script, no external resource): for CI systems
 * that publish a folder of HTML (Jenkins' HTML Publisher, Gitee Go and 云效 report artifacts). It
 * says what the job summary says; every piece of page text is escaped.
 */
export function formatHtml(report: Report, options: HtmlOptions): string {
  const t = MARKDOWN_TEXT[options.lang];
  const name = options.path ?? ((f: string) => f);
  const { errors, warnings, notices, pages } = report.summary;
  const groups = groupFindings(report.findings);
  const title = t.title(options.passed);
  const body: string[] = [`<h1>${h(title)}</h1>`, `<p>${h(COUNTS[options.lang](errors, warnings, notices, pages))}<code>${h(options.failOn)}</code></p>`];
  if (groups.length === 0) body.push(`<p>${h(t.clean)}</p>`);
  else {
    body.push('<table>', `<thead><tr><th>${h(t.table.rule)}</th><th>${h(t.table.level)}</th><th>${h(t.table.findings)}</th><th>${h(t.table.pages)}</th><th>${h(t.table.fix)}</th></tr></thead>`, '<tbody>');
    for (const r of tallyRules(groups)) {
      body.push(
        `<tr><td>${ruleLink(r.ruleId, options)}</td><td class="${CLASS[r.severity]}">${h(t.severity[r.severity])}</td><td class="n">${r.findings}</td><td class="n">${r.pages}</td><td>${h(r.fixes[0] ?? '')}${r.fixes.length > 1 ? h(t.moreFixes(r.fixes.length - 1)) : ''}</td></tr>`,
      );
    }
    body.push('</tbody>', '</table>', `<h2>${h(t.findingsHeading)}</h2>`, '<ul>');
    for (const g of groups) body.push(groupItem(g, t, options, name));
    body.push('</ul>');
  }
  return `<!DOCTYPE html>\n<html lang="${options.lang}">\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="beian-guard">\n<title>${h(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

function ruleLink(ruleId: string, options: HtmlOptions): string {
  return `<a href="${h(options.docsUrl(ruleId))}"><code>${h(ruleId)}</code></a>`;
}

function where(f: Finding, name: (file: string) => string): string {
  return `<code>${h(`${name(f.file)}:${f.line}:${f.column}`)}</code>`;
}

/** Every page of the group is listed: a file has no length limit, unlike the job summary. */
function groupItem(g: FindingGroup, t: (typeof MARKDOWN_TEXT)[Lang], options: HtmlOptions, name: (file: string) => string): string {
  const lines = [
    `<span class="${CLASS[g.severity]}">${h(t.severity[g.severity])}</span> ${ruleLink(g.ruleId, options)} ${h(g.message)}`,
    `<span class="fix">${h(t.fix)}</span>${h(g.fix)}`,
    `${g.pages > 1 ? h(t.onPages(g.pages)) : ''}${g.findings.map((f) => where(f, name)).join(', ')}`,
  ];
  const sources = new Set<string>();
  for (const f of g.findings) {
    for (const s of f.sourceLocations ?? []) sources.add(`<code>${h(`${name(s.file)}:${s.line}`)}</code>${s.confidence === 'low' ? h(t.possible) : ''}`);
  }
  if (sources.size > 0) lines.push(`${h(t.source)}${[...sources].join(', ')}`);
  return `<li>${lines.join('<br>\n')}</li>`;
}
