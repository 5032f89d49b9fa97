import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoTokenLeak, unescapeCommand } from './expect.js';
import { makeWorkspace, requireBundle, runAction, startFakeGitHub, type FakeGitHub } from './harness.js';

let api: FakeGitHub | undefined;
beforeAll(requireBundle);
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('annotations within GitHub\'s 10-per-level budget', () => {
  it('30 failing pages: one grouped annotation for the shared link, at most 10 errors in all, the rest counted in the summary', async () => {
    api = await startFakeGitHub();
    // The config file in the workspace (beian.config.json) gives the filing and scope: all.
    const r = await runAction({ workspace: makeWorkspace('action-many'), api, inputs: { lang: 'en' } });
    expect(r.code).toBe(1);
    // 30 pages each carry a wrong title and the same http:// link.
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '60', warnings: '0', pages: '31' });
    expectNoTokenLeak(r);

    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(errors).toHaveLength(10);
    const verdict = errors.filter((a) => a.properties === '');
    expect(verdict).toHaveLength(1);
    expect(unescapeCommand(verdict[0]!.message)).toContain('60 errors and 0 warnings found (fail-on: error)');
    expect(unescapeCommand(verdict[0]!.message)).toContain('https://github.example.com/octo-org/notes-site/actions/runs/4242');

    // The widest problem comes first and speaks for all 30 pages.
    const link = errors[0]!;
    expect(link.properties).toBe('title=icp-link,file=public/note-01.html,line=13,endLine=13,col=14,endColumn=39');
    const message = unescapeCommand(link.message);
    expect(message).toContain('The same problem on 30 pages: public/note-01.html:13:14, public/note-02.html:13:14');
    expect(message).toContain('and 25 more');
    expect(errors.filter((a) => a.properties.startsWith('title=icp-link'))).toHaveLength(1);
    expect(errors.filter((a) => a.properties.startsWith('title=title-site-name'))).toHaveLength(8);

    // 30 title findings, 8 annotated: 22 are told about, in the summary and the log.
    expect(r.summary).toContain('22 findings have no annotation');
    expect(r.stdout).toContain('22 more findings have no annotation');
    expect(r.summary).toContain('| [title-site-name](https://github.example.com/beian-guard/beian-guard/blob/v1/docs/rules/title-site-name.md) | ❌ error | 30 | 30 |');
    expect(r.summary).toContain('| [icp-link](https://github.example.com/beian-guard/beian-guard/blob/v1/docs/rules/icp-link.md) | ❌ error | 30 | 30 |');
    for (let i = 1; i <= 30; i++) expect(r.summary).toContain(`public/note-${String(i).padStart(2, '0')}.html:5:3`);
  });

  it('with fail-on: never nothing fails, so all 10 error slots go to findings', async () => {
    const r = await runAction({ workspace: makeWorkspace('action-many'), inputs: { lang: 'en', 'fail-on': 'never', comment: 'never' } });
    expect(r.code).toBe(0);
    expect(r.outputs.passed).toBe('true');
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.every((a) => a.properties.startsWith('title='))).toBe(true);
    expect(r.summary).toContain('### ✅ beian-guard: ICP filing check passed');
    expect(r.summary).toContain('21 findings have no annotation');
  });

  it('warnings get annotations of their own level, one slot kept for the action\'s own warning', async () => {
    const workspace = makeWorkspace('action-many');
    const config = JSON.parse(fs.readFileSync(path.join(workspace, 'beian.config.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(workspace, 'warn.json'), JSON.stringify({ ...config, rules: { 'icp-link': 'warning', 'title-site-name': 'warning' } }));
    // The API is unreachable, so the action has a warning of its own to give.
    const r = await runAction({ workspace, inputs: { lang: 'en', config: 'warn.json', comment: 'always' } });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '60' });
    const warnings = r.annotations.filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings.filter((a) => a.properties.startsWith('title='))).toHaveLength(9);
    expect(unescapeCommand(warnings[9]!.message)).toContain('Could not update the PR comment');
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(r.summary).toContain('22 findings have no annotation');
  });
});

describe('source locations', () => {
  it('annotates the template that produced a finding when the source is certain, and names the built file', async () => {
    const r = await runAction({
      workspace: makeWorkspace('action-sources'),
      inputs: { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all', comment: 'never' },
    });
    expect(r.code).toBe(1);
    const link = r.annotations.find((a) => a.properties.startsWith('title=icp-link'))!;
    // A single point in the source: line and column, no end column invented.
    expect(link.properties).toBe('title=icp-link,file=_includes/footer.html,line=3,endLine=3,col=15');
    expect(unescapeCommand(link.message)).toContain('构建产物：public/index.html:18:17');
    const title = r.annotations.find((a) => a.properties.startsWith('title=title-site-name'))!;
    // Only a guess: the annotation stays on the built file and mentions the guess.
    expect(title.properties).toBe('title=title-site-name,file=public/about/index.html,line=5,endLine=5,col=3,endColumn=21');
    expect(unescapeCommand(title.message)).toContain('可能的源文件：about.md:3:8');
    expect(r.summary).toContain('源文件：`_includes/footer.html:3`');
    expect(r.summary).toContain('源文件：`about.md:3`（可能）');
  });
});
