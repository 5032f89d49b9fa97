import { describe, expect, it } from 'vitest';
import { checkSource, readFixture, ruleTester, testSite } from '../helpers/rule-tester.js';

const P = 'pages/content-prohibited';
const A = 'pages/content-preapproval';
const E = 'pages/content-entity-scope';

/** Ordinary pages every content rule must leave alone. */
const ordinary = [
  { file: 'pages/common/correct.html' },
  { file: `${A}/java-video-codecs.html` },
  { file: `${A}/framework-release-news.html` },
  { file: `${A}/game-mention.html` },
  { file: `${E}/about-me.html` },
  { file: `${E}/payment-api-docs.html` },
  { file: `${E}/shop-tutorial.html` },
  { file: `${P}/java-av.html` },
  { file: `${P}/word-filter-article.html` },
];

ruleTester('content-prohibited', {
  valid: [...ordinary, { file: `${A}/games.html` }, { file: `${E}/company-site.html` }],
  invalid: [
    {
      file: `${P}/gambling.html`,
      errors: [
        { messageId: 'gambling', line: 16, column: 39, severity: 'error' },
        { messageId: 'gambling', line: 17, column: 39, severity: 'error' },
        { messageId: 'gambling', line: 17, column: 42, severity: 'error' },
      ],
    },
    { file: `${P}/pornography.html`, errors: [{ messageId: 'pornography', line: 15, column: 32 }, { messageId: 'pornography', line: 15, column: 35 }] },
    {
      file: `${P}/fraud.html`,
      errors: [
        { messageId: 'fraud', line: 12, column: 12 },
        { messageId: 'fraud', line: 12, column: 19 },
        { messageId: 'fraud', line: 13, column: 12 },
        { messageId: 'fraud', line: 13, column: 17 },
      ],
    },
    { file: `${P}/drugs.html`, errors: [{ messageId: 'drugs', line: 12, column: 12 }, { messageId: 'drugs', line: 12, column: 17 }] },
    { file: `${P}/weapons.html`, errors: [{ messageId: 'weapons', line: 12, column: 10 }, { messageId: 'weapons', line: 12, column: 15 }] },
    {
      file: `${P}/illegal-services.html`,
      errors: [
        { messageId: 'illegal-services', line: 12, column: 12 },
        { messageId: 'illegal-services', line: 12, column: 17 },
        { messageId: 'illegal-services', line: 12, column: 21 },
      ],
    },
    // Quoted in a warning: still shown, as warnings.
    {
      file: `${P}/anti-fraud-notice.html`,
      errors: [
        { messageId: 'fraud', line: 11, column: 13, severity: 'warning' },
        { messageId: 'fraud', line: 12, column: 22, severity: 'warning' },
        { messageId: 'fraud', line: 13, column: 13, severity: 'warning' },
      ],
    },
    // data-beian-ignore and the disable/enable region hide their text; the line after enable is read again.
    { file: `${P}/ignored.html`, errors: [{ messageId: 'gambling', line: 16, column: 16 }, { messageId: 'gambling', line: 16, column: 20 }] },
  ],
});

