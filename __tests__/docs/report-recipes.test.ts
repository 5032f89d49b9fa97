/**
 * The CI recipes of docs/reports.md are complete files that work as written (issue 16): each one
 * parses, its `beian-guard` command is one the CLI accepts, and the files the CI system reads are
 * the files that command writes. The structural rules are the systems' documented formats.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reportFilesOf } from '../init/ci-formats.js';
import { fences, read } from './markdown.js';

type Obj = Record<string, unknown>;
const blocks = fences(read('docs/reports.md'));

function recipe(name: string): string {
  const block = blocks.find((b) => b.attrs.get('recipe') === name);
  if (!block) throw new Error(`docs/reports.md has no block recipe=${name}`);
  return block.body;
}

/** Every `beian-guard` command line in a recipe, with the report files it writes. */
function commands(text: string): { line: string; files: Record<string, string> }[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*(?:-\s+|sh\s+')?/, '').replace(/'\s*$/, ''))
    .filter((l) => /\bbeian-guard check\b/.test(l))
    .map((line) => ({ line, files: reportFilesOf(line) }));
}

describe('docs/reports.md recipes', () => {
  it('GitLab: the merge request reads the Code Quality and JUnit reports the job writes', () => {
    const doc = parse(recipe('gitlab')) as Obj;
    const job = doc.beian as Obj;
    expect(job.image).toMatch(/^node:(2[2-9]|[3-9]\d)/);
    const [check] = commands((job.script as string[]).join('\n'));
    const reports = (job.artifacts as Obj).reports as Obj;
    expect(reports.codequality).toBe(check!.files.gitlab);
    expect(reports.junit).toBe(check!.files.junit);
    expect(((job.artifacts as Obj).paths as string[])).toContain(check!.files.json);
    expect((job.artifacts as Obj).when).toBe('always');
  });

  it('Jenkins and CODING: junit and recordIssues read the files the stage writes, in a declarative pipeline', () => {
    const text = recipe('jenkins');
    const [check] = commands(text);
    expect(text).toContain(`junit testResults: '${check!.files.junit}'`);
    expect(text).toContain(`recordIssues tools: [sarif(pattern: '${check!.files.sarif}'`);
    expect(text).toContain(`archiveArtifacts artifacts: '${check!.files.html}'`);
    // A declarative pipeline: pipeline { agent …; stages { stage(…) { steps { … } post { always { … } } } } }, braces balanced.
    expect(text).toMatch(/^pipeline \{\n {2}agent /);
    expect(text).toMatch(/ {2}stages \{\n/);
    expect(text).toMatch(/post \{\n\s+always \{\n/);
    const depth = [...text].reduce((d, c) => (d < 0 ? d : c === '{' ? d + 1 : c === '}' ? d - 1 : d), 0);
    expect(depth).toBe(0);
  });

  it('Gitee Go: a build@nodejs step that keeps the reports the check writes', () => {
    const doc = parse(recipe('gitee')) as Obj;
    expect(doc.version).toBe('1.0');
    const step = ((doc.stages as Obj[])[0]!.steps as Obj[])[0]!;
    expect(step.step).toBe('build@nodejs');
    expect(Number(String(step.nodeVersion).split('.')[0])).toBeGreaterThanOrEqual(22);
    const [check] = commands((step.commands as string[]).join('\n'));
    const kept = (step.artifacts as Obj[]).flatMap((a) => (a.path as string[]).map((p) => p.replace(/^\.\//, '')));
    expect(kept).toEqual(expect.arrayContaining([check!.files.html, check!.files.json]));
  });

  it('云效 Flow: stages, jobs and steps with ids of letters, digits and _, and the reports uploaded', () => {
    const doc = parse(recipe('yunxiao')) as Obj;
    const ids: string[] = [];
    let steps: Obj = {};
    for (const [sid, stage] of Object.entries(doc.stages as Obj)) {
      ids.push(sid);
      for (const [jid, job] of Object.entries((stage as Obj).jobs as Obj)) {
        ids.push(jid);
        steps = (job as Obj).steps as Obj;
        ids.push(...Object.keys(steps));
      }
    }
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,29}$/);
    const run = Object.values(steps).find((s) => (s as Obj).step === 'Command') as Obj;
    const [check] = commands(String((run.with as Obj).run));
    const upload = Object.values(steps).find((s) => (s as Obj).step === 'ArtifactUpload') as Obj;
    expect((upload.with as Obj).filePath).toEqual(expect.arrayContaining([check!.files.html, check!.files.json]));
  });

  it('reviewdog: the rdjson report the check writes is the one reviewdog reads, with nofilter and a token', () => {
    const doc = parse(recipe('reviewdog')) as Obj;
    const steps = ((doc.jobs as Obj).beian as Obj).steps as Obj[];
    const run = String(steps.find((s) => typeof s.run === 'string' && s.run.includes('reviewdog'))!.run);
    const [check] = commands(run);
    expect(run).toContain(`reviewdog -f=rdjson`);
    expect(run).toContain(`< ${check!.files.rdjson}`);
    expect(run).toContain('-filter-mode=nofilter');
    expect((doc.permissions as Obj).checks).toBe('write');
  });

  it('GitHub without the action: the github format goes to the log, where the runner reads it', () => {
    const doc = parse(recipe('github-run')) as Obj;
    const steps = ((doc.jobs as Obj).beian as Obj).steps as Obj[];
    const [check] = commands(steps.map((s) => String(s.run ?? '')).join('\n'));
    expect(check!.files.github).toBeUndefined();
    expect(check!.line).toMatch(/--format github(\s|$)/);
  });
});

describe('docs/github-action.md: the fork-PR recipe', () => {
  // The recipe's workflows are the ones after the paragraph that warns against pull_request_target.
  const doc = read('docs/github-action.md');
  const workflows = fences(doc.slice(doc.indexOf('pull_request_target')))
    .filter((b) => b.lang === 'yaml' && /^# \.github\/workflows\/beian(-comment)?\.yml/.test(b.body))
    .map((b) => parse(b.body) as Obj);

  it('the checking workflow writes the JSON report into the artifact, comments never and holds no write permission', () => {
    const check = workflows.find((w) => w.name === 'beian')!;
    expect(check.permissions).toEqual({ contents: 'read' });
    const steps = ((check.jobs as Obj).beian as Obj).steps as Obj[];
    const action = steps.find((s) => String(s.uses).startsWith('beian-guard/beian-guard@'))!;
    expect(action.with).toMatchObject({ comment: 'never', 'json-file': 'beian/beian.json' });
    expect(steps.find((s) => String(s.uses).startsWith('actions/upload-artifact@'))!.with).toMatchObject({ path: 'beian/' });
  });

  it('the posting workflow runs none of the PR\'s code and gives the action the report, the PR and the checked commit', () => {
    const post = workflows.find((w) => w.name === 'beian-comment')!;
    expect(Object.keys(post.on as Obj)).toEqual(['workflow_run']);
    const steps = ((post.jobs as Obj).comment as Obj).steps as Obj[];
    expect(steps.some((s) => String(s.uses).startsWith('actions/checkout@'))).toBe(false);
    const action = steps.find((s) => String(s.uses).startsWith('beian-guard/beian-guard@'))!;
    expect(action.with).toMatchObject({ merge: 'beian/beian.json', 'head-sha': '${{ github.event.workflow_run.head_sha }}' });
    // The one shell step reads the PR number and refuses anything that is not digits.
    const runs = steps.filter((s) => typeof s.run === 'string').map((s) => String(s.run));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toContain('*[!0-9]*');
  });
});
