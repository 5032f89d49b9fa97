/**
 * Every file is accounted for, and files are read only where they belong (issue 17 items 5 and 9;
 * audit rows D7, D14, F5, F7–F11). Runs the built CLI on real folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoCrash, ids, tempDir, type JsonFinding, type Run } from './cli.js';

const ICP = '粤ICP备2022012345号-1';
const NAME = '留言板';
const FOOT = `<footer><a href="https://beian.miit.gov.cn/">${ICP}</a></footer>`;
const GOOD = `<!doctype html><html><head><meta charset="utf-8"><title>${NAME}</title></head><body>${FOOT}</body></html>`;
const ARGS = ['--icp', ICP, '--site-name', NAME, '--lang', 'en', '--no-source-map'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function workdir(): string {
  const dir = tempDir('files');
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'site'));
  fs.writeFileSync(path.join(dir, 'site/index.html'), GOOD);
  return dir;
}

/** The run and its file-skipped findings (the sites have no police number: police-present warns on every page). */
function checkJson(cwd: string, more: readonly string[] = []): Run & { findings: JsonFinding[] } {
  const run = cli(['check', 'site', ...ARGS, '--format', 'json', ...more], cwd);
  expectNoCrash(run);
  const all = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings : [];
  return { ...run, findings: all.filter((f) => f.ruleId === 'file-skipped') };
}

