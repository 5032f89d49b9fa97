import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { onTestFinished } from 'vitest';
import { parse } from 'yaml';
import type { CliIO } from '../../src/cli/main.js';
import { runInit, type InitInput } from '../../src/init/run-init.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/init');

/** A temp folder outside any git repository, removed when the test ends. */
export function tempDir(prefix = 'bg-init-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Folders a repository cannot hold under their real names: git refuses a nested `.git`, and
 * `node_modules/` is ignored. Fixtures keep them as `_git` (a clone's .git/config and HEAD) and
 * `_node_modules` (a theme installed from npm); a clone gets the real names back.
 */
const RENAMED: Record<string, string> = { _git: '.git', _node_modules: 'node_modules' };

/** A fresh copy of a fixture repository, as a new user's clone would look. */
export function cloneFixture(name: string, into = tempDir(`bg-init-${name}-`)): string {
  fs.cpSync(path.join(FIXTURES, name), into, { recursive: true });
  for (const [stored, real] of Object.entries(RENAMED)) {
    if (fs.existsSync(path.join(into, stored))) fs.renameSync(path.join(into, stored), path.join(into, real));
  }
  return into;
}

export interface InitRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs init in-process with a non-terminal stdin unless one is given. */
export async function init(cwd: string, argv: readonly string[], stdin: InitInput = new PassThrough()): Promise<InitRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd, env: {}, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  const code = await runInit(argv, io, stdin);
  return { code, stdout, stderr };
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export interface WorkflowStep {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}

/** The steps of the beian job in a written workflow (parsed as YAML, as GitHub would). */
export function workflowSteps(file: string): WorkflowStep[] {
  const doc = parse(fs.readFileSync(file, 'utf8')) as { jobs: { beian: { steps: WorkflowStep[] } } };
  return doc.jobs.beian.steps;
}

/** Runs init on a terminal stand-in that answers each prompt as it appears, like a user typing. */
export async function interactiveInit(dir: string, answers: string[], argv: string[] = []): Promise<InitRun & { prompts: string[] }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const io: CliIO = {
    cwd: dir,
    env: {},
    stdout: {
      write: (s: string) => {
        stdout += s;
        if (/[：:] $|：$/.test(s)) {
          prompts.push(s);
          const answer = answers.shift();
          setImmediate(() => (answer === undefined ? stdin.end() : stdin.write(`${answer}\n`)));
        }
        return true;
      },
    },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await runInit(argv, io, stdin);
  return { code, stdout, stderr, prompts };
}

/** A fake clone: .git with HEAD and an origin remote, as `git clone` leaves it. */
export function fakeGit(dir: string, url: string | undefined, branch = 'main'): void {
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.git/HEAD'), `ref: refs/heads/${branch}\n`);
  fs.writeFileSync(path.join(dir, '.git/config'), `[core]\n\tbare = false\n${url ? `[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n` : ''}`);
}
