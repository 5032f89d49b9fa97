/**
 * Runs the built action (dist/index.js) the way the runner does: a node process with INPUT_*
 * variables, GITHUB_* variables, real files for outputs and the step summary, and a stand-in for
 * the GitHub REST API on 127.0.0.1 that records every request.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** BEIAN_GUARD_DIST_DIR points the tests at another build of dist/ (e.g. while others rebuild the shared one). */
export const DIST = process.env.BEIAN_GUARD_DIST_DIR ? path.resolve(process.env.BEIAN_GUARD_DIST_DIR) : path.join(ROOT, 'dist');
export const DIST_ACTION = path.join(DIST, 'index.js');
export const TOKEN = 'ghs_TestTokenDoNotLeak_0123456789abcdef';
export const OWNER = 'octo-org';
export const REPO = 'notes-site';
export const PR = 7;
export const HEAD_SHA = '3f2a9c1d4e5b6a7980112233445566778899aabb';
/** The runner's workflow and job names in every run, and the comment marker they give by default. */
export const WORKFLOW = 'beian';
export const JOB = 'check';
export const MARKER = '<!-- beian-guard:report key=beian/check -->';

/** Fails loudly when the bundle is missing: these tests exercise dist/, never a silent skip. */
export function requireBundle(): void {
  if (!fs.existsSync(DIST_ACTION)) throw new Error(`${DIST_ACTION} is missing: run "npm run bundle" before the action tests`);
}

/** A fresh copy of fixtures/sites/<name> as the workspace of one run. */
export function makeWorkspace(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bg-action-${fixture}-`));
  fs.cpSync(path.join(ROOT, 'fixtures/sites', fixture), dir, { recursive: true });
  return dir;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url?: string;
}

/** What one response should be; `hang` never answers, `reset` drops the connection. */
export type Reply = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> } | 'hang' | 'reset';

/**
 * Decides a reply before the stand-in's default behaviour; returning undefined falls through.
 * `n` counts earlier requests with the same method and path.
 */
export type Override = (req: RecordedRequest, n: number) => Reply | undefined;

export interface FakeGitHub {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly comments: StoredComment[];
  override: Override | undefined;
  /** The commit GET /pulls/{PR} says the pull request is at (HEAD_SHA unless a test moves it). */
  pullHead: string;
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };

/** The issue-comment endpoints of one repository, as GitHub answers a GITHUB_TOKEN. */
export async function startFakeGitHub(initial: StoredComment[] = []): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const comments = [...initial];
  let nextId = 1000;
  const seen = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();

  const defaultReply = (req: RecordedRequest): Reply => {
    const base = `/repos/${OWNER}/${REPO}`;
    if (req.method === 'GET' && req.path === '/user') return { status: 403, body: { message: 'Resource not accessible by integration' } };
    if (req.path === `${base}/issues/${PR}/comments` && req.method === 'GET') {
      const perPage = Number(req.query.get('per_page') ?? 30);
      const page = Number(req.query.get('page') ?? 1);
      return { status: 200, body: comments.slice((page - 1) * perPage, page * perPage) };
    }
    if (req.path === `${base}/pulls/${PR}` && req.method === 'GET') return { status: 200, body: { number: PR, head: { sha: fake.pullHead } } };
    if (req.path === `${base}/issues/${PR}/comments` && req.method === 'POST') {
      const id = nextId++;
      const comment = { id, body: String((req.body as { body?: unknown }).body), user: BOT, html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${id}` };
      comments.push(comment);
      return { status: 201, body: comment };
    }
    const m = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(req.path);
    if (m && req.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(m[1]));
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      comment.body = String((req.body as { body?: unknown }).body);
      return { status: 200, body: comment };
    }
    return { status: 404, body: { message: 'Not Found' } };
  };

  const fake: FakeGitHub = {
    url: '',
    requests,
    comments,
    override: undefined,
    pullHead: HEAD_SHA,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Recorded as text.
      }
      const req: RecordedRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: incoming.headers, body };
      requests.push(req);
      const key = `${req.method} ${req.path}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const reply = fake.override?.(req, n) ?? defaultReply(req);
      if (reply === 'hang') {
        hanging.add(res);
        return;
      }
      if (reply === 'reset') {
        incoming.socket.destroy();
        return;
      }
      const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (fake as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

export function botComment(id: number, body: string): StoredComment {
  return { id, body, user: { ...BOT } };
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Workflow-command lines the runner would turn into annotations. */
  readonly annotations: { level: string; properties: string; message: string; line: string }[];
}

export interface RunOptions {
  readonly workspace: string;
  readonly inputs?: Record<string, string>;
  readonly api?: FakeGitHub;
  readonly eventName?: string;
  /** The event payload; undefined writes a pull_request payload for PR 7. */
  readonly event?: unknown;
  readonly env?: Record<string, string>;
  /** Kills the action (SIGKILL) this long after it started, as a runner does on a timeout or cancel. */
  readonly killAfterMs?: number;
  /** Kills the action (SIGKILL) as soon as it has written its first output, wherever the run is then. */
  readonly killAtFirstOutput?: boolean;
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}

export function pullRequestEvent(): unknown {
  return {
    action: 'synchronize',
    number: PR,
    pull_request: { number: PR, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } },
    repository: { full_name: `${OWNER}/${REPO}` },
  };
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-runner-'));
  const outputFile = path.join(tmp, 'output.txt');
  const summaryFile = path.join(tmp, 'summary.md');
  const eventFile = path.join(tmp, 'event.json');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(eventFile, JSON.stringify(options.event ?? pullRequestEvent()));
  const inputs: Record<string, string> = { comment: 'auto', 'github-token': TOKEN, ...options.inputs };
  // A clean environment: a developer's or CI's own GITHUB_* variables must not leak into the run.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_API_URL: options.api?.url ?? 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKFLOW: WORKFLOW,
    GITHUB_JOB: JOB,
    GITHUB_SHA: 'feedfacecafebeef00112233445566778899aabb',
    GITHUB_ACTION_REPOSITORY: 'beian-guard/beian-guard',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    BEIAN_GUARD_RETRY_BASE_MS: '1',
    BEIAN_GUARD_API_TIMEOUT_MS: '10000',
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const child = spawn(process.execPath, [DIST_ACTION], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  const watcher = options.killAtFirstOutput
    ? setInterval(() => {
        if (fs.existsSync(outputFile) && fs.statSync(outputFile).size > 0) child.kill('SIGKILL');
      }, 5)
    : undefined;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  clearInterval(watcher);

  const annotations = stdout
    .split('\n')
    .map((line) => ({ line, m: /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line) }))
    .filter((x) => x.m)
    .map(({ line, m }) => ({ level: m![1]!, properties: (m![2] ?? '').trim(), message: m![3]!, line }));
  // Lines between ::stop-commands::TOKEN and ::TOKEN:: are not commands: drop look-alikes there.
  const live = annotations.filter((a) => !insideStopCommands(stdout, a.line));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    annotations: live,
  };
}

/** True when `line` only appears while the runner has command processing paused. */
function insideStopCommands(stdout: string, line: string): boolean {
  let paused: string | null = null;
  for (const l of stdout.split('\n')) {
    if (paused) {
      if (l === `::${paused}::`) paused = null;
      continue;
    }
    const m = /^::stop-commands::(.+)$/.exec(l);
    if (m) {
      paused = m[1]!;
      continue;
    }
    if (l === line) return false;
  }
  return true;
}
