import { describe, expect, it } from 'vitest';
import { builtFacts, offsetOf, textFragments } from '../../src/sourcemap/built-page.js';
import { fileKind, isFooterNamed } from '../../src/sourcemap/file-kinds.js';
import { configKeyPath } from '../../src/sourcemap/key-path.js';
import { groupKey, isGenericHref, needleFor, needsBuiltPage } from '../../src/sourcemap/needles.js';
import { themesIn } from '../../src/sourcemap/project.js';

const f = (ruleId: string, messageId: string, evidence = '') => ({ ruleId, messageId, evidence });

describe('needle choice by rule', () => {
  it('searches the href for wrong links and the number for everything about a shown number', () => {
    expect(needleFor(f('icp-link', 'www', 'https://www.beian.miit.gov.cn/'))).toEqual({ type: 'href', href: 'https://www.beian.miit.gov.cn/' });
    expect(needleFor(f('police-link', 'legacy', 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1'))).toMatchObject({ type: 'href' });
    expect(needleFor(f('icp-link', 'not-linked', '京ICP备2023012345号-1'))).toEqual({ type: 'number', number: '京ICP备2023012345号-1' });
    expect(needleFor(f('police-link', 'not-linked', '京公网安备11010502030143号'))).toMatchObject({ type: 'number' });
    for (const rule of ['icp-mismatch', 'icp-placement', 'icp-hidden', 'police-format', 'police-mismatch']) {
      expect(needleFor(f(rule, 'x', '京ICP备00000000号'))).toEqual({ type: 'number', number: '京ICP备00000000号' });
    }
  });

  it('searches the footer for a missing number, the number where it is only in a script, the component for a shell', () => {
    expect(needleFor(f('icp-present', 'missing'))).toEqual({ type: 'footer' });
    expect(needleFor(f('police-present', 'not-configured'))).toEqual({ type: 'footer' });
    expect(needleFor(f('icp-present', 'only-comment', '京ICP备2023012345号-1'))).toMatchObject({ type: 'number' });
    expect(needleFor(f('police-present', 'spa-shell'))).toEqual({ type: 'spa-footer' });
  });

  it('searches the title text, or the <title> template when there is none', () => {
    expect(needleFor(f('title-site-name', 'mismatch', 'About | My Blog'))).toEqual({ type: 'title', title: 'About | My Blog' });
    expect(needleFor(f('title-site-name', 'missing'))).toEqual({ type: 'title-element' });
  });

  it('maps nothing for input problems no source produced', () => {
    for (const rule of ['file-skipped', 'file-encoding', 'entry-missing']) expect(needleFor(f(rule, 'x', 'y'))).toBeNull();
    expect(needleFor(f('icp-mismatch', 'different', ''))).toBeNull();
  });

  it('treats placeholder links as too common to search alone', () => {
    for (const h of ['', '#', 'javascript:;', 'javascript:void(0)', '/', '/beian/', 'beian.html']) expect(isGenericHref(h)).toBe(true);
    for (const h of ['http://beian.miit.gov.cn/', '//www.miitbeian.gov.cn', 'https://beian.miit.gov.cn/#/Integrated/index']) expect(isGenericHref(h)).toBe(false);
    expect(needsBuiltPage({ type: 'href', href: '#' })).toBe(true);
    expect(needsBuiltPage({ type: 'href', href: 'http://beian.miit.gov.cn/' })).toBe(false);
  });

  it('groups by rule, message and evidence so many pages share one search', () => {
    const a = { ruleId: 'icp-link', messageId: 'http', message: 'm', evidence: 'http://beian.miit.gov.cn/' };
    expect(groupKey(a)).toBe(groupKey({ ...a }));
    expect(groupKey(a)).not.toBe(groupKey({ ...a, evidence: 'http://beian.miit.gov.cn' }));
  });
});

describe('file kinds', () => {
  it('classifies what developers edit', () => {
    expect(fileKind('hugo.toml')).toBe('config');
    expect(fileKind('.env.production')).toBe('config');
    expect(fileKind('docs/.vitepress/config.mts')).toBe('config');
    expect(fileKind('docusaurus.config.js')).toBe('config');
    expect(fileKind('src/components/Footer.vue')).toBe('template');
    expect(fileKind('themes/next/layout/_partials/footer.njk')).toBe('template');
    expect(fileKind('src/App.js')).toBe('code');
    expect(fileKind('source/_posts/a.md')).toBe('content');
    expect(fileKind('package-lock.json')).toBe('other');
    expect(fileKind('assets/app.min.js')).toBe('other');
    expect(fileKind('img/logo.png')).toBe('other');
    expect(isFooterNamed('layouts/partials/site-footer.html')).toBe(true);
    expect(isFooterNamed('src/components/PageFoot.tsx')).toBe(true);
    expect(isFooterNamed('layouts/partials/header.html')).toBe(false);
  });

  it('reads the selected theme from a generator config', () => {
    expect(themesIn('baseURL = "/"\ntheme = "quiet"\n')).toEqual(['quiet']);
    expect(themesIn('theme = ["quiet", "hugo-shortcodes"]\n')).toEqual(['quiet', 'hugo-shortcodes']);
    expect(themesIn('title: x\ntheme: butterfly # main theme\n')).toEqual(['butterfly']);
    expect(themesIn('markdown:\n  theme: github\n')).toEqual([]);
  });
});

describe('config key paths', () => {
  const keyAt = (file: string, text: string, needle: string) => configKeyPath(file, text, text.indexOf(needle));

  it('reads TOML sections and inline tables', () => {
    const toml = 'title = "x"\n\n[params]\n  icp = "京ICP备1号"\n\n[params.beian]\n  police = { number = "京公网安备1号" }\n';
    expect(keyAt('hugo.toml', toml, '京ICP')).toBe('params.icp');
    expect(keyAt('hugo.toml', toml, '京公网')).toBe('params.beian.police.number');
  });

  it('reads YAML nesting by indentation, skipping comments and siblings', () => {
    const yaml = 'footer:\n  since: 2019\n  # 备案\n  beian:\n    enable: true\n    icp: 粤ICP备1号\nmenu:\n  home: /\n';
    expect(keyAt('_config.yml', yaml, '粤ICP')).toBe('footer.beian.icp');
    expect(keyAt('_config.yml', yaml, '/\n')).toBe('menu.home');
  });

  it('reads JS and TS object literals, ignoring keys inside strings', () => {
    const ts = "export default defineConfig({\n  themeConfig: {\n    nav: [],\n    footer: {\n      message: '<a href=\"https://x.cn/\">沪ICP备1号</a>',\n    },\n  },\n})\n";
    expect(keyAt('docs/.vitepress/config.mts', ts, '沪ICP')).toBe('themeConfig.footer.message');
    expect(keyAt('site.json', '{\n  "beian": {\n    "icp": "京ICP备1号"\n  }\n}\n', '京ICP')).toBe('beian.icp');
  });

  it('reads .env names and gives no key for templates', () => {
    expect(keyAt('.env', '# x\nVITE_ICP=京ICP备1号\n', '京ICP')).toBe('VITE_ICP');
    expect(keyAt('footer.html', '<p>京ICP备1号</p>', '京ICP')).toBeNull();
  });
});

describe('built page facts', () => {
  it('splits footer text where a template would put a value', () => {
    expect(textFragments('&copy; 2019 - 2024 王小林')).toEqual([]);
    expect(textFragments('&copy; 2024 周山川. 用 Jekyll 搭建，托管于自己的服务器。')).toContain('托管于自己的服务器');
    expect(textFragments('Copyright © 2024-present 青梧工作室')).toEqual(['Copyright', '青梧工作室']);
  });

  it('finds the number inside the link at a finding\'s position', () => {
    const page = '<html><body><main>x</main>\n<footer class="site-footer"><p>© 2024 Jane · Powered by Hugo</p>\n<a href="#">京ICP备2023012345号-1</a></footer></body></html>';
    const facts = builtFacts(page, 'index.html', 3, 10);
    expect(facts.anchorNumber).toBe('京ICP备2023012345号-1');
    expect(facts.hasFooter).toBe(true);
    expect(facts.footerFragments).toEqual(expect.arrayContaining(['site-footer', 'Powered by Hugo']));
    expect(offsetOf(page, 3, 10)).toBe(page.indexOf('#'));
  });

  it('reports a page without a footer', () => {
    const facts = builtFacts('<html><body><main><p>hello</p></main></body></html>', 'index.html', 1, 1);
    expect(facts).toEqual({ footerFragments: [], hasFooter: false, anchorNumber: null });
  });
});
