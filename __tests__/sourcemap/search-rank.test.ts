import { describe, expect, it } from 'vitest';
import { groupFindings, mapGroups } from '../../src/sourcemap/index.js';
import type { BuiltFacts } from '../../src/sourcemap/built-page.js';
import type { Needle } from '../../src/sourcemap/needles.js';
import { projectContext } from '../../src/sourcemap/project.js';
import { rankCandidates } from '../../src/sourcemap/rank.js';
import { searchNeedle } from '../../src/sourcemap/search.js';
import { indexFromTexts } from '../../src/sourcemap/source-index.js';
import type { Finding, SourceLocation } from '../../src/model/index.js';

/** Searches and ranks as attachSourceLocations does, over files held in memory. */
function locate(files: Record<string, string>, needle: Needle, built: BuiltFacts | null = null, siteRoot = 'public'): SourceLocation[] {
  const index = indexFromTexts(Object.entries(files).map(([path, text]) => ({ path, text })), { excludeDirs: [siteRoot] });
  return rankCandidates(searchNeedle(needle, index, built), projectContext(index, siteRoot), `${siteRoot}/index.html`, 'en');
}

describe('number search', () => {
  it('finds a number written with spaces, &nbsp; or full-width characters', () => {
    const locs = locate(
      { 'layouts/partials/footer.html': '<footer>\n  <a href="https://beian.miit.gov.cn/">京 ICP 备&nbsp;２０２３０１２３４５号－1</a>\n</footer>\n' },
      { type: 'number', number: '京ICP备2023012345号-1' },
    );
    expect(locs).toEqual([{ file: 'layouts/partials/footer.html', line: 2, column: 40, reason: 'the number 京ICP备2023012345号-1 is written here', confidence: 'high' }]);
  });

  it('falls back to the serial when a template splits the number, sure only where the key says so', () => {
    const files = {
      '_config.yml': 'beian:\n  icp_serial: 2023012345\n',
      'layout/_partial/footer.ejs': '<a href="https://beian.miit.gov.cn/">京ICP备<%= theme.beian.icp_serial %>号-1</a>\n',
      'source/_data/prices.yml': 'sku: 2023012345\n',
    };
    const locs = locate(files, { type: 'number', number: '京ICP备2023012345号-1' });
    expect(locs[0]).toMatchObject({ file: '_config.yml', line: 2, confidence: 'high' });
    expect(locs[1]).toMatchObject({ file: 'source/_data/prices.yml', confidence: 'low' });
  });

  it('names template and config, never a post that quotes the same number (issue 13)', () => {
    const files = {
      'content/posts/how-to-beian.md': '把 `京ICP备00000000号` 换成你的备案号。\n',
      'hugo.toml': '[params]\n  icp = "京ICP备00000000号"\n',
    };
    const locs = locate(files, { type: 'number', number: '京ICP备00000000号' });
    expect(locs.map((l) => [l.file, l.confidence])).toEqual([['hugo.toml', 'high']]);
  });

  it('names nothing when only a post quotes it: nothing is likely', () => {
    const locs = locate({ 'hugo.toml': 'title = "x"\n', 'content/posts/old-link.md': '旧地址 http://www.beian.miit.gov.cn/ 已经失效。\n' }, { type: 'href', href: 'http://www.beian.miit.gov.cn/' });
    expect(locs).toEqual([]);
  });

  it('names the homepage prose of a plain Markdown site as a possible source', () => {
    const locs = locate({ 'hugo.toml': 'title = "x"\n', 'content/_index.md': '备案号：京ICP备00000000号\n' }, { type: 'number', number: '京ICP备00000000号' });
    expect(locs.map((l) => [l.file, l.confidence])).toEqual([['content/_index.md', 'low']]);
  });

  it('never names tests, examples, README files or files outside the site (issue 13)', () => {
    const files = {
      'package.json': '{"name":"some-tool"}',
      'README.en.md': 'Link it to http://www.beian.miit.gov.cn/ and you will see a warning.\n',
      '__tests__/links.test.ts': "expect(classify('http://www.beian.miit.gov.cn/')).toBe('www');\n",
      'src/footer.spec.js': "it('x', () => '<a href=\"http://www.beian.miit.gov.cn/\">');\n",
      'examples/blog/footer.html': '<a href="http://www.beian.miit.gov.cn/">x</a>\n',
      'demo/beian.config.json': '{"root": "site"}\n',
    };
    const index = indexFromTexts(Object.entries(files).map(([path, text]) => ({ path, text })), { excludeDirs: ['demo/site'] });
    const needle = { type: 'href', href: 'http://www.beian.miit.gov.cn/' } as const;
    // Without the config's folder the whole repository is the site's; still no test, example or README.
    expect(rankCandidates(searchNeedle(needle, index, null), projectContext(index, 'demo/site'), 'demo/site/index.html', 'en')).toEqual([]);
    // With it (the demo site of a tool's repository), nothing outside demo/ either.
    const ctx = projectContext(index, 'demo/site', 'demo');
    expect(ctx.sourceRoot).toBe('demo');
    expect(rankCandidates(searchNeedle(needle, index, null), ctx, 'demo/site/index.html', 'en')).toEqual([]);
  });
});

