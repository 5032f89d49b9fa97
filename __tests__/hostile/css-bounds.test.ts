/**
 * Bounded CSS (issue 17 item 2, audit D1/D2): the reproductions of the security audit, run through
 * the built CLI. On the old hiding-rule collector D1a killed Node (V8 "invalid size"), D1b ran a
 * worker out of its heap and lost every page's findings, D2 took 194 s for one page. Now each is
 * checked, and the limit it reached is a finding that says what was too big.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoCrash, ids, tempDir, write, type JsonFinding } from './cli.js';

const ICP = '粤ICP备2022012345号-1';
const FOOT = `<footer><a href="https://beian.miit.gov.cn/">${ICP}</a></footer>`;
const CHK = ['--icp', ICP, '--site-name', '留言板', '--lang', 'en', '--no-source-map', '--format', 'json'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = tempDir('css');
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) write(path.join(dir, rel), text);
  return dir;
}

function check(dir: string, more: readonly string[] = []): { code: number | null; findings: JsonFinding[] } {
  const run = cli(['check', '.', ...CHK, ...more], dir);
  expectNoCrash(run);
  return { code: run.code, findings: run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings : [] };
}

/** `.cJ a{display:none}` for J < n, cut to `bytes`: hiding rules that match nothing on the page. */
function hidingRules(n: number, bytes: number): string {
  let css = '';
  for (let j = 0; j < n && css.length < bytes; j++) css += `.c${j} a{display:none}\n`;
  return css.slice(0, bytes);
}

describe('audit D1: hiding-rule collection is bounded', () => {
  it('D1a: 1,700 links to one 2 MB sheet of 90,000 rules (main thread) are read once, capped, and reported', () => {
    const links = Array.from({ length: 1700 }, (_, n) => `<link rel=stylesheet href=s.css?${n}>`).join('');
    const dir = site({
      'index.html': `<!doctype html><html><head><title>留言板</title>${links}</head><body>${FOOT}</body></html>`,
      's.css': hidingRules(90_000, 2 * 1024 * 1024),
    });
    const { code, findings } = check(dir);
    expect(code).toBe(0);
    const limit = findings.filter((f) => f.ruleId === 'icp-hidden');
    expect(ids(limit)).toEqual(['icp-hidden/css-too-many-rules']);
    expect(limit[0]!.severity).toBe('warning');
    expect(limit[0]!.message).toContain('s.css');
    expect(limit[0]!.message).toContain('20,000');
  });

  it('D1b: an 80,000-rule <style> in a 1.9 MB page checked in a worker: that page is reported, the others too', () => {
    const dir = site({
      'index.html': `<!doctype html><html><head><title>留言板</title></head><body>${FOOT}</body></html>`,
      'p.html': `<!doctype html><html><head><title>留言板</title><style>${hidingRules(80_000, 1_900_000)}</style></head><body>${FOOT}</body></html>`,
    });
    const { code, findings } = check(dir, ['--scope', 'all', '--workers', '2']);
    expect(code).toBe(0);
    expect(ids(findings.filter((f) => f.page === 'p.html' && f.ruleId === 'icp-hidden'))).toEqual(['icp-hidden/css-too-many-rules']);
    expect(findings.filter((f) => f.page === 'index.html' && f.ruleId === 'icp-hidden')).toEqual([]);
  });
});

describe('audit D2: selector work counts what :has() really costs', () => {
  it('300 :has() rules over a 300-deep chain with 30,000 leaves stop at the work budget and say so', () => {
    const rules = Array.from({ length: 300 }, (_, r) => `div:has(i > u.k${r}) a{display:none}`).join('\n');
    const body = '<div>'.repeat(300) + '<i></i>'.repeat(30_000) + FOOT + '</div>'.repeat(300);
    const dir = site({ 'index.html': `<!doctype html><html><head><title>留言板</title><style>${rules}</style></head><body>${body}</body></html>` });
    const { code, findings } = check(dir);
    expect(code).toBe(0);
    const hidden = findings.filter((f) => f.ruleId === 'icp-hidden');
    expect(ids(hidden)).toEqual(['icp-hidden/css-too-much-work']);
    expect(hidden[0]!.message).toContain(':has()');
  });
});
