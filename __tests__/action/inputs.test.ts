import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoTokenLeak, unescapeCommand } from './expect.js';
import { makeWorkspace, requireBundle, runAction, type RunResult } from './harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all', comment: 'never', lang: 'en' };

beforeAll(requireBundle);

/** An input problem: non-zero exit, one error annotation with the message, passed=false, no stack trace. */
function expectInputFailure(r: RunResult, text: string): void {
  expect(r.code).not.toBe(0);
  expect(r.code).not.toBeNull();
  expect(r.outputs.passed).toBe('false');
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  expect(unescapeCommand(errors[0]!.message)).toContain(text);
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expectNoTokenLeak(r);
}

describe('inputs are validated like the CLI config, and a bad one fails the step', () => {
  it('a malformed ICP number names the input', async () => {
    const r = await runAction({ workspace: makeWorkspace('action-broken'), inputs: { ...SITE, icp: '沪ICP备123号' } });
    expectInputFailure(r, 'input "icp": "沪ICP备123号" is not a valid ICP number');
  });

  it('an unknown key in the config file names the file and the key', async () => {
    const workspace = makeWorkspace('action-many');
    const config = JSON.parse(fs.readFileSync(path.join(workspace, 'beian.config.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(workspace, 'beian.config.json'), JSON.stringify({ ...config, failOnn: 'warning' }, null, 2));
    const r = await runAction({ workspace, inputs: { comment: 'never', lang: 'en' } });
    expectInputFailure(r, 'beian.config.json: (top level): unknown key(s) "failOnn"');
  });

  it('an unknown rule id in a named config file is an input error', async () => {
    const workspace = makeWorkspace('action-many');
    fs.mkdirSync(path.join(workspace, '.github'));
    fs.writeFileSync(path.join(workspace, '.github/beian.yml'), 'root: ../public\nicp: 浙ICP备2023098765号-1\nsiteName: 山月读书\nrules:\n  icp-linkk: off\n');
    const r = await runAction({ workspace, inputs: { comment: 'never', config: '.github/beian.yml', lang: 'en' } });
    expectInputFailure(r, 'unknown rule id "icp-linkk" (did you mean "icp-link"?)');
  });

  it.each([
    ['fail-on', 'sometimes', 'input "fail-on": "sometimes" is not one of "error", "warning", "never"'],
    ['scope', 'everything', 'input "scope": "everything" is not one of "entry", "all"'],
    ['comment', 'yes', 'input "comment": "yes" is not one of "auto", "always", "never"'],
    // No usable lang input: the message is in the default language.
    ['lang', 'fr', '输入 "lang": "fr" 不是可选的值（可选："zh-CN", "en"）'],
  ])('input %s=%s is rejected', async (name, value, message) => {
    const r = await runAction({ workspace: makeWorkspace('action-broken'), inputs: { ...SITE, [name]: value } });
    expectInputFailure(r, message);
  });

  it('speaks Chinese by default, naming the input the same way', async () => {
    const { lang: _en, ...zh } = SITE;
    const r = await runAction({ workspace: makeWorkspace('action-broken'), inputs: { ...zh, icp: '沪ICP备123号' } });
    expectInputFailure(r, '输入有误：输入 "icp": "沪ICP备123号" 不是有效的 ICP 备案号：数字位数不对');
  });

  it('without a config file, icp and site-name are required', async () => {
    const r = await runAction({ workspace: makeWorkspace('action-broken'), inputs: { comment: 'never', lang: 'en' } });
    expectInputFailure(r, 'missing input "icp" and "site-name"');
  });

  it('a path that does not exist is named', async () => {
    const r = await runAction({ workspace: makeWorkspace('action-broken'), inputs: { ...SITE, path: 'site/out' } });
    expectInputFailure(r, 'input "path": the folder "site/out" does not exist');
  });

  it('finds public/ when path is empty, and takes an explicit path over the config root', async () => {
    const auto = await runAction({ workspace: makeWorkspace('action-broken'), inputs: SITE });
    expect(auto.outputs.pages).toBe('2');
    expect(auto.annotations.some((a) => a.properties.includes('file=public/index.html'))).toBe(true);

    const workspace = makeWorkspace('action-many');
    fs.mkdirSync(path.join(workspace, 'build'));
    fs.renameSync(path.join(workspace, 'public'), path.join(workspace, 'build/site'));
    fs.rmSync(path.join(workspace, 'build/site/note-01.html'));
    const explicit = await runAction({ workspace, inputs: { comment: 'never', path: 'build/site' } });
    expect(explicit.outputs.pages).toBe('30');
    expect(explicit.annotations.some((a) => a.properties.includes('file=build/site/'))).toBe(true);
  });

  it('with no site folder at all, says which folders it looked for', async () => {
    const workspace = makeWorkspace('action-broken');
    fs.renameSync(path.join(workspace, 'public'), path.join(workspace, 'site'));
    const r = await runAction({ workspace, inputs: SITE });
    expectInputFailure(r, 'none of public, dist, _site, out, build, docs/.vitepress/dist exists');
  });

  it('writes SARIF and JSON where asked and reports their paths', async () => {
    const workspace = makeWorkspace('action-broken');
    const r = await runAction({ workspace, inputs: { ...SITE, 'sarif-file': 'reports/beian.sarif', 'json-file': 'reports/beian.json' } });
    expect(r.code).toBe(1);
    expect(r.outputs['sarif-file']).toBe(path.join(workspace, 'reports/beian.sarif'));
    expect(r.outputs['json-file']).toBe(path.join(workspace, 'reports/beian.json'));
    const sarif = JSON.parse(fs.readFileSync(r.outputs['sarif-file']!, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort()).toEqual([
      'public/about/index.html',
      'public/about/index.html',
      'public/index.html',
    ]);
    const json = JSON.parse(fs.readFileSync(r.outputs['json-file']!, 'utf8')) as { summary: { errors: number } };
    expect(json.summary.errors).toBe(3);
  });

  it('leaves the file outputs empty when no file was asked for', async () => {
    const r = await runAction({ workspace: makeWorkspace('action-fixed'), inputs: SITE });
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ passed: 'true', errors: '0', warnings: '0', pages: '2', 'sarif-file': '', 'json-file': '', 'report-files': '', 'comment-url': '', 'exit-code': '0' });
  });

  it('writes the PR comment to comment-file for a workflow_run workflow to post', async () => {
    const workspace = makeWorkspace('action-broken');
    const r = await runAction({ workspace, inputs: { ...SITE, 'comment-file': 'out/comment.md', lang: 'en' } });
    expect(r.code).toBe(1);
    const body = fs.readFileSync(path.join(workspace, 'out/comment.md'), 'utf8');
    expect(body.startsWith('<!-- beian-guard:report key=beian/check -->\n### ❌ beian-guard: ICP filing check failed')).toBe(true);
  });

  it('a report file that cannot be written is an input error', async () => {
    const workspace = makeWorkspace('action-broken');
    fs.writeFileSync(path.join(workspace, 'reports'), 'a file, not a folder');
    const r = await runAction({ workspace, inputs: { ...SITE, 'sarif-file': 'reports/beian.sarif' } });
    expectInputFailure(r, 'input "sarif-file": cannot write reports/beian.sarif');
  });
});

describe('the first hour, through the action', () => {
  it('content rules read every page by default; content-scope: entry narrows them', async () => {
    const all = await runAction({ workspace: makeWorkspace('blog-post-ad'), inputs: { comment: 'never', lang: 'en' } });
    expect(all.code).toBe(1);
    expect(all.outputs.pages).toBe('3');
    expect(all.annotations.some((a) => a.properties.includes('file=public/2024/05/01/hello/index.html') && a.properties.includes('content-prohibited'))).toBe(true);
    const entry = await runAction({ workspace: makeWorkspace('blog-post-ad'), inputs: { comment: 'never', 'content-scope': 'entry' } });
    expect(entry.code).toBe(0);
    expect(entry.outputs).toMatchObject({ passed: 'true', pages: '1' });
  });

  it('an entity number in the icp input passes a -1 footer with a notice', async () => {
    const r = await runAction({ workspace: makeWorkspace('blog-post-ad'), inputs: { comment: 'never', 'content-scope': 'entry', icp: '京ICP备2023012345号', lang: 'en' } });
    expect(r.code).toBe(0);
    const notices = r.annotations.filter((a) => a.level === 'notice');
    expect(notices).toHaveLength(1);
    expect(unescapeCommand(notices[0]!.message)).toContain('entity number');
  });

  it('a config root that is not built yet asks whether the build step ran', async () => {
    const workspace = makeWorkspace('blog-post-ad');
    fs.rmSync(path.join(workspace, 'public'), { recursive: true });
    const r = await runAction({ workspace, inputs: { comment: 'never' } });
    expectInputFailure(r, '站点目录 public 不存在。网站是否已在前面的步骤中构建？');
  });

  it('rejects an unknown content-scope', async () => {
    const r = await runAction({ workspace: makeWorkspace('blog-post-ad'), inputs: { comment: 'never', 'content-scope': 'posts', lang: 'en' } });
    expectInputFailure(r, 'input "content-scope": "posts" is not one of "all", "entry"');
  });
});
