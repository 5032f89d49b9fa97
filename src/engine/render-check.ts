import { readFileSync } from 'node:fs';
import type { Element } from 'domhandler';
import type { ResolvedSite } from '../config/resolve.js';
import { localize, type Localized } from '../i18n/lang.js';
import { buildPage } from '../page/build-page.js';
import { startTagSpan } from '../page/dom.js';
import { footerFacts, type FooterFacts } from '../page/footer-facts.js';
import type { Page } from '../page/page.js';
import { needlesOf } from '../page/rendered.js';
import { StaticMatcher } from '../page/static-match.js';
import type { Draft, Finding, RenderedFacts, RenderedHiding, RenderedNumberFacts, RuleMeta, Severity, Span, ViewportInfo } from '../model/index.js';
import type { PageRender } from '../render/renderer.js';
import type { ViewportOutcome } from '../render/render-viewport.js';
import { shellMount } from '../rules/shared/absence.js';
import { viewportLabel } from '../rules/shared/rendered.js';
import type { RuleContext } from '../rules/rule.js';
import { RULES_BY_ID } from '../rules/index.js';
import { decodeHtml, looksBinary } from '../source/decode.js';
import type { FileJob } from './check-file.js';
import { inputFindings, START } from './input-findings.js';
import type { RenderSession } from './render-session.js';
import type { SiteRules } from './site-rules.js';
import { stampDrafts } from './stamp.js';
import type { StylesheetCache } from './stylesheets.js';

/** Appended to a finding whose element only the script created: the built file has no line for it. */
const SCRIPT_ELEMENT: Localized = {
  'zh-CN': '（渲染后的页面：元素 {path} 由脚本生成，静态 HTML 中没有它）',
  en: ' (rendered page: the script creates {path}, which the static HTML does not have)',
};
const SCRIPT_ELEMENT_AT: Localized = {
  'zh-CN': '（渲染后的页面，{viewport} 视口：元素 {path} 由脚本生成，静态 HTML 中没有它）',
  en: ' (rendered page at {viewport}: the script creates {path}, which the static HTML does not have)',
};
/** For a missing number when the page asked for things outside the site: a footer fetched from a CDN shows no number here. */
const BLOCKED: Localized = {
  'zh-CN': '（渲染时拦截了站外请求：{urls}；备案号不能依赖站外资源显示）',
  en: ' (requests outside the site were blocked while rendering: {urls}; the number must not depend on them)',
};

/**
 * Checks one entry page in render mode. The static check has run first, as always (in a page
 * process: `staticFindings`); then, when the site renders this page (`on`, or `auto` and the
 * static check found a client-rendered shell), the browser renders it and every footer and
 * content rule runs again on the rendered document, with the browser's facts deciding icp-hidden
 * and icp-placement. The rendered verdict replaces the static one for this page; findings still
 * point into the built file.
 */