ruleTester('content-preapproval', {
  valid: [
    ...ordinary,
    // The licence number on the page shows the approval is held.
    { file: `${A}/licensed-video.html` },
    { file: `${A}/games.html`, site: { preapprovals: ['games'] } },
    { file: `${A}/page-disabled.html` },
    { file: `${P}/gambling.html` },
  ],
  invalid: [
    { file: `${A}/news.html`, errors: [{ messageId: 'news', line: 11, column: 18 }] },
    { file: `${A}/publishing.html`, errors: [{ messageId: 'publishing', line: 12, column: 23 }] },
    { file: `${A}/culture.html`, errors: [{ messageId: 'culture', line: 11, column: 15 }] },
    { file: `${A}/broadcasting.html`, errors: [{ messageId: 'broadcasting', line: 11, column: 11 }] },
    { file: `${A}/drugs.html`, errors: [{ messageId: 'drugs', line: 11, column: 20 }] },
    { file: `${A}/medical.html`, errors: [{ messageId: 'medical', line: 11, column: 11 }] },
    { file: `${A}/education.html`, errors: [{ messageId: 'education', line: 11, column: 18 }] },
    { file: `${A}/games.html`, errors: [{ messageId: 'games', line: 11, column: 13, severity: 'warning' }] },
    { file: `${A}/finance.html`, errors: [{ messageId: 'finance', line: 11, column: 13 }] },
    { file: `${A}/religion.html`, errors: [{ messageId: 'religion', line: 11, column: 11 }] },
    { file: `${A}/bulletin-board.html`, errors: [{ messageId: 'bulletin-board', line: 12, column: 10 }] },
    { file: `${A}/ride-hailing.html`, errors: [{ messageId: 'ride-hailing', line: 12, column: 38 }] },
    // Another category's licence does not help.
    { file: `${A}/games.html`, site: { preapprovals: ['broadcasting'] }, errors: [{ messageId: 'games', line: 11, column: 13 }] },
  ],
});

ruleTester('content-entity-scope', {
  valid: [
    ...ordinary,
    { file: `${A}/games.html` },
    // A comment system alone is a notice on entry pages only.
    { file: `${E}/blog-with-comments.html`, entry: false },
    { file: `${E}/company-site.html`, site: { filing: 'enterprise' } },
    { file: `${E}/blog-with-comments.html`, site: { allow: ['Twikoo'] } },
  ],
  invalid: [
    {
      file: `${E}/company-site.html`,
      errors: [
        { messageId: 'organisation', line: 11, column: 11, severity: 'warning' },
        { messageId: 'organisation', line: 12, column: 10, severity: 'warning' },
        { messageId: 'organisation', line: 12, column: 31, severity: 'warning' },
        { messageId: 'organisation', line: 13, column: 19, severity: 'warning' },
        { messageId: 'organisation', line: 17, column: 15, severity: 'warning' },
      ],
    },
    {
      file: `${E}/shop.html`,
      errors: [
        { messageId: 'commerce', line: 6, column: 24 },
        { messageId: 'commerce', line: 13, column: 24 },
        { messageId: 'commerce', line: 14, column: 32 },
        { messageId: 'commerce', line: 15, column: 44 },
      ],
    },
    {
      file: `${E}/forum.html`,
      errors: [
        { messageId: 'interactive', line: 6, column: 35 },
        // 版块列表: a forum's own words (issue 13).
        { messageId: 'interactive', line: 12, column: 11 },
        { messageId: 'interactive', line: 13, column: 61 },
        { messageId: 'interactive', line: 13, column: 105 },
        { messageId: 'interactive', line: 16, column: 19 },
      ],
    },
    { file: `${E}/blog-with-comments.html`, errors: [{ messageId: 'comment-widget', line: 20, column: 44, severity: 'notice' }] },
    {
      file: `${E}/enterprise-other-org.html`,
      site: { filing: 'enterprise', otherOrganizations: ['上海另一家贸易有限公司'] },
      errors: [{ messageId: 'other-organization', line: 11, column: 11 }],
    },
  ],
});

function only(ruleId: string, html: string, site: Parameters<typeof testSite>[0] = {}, options: { entry?: boolean; lang?: 'zh-CN' | 'en' } = {}) {
  return checkSource(html, testSite(site, [ruleId]), options).filter((f) => f.ruleId === ruleId);
}