describe('link search', () => {
  it('finds an exact href but not a longer link that starts with it', () => {
    const files = {
      'footer.html': '<a href="http://beian.miit.gov.cn/#/Integrated/index">a</a>\n<a href="http://beian.miit.gov.cn/">b</a>\n',
    };
    const locs = locate(files, { type: 'href', href: 'http://beian.miit.gov.cn/' });
    expect(locs).toEqual([expect.objectContaining({ file: 'footer.html', line: 2, column: 10, confidence: 'high' })]);
  });

  it('finds an &amp;-escaped query in a template', () => {
    const href = 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030143&token=abc';
    const locs = locate({ 'footer.njk': `<a href="${href.replace('&', '&amp;')}">x</a>\n` }, { type: 'href', href });
    expect(locs).toEqual([expect.objectContaining({ file: 'footer.njk', line: 1, confidence: 'high' })]);
  });

  it('labels a link stem found in several templates a possibility', () => {
    const stem = 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=';
    const files = { 'a/footer.html': `<a href="${stem}{{ code }}">x</a>\n`, 'b/footer.html': `<a href="${stem}{{ code }}">x</a>\n` };
    const locs = locate(files, { type: 'href', href: `${stem}11010502030143` });
    expect(locs.map((l) => l.confidence)).toEqual(['low', 'low']);
  });

  it('finds a placeholder link next to the filing number, and where the number is set', () => {
    const files = {
      'themes/x/layout/footer.ejs': '<footer>\n  <span>© 2024</span>\n  <a href="#"><%= theme.beian.icp %></a>\n  <a href="#">top</a>\n</footer>\n',
      'themes/x/_config.yml': 'beian:\n  icp: 京ICP备2023012345号-1\n',
    };
    const built: BuiltFacts = { footerFragments: [], hasFooter: true, anchorNumber: '京ICP备2023012345号-1' };
    const locs = locate(files, { type: 'href', href: '#' }, built);
    expect(locs[0]).toMatchObject({ file: 'themes/x/layout/footer.ejs', line: 3, confidence: 'high' });
    expect(locs[1]).toMatchObject({ file: 'themes/x/_config.yml', line: 2, confidence: 'low' });
  });
});

describe('ranking', () => {
  it('never names an unused theme or an example site (issue 13)', () => {
    const files = {
      'hugo.toml': 'theme = "b"\n',
      'themes/a/layouts/partials/footer.html': '<a href="http://beian.miit.gov.cn/">x</a>\n',
      'themes/b/exampleSite/layouts/partials/footer.html': '<a href="http://beian.miit.gov.cn/">x</a>\n',
      'themes/b/layouts/partials/footer.html': '<a href="http://beian.miit.gov.cn/">x</a>\n',
    };
    const locs = locate(files, { type: 'href', href: 'http://beian.miit.gov.cn/' });
    expect(locs.map((l) => [l.file, l.confidence])).toEqual([['themes/b/layouts/partials/footer.html', 'high']]);
  });

  it('prefers the project override nearest the generator config over the theme file', () => {
    const files = {
      'hugo.toml': 'theme = "b"\n',
      'themes/b/layouts/partials/footer.html': '<a href="http://beian.miit.gov.cn/">x</a>\n',
      'layouts/partials/footer.html': '<a href="http://beian.miit.gov.cn/">x</a>\n',
    };
    expect(locate(files, { type: 'href', href: 'http://beian.miit.gov.cn/' })[0]!.file).toBe('layouts/partials/footer.html');
  });

  it('finds the generator root above a nested build folder', () => {
    const index = indexFromTexts([
      { path: 'package.json', text: '{}' },
      { path: 'docs/.vitepress/config.mts', text: 'export default {}' },
    ]);
    expect(projectContext(index, 'docs/.vitepress/dist')).toEqual({
      genRoot: 'docs',
      genConfig: 'docs/.vitepress/config.mts',
      themes: [],
      sourceRoot: 'docs',
      siteRoot: 'docs/.vitepress/dist',
    });
    expect(projectContext(index, '.')).toMatchObject({ genRoot: '', genConfig: 'package.json' });
  });
});