export async function checkEntryRendered(
  job: FileJob,
  rules: SiteRules,
  styles: StylesheetCache,
  site: ResolvedSite,
  session: RenderSession,
  staticFindings: Finding[],
): Promise<Finding[]> {
  const settings = site.render;
  if (!settings || settings.mode === 'off') return staticFindings;
  // `auto` renders only what the static check called a shell; every other page is not read again here.
  if (settings.mode === 'auto' && !staticFindings.some((f) => f.messageId === 'spa-shell')) return staticFindings;
  let source: string;
  let built: Page;
  const loadStylesheet = styles.loader(job.abs);
  try {
    const bytes = readFileSync(job.abs);
    if (looksBinary(bytes)) return staticFindings;
    source = decodeHtml(bytes).text;
    built = buildPage(job.rel, source, { loadStylesheet });
  } catch {
    // Unreadable, undecodable or too deep: the static check has already reported it.
    return staticFindings;
  }
  const mount = shellMount(built);
  if (settings.mode === 'auto' && !mount) return staticFindings;
  const anchor = mount ?? built.body;
  const anchorSpan = anchor && anchor.startIndex != null ? startTagSpan(anchor, source) : START;

  const renderer = await session.get(settings.mode === 'on');
  if (!renderer) {
    session.unrenderedShell({ job, rules, source, span: anchorSpan });
    return staticFindings;
  }

  let rendered: Page | null = null;
  let tooLarge = 0;
  let result: PageRender;
  try {
    result = await renderer.render({
      root: site.root,
      rel: job.rel,
      viewports: settings.viewports,
      limits: { timeoutMs: settings.timeoutMs, settleMs: settings.settleMs },
      needles: (html) => {
        if (html.length > session.maxDocumentChars) {
          tooLarge = html.length;
          return [];
        }
        try {
          rendered = buildPage(job.rel, html, { loadStylesheet });
          return needlesOf(footerFacts(rendered));
        } catch {
          return [];
        }
      },
    });
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).slice(0, 300);
    const failed = inputFindings('render-skipped', [{ messageId: 'load-failed', span: anchorSpan, anchor: 'body', data: { viewport: settings.viewports.join(', '), detail } }], job, rules, source);
    return [...staticFindings, ...failed];
  }

  const loadProblems = loadDrafts(result, settings.timeoutMs, anchorSpan);
  if (tooLarge > 0) {
    const detail = `the rendered document has ${tooLarge} characters, more than maxFileSizeMB allows`;
    loadProblems.push({ messageId: 'load-failed', span: anchorSpan, anchor: 'body', data: { viewport: viewportLabel(result.viewports[0]!.viewport), detail } });
  }
  const problems = inputFindings('render-skipped', loadProblems, job, rules, source);
  const page = rendered as Page | null;
  if (!page) return [...staticFindings, ...problems];

  try {
    const facts = renderedFacts(result);
    const findings = staticFindings.filter((f) => f.ruleId === 'file-encoding');
    findings.push(...problems);
    findings.push(...renderedRuleFindings({ job, rules, built, source, page, facts, mount, result }));
    findings.push(...shellWarnings(source, mount, page, facts, rules, job));
    return findings;
  } catch (e) {
    // Our bug, not the page's: the static verdict stands and the page says it was not rendered.
    const detail = `beian-guard: ${(e instanceof Error ? `${e.name}: ${e.message}` : String(e)).replace(/\s+/g, ' ').slice(0, 200)}`;
    const failed = inputFindings('render-skipped', [{ messageId: 'load-failed', span: anchorSpan, anchor: 'body', data: { viewport: settings.viewports.join(', '), detail } }], job, rules, source);
    return [...staticFindings, ...failed];
  }
}

/** render-skipped drafts for what went wrong while loading, per viewport. */
function loadDrafts(result: PageRender, timeoutMs: number, span: Span): Draft[] {
  const drafts: Draft[] = [];
  for (const o of result.viewports) {
    const viewport = viewportLabel(o.viewport);
    if (o.status === 'busy') drafts.push({ messageId: 'script-timeout', span, anchor: 'body', data: { viewport, timeout: timeoutMs } });
    else if (o.status === 'failed') drafts.push({ messageId: 'load-failed', span, anchor: 'body', data: { viewport, detail: (o.detail ?? 'unknown').slice(0, 300) } });
    else if (o.status === 'unsettled') drafts.push({ messageId: 'not-settled', span, anchor: 'body', data: { viewport, timeout: timeoutMs }, severity: 'notice' });
    if (o.leftSite) drafts.push({ messageId: 'left-site', span, anchor: 'body', data: { viewport, url: o.leftSite }, severity: 'warning' });
  }
  return drafts;
}

const HIDING = new Set<RenderedHiding['by']>(['absent', 'style', 'zero-size', 'offscreen', 'clipped', 'contrast', 'covered']);
const cap = (v: unknown, n = 160): string => String(v ?? '').slice(0, n);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The probe's answer, checked field by field: it is data from a page, and the rules trust their input. */
function hidingOf(raw: Record<string, unknown> | null | undefined): RenderedHiding | null {
  if (!raw || !HIDING.has(raw.by as RenderedHiding['by'])) return null;
  const element = cap(raw.element);
  switch (raw.by as RenderedHiding['by']) {
    case 'absent':
      return { by: 'absent' };
    case 'style':
      return { by: 'style', element, declaration: cap(raw.declaration) };
    case 'zero-size':
      return { by: 'zero-size', element };
    case 'offscreen':
      return { by: 'offscreen', element, x: num(raw.x) ?? 0, y: num(raw.y) ?? 0 };
    case 'clipped':
      return { by: 'clipped', element, declaration: cap(raw.declaration) };
    case 'contrast':
      return { by: 'contrast', element, color: cap(raw.color, 20), background: cap(raw.background, 20), ratio: num(raw.ratio) ?? 1 };
    case 'covered':
      return { by: 'covered', element };
  }
}

