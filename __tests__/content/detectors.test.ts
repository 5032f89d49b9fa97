import { describe, expect, it } from 'vitest';
import { validCreditCode } from '../../src/content/organisation.js';
import { checkSource, testSite } from '../helpers/rule-tester.js';

const doc = (body: string, head = '') => `<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>示例技术笔记</title>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;

function entity(html: string, entry = false) {
  return checkSource(html, testSite({ filing: 'personal' }, ['content-entity-scope']), { entry, rel: entry ? 'index.html' : 'posts/a.html' }).map(
    (f) => `${f.messageId}:${f.severity} ${f.evidence}`,
  );
}

describe('entity-scope detectors', () => {
  it('check the 统一社会信用代码 check character (GB 32100-2015)', () => {
    expect(validCreditCode('91330106MA2B3C4D5D')).toBe(true);
    expect(validCreditCode('91330106MA2B3C4D5E')).toBe(false);
    expect(validCreditCode('91330106MA2B3C4D5')).toBe(false);
    expect(validCreditCode('9133010IMA2B3C4D5D')).toBe(false);
  });

  it('need a valid code after the label: an article about the algorithm is not a company', () => {
    const article = doc('<article><h1>统一社会信用代码的校验算法</h1><p>统一社会信用代码：91330106MA2B3C4D5E 的最后一位是校验码，按 GB 32100 计算。</p></article>');
    expect(entity(article)).toEqual([]);
  });

  it('read 基本公司 as 基本 + 公司, not as a company speaking', () => {
    expect(entity(doc('<p>这是基本公司治理常识，也是公司动态里常见的话题。</p>'))).toEqual([]);
    expect(entity(doc('<p>本公司成立于 2010 年，公司动态见下。</p>'))).toEqual([
      // The whole self-description, not its first word (issue 13).
      'organisation:warning 【本公司成立于】 2010 年,公司动态见下。',
      'organisation:warning 本公司成立于 2010 年,【公司动态】见下。',
    ]);
  });

  it('do not take a password box for a login form: encrypted posts ask for one on static blogs', () => {
    const encrypted = doc('<div id="hexo-blog-encrypt"><input id="hbePass" type="password"><label>您好，这里需要密码。</label></div>');
    expect(entity(encrypted)).toEqual([]);
  });

  it('count a comment system once, as a notice on entry pages, and not when it is only configured', () => {
    const loaded = doc('<article><p>正文</p></article><div id="waline"></div><script src="https://unpkg.com/@waline/client@v3/dist/waline.umd.js"></script>');
    expect(entity(loaded, true)).toEqual([expect.stringMatching(/^comment-widget:notice .*@waline\/client/)]);
    expect(entity(loaded, false)).toEqual([]);
    // A theme keeps the key with an empty value when comments are off.
    expect(entity(doc('<article><p>正文</p></article><script>var GLOBAL_CONFIG = { twikooEnvId: "" }</script>'), true)).toEqual([]);
    // Writing about a widget, or linking to a forum, loads nothing.
    expect(entity(doc('<p>我用 Twikoo 做评论，参考了 <a href="https://www.phpbbchina.com/">phpBB 中文站</a>。</p>'), true)).toEqual([]);
  });

  it('weigh purchase words fully on buttons only, not in headings, tables of contents or links to articles', () => {
    expect(entity(doc('<h2>加入购物车</h2><p><a href="#buy">立即购买</a> <a href="/posts/cart/">加入购物车</a></p>'))).toEqual([]);
    expect(entity(doc('<p><button>加入购物车</button></p>'))).toEqual(['commerce:warning 【加入购物车】']);
  });
});
