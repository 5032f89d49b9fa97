import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigObject, resolveConfig } from '../../src/config/resolve.js';
import { runChecks } from '../../src/engine/run.js';
import { attachSourceLocations } from '../../src/sourcemap/index.js';
import { checkRepo, lineOf, only, REPOS, tempCopy } from './run-fixture.js';
import type { SourceLocation } from '../../src/model/index.js';

const SITES = {
  hugo: { root: 'public', icp: '京ICP备2023012345号-1', police: '京公网安备11010502030143号', siteName: '静谧笔记' },
  hexo: { root: 'public', icp: '粤ICP备2021012345号-1', police: '粤公网安备44030502008569号', siteName: '林间小站' },
  jekyll: { root: '_site', icp: '浙ICP备2022001234号-1', police: '浙公网安备33010602011234号', siteName: '山川手记' },
  vitepress: { root: 'docs/.vitepress/dist', icp: '沪ICP备2023004567号-1', police: '沪公网安备31010402001234号', siteName: '青梧文档' },
  vue: { root: 'dist', icp: '苏ICP备2020123456号-1', siteName: '木犀小铺' },
  react: { root: 'build', icp: '闽ICP备2024012345号-1', siteName: '蓝鲸记账' },
} as const;

/** Where `text` sits in a fixture file: the line a developer would edit. */
function at(repo: string, file: string, text: string): { file: string; line: number } {
  return { file, line: lineOf(text, readFileSync(path.join(REPOS, repo, file), 'utf8')) };
}

function first(locations: readonly SourceLocation[] | undefined): SourceLocation {
  if (!locations || locations.length === 0) throw new Error('no source location');
  return locations[0]!;
}

describe('Hugo: theme partial and hugo.toml', () => {
  it('points a wrong MIIT link at the exact line of the active theme partial', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'hugo'), SITES.hugo);
    const f = only(report, 'icp-link', 'path');
    const loc = first(f.sourceLocations);
    expect(loc).toMatchObject({ ...at('hugo', 'themes/quiet/layouts/partials/footer.html', 'beian.miit.gov.cn/#/Integrated'), confidence: 'high' });
    expect(loc.column).toBe(40);
    // The same link in a theme hugo.toml does not select is not one of the site's sources (issue 13).
    expect(f.sourceLocations!.map((l) => l.file)).not.toContain('themes/paper/layouts/partials/footer.html');
  });

  it('points a placeholder number set in config at the params line, not at the theme example site', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'hugo'), SITES.hugo);
    const f = only(report, 'icp-mismatch', 'placeholder');
    expect(first(f.sourceLocations)).toMatchObject({ ...at('hugo', 'hugo.toml', 'icp = '), column: 10, confidence: 'high' });
    expect(first(f.sourceLocations).reason).toContain('params.icp');
    expect(f.sourceLocations!.map((l) => l.file)).not.toContain('themes/quiet/exampleSite/hugo.toml');
  });

  it('points a title without the filed name at the title in hugo.toml', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'hugo'), SITES.hugo);
    const f = only(report, 'title-site-name', 'mismatch');
    expect(first(f.sourceLocations)).toMatchObject({ ...at('hugo', 'hugo.toml', 'title = "Quiet Notes"'), confidence: 'high' });
  });

  it('gives every page with the same problem the same location (one search per problem)', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'hugo'), { ...SITES.hugo, scope: 'all' });
    const links = report.findings.filter((f) => f.ruleId === 'icp-link');
    expect(links.map((f) => f.page).sort()).toEqual(['index.html', 'posts/first-post/index.html']);
    expect(links[0]!.sourceLocations).toEqual(links[1]!.sourceLocations);
    // The composed title "第一篇笔记 | Quiet Notes" still finds the site's part in config.
    const title = only(report, 'title-site-name', 'mismatch', 'posts/first-post/index.html');
    expect(first(title.sourceLocations)).toMatchObject({ ...at('hugo', 'hugo.toml', 'title = "Quiet Notes"'), confidence: 'high' });
  });
});

