/**
 * Grammar regexes with bounded quantifiers (issue 17 item 5, audit row D8), through the built CLI:
 * nine million digits after 京ICP备 overflowed the regex engine's stack, and the page ended as
 * file-skipped/check-failed with every other rule of it lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoCrash, tempDir, type JsonFinding } from './cli.js';

const ICP = '粤ICP备2022012345号-1';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('a huge digit run after 京ICP备', () => {
  it('D8: the page is checked: its real footer is found, no check-failed', () => {
    const cwd = tempDir('grammar');
    dirs.push(cwd);
    fs.mkdirSync(path.join(cwd, 'site'));
    const page = `<title>留言板</title><p>京ICP备${'1'.repeat(9_000_000)}号</p><footer><a href="http://www.beian.miit.gov.cn/">${ICP}</a></footer>`;
    fs.writeFileSync(path.join(cwd, 'site/index.html'), page);
    const run = cli(['check', 'site', '--icp', ICP, '--site-name', '留言板', '--lang', 'en', '--no-source-map', '--format', 'json'], cwd);
    expectNoCrash(run);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'file-skipped')).toEqual([]);
    // The footer after the digits was read: its outdated link is reported.
    expect(findings.map((f) => f.ruleId)).toContain('icp-link');
    expect(run.code).toBe(1);
  });
});