/** The facts the rules read: every viewport that could be measured, and what it showed of each number. */
export function renderedFacts(result: PageRender): RenderedFacts {
  const viewports: ViewportInfo[] = [];
  const numbers = new Map<string, RenderedNumberFacts[]>();
  for (const o of result.viewports) {
    const probe = o.probe;
    if (!probe) continue;
    const viewport: ViewportInfo = { name: o.viewport.name, width: o.viewport.width, height: o.viewport.height };
    viewports.push(viewport);
    for (const n of probe.numbers) {
      if (!n.found) continue;
      const box = n.box && [n.box.x, n.box.y, n.box.width, n.box.height].every((v) => num(v) !== null) ? n.box : null;
      const facts: RenderedNumberFacts = {
        viewport,
        path: cap(n.path),
        hiddenBy: hidingOf(n.hiddenBy),
        box,
        contentBottom: num(probe.contentBottom) ?? 0,
        fromBottom: num(n.fromBottom),
        screenHeight: num(probe.height) ?? viewport.height,
        fontSize: num(n.fontSize),
        contrast: num(n.contrast),
      };
      const list = numbers.get(n.key);
      if (list) list.push(facts);
      else numbers.set(n.key, [facts]);
    }
  }
  return { viewports, numbers };
}

interface RenderedCheck {
  readonly job: FileJob;
  readonly rules: SiteRules;
  readonly built: Page;
  readonly source: string;
  readonly page: Page;
  readonly facts: RenderedFacts;
  readonly mount: Element | null;
  readonly result: PageRender;
}

/** The page's rules on the rendered document, located in the built file. */
function renderedRuleFindings(c: RenderedCheck): Finding[] {
  const wanted = c.rules.active.filter((a) => (a.rule.meta.kind === 'content' || a.rule.meta.kind === 'footer') && !a.ignored?.(c.job.rel));
  let footer: FooterFacts | undefined;
  const context: RuleContext = {
    site: c.rules.facts,
    entry: true,
    footer: () => (footer ??= footerFacts(c.page, c.facts)),
    rendered: c.facts,
  };
  const drafts: { meta: RuleMeta; severity: Severity; draft: Draft }[] = [];
  for (const { rule, severity } of wanted) for (const draft of rule.check!(c.page, context)) drafts.push({ meta: rule.meta, severity, draft });
  if (drafts.length === 0) return [];

  const matcher = new StaticMatcher(c.page, c.built, c.mount);
  const primary = c.result.viewports.find((o) => o.viewport.name === c.result.primary) as ViewportOutcome | undefined;
  const blocked = [...new Set(c.result.viewports.flatMap((o) => o.blocked))];
  const located = drafts.map((d) => {
    const where = matcher.locate(d.draft.span, d.draft.evidence);
    return { ...d, draft: { ...d.draft, span: where.span }, where };
  });
  const stamped = stampDrafts(located, { lang: c.rules.lang, file: c.job.file, page: c.job.rel, entry: true, source: c.source });
  return stamped.map((f, i) => {
    const { draft, where, meta } = located[i]!;
    let extra = '';
    if (!where.exact) {
      const ownViewport = draft.data !== undefined && 'viewport' in draft.data;
      extra += ownViewport || !primary
        ? localize(SCRIPT_ELEMENT, c.rules.lang, { path: where.path })
        : localize(SCRIPT_ELEMENT_AT, c.rules.lang, { path: where.path, viewport: viewportLabel(primary.viewport) });
    }
    if (blocked.length > 0 && (meta.id === 'icp-present' || meta.id === 'police-present')) {
      const urls = blocked.slice(0, 3).join(', ') + (blocked.length > 3 ? ` (+${blocked.length - 3})` : '');
      extra += localize(BLOCKED, c.rules.lang, { urls });
    }
    return extra ? { ...f, message: f.message + extra } : f;
  });
}

/**
 * A shell whose rendered footer shows the number passes for reviewers; crawlers that run no
 * script still see an empty page, which stays a warning (issue 14).
 */
function shellWarnings(source: string, mount: Element | null, page: Page, facts: RenderedFacts, rules: SiteRules, job: FileJob): Finding[] {
  if (!mount) return [];
  const shown = footerFacts(page, facts);
  const drafts: { meta: RuleMeta; severity: Severity; draft: Draft }[] = [];
  const data = { mount: `#${mount.attribs.id ?? ''}` };
  const span = startTagSpan(mount, source);
  for (const [id, present] of [
    ['icp-present', shown.icp.length > 0],
    ['police-present', shown.police.length > 0 && rules.facts.police !== undefined],
  ] as const) {
    const active = rules.active.find((a) => a.rule.meta.id === id);
    const rule = RULES_BY_ID.get(id);
    if (!present || !active || !rule || active.ignored?.(job.rel)) continue;
    drafts.push({ meta: rule.meta, severity: active.severity, draft: { messageId: 'spa-shell-rendered', span, anchor: 'body', data, severity: 'warning' } });
  }
  return stampDrafts(drafts, { lang: rules.lang, file: job.file, page: job.rel, entry: true, source });
}