describe('Hexo: theme _config.yml and footer partial', () => {
  it('points another site\'s number at the theme config value', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'hexo'), SITES.hexo);
    const f = only(report, 'icp-mismatch', 'different-site');
    const loc = first(f.sourceLocations);
    expect(loc).toMatchObject({ ...at('hexo', 'themes/lite/_config.yml', 'icp: 粤ICP备'), column: 10, confidence: 'high' });
    expect(loc.reason).toContain('footer.beian.icp');
  });

  it('points the legacy police link, built from a template value, at the partial line that builds it', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'hexo'), SITES.hexo);
    const f = only(report, 'police-link', 'legacy');
    expect(f.sourceLocations).toHaveLength(1);
    expect(first(f.sourceLocations)).toMatchObject({ ...at('hexo', 'themes/lite/layout/_partial/footer.ejs', 'registerSystemInfo'), confidence: 'high' });
  });
});

describe('Hexo with a theme installed from npm (issue 13)', () => {
  it('points the footer link at the installed theme partial, never at a post or a README that quotes the link', async () => {
    const copy = tempCopy('hexo-npm');
    try {
      // node_modules is never committed: lay the installed theme out as npm would.
      mkdirSync(path.join(copy.dir, 'node_modules'));
      renameSync(path.join(copy.dir, 'installed-theme/hexo-theme-breeze'), path.join(copy.dir, 'node_modules/hexo-theme-breeze'));
      rmSync(path.join(copy.dir, 'installed-theme'), { recursive: true });
      const { report } = await checkRepo(copy.dir, { root: 'public', icp: '粤ICP备2021012345号-1', siteName: '松涛笔记' });
      const f = only(report, 'icp-link', 'www');
      expect(f.sourceLocations).toEqual([
        expect.objectContaining({ file: 'node_modules/hexo-theme-breeze/layout/_partial/footer.ejs', line: 4, confidence: 'high' }),
      ]);
    } finally {
      copy.cleanup();
    }
  });

  it('names nothing when the theme is not installed: a post and a README only quote the link', async () => {
    const copy = tempCopy('hexo-npm');
    try {
      rmSync(path.join(copy.dir, 'installed-theme'), { recursive: true });
      const { report } = await checkRepo(copy.dir, { root: 'public', icp: '粤ICP备2021012345号-1', siteName: '松涛笔记' });
      expect(only(report, 'icp-link', 'www').sourceLocations).toBeUndefined();
    } finally {
      copy.cleanup();
    }
  });
});

describe('Jekyll: _includes/footer.html', () => {
  it('points a wrong href at the include line', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'jekyll'), SITES.jekyll);
    const f = only(report, 'icp-link', 'http');
    expect(first(f.sourceLocations)).toMatchObject({ ...at('jekyll', '_includes/footer.html', 'http://beian.miit.gov.cn/'), confidence: 'high' });
  });

  it('points a missing police number at the footer include that should hold it', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'jekyll'), SITES.jekyll);
    const f = only(report, 'police-present', 'missing');
    expect(f.sourceLocations).toHaveLength(1);
    expect(first(f.sourceLocations)).toMatchObject({ ...at('jekyll', '_includes/footer.html', '<footer'), column: 1, confidence: 'high' });
  });
});

describe('VitePress: themeConfig.footer in config.mts', () => {
  it('points a www link at the footer message in the config', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'vitepress'), SITES.vitepress);
    const f = only(report, 'icp-link', 'www');
    const loc = first(f.sourceLocations);
    expect(loc).toMatchObject({ ...at('vitepress', 'docs/.vitepress/config.mts', 'message:'), confidence: 'high' });
    expect(loc.reason).toContain('themeConfig.footer.message');
  });

  it('points a missing police number at the footer block of the config', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'vitepress'), SITES.vitepress);
    const f = only(report, 'police-present', 'missing');
    expect(first(f.sourceLocations)).toMatchObject({ ...at('vitepress', 'docs/.vitepress/config.mts', 'footer: {'), confidence: 'high' });
  });
});

