/**
 * The recipes of docs/shards.md (issue 20) parse and fit together: the GitHub workflow's matrix,
 * shard input, artifact names and merge glob; the GitLab pipeline's parallel jobs, artifacts,
 * stages and merge job. The GitLab commands are then run as the pipeline would run them (each
 * parallel copy with its CI_NODE_INDEX/CI_NODE_TOTAL, the shell's glob for merge) on a fixture
 * site, and the merged report must be the unsharded one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCliArgs } from '../../src/cli/args.js';
import { runIn } from '../helpers/shards.js';
import { fences, read, ROOT } from './markdown.js';

type Step = { uses?: string; if?: string; run?: string; with?: Record<string, unknown> };
type GithubJob = { needs?: string | string[]; if?: string; strategy?: { matrix?: { shard?: unknown[] } }; steps: Step[] };
type Workflow = { permissions?: Record<string, string>; concurrency?: unknown; jobs: Record<string, GithubJob> };
type GitlabJob = { stage?: string; parallel?: number; needs?: string[]; when?: string; script?: string[]; artifacts?: { when?: string; paths?: string[]; reports?: Record<string, string> } };

const doc = fences(read('docs/shards.md'));
const githubBlock = doc.find((f) => f.lang === 'yaml' && f.flags.has('shards-github'));
const gitlabBlock = doc.find((f) => f.lang === 'yaml' && f.flags.has('shards-gitlab'));
const temps: string[] = [];

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

/** `${{ matrix.shard }}` and `${{ strategy.job-total }}` as the runner fills them in for one job. */
function expand(value: unknown, shard: number, total: number): string {
  return String(value).replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, String(shard)).replace(/\$\{\{\s*strategy\.job-total\s*\}\}/g, String(total));
}

describe('docs/shards.md: the GitHub workflow', () => {
  const workflow = parse(githubBlock?.body ?? '') as Workflow;

  it('is there and parses', () => {
    expect(githubBlock, 'a ```yaml shards-github block').toBeDefined();
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'check', 'report']);
    expect(workflow.permissions?.['pull-requests']).toBe('write');
    expect(workflow.concurrency).toBeDefined();
  });

  it('each matrix job checks its own shard and uploads its report under its own name', () => {
    const check = workflow.jobs.check!;
    const shards = check.strategy?.matrix?.shard ?? [];
    expect(shards).toEqual(shards.map((_, i) => i + 1));
    expect(shards.length).toBeGreaterThan(1);
    const action = check.steps.find((s) => s.uses?.startsWith('beian-guard/beian-guard@'))!;
    const upload = check.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toContain('!cancelled()');
    const names = new Set<string>();
    for (const k of shards as number[]) {
      expect(expand(action.with?.shard, k, shards.length)).toBe(`${k}/${shards.length}`);
      expect(expand(upload.with?.path, k, shards.length)).toBe(expand(action.with?.['json-file'], k, shards.length));
      names.add(expand(upload.with?.name, k, shards.length));
    }
    expect(names.size).toBe(shards.length);
    // The shards check the site the build job uploaded.
    expect(check.needs).toBe('build');
    const site = check.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(site.with?.name).toBe(workflow.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!.with?.name);
  });

  it('the report job downloads every shard report into one folder and merges exactly those', () => {
    const check = workflow.jobs.check!;
    const shards = check.strategy!.matrix!.shard! as number[];
    const report = workflow.jobs.report!;
    expect(report.needs).toBe('check');
    expect(report.if).toContain('!cancelled()');
    const download = report.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with?.['merge-multiple']).toBe(true);
    const action = report.steps.find((s) => s.uses?.startsWith('beian-guard/beian-guard@'))!;
    expect(action.with?.shard).toBeUndefined();
    const upload = check.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    const checkAction = check.steps.find((s) => s.uses?.startsWith('beian-guard/beian-guard@'))!;
    const artifactMatches = picomatch(String(download.with?.pattern));
    const mergeMatches = picomatch(String(action.with?.merge));
    for (const k of shards) {
      expect(artifactMatches(expand(upload.with?.name, k, shards.length)), `artifact of shard ${k}`).toBe(true);
      // merge-multiple puts each artifact's files straight into the download path.
      const downloaded = `${String(download.with?.path)}/${expand(checkAction.with?.['json-file'], k, shards.length)}`;
      expect(mergeMatches(downloaded), `merge glob takes ${downloaded}`).toBe(true);
    }
    expect(artifactMatches('site')).toBe(false);
  });
});