describe('content findings', () => {
  it('carry the words as shown and about 20 characters of context on each side', () => {
    const [first] = only('content-prohibited', readFixture(`${P}/gambling.html`));
    // Evidence is the matching form of the text (NFKC: full-width punctuation becomes ASCII).
    expect(first?.evidence).toBe('…新的服务器,顺便升级了主题。 友情链接 【真人荷官】在线发牌 百家乐首存送 100% © 2…');
    expect(first?.message).toBe('页面含有涉赌内容：“真人荷官”（本页 1 处）。');
  });

  it('read in English when asked', () => {
    const [first] = only('content-preapproval', readFixture(`${A}/games.html`), {}, { lang: 'en' });
    expect(first?.message).toBe(
      'The page looks like online games content (新区开服、开服表、首充、手游下载、游戏充值、开服), which needs a pre-approval the config does not declare.',
    );
    expect(first?.fix).toContain('"games"');
  });

  it('skip terms the config allows, as whole terms or inside an allowed phrase', () => {
    const page = readFixture(`${P}/gambling.html`);
    expect(only('content-prohibited', page, { allow: ['真人荷官', '百家乐', '首存送'] })).toEqual([]);
    expect(only('content-prohibited', page, { allow: ['真人荷官在线发牌'] }).map((f) => f.evidence)).toEqual([
      expect.stringContaining('【百家乐】'),
      expect.stringContaining('【首存送】'),
    ]);
  });

  it('ignore a disable comment that names another rule, so a typo hides nothing', () => {
    const page = readFixture(`${A}/games.html`).replace('<main>', '<main><!-- beian-guard-disable content-preaproval -->');
    expect(only('content-preapproval', page)).toHaveLength(1);
  });

  it('stop at the matching enable comment and treat a disable without ids as all content rules', () => {
    const games = '<p>今日新区开服，首充送豪华礼包，手游下载后即可进入游戏。游戏充值九折，每日更新开服时间。</p>';
    const wrap = (body: string) => `<!doctype html><html><head><title>x</title></head><body>${body}</body></html>`;
    expect(only('content-preapproval', wrap(`<!-- beian-guard-disable -->${games}`))).toEqual([]);
    expect(only('content-preapproval', wrap(`<!-- beian-guard-disable -->${games}<!-- beian-guard-enable -->${games}`))).toHaveLength(1);
    expect(only('content-preapproval', wrap(`<!-- beian-guard-disable content-prohibited, content-entity-scope -->${games}`))).toHaveLength(1);
  });

  it('honour data-beian-ignore in any ASCII case, and only on the element that carries it (the scan skips the attribute where the source cannot hold it)', () => {
    const wrap = (body: string) => `<!doctype html><html><head><title>x</title></head><body>${body}</body></html>`;
    const gambling = '<p>网上赌场开户送彩金，百家乐。</p>';
    const shown = only('content-prohibited', wrap(gambling)).length;
    expect(shown).toBeGreaterThan(0);
    expect(only('content-prohibited', wrap(`<div DATA-BEIAN-IGNORE>${gambling}</div>`))).toEqual([]);
    expect(only('content-prohibited', wrap(`<section Data-Beian-Ignore="">${gambling}</section>`))).toEqual([]);
    // The attribute elsewhere on the page, or its name in text, hides nothing.
    expect(only('content-prohibited', wrap(`<p data-beian-ignore>其他</p>${gambling}`))).toHaveLength(shown);
    expect(only('content-prohibited', wrap(`<p>data-beian-ignore</p>${gambling}`))).toHaveLength(shown);
    // A look-alike name (non-ASCII letters) is not the attribute.
    expect(only('content-prohibited', wrap(`<div data-beıan-ignore>${gambling}</div>`))).toHaveLength(shown);
  });

  it('leave the demo site alone', () => {
    for (const rel of ['demo/site/index.html', 'demo/site/about/index.html', 'demo/site/notes/theme-sample.html']) {
      const findings = checkSource(readFixture(rel), testSite({ scope: 'all' }, ['content-prohibited', 'content-preapproval', 'content-entity-scope']));
      expect(findings.map((f) => `${rel} ${f.ruleId}/${f.messageId}`)).toEqual([]);
    }
  });
});