describe('Vue component footer with the number in .env', () => {
  it('points a wrong href at the component line and the number at the .env value', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'vue'), SITES.vue);
    expect(first(only(report, 'icp-link', 'http').sourceLocations)).toMatchObject({
      ...at('vue', 'src/components/SiteFooter.vue', 'http://beian.miit.gov.cn'),
      confidence: 'high',
    });
    const number = first(only(report, 'icp-mismatch', 'different-site').sourceLocations);
    expect(number).toMatchObject({ ...at('vue', '.env', 'VITE_ICP_NUMBER='), column: 17, confidence: 'high' });
    expect(number.reason).toContain('VITE_ICP_NUMBER');
  });

  it('points a police number the footer lacks at the component\'s <footer>', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'vue'), SITES.vue);
    const f = only(report, 'police-present', 'not-configured');
    expect(f.sourceLocations).toEqual([expect.objectContaining({ ...at('vue', 'src/components/SiteFooter.vue', '<footer'), confidence: 'high' })]);
  });
});

describe('React (Create React App): public/ is source, build/ is output', () => {
  it('points the title at the public/index.html template, not at the manifest that merely shares the words', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'react'), SITES.react);
    const f = only(report, 'title-site-name', 'mismatch');
    expect(first(f.sourceLocations)).toMatchObject({ ...at('react', 'public/index.html', '<title>'), confidence: 'high' });
    expect(f.sourceLocations!.filter((l) => l.file === 'public/manifest.json').every((l) => l.confidence === 'low')).toBe(true);
  });

  it('labels the footer component of a client-rendered shell a low-confidence guess', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'react'), SITES.react);
    const f = only(report, 'icp-present', 'spa-shell');
    expect(f.sourceLocations).toEqual([expect.objectContaining({ ...at('react', 'src/components/Footer.jsx', '<footer'), confidence: 'low' })]);
  });
});

describe('outside a git work tree (the walk)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('maps a temp copy the same way and honours its .gitignore', async () => {
    const copy = tempCopy('hexo', 'public/\n.deploy_git/\ndb.json\n');
    cleanup = copy.cleanup;
    // hexo-deployer-git keeps a copy of the site in .deploy_git/; were .gitignore not honoured, it would
    // be a second (wrong) candidate next to the theme config.
    mkdirSync(path.join(copy.dir, '.deploy_git/themes/lite'), { recursive: true });
    writeFileSync(path.join(copy.dir, '.deploy_git/themes/lite/_config.yml'), 'icp: 粤ICP备2021012345号-2\n');
    const { report } = await checkRepo(copy.dir, SITES.hexo);
    const f = only(report, 'icp-mismatch', 'different-site');
    expect(f.sourceLocations).toEqual([expect.objectContaining({ ...at('hexo', 'themes/lite/_config.yml', 'icp: 粤ICP备'), confidence: 'high' })]);
  });

  it('points a page without any footer at the layout that closes the body (a guess, labelled low)', async () => {
    const copy = tempCopy('jekyll');
    cleanup = copy.cleanup;
    const page = path.join(copy.dir, '_site/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/<footer[\s\S]*<\/footer>/, ''));
    const layout = path.join(copy.dir, '_layouts/default.html');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace(/^.*include footer\.html.*\n/m, ''));
    rmSync(path.join(copy.dir, '_includes/footer.html'));
    const { report } = await checkRepo(copy.dir, SITES.jekyll);
    const f = only(report, 'icp-present', 'missing');
    const expected = lineOf('</body>', readFileSync(layout, 'utf8'));
    expect(first(f.sourceLocations)).toMatchObject({ file: '_layouts/default.html', line: expected, confidence: 'low' });
  });

  it('leaves a finding with its built file alone when no source holds anything of it', async () => {
    const copy = tempCopy('jekyll');
    cleanup = copy.cleanup;
    for (const dir of ['_includes', '_layouts', '_posts']) rmSync(path.join(copy.dir, dir), { recursive: true });
    const { report } = await checkRepo(copy.dir, SITES.jekyll);
    expect(only(report, 'icp-link', 'http').sourceLocations).toBeUndefined();
    expect(only(report, 'police-present', 'missing').sourceLocations).toBeUndefined();
  });
});

