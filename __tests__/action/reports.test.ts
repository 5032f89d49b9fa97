/**
 * The action in real workflows (issue 16): reports for other tools beside the comment, a working
 * directory for a monorepo, the filing input, the outputs a later step reads, and posting a fork
 * PR's report from a workflow_run job without trusting it. Runs dist/index.js with real files and
 * the stand-in API on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_SHA, makeWorkspace, PR, requireBundle, runAction, startFakeGitHub, type FakeGitHub } from './harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', scope: 'all', lang: 'en' };
const PR_EVENT = { pull_request: { number: PR, head: { sha: HEAD_SHA } } };
let api: FakeGitHub | undefined;

beforeAll(() => requireBundle());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('reports, working-directory, filing and the outputs', () => {
  it('writes every report the reports input lists and names them all in report-files', async () => {
    const workspace = makeWorkspace('action-broken');
    const r = await runAction({
      workspace,
      inputs: { ...SITE, comment: 'never', reports: 'junit=out/beian.xml\ngitlab=out/gl-code-quality.json\n# a comment line\nhtml=out/beian.html', 'json-file': 'out/beian.json' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('1');
    const files = r.outputs['report-files']!.split('\n');
    expect(files.map((f) => path.relative(workspace, f)).sort()).toEqual(['out/beian.html', 'out/beian.json', 'out/beian.xml', 'out/gl-code-quality.json']);
    expect(XMLValidator.validate(fs.readFileSync(path.join(workspace, 'out/beian.xml'), 'utf8'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(workspace, 'out/gl-code-quality.json'), 'utf8'))).toHaveLength(Number(r.outputs.errors) + Number(r.outputs.warnings));
  });

  it('refuses a reports line without a path, and an unknown format, naming the input', async () => {
    for (const [reports, message] of [
      ['junit', 'input "reports": "junit" needs a file path'],
      ['xml=out.xml', 'input "reports": "xml" is not one of'],
    ] as const) {
      const r = await runAction({ workspace: makeWorkspace('action-broken'), inputs: { ...SITE, comment: 'never', reports } });
      expect(r.code).toBe(2);
      expect(r.outputs['exit-code']).toBe('2');
      expect(r.annotations.find((a) => a.level === 'error')?.message).toContain(message);
    }
  });

  it('works in working-directory: config, site folder and report files are found from there', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-action-monorepo-'));
    fs.cpSync(path.join(makeWorkspace('action-broken'), 'public'), path.join(workspace, 'apps/blog/public'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, 'apps/blog/beian.config.json'),
      JSON.stringify({ root: 'public', icp: SITE.icp, siteName: SITE['site-name'], police: SITE.police, scope: 'all', lang: 'en', sources: { enabled: false } }),
    );
    const r = await runAction({ workspace, inputs: { 'working-directory': 'apps/blog', comment: 'never', 'json-file': 'beian.json' } });
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(workspace, 'apps/blog/beian.json'))).toBe(true);
    // Annotations stay relative to the repository, where GitHub shows them.
    expect(r.annotations.some((a) => a.properties.includes('file=apps/blog/public/'))).toBe(true);
    const outside = await runAction({ workspace, inputs: { 'working-directory': '../..', comment: 'never', lang: 'en' } });
    expect(outside.code).toBe(2);
    expect(outside.annotations.find((a) => a.level === 'error')?.message).toContain('input "working-directory"');
  });

  it('takes the filing input: a company name on a personal filing is flagged, on an enterprise one it is not', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-action-filing-'));
    fs.mkdirSync(path.join(dir, 'public'));
    fs.writeFileSync(
      path.join(dir, 'public/index.html'),
      `<!doctype html><html><head><meta charset="utf-8"><title>青柠手记</title></head><body><p>本公司是一家专业从事网站建设的科技有限公司，成立于二〇一五年，主营企业官网与电商平台开发。</p><p>统一社会信用代码：91110105MA01ABCDEF</p><footer>© 青柠网络科技有限公司 <a href="https://beian.miit.gov.cn/">沪ICP备2024000123号-2</a> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=31010402001234">沪公网安备31010402001234号</a></footer></body></html>`,
    );
    const personal = await runAction({ workspace: dir, inputs: { ...SITE, comment: 'never', 'json-file': 'p.json', filing: 'personal' } });
    const enterprise = await runAction({ workspace: dir, inputs: { ...SITE, comment: 'never', 'json-file': 'e.json', filing: 'enterprise' } });
    const rules = (file: string) => (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(rules('p.json')).toContain('content-entity-scope');
    expect(rules('e.json')).not.toContain('content-entity-scope');
    expect(personal.outputs['exit-code']).toBe(enterprise.outputs['exit-code']);
    const bad = await runAction({ workspace: dir, inputs: { ...SITE, comment: 'never', filing: 'company' } });
    expect(bad.code).toBe(2);
  });

  it('gives comment-url for the comment it posted, and exit-code 0 when the site passes', async () => {
    api = await startFakeGitHub();
    const broken = await runAction({ workspace: makeWorkspace('action-broken'), api, inputs: SITE, event: PR_EVENT });
    expect(broken.outputs['comment-url']).toMatch(/^https:\/\/github\.com\/.+\/pull\/7#issuecomment-\d+$/);
    const fixed = await runAction({ workspace: makeWorkspace('action-fixed'), api, inputs: SITE, event: PR_EVENT });
    expect(fixed.code).toBe(0);
    expect(fixed.outputs['exit-code']).toBe('0');
  });
});

describe('merge: a fork PR\'s report posted by a workflow_run job', () => {
  /** The JSON report a fork's PR run leaves in its artifact, made by the CLI as the recipe does. */
  async function forkReport(): Promise<{ workspace: string; json: Record<string, unknown> }> {
    const pr = makeWorkspace('action-broken');
    const r = await runAction({ workspace: pr, inputs: { ...SITE, comment: 'never', 'json-file': 'beian.json' } });
    expect(r.code).toBe(1);
    const json = JSON.parse(fs.readFileSync(path.join(pr, 'beian.json'), 'utf8')) as Record<string, unknown>;
    const posting = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-action-posting-'));
    return { workspace: posting, json };
  }

  const POSTING = { merge: 'artifact/*.json', 'pull-request': String(PR), 'head-sha': HEAD_SHA, lang: 'en' };

  it('posts the report as a comment on the PR named, rebuilt from the JSON with our own escaping', async () => {
    const { workspace, json } = await forkReport();
    fs.mkdirSync(path.join(workspace, 'artifact'));
    fs.writeFileSync(path.join(workspace, 'artifact/beian.json'), JSON.stringify(json));
    api = await startFakeGitHub();
    const r = await runAction({ workspace, api, inputs: POSTING, event: { workflow_run: { head_sha: HEAD_SHA, pull_requests: [] } }, eventName: 'workflow_run' });
    expect(r.code).toBe(1);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toContain('### ❌ beian-guard: ICP filing check failed');
    expect(r.outputs.errors).toBe(String((json.findings as { severity: string }[]).filter((f) => f.severity === 'error').length));
  });

  it('a forged report cannot ping, link, show an image or lie about its counts', async () => {
    const { workspace, json } = await forkReport();
    const findings = json.findings as Record<string, unknown>[];
    findings[0] = { ...findings[0], message: '@octocat see ![x](https://evil.example/x.png) [click](javascript:alert(1)) <img src=x onerror=alert(1)> #1' };
    const forged = { ...json, summary: { pages: 1, errors: 0, warnings: 0, notices: 0 } };
    fs.mkdirSync(path.join(workspace, 'artifact'));
    fs.writeFileSync(path.join(workspace, 'artifact/beian.json'), JSON.stringify(forged));
    api = await startFakeGitHub();
    const r = await runAction({ workspace, api, inputs: POSTING, event: { workflow_run: { head_sha: HEAD_SHA } }, eventName: 'workflow_run' });
    // Counted from the findings, not from the file's summary.
    expect(r.code).toBe(1);
    const body = api.comments[0]!.body;
    expect(body).not.toMatch(/@octocat|!\[x\]|\[click\]\(|<img /);
    expect(body).toContain('&#64;');
  });

  it('refuses a report with an unknown rule id or a broken shape, naming the file', async () => {
    const { workspace, json } = await forkReport();
    fs.mkdirSync(path.join(workspace, 'artifact'));
    const findings = json.findings as Record<string, unknown>[];
    fs.writeFileSync(path.join(workspace, 'artifact/beian.json'), JSON.stringify({ ...json, findings: [{ ...findings[0], ruleId: 'rm-rf' }] }));
    const r = await runAction({ workspace, inputs: { ...POSTING, comment: 'never' } });
    expect(r.code).toBe(2);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('input "merge" artifact/beian.json: not a beian-guard JSON report (findings.0.ruleId is wrong)');
  });

  it('does not comment when the PR has moved on to another commit, and says why', async () => {
    const { workspace, json } = await forkReport();
    fs.mkdirSync(path.join(workspace, 'artifact'));
    fs.writeFileSync(path.join(workspace, 'artifact/beian.json'), JSON.stringify(json));
    api = await startFakeGitHub();
    api.pullHead = 'a'.repeat(40);
    const r = await runAction({ workspace, api, inputs: POSTING, event: { workflow_run: { head_sha: HEAD_SHA } }, eventName: 'workflow_run' });
    expect(api.comments).toHaveLength(0);
    expect(r.annotations.some((a) => a.level === 'warning' && a.message.includes(`PR #${PR} is now at aaaaaaa, not at ${HEAD_SHA.slice(0, 7)}`))).toBe(true);
  });

  it('never reads a report through a link out of the working directory', async () => {
    const { workspace } = await forkReport();
    const secret = path.join(os.tmpdir(), `bg-secret-${process.pid}.json`);
    fs.writeFileSync(secret, '{"version":"x","findings":[]}');
    fs.mkdirSync(path.join(workspace, 'artifact'));
    fs.symlinkSync(secret, path.join(workspace, 'artifact/beian.json'));
    const r = await runAction({ workspace, inputs: { ...POSTING, comment: 'never' } });
    expect(r.code).toBe(2);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('is outside the working directory');
    fs.rmSync(secret);
  });
});
