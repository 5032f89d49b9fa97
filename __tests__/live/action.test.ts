/**
 * The action with `command: live` on a schedule: the same stand-ins as the CLI tests, the built
 * dist/index.js under the network guard, and a stand-in GitHub API that keeps one issue.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireBundle, runAction, startFakeGitHub, OWNER, REPO, type RecordedRequest } from '../action/harness.js';
import { startWorld, type WorldSpec } from './world.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GUARD = pathToFileURL(path.join(ROOT, '__tests__/setup/network-guard.mjs')).href;

interface StoredIssue {
  number: number;
  state: string;
  title: string;
  body: string;
  user: { login: string; type: string };
}

/** The issues endpoints of one repository, as GitHub answers a GITHUB_TOKEN. */
function issuesApi(issues: StoredIssue[]) {
  const base = `/repos/${OWNER}/${REPO}/issues`;
  return (req: RecordedRequest) => {
    if (req.method === 'GET' && req.path === base) return { status: 200, body: issues };
    if (req.method === 'POST' && req.path === base) {
      const b = req.body as { title: string; body: string };
      const issue = { number: 100 + issues.length, state: 'open', title: b.title, body: b.body, user: { login: 'github-actions[bot]', type: 'Bot' } };
      issues.push(issue);
      return { status: 201, body: issue };
    }
    const m = new RegExp(`^${base}/(\\d+)$`).exec(req.path);
    if (m && req.method === 'PATCH') {
      const issue = issues.find((i) => i.number === Number(m[1]));
      if (!issue) return { status: 404, body: { message: 'Not Found' } };
      Object.assign(issue, req.body);
      return { status: 200, body: issue };
    }
    return undefined;
  };
}

async function scheduled(spec: WorldSpec, issues: StoredIssue[], inputs: Record<string, string> = {}) {
  requireBundle();
  const world = await startWorld(spec);
  const api = await startFakeGitHub();
  api.override = issuesApi(issues);
  try {
    const r = await runAction({
      workspace: world.dir,
      inputs: { command: 'live', issue: 'true', ...inputs },
      api,
      eventName: 'schedule',
      event: { schedule: '17 1 * * *' },
      env: { NODE_OPTIONS: `--import=${GUARD}`, BEIAN_GUARD_NETWORK_GUARD_LOG: '1' },
    });
    return { ...r, requests: api.requests };
  } finally {
    await api.close();
    await world.close();
  }
}

describe('action: command live, issue true', () => {
  it('a failing scheduled run opens one issue, then updates it in place; a passing run closes it', async () => {
    const issues: StoredIssue[] = [];
    const broken: WorldSpec = { dns: { 'www.example.cn': { A: ['198.51.100.9'] } } };
    const first = await scheduled(broken, issues);
    expect(first.stderr).not.toContain('network guard');
    expect(first.code).toBe(1);
    expect(first.outputs.passed).toBe('false');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('<!-- beian-guard:live -->');
    expect(issues[0]!.body).toContain('ip-mismatch');
    expect(first.summary).toContain('ip-mismatch');
    // No PR comment from a live run.
    expect(first.requests.some((r) => r.path.includes('/comments'))).toBe(false);
    // The log says what happened to the issue, in the run's language.
    expect(first.stdout).toContain('beian-guard：已创建报告 issue\n');

    const second = await scheduled({ dns: { 'www.example.cn': { A: ['198.51.100.10'] } } }, issues);
    expect(second.code).toBe(1);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('198.51.100.10');
    expect(second.stdout).toContain('beian-guard：已更新报告 issue\n');

    const fixed = await scheduled({}, issues);
    expect(fixed.code).toBe(0);
    expect(fixed.outputs.passed).toBe('true');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe('closed');
    expect(fixed.stdout).toContain('beian-guard：检查已通过，已关闭报告 issue\n');

    const again = await scheduled(broken, issues, { lang: 'en' });
    expect(again.code).toBe(1);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe('open');
    expect(again.stdout).toContain('beian-guard: report issue reopened and updated\n');
  });

  it('a passing run with no issue opens none', async () => {
    const issues: StoredIssue[] = [];
    const r = await scheduled({}, issues);
    expect(r.code).toBe(0);
    expect(issues).toEqual([]);
  });

  it('annotations name the URL or name, not a path in the workspace', async () => {
    const r = await scheduled({ dns: { 'www.example.cn': { A: ['198.51.100.9'] } } }, [], { issue: 'false' });
    const a = r.annotations.find((x) => x.properties.includes('ip-mismatch'))!;
    // Workflow commands escape the colon in property values.
    expect(a.properties).toContain('file=dns%3Awww.example.cn');
  });

  it('command live without a config file fails the step with exit 2 and says what is missing', async () => {
    requireBundle();
    const api = await startFakeGitHub();
    try {
      const workspace = (await import('node:fs')).mkdtempSync(path.join((await import('node:os')).tmpdir(), 'bg-live-action-'));
      const r = await runAction({ workspace, inputs: { command: 'live' }, api, eventName: 'schedule', event: {} });
      expect(r.code).toBe(2);
      // No lang input: the message is in the default language.
      expect(r.stdout).toMatch(/live 需要一个列出备案域名的配置文件/);
    } finally {
      await api.close();
    }
  });

  it('an unknown command is an input error', async () => {
    requireBundle();
    const world = await startWorld();
    try {
      const r = await runAction({ workspace: world.dir, inputs: { command: 'watch', lang: 'en' }, eventName: 'schedule', event: {} });
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/input "command": "watch" is not one of "check", "live"/);
    } finally {
      await world.close();
    }
  });
});
