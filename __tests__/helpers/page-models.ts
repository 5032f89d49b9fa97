/**
 * The two page models side by side (issue 18): buildPage builds the document tree, streamPage
 * builds the same Page from the parser's callbacks without it. Used by the differential tests over
 * the shared corpora (__tests__/shared/page-models.test.ts) and over the fuzzer's pages
 * (__tests__/page/page-models.test.ts).
 */
import type { AnyNode, Element } from 'domhandler';
import { siteFacts, type ResolvedSite } from '../../src/config/resolve.js';
import { checkPage } from '../../src/engine/check-page.js';
import { pageFor } from '../../src/engine/page-model.js';
import { prepareSiteRules, type SiteRules } from '../../src/engine/site-rules.js';
import { buildPage } from '../../src/page/build-page.js';
import { ancestors, isElement } from '../../src/page/dom.js';
import type { Page } from '../../src/page/page.js';
import { PageTooDeepError } from '../../src/page/parse.js';
import { streamPage } from '../../src/page/stream-page.js';
import { firstFooter } from '../../src/rules/shared/absence.js';
import type { Finding } from '../../src/model/index.js';
import { testSite } from './rule-tester.js';

/** An element as the rules may see it from a text piece: name, attributes, where it starts and ends. */
function el(e: Element | null | undefined): string {
  return e ? `<${e.name} ${JSON.stringify(e.attribs)}>@${e.startIndex}-${e.endIndex}` : 'null';
}

/** Every element of the document in document order, each with its parent (what the text model keeps). */
function elements(page: Page): string[] {
  const out: string[] = [];
  const stack: AnyNode[] = [...page.doc.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    out.push(`${el(n)} in ${isElement(n.parent as AnyNode) ? el(n.parent as Element) : 'document'}`);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** What the two models must agree on, as plain data (the offset map is compared on its own: it is large). */
export function pageFacts(page: Page): Record<string, unknown> {
  return {
    text: page.text.value,
    pieces: page.pieces.map((p) => ({
      normStart: p.normStart,
      normEnd: p.normEnd,
      data: p.node.data,
      start: p.node.startIndex,
      end: p.node.endIndex,
      ancestors: [...ancestors(p.node)].map(el),
    })),
    unseen: page.unseen,
    sheets: page.sheets,
    title: page.title,
    hasScripts: page.hasScripts,
    head: el(page.head),
    body: el(page.body),
    firstFooter: el(firstFooter(page)),
    elements: elements(page),
  };
}

type Built = { page: Page } | { tooDeep: true };

function build(make: () => Page): Built {
  try {
    return { page: make() };
  } catch (e) {
    if (e instanceof PageTooDeepError) return { tooDeep: true };
    throw e;
  }
}

/**
 * Where the text model's page differs from the tree's: one line per differing fact, naming the
 * first entry that differs; empty when the two agree (or both find the page too deep).
 */
export function modelDifferences(source: string): string[] {
  const tree = build(() => buildPage('page.html', source));
  const text = build(() => streamPage('page.html', source));
  if (!('page' in tree) || !('page' in text)) return 'page' in tree === 'page' in text ? [] : [`too deep: tree ${!('page' in tree)}, text ${!('page' in text)}`];
  return pageDifferences(tree.page, text.page);
}

/** The facts where two pages differ (see modelDifferences). */
export function pageDifferences(treePage: Page, textPage: Page): string[] {
  const out: string[] = [];
  const tree = { page: treePage };
  const text = { page: textPage };
  const a = pageFacts(tree.page);
  const b = pageFacts(text.page);
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      const i = x.findIndex((v, n) => JSON.stringify(v) !== JSON.stringify(y[n]));
      const at = i === -1 ? Math.min(x.length, y.length) : i;
      out.push(`${key}[${at}] (of ${x.length} / ${y.length}): tree ${JSON.stringify(x[at])}, text ${JSON.stringify(y[at])}`);
    } else out.push(`${key}: tree ${JSON.stringify(x)?.slice(0, 300)}, text ${JSON.stringify(y)?.slice(0, 300)}`);
  }
  const m = tree.page.text.map;
  const n = text.page.text.map;
  if (m.length !== n.length || m.some((v, i) => v !== n[i])) {
    const i = m.findIndex((v, k) => v !== n[k]);
    out.push(`map (length ${m.length} / ${n.length}): first difference at ${i}: tree ${m[i]}, text ${n[i]}`);
  }
  return out;
}

/** Site configurations the findings are compared under: every rule on every page, and the default. */
export function modelSites(): { name: string; site: ResolvedSite; rules: SiteRules }[] {
  const sites = [
    { name: 'every rule, scope all', site: testSite({ scope: 'all' }) },
    { name: 'default (content rules on every page)', site: testSite({}) },
    { name: 'enterprise filing with other organisations, allow list', site: testSite({ scope: 'all', filing: 'enterprise', otherOrganizations: ['腾讯', '阿里云'], allow: ['有限公司', '购买'] }) },
  ];
  return sites.map((s) => ({ ...s, rules: prepareSiteRules(s.site, siteFacts(s.site.config), 'zh-CN') }));
}

/** The findings of one page on the tree, and as the engine checks it (the text model where it fits). */
export function bothFindings(source: string, rules: SiteRules, entry: boolean): { tree: Finding[]; auto: Finding[] } {
  const input = { rel: 'page.html', file: 'site/page.html', entry, source };
  return { tree: checkPage(input, rules, 'tree'), auto: checkPage(input, rules) };
}

/** Whether the engine builds this page without the tree (for the tests' coverage counts). */
export function takesTextModel(source: string, footer: boolean): boolean {
  try {
    return pageFor('page.html', source, footer, {}).structure === 'elements';
  } catch (e) {
    if (e instanceof PageTooDeepError) return false;
    throw e;
  }
}
