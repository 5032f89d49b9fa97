import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, parseOutputs } from './harness.js';

/**
 * An internal failure cannot be provoked through dist/ without breaking the bundle, so this one
 * runs the action in-process: its worker script does not exist, as if the bundle were
 * incomplete, and the run must fail with a plain message rather than pass or print a stack.
 */
describe('internal errors', () => {
  const cwd = process.cwd();
  afterEach(() => {
    process.chdir(cwd);
    process.exitCode = undefined;
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('a page process that cannot start fails the step with exit code 2 and passed=false', async () => {
    const workspace = makeWorkspace('action-broken');
    // workers set explicitly starts the pool at once (by default it waits until many pages are read).
    fs.writeFileSync(path.join(workspace, 'beian.config.json'), JSON.stringify({ root: 'public', icp: '沪ICP备2024000123号-2', siteName: '青柠手记', workers: 1 }));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-internal-'));
    const outputFile = path.join(tmp, 'output.txt');
    fs.writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      'INPUT_SCOPE': 'all',
      'INPUT_LANG': 'en',
      'INPUT_COMMENT': 'never',
      'INPUT_GITHUB-TOKEN': '',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: path.join(tmp, 'summary.md'),
    };
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    fs.writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
    process.chdir(workspace);
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const { action } = await import('../../src/action/main.js');
    await action(new URL(`file://${path.join(tmp, 'missing-worker.js')}`));
    expect(process.exitCode).toBe(2);
    expect(stdout).toMatch(/^::error::beian-guard: internal error: .*page-checking process could not start.*This is a bug in beian-guard/m);
    expect(parseOutputs(fs.readFileSync(outputFile, 'utf8'))).toEqual({ passed: 'false', 'exit-code': '2' });
    expect(fs.readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('### ⚠️ beian-guard: the check could not run');
  });
});