describe('sources settings', () => {
  it('maps nothing when disabled (--no-source-map)', async () => {
    const { report } = await checkRepo(path.join(REPOS, 'hugo'), SITES.hugo, { enabled: false });
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.sourceLocations === undefined)).toBe(true);
  });

  it('honours sources.exclude and sources.include globs', async () => {
    const excluded = await checkRepo(path.join(REPOS, 'hugo'), SITES.hugo, { exclude: ['themes/quiet/**'] });
    // The active theme is excluded and the other theme is not the site's: nothing is named.
    expect(only(excluded.report, 'icp-link', 'path').sourceLocations).toBeUndefined();
    const included = await checkRepo(path.join(REPOS, 'hugo'), SITES.hugo, { include: ['content/**'] });
    expect(only(included.report, 'icp-link', 'path').sourceLocations).toBeUndefined();
    expect(only(included.report, 'icp-mismatch', 'placeholder').sourceLocations).toBeUndefined();
  });
});

describe('a monorepo with two sites', () => {
  it('maps each site\'s findings to its own sources', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bg-sourcemap-mono-'));
    try {
      for (const name of ['blog', 'docs']) cpSync(path.join(REPOS, 'hugo'), path.join(dir, name), { recursive: true });
      const { root: _root, ...site } = SITES.hugo;
      const raw = { sites: [{ ...site, root: 'blog/public' }, { ...site, root: 'docs/public' }] };
      const configPath = path.join(dir, 'beian.config.json');
      const config = resolveConfig({ config: parseConfigObject(raw, 'beian.config.json'), path: configPath }, {}, dir);
      const report = await runChecks(config, { cwd: dir, version: 'test' });
      await attachSourceLocations(report, config, dir);
      for (const name of ['blog', 'docs']) {
        const f = report.findings.find((x) => x.ruleId === 'icp-link' && x.file === `${name}/public/index.html`);
        expect(first(f?.sourceLocations)).toMatchObject({ file: `${name}/themes/quiet/layouts/partials/footer.html`, line: 4, confidence: 'high' });
        // The other site's copy of the partial is named, but never as certain.
        expect(f!.sourceLocations!.slice(1).every((l) => l.confidence === 'low')).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the checker\'s own config', () => {
  it('is never offered as the source of the number it configures', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bg-sourcemap-own-'));
    try {
      const icp = '京ICP备2023012345号-1';
      const files: Record<string, string> = {
        'beian.config.json': JSON.stringify({ root: 'public', icp, siteName: '小站', police: '京公网安备11010502030143号' }, null, 2),
        'layouts/partials/footer.html': `<footer class="site-footer">\n  <span style="display:none">${icp}</span>\n</footer>\n`,
        'public/index.html': `<!DOCTYPE html><html><head><title>小站</title></head><body><main><p>你好，这里是小站。</p></main>\n<footer class="site-footer">\n  <span style="display:none">${icp}</span>\n  <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143">京公网安备11010502030143号</a>\n</footer></body></html>\n`,
      };
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      }
      const configPath = path.join(dir, 'beian.config.json');
      const config = resolveConfig({ config: parseConfigObject(JSON.parse(files['beian.config.json']!), 'beian.config.json'), path: configPath }, {}, dir);
      const report = await runChecks(config, { cwd: dir, version: 'test' });
      await attachSourceLocations(report, config, dir);
      const hidden = report.findings.find((f) => f.ruleId === 'icp-hidden');
      expect(hidden?.sourceLocations).toEqual([expect.objectContaining({ file: 'layouts/partials/footer.html', line: 2, confidence: 'high' })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
