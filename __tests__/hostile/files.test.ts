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
