/**
 * Report sinks at GitHub's limits through the built action (issue 17 item 3, audit rows D4, R12):
 * 30,000 findings. SARIF keeps 25,000 results with a note and the full count, JSON keeps them all,
 * the log lists 5,000 and counts the rest, and annotations, summary and comment are all written.
 * (The audit's 540,000 findings ended in "Invalid string length": no annotation, no summary.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBundle, runAction, startFakeGitHub, type FakeGitHub } from './harness.js';

const ICP = '粤ICP备2022012345号-1';
let api: FakeGitHub | undefined;
beforeAll(requireBundle);
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('30,000 findings through the action', () => {
  it('every sink is written and within its limit', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-action-limits-'));
    fs.mkdirSync(path.join(workspace, 'public'));
    const link = `<a href="https://x.example/">${ICP}</a>`;
    fs.writeFileSync(path.join(workspace, 'public/index.html'), `<title>留言板</title><footer><a href="https://beian.miit.gov.cn/">${ICP}</a></footer>`);
    for (const name of ['a', 'b']) fs.writeFileSync(path.join(workspace, `public/${name}.html`), `<title>留言板</title>${link.repeat(15_000)}`);
    api = await startFakeGitHub();
    const r = await runAction({
      workspace,
      api,
      inputs: { path: 'public', icp: ICP, 'site-name': '留言板', scope: 'all', lang: 'en', 'sarif-file': 'out/beian.sarif', 'json-file': 'out/beian.json' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '30000', pages: '3' });

    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'out/beian.sarif'), 'utf8')) as { runs: { results: unknown[]; properties: Record<string, number> }[] };
    expect(sarif.runs[0]!.results).toHaveLength(25_000);
    expect(sarif.runs[0]!.properties['beianGuard/totalResults']).toBeGreaterThanOrEqual(30_000);
    const json = JSON.parse(fs.readFileSync(path.join(workspace, 'out/beian.json'), 'utf8')) as { findings: { ruleId: string }[] };
    expect(json.findings.filter((f) => f.ruleId === 'icp-link')).toHaveLength(30_000);

    // Finding lines start with line:column.
    expect(r.stdout.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l.replace(/\u001b\[[0-9;]*m/g, '')))).toHaveLength(5000);
    expect(r.stdout).toMatch(/\d+ more findings are not listed here/);
    expect(r.annotations.filter((a) => a.level === 'error').length).toBeGreaterThan(0);
    expect(r.summary).toContain('### ❌ beian-guard: ICP filing check failed');
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body.length).toBeLessThanOrEqual(65_536);
  });
});