describe('docs/shards.md: the GitLab pipeline', () => {
  const pipeline = parse(gitlabBlock?.body ?? '') as Record<string, GitlabJob | string[]> & { stages: string[] };
  const job = (name: string) => pipeline[name] as GitlabJob;
  /** The beian-guard command of a script line, its arguments as the CLI gets them (variables left as written). */
  const command = (j: GitlabJob) => j.script!.find((l) => l.startsWith('npx beian-guard '))!.split(/\s+/).slice(2);

  it('is there and parses: parallel checks, then a merge stage that runs after them whatever they found', () => {
    expect(gitlabBlock, 'a ```yaml shards-gitlab block').toBeDefined();
    const check = job('beian');
    const merge = job('beian-report');
    expect(check.parallel).toBeGreaterThan(1);
    expect(pipeline.stages.indexOf(merge.stage!)).toBeGreaterThan(pipeline.stages.indexOf(check.stage!));
    expect(merge.needs).toEqual(['beian']);
    expect(merge.when).toBe('always');
    expect(check.artifacts?.when).toBe('always');
    // Each copy writes its own file, and the shell's glob in the merge job takes every one.
    const args = command(check);
    const parsed = parseCliArgs(args.map((a) => a.replace('$CI_NODE_INDEX', '1')));
    expect(parsed.command).toBe('check');
    const files = Array.from({ length: check.parallel! }, (_, i) => args.find((a) => a.startsWith('json='))!.slice('json='.length).replace('$CI_NODE_INDEX', String(i + 1)));
    expect(new Set(files).size).toBe(check.parallel);
    const kept = picomatch(check.artifacts!.paths![0]!);
    const merged = picomatch(command(merge).find((a) => a.endsWith('.json') && a.includes('*'))!);
    for (const f of files) {
      expect(kept(f), `artifact keeps ${f}`).toBe(true);
      expect(merged(f), `merge takes ${f}`).toBe(true);
    }
    // The reports the merge request shows are the files merge writes.
    const written = command(merge).filter((a) => a.includes('=')).map((a) => a.split('=')[1]);
    expect(Object.values(merge.artifacts!.reports!).sort()).toEqual(written.sort());
  });

  it('run as GitLab runs it, the merged report is the unsharded one', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-shards-doc-'));
    temps.push(cwd);
    fs.cpSync(path.join(ROOT, 'fixtures/sites/action-many'), cwd, { recursive: true });
    const check = job('beian');
    const total = check.parallel!;
    const files: string[] = [];
    for (let k = 1; k <= total; k++) {
      const env = { CI_NODE_INDEX: String(k), CI_NODE_TOTAL: String(total) };
      const args = command(check).map((a) => a.replace('$CI_NODE_INDEX', String(k)));
      const r = await runIn(cwd, [...args, '--no-source-map'], env);
      expect(r.stderr).toContain(`检查第 ${k}/${total} 片页面（由 CI_NODE_INDEX=${k}, CI_NODE_TOTAL=${total} 指定）`);
      files.push(args.find((a) => a.startsWith('json='))!.slice('json='.length));
    }
    // The shell expands the glob in sorted order; merge orders the shards itself anyway.
    const mergeArgs = command(job('beian-report')).flatMap((a) => (a.includes('*') ? [...files].sort() : [a]));
    const merged = await runIn(cwd, mergeArgs);
    expect(merged.code).toBe(1);
    const whole = await runIn(cwd, ['check', '--no-source-map', '--format', 'gitlab=whole-gl.json', '--format', 'junit=whole-junit.xml']);
    expect(whole.code).toBe(1);
    expect(fs.readFileSync(path.join(cwd, 'gl-code-quality.json'), 'utf8')).toBe(fs.readFileSync(path.join(cwd, 'whole-gl.json'), 'utf8'));
    const junit = (name: string) => fs.readFileSync(path.join(cwd, name), 'utf8').replace(/time="[^"]*"/g, 'time=""');
    expect(junit('beian-junit.xml')).toBe(junit('whole-junit.xml'));
  });
});
