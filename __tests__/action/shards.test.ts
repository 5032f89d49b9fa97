/**
 * A sharded check in GitHub Actions (issue 20): a matrix of jobs with the `shard` input, each
 * writing its JSON report and nothing a reader would see twice (no annotations, summary or
 * comment), then one job with `merge` that posts the same comment, summary, annotations and
 * outputs as an unsharded run. Runs dist/index.js with real files and the stand-in API on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { botComment, makeWorkspace, MARKER, requireBundle, runAction, startFakeGitHub, type FakeGitHub, type RunResult } from './harness.js';

const N = 3;
let api: FakeGitHub | undefined;

beforeAll(() => requireBundle());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** The merge job's workspace with the shards' reports downloaded into artifact/, as download-artifact with merge-multiple leaves them. */
function mergeWorkspace(reports: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-action-merge-'));
  fs.mkdirSync(path.join(dir, 'artifact'));
  for (const file of reports) fs.copyFileSync(file, path.join(dir, 'artifact', path.basename(file)));
  return dir;
}

/** Shard K/N of fixtures/sites/action-many in a workspace of its own, as a matrix job runs it. */
async function shardJob(k: number, n = N, inputs: Record<string, string> = {}): Promise<{ run: RunResult; api: FakeGitHub }> {
  const jobApi = await startFakeGitHub();
  try {
    const run = await runAction({ workspace: makeWorkspace('action-many'), api: jobApi, inputs: { shard: `${k}/${n}`, lang: 'en', ...inputs } });
    return { run, api: jobApi };
  } finally {
    await jobApi.close();
  }
}

describe('shard jobs and the merge job', () => {
  it('each shard writes its JSON report and posts nothing; the merge job posts what the unsharded run posts', async () => {
    const reports: string[] = [];
    for (let k = 1; k <= N; k++) {
      const { run, api: jobApi } = await shardJob(k);
      expect(run.code, run.stdout).toBe(1);
      expect(jobApi.requests, 'no API call from a shard job').toEqual([]);
      expect(run.summary).toBe('');
      // The failure itself is the one annotation: findings are annotated once, by the merge job.
      expect(run.annotations.map((a) => a.level)).toEqual(['error']);
      expect(run.stdout).toContain(`beian-guard: this is shard ${k} of ${N}: no annotations, job summary or PR comment here`);
      expect(run.outputs['json-file']).toBe(path.join(path.dirname(run.outputs['json-file']!), `beian-guard-shard-${k}.json`));
      const json = JSON.parse(fs.readFileSync(run.outputs['json-file']!, 'utf8'));
      expect(json.shard).toEqual({ index: k, total: N });
      reports.push(run.outputs['json-file']!);
    }

    api = await startFakeGitHub();
    const whole = await runAction({ workspace: makeWorkspace('action-many'), api, inputs: { lang: 'en' } });
    expect(whole.code).toBe(1);
    const wholeComment = api.comments[0]!.body;
    await api.close();

    api = await startFakeGitHub();
    const merged = await runAction({ workspace: mergeWorkspace(reports), api, inputs: { merge: 'artifact/*.json', lang: 'en' } });
    expect(merged.code, merged.stdout).toBe(1);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toBe(wholeComment);
    expect(merged.summary).toBe(whole.summary);
    expect(merged.annotations.map((a) => a.line)).toEqual(whole.annotations.map((a) => a.line));
    for (const name of ['passed', 'errors', 'warnings', 'pages', 'exit-code']) expect(merged.outputs[name], name).toBe(whole.outputs[name]);
  });

  it('the merge job fails with exit 2 naming a missing shard, in the summary and in its earlier comment', async () => {
    const reports: string[] = [];
    for (const k of [1, 3]) reports.push((await shardJob(k)).run.outputs['json-file']!);
    // An error corrects the job's earlier comment (it never opens a new one for an error).
    api = await startFakeGitHub([botComment(1, `${MARKER}\nan earlier report`)]);
    const r = await runAction({ workspace: mergeWorkspace(reports), api, inputs: { merge: 'artifact/*.json', lang: 'en' } });
    expect(r.code).toBe(2);
    expect(r.outputs['exit-code']).toBe('2');
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('shard 2 of 3 is missing (2 shard reports given)');
    expect(r.summary).toContain('shard 2 of 3 is missing');
    expect(api.comments[0]!.body).toContain('shard 2 of 3 is missing');
  });

  it('refuses a bad shard input, and shard together with merge, naming the input', async () => {
    const bad = await shardJob(4, 3);
    expect(bad.run.code).toBe(2);
    expect(bad.run.annotations.find((a) => a.level === 'error')?.message).toContain('input "shard": "4/3" is not a shard: write K/N');
    expect(bad.api.requests, 'a shard job posts no error comment either').toEqual([]);
    const both = await shardJob(1, 3, { merge: 'artifact/*.json' });
    expect(both.run.code).toBe(2);
    expect(both.run.annotations.find((a) => a.level === 'error')?.message).toContain('input "shard": cannot be used with merge');
  });

  it('writes the shard report where json-file says', async () => {
    const { run } = await shardJob(2, 2, { 'json-file': 'reports/part.json' });
    expect(run.outputs['json-file']!.endsWith(path.join('reports', 'part.json'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(run.outputs['json-file']!, 'utf8')).shard).toEqual({ index: 2, total: 2 });
  });
});
