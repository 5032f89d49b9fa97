/**
 * docs/hostile-input.md, one test per row: the built CLI fed each hostile input answers with a
 * finding that names the problem or exit code 2 and a message, never a crash, a hang or a pass
 * over a page it did not read. The big inputs (50 MB, deep nesting, thousands of footers) are
 * in big-inputs.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson, cli, CLI, expectNoCrash, fixture, FIXTURES, FLAGS, ICP, ids, ROOT, tempDir, write } from './cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    // Undo the chmod 000 of the unreadable-file row so the folder can be removed.
    for (const f of fs.readdirSync(d, { recursive: true }) as string[]) {
      if (!fs.lstatSync(path.join(d, f)).isSymbolicLink()) fs.chmodSync(path.join(d, f), 0o755);
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
});

/** A temp folder holding `site/` with the given files (relative path → content). */
function site(files: Record<string, string | Uint8Array>): { cwd: string; root: string } {
  const cwd = tempDir('row');
  dirs.push(cwd);
  const root = path.join(cwd, 'site');
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, content] of Object.entries(files)) write(path.join(root, rel), content);
  return { cwd, root };
}

const GOOD = fixture('hostile/good-page.html');

describe('broken markup', () => {
  it('truncated HTML (the build stopped inside the footer link) is checked as written: the number is missing', () => {
    const { cwd } = site({ 'index.html': fixture('hostile/truncated.html') });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(ids(run.findings)).toContain('icp-present/missing');
  });

  it('HTML without a single end tag is read as a browser reads it: a correct footer passes', () => {
    const { cwd } = site({ 'index.html': fixture('hostile/unclosed.html') });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('bytes that are not (good) HTML', () => {
  it('a binary file named .html is a file-skipped finding that says so', () => {
    const { cwd } = site({ 'index.html': fixture('encoding/binary.html') });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(ids(run.findings)).toEqual(['file-skipped/binary']);
    expect(run.findings[0]!.message).toContain('binary');
  });

  it('invalid UTF-8 is decoded with replacement characters and reported as file-encoding/invalid-bytes', () => {
    const { cwd } = site({ 'index.html': fixture('encoding/invalid-utf8.html') });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(ids(run.findings)).toContain('file-encoding/invalid-bytes');
  });

  it('a wrong <meta charset> (UTF-8 bytes declared gb2312) is reported as file-encoding/meta-mismatch', () => {
    const { cwd } = site({ 'index.html': fixture('encoding/gbk-declared-utf8-bytes.html') });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    const mismatch = run.findings.find((f) => f.messageId === 'meta-mismatch');
    expect(mismatch?.message).toMatch(/gbk.*utf-8/);
  });

  it('a BOM that contradicts the <meta> is followed (as browsers do) and reported as file-encoding/bom-overrides-meta', () => {
    const { cwd } = site({ 'index.html': fixture('encoding/bom-contradicts-meta.html') });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(ids(run.findings)).toContain('file-encoding/bom-overrides-meta');
  });

  it('NUL bytes in the first 8 KiB make the file binary: skipped, and an entry page fails', () => {
    const { cwd } = site({ 'index.html': fixture('encoding/nul-bytes.html') });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(ids(run.findings)).toEqual(['file-skipped/binary']);
  });

  it('NUL bytes further in are read and reported as file-encoding/nul-bytes', () => {
    const page = Buffer.concat([GOOD.subarray(0, GOOD.indexOf('</body>')), Buffer.from(`<!--${'x'.repeat(9000)}-->\0\0</body></html>\n`)]);
    const { cwd } = site({ 'index.html': page });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(ids(run.findings)).toContain('file-encoding/nul-bytes');
    expect(run.findings.find((f) => f.messageId === 'nul-bytes')!.message).toContain('2 NUL');
    expect(run.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a 0-byte index.html is a page with nothing on it: no number, no title', () => {
    const { cwd } = site({ 'index.html': '' });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(ids(run.findings)).toEqual(expect.arrayContaining(['icp-present/missing', 'title-site-name/missing']));
  });
});

describe('the file system', () => {
  it('an unreadable file is a file-skipped finding naming the reason', () => {
    const { cwd, root } = site({ 'index.html': GOOD, 'notes/draft.html': GOOD });
    fs.chmodSync(path.join(root, 'notes/draft.html'), 0o000);
    // root reads any file whatever its mode bits: run the CLI as nobody then (CI runs as root),
    // from a copy of dist/ that nobody can read wherever the repository itself lives.
    const asRoot = process.getuid?.() === 0;
    let script = CLI;
    if (asRoot) {
      fs.cpSync(path.join(ROOT, 'dist'), path.join(cwd, 'dist'), { recursive: true });
      script = path.join(cwd, 'dist/cli.js');
      for (const rel of ['', 'site', 'site/notes', 'site/index.html', 'dist', 'dist/lib', ...fs.readdirSync(path.join(cwd, 'dist'), { recursive: true }).map((f) => `dist/${String(f)}`)]) {
        fs.chmodSync(path.join(cwd, rel), 0o755);
      }
    }
    const run = cli(['check', 'site', ...FLAGS, '--scope', 'all', '--format', 'json'], cwd, asRoot ? { uid: 65534, gid: 65534 } : {}, [], script);
    expectNoCrash(run);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; messageId: string; file: string; severity: string; message: string }[] }).findings;
    const skipped = findings.find((f) => f.ruleId === 'file-skipped');
    expect(skipped).toMatchObject({ messageId: 'unreadable', file: 'site/notes/draft.html', severity: 'warning' });
    expect(skipped!.message).toContain('permission denied');
  });

  it('a symlink loop is not followed and is reported as file-skipped/symlink-loop', () => {
    const { cwd, root } = site({ 'index.html': GOOD, 'blog/post.html': GOOD });
    fs.symlinkSync('..', path.join(root, 'blog/again'));
    fs.symlinkSync('self.html', path.join(root, 'self.html'));
    const run = checkJson('site', cwd, ['--scope', 'all']);
    expectNoCrash(run);
    const loops = run.findings.filter((f) => f.messageId === 'symlink-loop').map((f) => f.file).sort();
    expect(loops).toEqual(['site/blog/again', 'site/self.html']);
  });

  it('a symlink out of the site folder is not followed and is reported as file-skipped/symlink-outside-root', () => {
    const { cwd, root } = site({ 'index.html': GOOD });
    write(path.join(cwd, 'outside/secret.html'), GOOD);
    fs.symlinkSync(path.join(cwd, 'outside/secret.html'), path.join(root, 'linked.html'));
    fs.symlinkSync(path.join(cwd, 'outside'), path.join(root, 'linked-dir'));
    const run = checkJson('site', cwd, ['--scope', 'all']);
    expectNoCrash(run);
    const outside = run.findings.filter((f) => f.messageId === 'symlink-outside-root').map((f) => f.file).sort();
    expect(outside).toEqual(['site/linked-dir', 'site/linked.html']);
  });

  it('paths with spaces and Chinese characters are checked and reported under their own names', () => {
    const { cwd } = site({ 'index.html': GOOD, '博客 文章/第 1 篇.html': Buffer.from(GOOD.toString('utf8').replace('京ICP备2023012345号-1', '京ICP备2023012345号-2')) });
    fs.renameSync(path.join(cwd, 'site'), path.join(cwd, '我的 站点'));
    const run = checkJson('我的 站点', cwd, ['--scope', 'all']);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const mismatch = run.findings.find((f) => f.ruleId === 'icp-mismatch');
    expect(mismatch).toMatchObject({ file: '我的 站点/博客 文章/第 1 篇.html', page: '博客 文章/第 1 篇.html' });
  });

  for (const scope of ['entry', 'all']) {
    it(`an empty folder fails with scope ${scope}: "no HTML found" (a gate that checked nothing must not pass)`, () => {
      const { cwd } = site({});
      const run = checkJson('site', cwd, ['--scope', scope]);
      expectNoCrash(run);
      expect(run.code).toBe(1);
      expect(ids(run.findings)).toEqual(expect.arrayContaining(['entry-missing/no-html', 'entry-missing/entry-missing']));
      expect(run.findings.find((f) => f.messageId === 'no-html')!.message).toBe('No HTML files were found in the site folder site.');
    });
  }

  it('a folder whose only HTML is excluded checked nothing either, and fails the same way', () => {
    const { cwd, root } = site({ 'drafts/a.html': GOOD, 'style.css': 'body{}' });
    write(path.join(cwd, 'beian.config.json'), JSON.stringify({ root: 'site', icp: ICP, siteName: '示例站点', exclude: ['drafts/**'] }));
    const run = cli(['check', '--no-source-map', '--lang', 'en', '--format', 'json'], cwd);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"messageId": "no-html"');
    expect(fs.existsSync(root)).toBe(true);
  });

  it('with scope entry, a folder that has HTML but no index.html says the entry page is missing, not that there is no HTML', () => {
    const { cwd } = site({ 'about.html': GOOD });
    const run = checkJson('site', cwd);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(ids(run.findings)).toEqual(['entry-missing/entry-missing']);
  });

  it('a missing folder is exit 2 with a message naming it', () => {
    const cwd = tempDir('missing');
    dirs.push(cwd);
    const run = cli(['check', 'no-such-build', ...FLAGS], cwd);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('beian-guard: site folder does not exist: no-such-build. Build the site first, or name the folder of the built site: beian-guard check <dir>\n');
  });
});

describe('configuration and flags', () => {
  function withConfig(name: string): { cwd: string; run: ReturnType<typeof cli> } {
    const { cwd } = site({ 'index.html': GOOD });
    fs.copyFileSync(path.join(FIXTURES, 'hostile', name), path.join(cwd, name));
    return { cwd, run: cli(['check', '--config', name, '--no-source-map', '--lang', 'en'], cwd) };
  }

  it('a TOML config (neither JSON nor YAML) is exit 2 naming the file and what the parser saw', () => {
    const { run } = withConfig('not-json.toml');
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^beian-guard: not-json\.toml: invalid JSON( at line 1, column 1)?: Unexpected token '#'.*\n$/);
  });

  it('broken YAML is exit 2 naming the file, line and column', () => {
    const { run } = withConfig('bad.yaml');
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^beian-guard: bad\.yaml: invalid YAML at line 3, column \d+: .+\n$/);
  });

  it('escape sequences quoted from a broken config reach the terminal as visible text', () => {
    const { run } = withConfig('escape-codes.json');
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('\\u001b');
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('unknown config keys are exit 2 naming each, with a suggestion for a misspelt rule id', () => {
    const { run } = withConfig('unknown-keys.json');
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('beian-guard: unknown-keys.json: (top level): unknown key(s) "sitename"\n');
    const fixed = JSON.parse(fixture('hostile/unknown-keys.json').toString('utf8')) as Record<string, unknown>;
    delete fixed.sitename;
    const { cwd } = site({ 'index.html': GOOD });
    write(path.join(cwd, 'c.json'), JSON.stringify({ ...fixed, root: 'site' }));
    const again = cli(['check', '--config', 'c.json', '--no-source-map', '--lang', 'en'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^beian-guard: c\.json\W+rules: unknown rule id "icp-linkk" \(did you mean "icp-link"\?\)\n$/);
  });

  it('an invalid --icp is exit 2 quoting the value and saying what is wrong with it', () => {
    const { cwd } = site({ 'index.html': GOOD });
    for (const [icp, why] of [
      ['京ICP备2023012345-1号', 'the site suffix goes after 号'],
      ['萌ICP备20230123号', 'not an MIIT number'],
      ['京ICP备12345号', 'wrong number of digits'],
      ['\u001b[31m京ICP备\r\n', 'not a valid ICP number'],
    ] as const) {
      const run = cli(['check', 'site', '--icp', icp, '--site-name', '示例站点', '--no-source-map', '--lang', 'en'], cwd);
      expectNoCrash(run);
      expect(run.code, icp).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr, icp).toContain(why);
      expect(run.stderr.split('\n'), 'one line').toHaveLength(2);
      expect(run.stderr).not.toContain('\u001b');
    }
  });
});