describe('footer search', () => {
  const built: BuiltFacts = { footerFragments: ['site-footer', 'Powered by', 'Jane Doe', 'https://gohugo.io/'], hasFooter: true, anchorNumber: null };

  it('picks the file holding most of the footer, at its <footer> tag', () => {
    const files = {
      'hugo.toml': 'title = "x"\n[params]\n  author = "Jane Doe"\n',
      'layouts/partials/footer.html': '{{/* site footer */}}\n<footer class="site-footer">\n  <p>© {{ now.Year }} {{ site.Params.author }} · Powered by <a href="https://gohugo.io/">Hugo</a></p>\n</footer>\n',
    };
    expect(locate(files, { type: 'footer' }, built)).toEqual([
      expect.objectContaining({ file: 'layouts/partials/footer.html', line: 2, column: 1, confidence: 'high' }),
    ]);
  });

  it('is unsure when two files hold the footer equally well', () => {
    const text = '<footer class="site-footer">Powered by <a href="https://gohugo.io/">Hugo</a></footer>\n';
    const locs = locate({ 'a/footer.html': text, 'b/footer.html': text }, { type: 'footer' }, built);
    expect(locs.map((l) => l.confidence)).toEqual(['low', 'low']);
  });

  it('guesses a footer-named template, labelled low, when none of the footer text is in the sources', () => {
    const locs = locate({ 'layouts/partials/footer.html': '<footer>{{ .Site.Copyright }}</footer>\n', 'layouts/partials/head.html': '<head></head>' }, { type: 'footer' }, built);
    expect(locs).toEqual([expect.objectContaining({ file: 'layouts/partials/footer.html', line: 1, confidence: 'low' })]);
  });

  it('finds nothing rather than guessing when no template is named like a footer', () => {
    expect(locate({ 'layouts/index.html': '<main></main>\n' }, { type: 'footer' }, built)).toEqual([]);
  });
});

describe('title search', () => {
  it('finds the site part of a composed title in a config title key and ignores page-name prose', () => {
    const files = {
      'docusaurus.config.js': "module.exports = {\n  title: 'My Site',\n  tagline: 'Dinosaurs are cool',\n};\n",
      'blog/2024-01-01-welcome.md': '---\ntitle: Welcome\n---\nWelcome to My Site!\n',
    };
    const locs = locate(files, { type: 'title', title: 'Welcome | My Site' }, null, 'build');
    expect(locs).toEqual([expect.objectContaining({ file: 'docusaurus.config.js', line: 2, confidence: 'high' })]);
    expect(locs[0]!.reason).toBe('the config value title sets "My Site" of the title');
  });

  it('points a missing <title> at the head template first, labelled low', () => {
    const files = {
      'layouts/partials/head.html': '<head>\n  <meta charset="utf-8">\n  <title>{{ .Title }}</title>\n</head>\n',
      'layouts/shortcodes/figure.html': '<figure><title>{{ .Get "caption" }}</title></figure>\n',
    };
    expect(locate(files, { type: 'title-element' }).map((l) => [l.file, l.line, l.confidence])).toEqual([
      ['layouts/partials/head.html', 3, 'low'],
      ['layouts/shortcodes/figure.html', 1, 'low'],
    ]);
  });

  it('gives a zh-CN reason when the run is in Chinese', () => {
    const index = indexFromTexts([{ path: 'hugo.toml', text: 'title = "My Blog"\n' }]);
    const [loc] = rankCandidates(searchNeedle({ type: 'title', title: 'My Blog' }, index, null), projectContext(index, 'public'), 'public/index.html', 'zh-CN');
    expect(loc!.reason).toBe('配置项 title 设定了标题中的“My Blog”');
  });
});

describe('reading prose only when templates and config hold nothing', () => {
  const finding = (ruleId: string, messageId: string, evidence: string): Finding => ({
    ruleId, messageId, evidence, severity: 'error', file: 'public/index.html', page: 'index.html', line: 1, column: 1,
    endLine: 1, endColumn: 2, message: `${ruleId} ${evidence}`, fix: '', fingerprint: evidence, entry: true,
  });
  const markup = indexFromTexts([{ path: 'layouts/footer.html', text: '<a href="http://beian.miit.gov.cn/">x</a>\n' }]);
  const prose = indexFromTexts([...markup.files, { path: 'content/_index.md', text: '备案号：京ICP备2023012345号-2\n' }]);

  it('reads prose once, for the needle no template explains, and not for the one a template does', () => {
    const found = finding('icp-link', 'http', 'http://beian.miit.gov.cn/');
    const onlyInProse = finding('icp-mismatch', 'different-site', '京ICP备2023012345号-2');
    let reads = 0;
    mapGroups(groupFindings([found, onlyInProse]), markup, ['public'], 'en', {
      readPage: () => null,
      withProse: () => {
        reads++;
        return prose;
      },
    });
    expect(reads).toBe(1);
    expect(found.sourceLocations).toEqual([expect.objectContaining({ file: 'layouts/footer.html', confidence: 'high' })]);
    expect(onlyInProse.sourceLocations).toEqual([expect.objectContaining({ file: 'content/_index.md', line: 1, confidence: 'low' })]);
  });
});