describe('every file is accounted for', () => {
  it('D7: a page and a folder whose names are not valid UTF-8 are findings, not silently dropped', () => {
    const cwd = workdir();
    const site = Buffer.from(path.join(cwd, 'site/'));
    fs.writeFileSync(Buffer.concat([site, Buffer.from('bad'), Buffer.from([0xff]), Buffer.from('.html')]), '<title>bad</title>');
    const folder = Buffer.concat([site, Buffer.from('d'), Buffer.from([0xff])]);
    fs.mkdirSync(folder);
    fs.writeFileSync(Buffer.concat([folder, Buffer.from('/p.html')]), '<title>bad</title>');
    const run = checkJson(cwd, ['--scope', 'all']);
    expect(ids(run.findings)).toEqual(['file-skipped/bad-name', 'file-skipped/bad-folder-name']);
    expect(run.findings.map((f) => f.file)).toEqual(['site/bad\\xff.html', 'site/d\\xff']);
    expect(run.findings[0]!.message).toBe('The file name is not valid UTF-8 (bad\\xff.html); the file cannot be opened by its name and was not checked.');
    expect(run.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('a dangling symlink where a page would be is reported (it was dropped as "missing")', () => {
    const cwd = workdir();
    fs.symlinkSync('gone.html', path.join(cwd, 'site/old.html'));
    const run = checkJson(cwd, ['--scope', 'all']);
    expect(ids(run.findings)).toEqual(['file-skipped/unreadable']);
    expect(run.findings[0]!.message).toBe('The file could not be read: dangling symlink.');
  });
});

describe('files are read only inside the site or the workspace', () => {
  const HIDING = 'footer{display:none}';
  const linked = `<!doctype html><html><head><meta charset="utf-8"><title>${NAME}</title><link rel="stylesheet" href="s.css"></head><body>${FOOT}</body></html>`;

  function allFindings(cwd: string, more: readonly string[] = []): Run & { findings: JsonFinding[] } {
    const run = cli(['check', 'site', ...ARGS, '--format', 'json', ...more], cwd);
    expectNoCrash(run);
    return { ...run, findings: run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings : [] };
  }

  it('F7: a linked stylesheet that is a symlink out of the site is not read (one inside is)', () => {
    const inside = workdir();
    fs.writeFileSync(path.join(inside, 'site/index.html'), linked);
    fs.writeFileSync(path.join(inside, 'site/s.css'), HIDING);
    expect(allFindings(inside).findings.map((f) => f.ruleId)).toContain('icp-hidden');

    const outside = workdir();
    fs.writeFileSync(path.join(outside, 'site/index.html'), linked);
    fs.writeFileSync(path.join(outside, 'outside.css'), HIDING);
    fs.symlinkSync(path.join(outside, 'outside.css'), path.join(outside, 'site/s.css'));
    expect(allFindings(outside).findings.map((f) => f.ruleId)).not.toContain('icp-hidden');
  });

  it('F8: a config file that is a symlink out of the workspace is refused without quoting what it points at', () => {
    const cwd = workdir();
    const secret = path.join(tempDir('secret'), 'token.txt');
    dirs.push(path.dirname(secret));
    fs.writeFileSync(secret, '"SECRET_TOKEN_0123456789" is not JSON');
    fs.symlinkSync(secret, path.join(cwd, 'beian.config.json'));
    const run = cli(['check', '--lang', 'en', '--no-source-map'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('beian.config.json: the config file leads outside the workspace');
    expect(`${run.stdout}${run.stderr}`).not.toContain('SECRET');
    // Named by its absolute path, the user means it: then it is read (and its error shown).
    const onPurpose = cli(['check', '--config', secret, '--lang', 'en', '--no-source-map'], cwd);
    expect(onPurpose.code).toBe(2);
    expect(onPurpose.stderr).toContain('invalid JSON');
  });

  it('a YAML alias bomb in the config is an input error, not an internal error', () => {
    const cwd = workdir();
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    fs.writeFileSync(path.join(cwd, '.beianrc.yaml'), `${lines.join('\n')}\n`);
    const run = cli(['check', '--lang', 'en', '--no-source-map'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^beian-guard: \.beianrc\.yaml: invalid YAML: /);
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('--output stays in the workspace and replaces only our own reports', () => {
  function report(cwd: string, output: string, more: readonly string[] = []): Run {
    return cli(['check', 'site', ...ARGS, '--format', 'json', '--output', output, ...more], cwd);
  }

  it('writes, and writes again over its own report', () => {
    const cwd = workdir();
    expect(report(cwd, 'out/report.json').code).toBe(0);
    expect(report(cwd, 'out/report.json').code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out/report.json'), 'utf8'))).toMatchObject({ summary: { pages: 1 } });
  });

  it('F10: refuses a page of the site, .git/, a path out of the workspace, and a symlink; names the option and why', () => {
    const cwd = workdir();
    fs.mkdirSync(path.join(cwd, '.git'));
    fs.writeFileSync(path.join(cwd, '.git/config'), '[core]\n');
    const outside = tempDir('outside');
    dirs.push(outside);
    fs.symlinkSync(path.join(outside, 'x.json'), path.join(cwd, 'link.json'));
    const cases: [string, string][] = [
      ['site/index.html', 'it exists and is not a beian-guard json report; remove it or choose another path, or pass --force to replace it'],
      ['.git/config', 'beian-guard never writes into a .git folder'],
      ['../escape.json', 'the path leads outside the workspace'],
      ['link.json', 'it is a symbolic link'],
    ];
    for (const [given, why] of cases) {
      const run = report(cwd, given);
      expect(run.code, given).toBe(2);
      expect(run.stderr).toContain(`beian-guard: --output: cannot write ${given}: ${why}`);
    }
    expect(fs.readFileSync(path.join(cwd, 'site/index.html'), 'utf8')).toBe(GOOD);
    expect(fs.readFileSync(path.join(cwd, '.git/config'), 'utf8')).toBe('[core]\n');
    expect(fs.existsSync(path.join(outside, 'x.json'))).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(cwd), 'escape.json'))).toBe(false);
  });

  it('F11: refuses a folder on the way that is a symlink out of the workspace', () => {
    const cwd = workdir();
    const outside = tempDir('outside');
    dirs.push(outside);
    fs.symlinkSync(outside, path.join(cwd, 'reports'));
    const run = report(cwd, 'reports/beian.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a folder on the way is a link out of the workspace');
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('an absolute path is the user\'s choice; --force replaces a file that is not ours', () => {
    const cwd = workdir();
    const outside = tempDir('outside');
    dirs.push(outside);
    expect(report(cwd, path.join(outside, 'r.json')).code).toBe(0);
    fs.writeFileSync(path.join(cwd, 'notes.json'), '{"mine": true}');
    expect(report(cwd, 'notes.json').code).toBe(2);
    expect(report(cwd, 'notes.json', ['--force']).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'notes.json'), 'utf8'))).toHaveProperty('findings');
  });
});
