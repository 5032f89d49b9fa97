import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscoverError, discover } from '../../src/discover/discover.js';
import type { DiscoverOptions, Discovered } from '../../src/discover/discover.js';

let tmp: string;
let root: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'beian-discover-'));
  root = path.join(tmp, 'site');
  await mkdir(root);
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, content = '<html></html>'): Promise<void> {
  const abs = path.join(root, ...rel.split('/'));
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, content);
}

async function all(options: Partial<DiscoverOptions> = {}, at = root): Promise<Discovered[]> {
  const out: Discovered[] = [];
  for await (const d of discover(at, { maxFileSize: 1_000_000, ...options })) out.push(d);
  return out;
}

const files = (ds: Discovered[]): string[] => ds.filter((d) => d.kind === 'file').map((d) => d.rel);
const skipped = (ds: Discovered[]): Array<[string, string]> =>
  ds.flatMap((d) => (d.kind === 'skipped' ? [[d.rel, d.reason] as [string, string]] : []));

describe('discover: walking', () => {
  it('finds .html and .htm in nested folders, any case, sorted by rel in code-unit order', async () => {
    await put('index.html');
    await put('a/b/c/deep.htm');
    await put('a-b.html');
    await put('a/b.html');
    await put('UPPER.HTML');
    await put('Old.HtM');
    await put('style.css', 'body{}');
    await put('a/readme.md', '#');
    await put('html/not-html.txt', 'x');
    const ds = await all();
    expect(files(ds)).toEqual(['Old.HtM', 'UPPER.HTML', 'a-b.html', 'a/b.html', 'a/b/c/deep.htm', 'index.html']);
    expect(skipped(ds)).toEqual([]);
    const rels = ds.map((d) => d.rel);
    expect(rels).toEqual([...rels].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it('reports absolute paths and sizes', async () => {
    await put('sub/page.html', '12345');
    const [d] = await all();
    expect(d).toEqual({ kind: 'file', path: path.join(root, 'sub', 'page.html'), rel: 'sub/page.html', size: 5 });
  });

  it('skips node_modules and every dot-folder, wherever they are', async () => {
    await put('index.html');
    await put('node_modules/pkg/index.html');
    await put('docs/node_modules/x.html');
    await put('.git/info.html');
    await put('.vitepress/cache/deps/a.html');
    await put('docs/.hidden/b.html');
    await put('docs/ok.html');
    expect(files(await all())).toEqual(['docs/ok.html', 'index.html']);
  });

  it('applies include and exclude globs; an excluded folder is pruned', async () => {
    await put('index.html');
    await put('drafts/one.html');
    await put('drafts/nested/two.html');
    await put('posts/a.html');
    await put('posts/a.xhtml');
    await put('posts/tmp-b.html');
    expect(files(await all({ exclude: ['drafts/**', '**/tmp-*'] }))).toEqual(['index.html', 'posts/a.html']);
    expect(files(await all({ include: ['posts/*.{html,xhtml}'] }))).toEqual(['posts/a.html', 'posts/a.xhtml', 'posts/tmp-b.html']);
    expect(files(await all({ exclude: ['drafts'] }))).toEqual(['index.html', 'posts/a.html', 'posts/tmp-b.html']);
  });

  it('keeps user include globs case-sensitive', async () => {
    await put('a.html');
    await put('B.HTML');
    expect(files(await all({ include: ['**/*.html'] }))).toEqual(['a.html']);
  });

  it('handles paths with spaces and Chinese characters', async () => {
    await put('关于 我们/联系 方式.html', 'hi');
    await put('文章/2024 年/首页.htm');
    const ds = await all();
    expect(files(ds)).toEqual(['关于 我们/联系 方式.html', '文章/2024 年/首页.htm']);
    expect(ds[0]).toMatchObject({ path: path.join(root, '关于 我们', '联系 方式.html'), size: 2 });
  });

  it('yields nothing for an empty folder', async () => {
    expect(await all()).toEqual([]);
  });

  it('reports a file over maxFileSize as too-large, with its size; a file at the limit passes', async () => {
    await put('big.html', 'x'.repeat(101));
    await put('edge.html', 'x'.repeat(100));
    const ds = await all({ maxFileSize: 100 });
    expect(ds).toEqual([
      expect.objectContaining({ kind: 'skipped', rel: 'big.html', reason: 'too-large', size: 101 }),
      { kind: 'file', path: path.join(root, 'edge.html'), rel: 'edge.html', size: 100 },
    ]);
  });

  it('is an async generator that can be stopped early', async () => {
    for (let i = 0; i < 5; i++) await put(`p${i}.html`);
    const it = discover(root, { maxFileSize: 1000 });
    const first = await it.next();
    expect(first.value).toMatchObject({ rel: 'p0.html' });
    await it.return(undefined);
    expect((await it.next()).done).toBe(true);
  });
});

describe('discover: symlinks', () => {
  it('survives a folder linking to its parent and to the root, and reports the loops', async () => {
    await put('index.html');
    await put('a/page.html');
    await symlink('..', path.join(root, 'a', 'up'));
    await symlink('.', path.join(root, 'self'));
    const ds = await all();
    expect(files(ds)).toEqual(['a/page.html', 'index.html']);
    expect(skipped(ds)).toEqual([
      ['a/up', 'symlink-loop'],
      ['self', 'symlink-loop'],
    ]);
  });

  it('reports a self-referencing symlink as a loop', async () => {
    await symlink('me.html', path.join(root, 'me.html'));
    expect(skipped(await all())).toEqual([['me.html', 'symlink-loop']]);
  });

  it('does not follow a symlink that leaves the root, for files or folders', async () => {
    const outside = path.join(tmp, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.html'), 'x');
    await symlink(outside, path.join(root, 'ext'));
    await symlink(path.join(outside, 'secret.html'), path.join(root, 'leak.html'));
    await put('index.html');
    const ds = await all();
    expect(files(ds)).toEqual(['index.html']);
    expect(skipped(ds)).toEqual([
      ['ext', 'symlink-outside-root'],
      ['leak.html', 'symlink-outside-root'],
    ]);
    expect(ds.find((d) => d.rel === 'ext')).toMatchObject({ detail: outside });
  });

  it('follows links that stay inside the root; a folder reachable anyway is walked once, under its own name, and its alias passes silently', async () => {
    await put('v2/index.html', 'v2');
    await put('.build/out/page.html', 'built');
    await symlink('v2/index.html', path.join(root, 'index.html'));
    await symlink('v2', path.join(root, 'latest')); // sorts before v2 but must not steal it
    await symlink('.build/out', path.join(root, 'site')); // only reachable through the link
    const ds = await all();
    expect(files(ds)).toEqual(['index.html', 'site/page.html', 'v2/index.html']);
    expect(skipped(ds)).toEqual([]);
    expect(ds.find((d) => d.rel === 'site/page.html')).toMatchObject({ path: path.join(root, 'site', 'page.html'), size: 5 });
  });

  it('walks a folder reached only through links once, and catches a loop that spans several links', async () => {
    await put('.a/page.html');
    await put('.b/deep.html');
    await symlink('../.b', path.join(root, '.a', 'l2'));
    await symlink('../.a', path.join(root, '.b', 'l3'));
    await symlink('.a', path.join(root, 'l1'));
    await symlink('.a', path.join(root, 'm1')); // a second name for a folder already walked: silent
    const ds = await all();
    expect(files(ds)).toEqual(['l1/l2/deep.html', 'l1/page.html']);
    expect(skipped(ds)).toEqual([['l1/l2/l3', 'symlink-loop']]);
  });

  it('works when the root itself is reached through a symlink', async () => {
    await put('a/index.html');
    const alias = path.join(tmp, 'alias');
    await symlink(root, alias);
    await symlink('../a', path.join(root, 'a', 'back')); // resolves to a, an ancestor
    const ds = await all({}, alias);
    expect(files(ds)).toEqual(['a/index.html']);
    expect(ds.find((d) => d.kind === 'file')).toMatchObject({ path: path.join(alias, 'a', 'index.html') });
    expect(skipped(ds)).toEqual([['a/back', 'symlink-loop']]);
  });

  it('reports a dangling symlink where a page would be as unreadable (it was dropped as "missing"), and ignores other dangling links', async () => {
    await symlink('gone.html', path.join(root, 'broken.html'));
    await symlink('gone-dir', path.join(root, 'broken-dir'));
    expect(await all()).toEqual([
      { kind: 'skipped', path: path.join(root, 'broken.html'), rel: 'broken.html', reason: 'unreadable', detail: 'dangling symlink' },
    ]);
  });
});

describe('discover: every file accounted for (issue 17, audit D7)', () => {
  const bytesName = (prefix: string, suffix: string) => Buffer.concat([Buffer.from(prefix), Buffer.from([0xff, 0xfe]), Buffer.from(suffix)]);

  it('a page whose name is not valid UTF-8 is reported with its bytes shown, never dropped', async () => {
    await put('index.html');
    await writeFile(Buffer.concat([Buffer.from(`${root}/`), bytesName('bad', '.html')]), '<title>bad</title>');
    // Valid UTF-8 beside it stays a page: only the bad bytes are escaped.
    await writeFile(Buffer.concat([Buffer.from(`${root}/`), Buffer.from('中'), Buffer.from([0xe4, 0xb8]), Buffer.from('.html')]), 'x');
    const ds = await all();
    expect(files(ds)).toEqual(['index.html']);
    expect(skipped(ds)).toEqual([
      ['bad\\xff\\xfe.html', 'bad-name'],
      ['中\\xe4\\xb8.html', 'bad-name'],
    ]);
  });

  it('a folder whose name is not valid UTF-8 is reported once; one that is excluded or a dot-folder is not', async () => {
    await put('index.html');
    for (const dir of [bytesName('d', ''), bytesName('.hidden', ''), bytesName('drafts', '')]) {
      const abs = Buffer.concat([Buffer.from(`${root}/`), dir]);
      await mkdir(abs);
      await writeFile(Buffer.concat([abs, Buffer.from('/p.html')]), 'x');
    }
    const ds = await all({ exclude: ['drafts*'] });
    expect(skipped(ds)).toEqual([['d\\xff\\xfe', 'bad-folder-name']]);
  });

  it('a file listed and then removed before it is read is reported as vanished', async () => {
    await put('a.html');
    await put('b.html');
    const walk = discover(root, { maxFileSize: 1_000_000 });
    const first = await walk.next();
    expect(first.value).toMatchObject({ kind: 'file', rel: 'a.html' });
    await rm(path.join(root, 'b.html'));
    const second = await walk.next();
    expect(second.value).toMatchObject({ kind: 'skipped', rel: 'b.html', reason: 'vanished' });
  });

  it('a folder listed and then removed before it is entered is reported as vanished', async () => {
    await put('a.html');
    await put('sub/b.html');
    const walk = discover(root, { maxFileSize: 1_000_000 });
    await walk.next();
    await rm(path.join(root, 'sub'), { recursive: true });
    expect((await walk.next()).value).toMatchObject({ kind: 'skipped', rel: 'sub', reason: 'vanished' });
  });

  it('a page named in `only` that does not exist is still just missing (entry-missing reports it)', async () => {
    expect(skipped(await all({ only: ['index.html'] }))).toEqual([['index.html', 'missing']]);
  });
});

describe('discover: unreadable entries', () => {
  const isRoot = process.getuid?.() === 0;

  it('reports a chmod 000 file as unreadable (not testable as root, who can read it)', async () => {
    await put('locked.html');
    await put('open.html');
    await chmod(path.join(root, 'locked.html'), 0o000);
    const ds = await all();
    if (isRoot) {
      // Root really can read it, so it is a plain file here.
      expect(files(ds)).toEqual(['locked.html', 'open.html']);
    } else {
      expect(files(ds)).toEqual(['open.html']);
      expect(skipped(ds)).toEqual([['locked.html', 'unreadable']]);
    }
  });

  it('reports a folder it cannot list as unreadable and carries on', async () => {
    await put('closed/in.html');
    await put('z.html');
    await chmod(path.join(root, 'closed'), 0o000);
    try {
      const ds = await all();
      if (isRoot) {
        expect(files(ds)).toEqual(['closed/in.html', 'z.html']);
      } else {
        expect(files(ds)).toEqual(['z.html']);
        expect(skipped(ds)).toEqual([['closed', 'unreadable']]);
      }
    } finally {
      await chmod(path.join(root, 'closed'), 0o755);
    }
  });

  it('reports a FIFO named like a page as not-a-file, walking or listed', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe.html')]);
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]); // not included: must stay silent
    expect(skipped(await all())).toEqual([['pipe.html', 'not-a-file']]);
    expect(skipped(await all({ only: ['pipe.html'] }))).toEqual([['pipe.html', 'not-a-file']]);
  });

  it('reports a symlink to a device outside the root as outside, before anything else', async () => {
    await symlink('/dev/null', path.join(root, 'dev.html'));
    expect(skipped(await all())).toEqual([['dev.html', 'symlink-outside-root']]);
    expect(skipped(await all({ only: ['dev.html'] }))).toEqual([['dev.html', 'symlink-outside-root']]);
  });
});

describe('discover: only', () => {
  it('considers only the given paths, in sorted order, and reports the missing ones', async () => {
    await put('index.html', 'home');
    await put('about/index.html');
    await put('other.html');
    const ds = await all({ only: ['index.html', 'nope.html', './about/index.html', 'index.html'] });
    expect(ds).toEqual([
      { kind: 'file', path: path.join(root, 'about', 'index.html'), rel: 'about/index.html', size: 13 },
      { kind: 'file', path: path.join(root, 'index.html'), rel: 'index.html', size: 4 },
      expect.objectContaining({ kind: 'skipped', rel: 'nope.html', reason: 'missing' }),
    ]);
  });

  it('does not list folders: unlisted broken entries elsewhere are never touched', async () => {
    await put('index.html');
    await put('closed/in.html');
    await chmod(path.join(root, 'closed'), 0o000);
    await symlink('..', path.join(root, 'loop'));
    try {
      expect(await all({ only: ['index.html'] })).toEqual([
        { kind: 'file', path: path.join(root, 'index.html'), rel: 'index.html', size: 13 },
      ]);
    } finally {
      await chmod(path.join(root, 'closed'), 0o755);
    }
  });

  it('reports folders, paths leaving the root, and oversize files; honours exclude but not include', async () => {
    await put('dir/x.html');
    await put('big.html', 'x'.repeat(50));
    await put('page.txt', 'x');
    await put('drafts/d.html');
    await put('.cache/c.html');
    const ds = await all({ maxFileSize: 10, exclude: ['drafts/**'], only: ['dir', '../escape.html', 'big.html', 'page.txt', 'drafts/d.html', '.cache/c.html'] });
    expect(skipped(ds)).toEqual([
      ['../escape.html', 'missing'],
      ['big.html', 'too-large'],
      ['dir', 'not-a-file'],
    ]);
    expect(files(ds)).toEqual(['page.txt']);
  });
});

describe('discover: the root', () => {
  it('throws root-missing naming the path', async () => {
    const missing = path.join(tmp, 'does-not-exist');
    const err = await all({}, missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscoverError);
    expect(err).toMatchObject({ code: 'root-missing', path: missing });
    expect((err as Error).message).toContain(missing);
  });

  it('throws root-not-directory for a file', async () => {
    await put('index.html');
    const file = path.join(root, 'index.html');
    await expect(all({}, file)).rejects.toMatchObject({ name: 'DiscoverError', code: 'root-not-directory', path: file });
  });

  it('throws root-missing when a parent of the root is a file', async () => {
    await put('index.html');
    await expect(all({}, path.join(root, 'index.html', 'sub'))).rejects.toMatchObject({ code: 'root-missing' });
  });

  it.skipIf(process.getuid?.() === 0)('throws root-unreadable for a folder it cannot list', async () => {
    await chmod(root, 0o000);
    try {
      await expect(all()).rejects.toMatchObject({ code: 'root-unreadable', path: root });
    } finally {
      await chmod(root, 0o755);
    }
  });
});
