/**
 * The differential test of issue 18 on generated pages (the corpora are in
 * __tests__/shared/page-models.test.ts): the fuzzer's damaged pages and CSS-heavy pages, and pages
 * made for the content rules (lexicon words in code samples, buttons, lists, footers, ignored
 * elements, disable comments, forms, a `<head>` with nested markup). On every page the text model
 * must build the same page as the tree, and the engine, which picks the model itself, must report
 * exactly what the tree reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allLexicons } from '../../src/content/lexicons.js';
import { cssPage, htmlText, ICP, POLICE } from '../fuzz/harness.mjs';
import { buildPage } from '../../src/page/build-page.js';
import { streamPage } from '../../src/page/stream-page.js';
import { bothFindings, modelDifferences, modelSites, pageDifferences, takesTextModel } from '../helpers/page-models.js';

const TERMS = [...new Set(allLexicons().flatMap((l) => l.terms.slice(0, 6).map((t) => t.term)))];

const tag = fc.constantFrom(
  'div', 'p', 'span', 'a href="/cart/buy"', 'a href="#top"', 'a href="/posts/x/"', 'button', 'code', 'pre', 'li', 'ul', 'td', 'table',
  'footer', 'div class="site-footer"', 'div id="copyright"', 'div class="price"', 'section data-beian-ignore', 'kbd', 'b', 'i', 'h2',
  'form action="/login"', 'label', 'noscript', 'template', 'title', 'style', 'script', 'iframe', 'object', 'head', 'body', 'br', 'link rel="stylesheet" href="a.css"',
  'svg', 'math', 'select', 'option', 'textarea', 'dd', 'dt', 'rt',
);
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 3, arbitrary: tag.map((t) => `<${t}>`) },
  { weight: 3, arbitrary: tag.map((t) => `</${t.split(' ')[0]}>`) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '\n', '，', '。', '￥99', '199元', '有限公司', '北京示例科技有限公司', '统一社会信用代码：91110000802100433B', '©2024', '&nbsp;', '&#x4eac;', '&amp;', 'x') },
  { weight: 1, arbitrary: fc.constantFrom('<!-- beian-guard-disable -->', '<!-- beian-guard-enable -->', '<!-- beian-guard-disable content-prohibited -->', '<!-- note -->', '<!doctype html>', '<?xml version="1.0"?>', '<![CDATA[x]]>') },
  { weight: 1, arbitrary: fc.constantFrom('<input type="password">', '<script src="https://cdn.jsdelivr.net/npm/twikoo@1/dist/twikoo.all.min.js"></script>', '<script>new Valine({})</script>', '<meta name="generator" content="Discuz! X3">') },
  { weight: 1, arbitrary: fc.constantFrom(ICP, POLICE, '&#73;CP', 'ＩＣＰ', 'B2-20090059', '<div', '<p class="a', '</', '<') },
);
const contentPage = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

const sites = modelSites();

function sameFindings(source: string): void {
  for (const { name, rules } of sites) {
    for (const entry of [false, true]) {
      const { tree, auto } = bothFindings(source, rules, entry);
      expect({ name, entry, findings: auto }).toEqual({ name, entry, findings: tree });
    }
  }
}

describe('the text model and the tree agree', () => {
  it('on the fuzzer’s damaged pages', () => {
    fc.assert(
      fc.property(htmlText, (source) => {
        expect(modelDifferences(source)).toEqual([]);
        sameFindings(source);
      }),
      { seed: 20240611, numRuns: 400 },
    );
  });

  it('on the fuzzer’s CSS-heavy pages', () => {
    fc.assert(
      fc.property(cssPage, (p) => {
        expect(modelDifferences(p.html)).toEqual([]);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('on pages made for the content rules, most of them checked on the text model', () => {
    let text = 0;
    let findings = 0;
    fc.assert(
      fc.property(contentPage, (source) => {
        expect(modelDifferences(source)).toEqual([]);
        sameFindings(source);
        if (takesTextModel(source, false)) text++;
        findings += bothFindings(source, sites[1]!.rules, false).auto.length;
      }),
      { seed: 18, numRuns: 400 },
    );
    // The comparison covered the text model and pages the content rules report on.
    expect(text).toBeGreaterThan(200);
    expect(findings).toBeGreaterThan(100);
  });

  it('can fail: pages that differ in text, structure or order are told apart', () => {
    const differ = (a: string, b: string): string[] => pageDifferences(buildPage('page.html', a), streamPage('page.html', b));
    expect(differ('<p>百家乐</p>', '<p>百家乐</p>')).toEqual([]);
    expect(differ('<p>a</p><p>b</p>', '<p>a</p> <p>b</p>')).toEqual(expect.arrayContaining([expect.stringMatching(/^map|^pieces|^elements/)]));
    expect(differ('<code>百家乐</code>', '<span>百家乐</span>')).toEqual(expect.arrayContaining([expect.stringMatching(/^pieces\[0\]/)]));
    expect(differ('<head><script>a</script><!-- x --></head>', '<head><!-- x --><script>a</script></head>')).toEqual(expect.arrayContaining([expect.stringMatching(/^unseen\[0\]/)]));
  });
});

describe('attributes on the text model', () => {
  it('are read from each start tag as the tree reads them: case, duplicates, quotes, entities, implied tags', () => {
    const pages = [
      '<DIV CLASS="Footer" class="second" Data-Beian-Ignore>百家乐</DIV>',
      `<p title='a > b' data-x=unquoted id="&amp;&#x4eac;">购买</p><a href=/cart/buy role = button >立即购买</a>`,
      '<div class="x"></p></br><span class="y">彩票</span></div>',
      '<svg viewBox="0 0 1 1"><foreignObject class="f"><p class=q>x</p></foreignObject></svg><math><mi mathvariant=bold>y</mi></math>',
      '<ul><li class=a>one<li class=b>two</ul><table><tr class=r><td class=c>博彩</table>',
      '<p a="1"\n   b=\'2\'\tc>x</p><p a="unterminated>y</p>',
      '<script type="text/x-template" id="t"><div class="inner">z</div></script><link rel=stylesheet href="a.css" media="print">',
    ];
    for (const source of pages) expect({ source, differences: modelDifferences(source) }).toEqual({ source, differences: [] });
    const page = streamPage('p.html', pages[0]!);
    const div = page.pieces[0]!.node.parent as { attribs: Record<string, string> };
    expect(div.attribs).toEqual({ class: 'Footer', 'data-beian-ignore': '' });
  });
});

describe('nesting past the limit', () => {
  it('is too deep on both models, at the same depth', () => {
    for (const depth of [1023, 1024, 1025, 3000]) {
      const source = `${'<div>'.repeat(depth)}百家乐`;
      expect({ depth, differences: modelDifferences(source) }).toEqual({ depth, differences: [] });
    }
    expect(() => streamPage('p.html', '<div>'.repeat(1025))).toThrow(/nested more than 1024/);
  });
});
