import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listRepoFiles, walkFiles } from '../../src/sourcemap/list-files.js';
import { buildSourceIndex, withProse } from '../../src/sourcemap/source-index.js';
import { REPOS } from './run-fixture.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function tempRepo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bg-index-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('listing the repository', () => {
  it('uses git ls-files inside a subfolder of a work tree and lists only that folder, relative to it', async () => {
    const listed = await listRepoFiles(path.join(REPOS, 'hugo'), 10_000);
    expect(listed.via).toBe('git');
    expect(listed.files).toContain('hugo.toml');
    expect(listed.files).toContain('themes/quiet/layouts/partials/footer.html');
    expect(listed.files.every((f) => !f.startsWith('../') && !f.startsWith('fixtures/') && !f.includes('\\'))).toBe(true);
    expect(listed.files.some((f) => f.startsWith('_config.yml') || f.startsWith('_includes/'))).toBe(false);
  });

  it('walks a folder that is not a work tree, honouring nested .gitignore files and their negations', async () => {
    const dir = tempRepo({
      '.gitignore': 'public/\n*.log\n',
      'hugo.toml': 'title = "x"\n',
      'debug.log': 'x',
      'public/index.html': '<p>built</p>',
      'themes/a/.gitignore': 'exampleSite/\n!keep.log\n',
      'themes/a/keep.log': 'kept',
      'themes/a/exampleSite/hugo.toml': 'x',
      'themes/a/layouts/footer.html': '<footer></footer>',
      'node_modules/pkg/footer.html': '<footer></footer>',
    });
    const listed = await listRepoFiles(dir, 10_000);
    expect(listed).toEqual({
      via: 'walk',
      truncated: false,
      files: ['.gitignore', 'hugo.toml', 'themes/a/.gitignore', 'themes/a/keep.log', 'themes/a/layouts/footer.html'],
    });
  });

  it('stops at the file limit and says so', () => {
    const dir = tempRepo(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.md`, 'x'])));
    const listed = walkFiles(dir, 5);
    expect(listed.files).toHaveLength(5);
    expect(listed.truncated).toBe(true);
  });
});

describe('building the index', () => {
  it('leaves out site roots, binaries, large files, symlinks, lock files and built copies', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const dir = tempRepo({
      '_config.yml': '\ufefftitle: 小站\n',
      'layout/footer.ejs': '<footer></footer>',
      'public/index.html': '<footer>built</footer>',
      'images/badge.png': png,
      'assets/fake.html': Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x00, 0x3c]),
      'big.md': 'x'.repeat(1024 * 1024 + 1),
      'package-lock.json': '{}',
      'docs/old-build/index.html': '<html><head><meta name="generator" content="Hexo 7.3.0"></head><body><footer>x</footer></body></html>',
      'styles/site.css': 'footer{}',
    });
    symlinkSync(path.join(dir, 'layout/footer.ejs'), path.join(dir, 'layout/link.ejs'));
    const index = await buildSourceIndex(dir, { excludeDirs: ['public'] });
    expect(index.files.map((f) => [f.path, f.kind])).toEqual([
      ['_config.yml', 'config'],
      ['layout/footer.ejs', 'template'],
    ]);
    // The byte-order mark is not part of the text, so columns on line 1 stay right.
    expect(index.files[0]!.text.startsWith('title')).toBe(true);
  });

  it('applies sources.include and sources.exclude to paths relative to the repository root', async () => {
    const dir = tempRepo({
      'layouts/partials/footer.html': '<footer></footer>',
      'themes/old/layouts/partials/footer.html': '<footer></footer>',
      'content/post.md': 'x',
    });
    const onlyLayouts = await buildSourceIndex(dir, { excludeDirs: [], include: ['layouts/**', 'themes/**'], exclude: ['themes/old/**'] });
    expect(onlyLayouts.files.map((f) => f.path)).toEqual(['layouts/partials/footer.html']);
  });
});

describe('deferred prose', () => {
  it('lists Markdown without reading it, and reads it on request under the same limits', async () => {
    const dir = tempRepo({ 'hugo.toml': 'title = "x"\n', 'content/a.md': '京ICP备2023012345号-1\n', 'content/b.md': 'x'.repeat(100) });
    const index = await buildSourceIndex(dir, { excludeDirs: [] });
    expect(index.files.map((f) => f.path)).toEqual(['hugo.toml']);
    expect(index.deferred).toEqual(['content/a.md', 'content/b.md']);
    const full = withProse(dir, index, { excludeDirs: [], maxTotalBytes: 60 });
    expect(full.files.map((f) => f.path)).toEqual(['content/a.md', 'hugo.toml']);
    expect(full.truncated).toBe(true);
  });
});

describe('odd repository contents', () => {
  it('indexes around FIFOs, broken links, odd names, invalid UTF-8 and deep folders without throwing', async () => {
    const deep = Array.from({ length: 60 }, (_, i) => `d${i}`).join('/');
    const dir = tempRepo({
      '...': 'title: dots\n',
      ' leading space.yml': 'title: space\n',
      '名字/页脚.html': '<footer>页脚</footer>',
      'bad-utf8.html': Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd, 0x3c, 0x2f, 0x70, 0x3e]),
      [`${deep}/footer.html`]: '<footer>deep</footer>',
      '.gitignore': '[z-a]\n\\\n',
    });
    symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'broken.html'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.html')]);
    const index = await buildSourceIndex(dir, { excludeDirs: [] });
    expect(index.files.map((f) => f.path).sort()).toEqual([' leading space.yml', 'bad-utf8.html', `${deep}/footer.html`, '名字/页脚.html']);
    expect(index.files.find((f) => f.path === 'bad-utf8.html')!.text).toContain('\ufffd');
  });
});
