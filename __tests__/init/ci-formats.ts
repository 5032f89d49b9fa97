/**
 * What each CI system needs from the file init writes, checked on the parsed file. The rules are
 * written from each system's documented format (GitHub workflow syntax, GitLab `.gitlab-ci.yml`
 * keyword reference, Gitee Go's pipeline YAML help pages, Jenkins declarative pipeline syntax);
 * no third-party schema is copied in. Each checker returns the problems it found, so a test
 * failure lists all of them.
 */
import { parse } from 'yaml';
import { outputsOf } from '../../src/cli/args.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export interface Expect {
  /** The build command the file must run (undefined: a site with nothing to build). */
  readonly build?: string;
  /** The config path the check must use. */
  readonly config: string;
}

/**
 * The report files a `beian-guard check` command line writes, per format, read by the CLI's own
 * argument parser: a command the CLI would refuse fails here too.
 */
export function reportFilesOf(command: string): Record<string, string> {
  const tokens = command.split(/\s+/);
  const formats: string[] = [];
  let output: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '--format' || tokens[i] === '-f') formats.push(tokens[++i] ?? '');
    else if (tokens[i] === '--output' || tokens[i] === '-o') output = tokens[++i];
  }
  const out: Record<string, string> = {};
  for (const spec of outputsOf(formats, output)) if (spec.file !== undefined) out[spec.format] = spec.file;
  return out;
}

/** GitHub Actions workflow syntax: on, permissions, concurrency, jobs.<id>.runs-on and steps. */
export function githubProblems(text: string, want: Expect & { readonly action: string }): string[] {
  const p: string[] = [];
  const doc = parse(text) as Obj;
  const on = doc.on as Obj | undefined;
  if (!isObj(on) || !('push' in on) || !('pull_request' in on)) p.push('on: needs push and pull_request');
  const perms = doc.permissions as Obj | undefined;
  if (!isObj(perms) || perms.contents !== 'read' || perms['pull-requests'] !== 'write') p.push('permissions: contents read and pull-requests write (the PR comment is on by default)');
  const conc = doc.concurrency as Obj | undefined;
  if (!isObj(conc) || typeof conc.group !== 'string' || !conc.group.includes('github.event.pull_request.number') || conc['cancel-in-progress'] !== true) {
    p.push('concurrency: a group per pull request with cancel-in-progress');
  }
  const jobs = doc.jobs as Obj | undefined;
  const job = isObj(jobs) ? (jobs.beian as Obj | undefined) : undefined;
  if (!isObj(job) || typeof job['runs-on'] !== 'string') return [...p, 'jobs.beian with runs-on'];
  const steps = job.steps as Obj[];
  if (!Array.isArray(steps) || steps.some((s) => !isObj(s) || (typeof s.uses !== 'string') === (typeof s.run !== 'string'))) p.push('every step has exactly one of uses and run');
  if (!steps[0] || !String(steps[0].uses).startsWith('actions/checkout@')) p.push('the first step checks out the repository');
  const runs = steps.filter((s) => typeof s.run === 'string').map((s) => s.run as string);
  if (want.build !== undefined && !runs.includes(want.build)) p.push(`a step runs the build: ${want.build}`);
  if (want.build === undefined && runs.length > 0 && !runs.every((r) => /^(npm|pnpm|yarn|bun) /.test(r))) p.push('no build step for a site without a build');
  const last = steps[steps.length - 1];
  if (!last || last.uses !== want.action || !isObj(last.with) || last.with.config !== want.config) p.push(`the last step uses ${want.action} with config ${want.config}`);
  return p;
}

const GITLAB_RESERVED = new Set(['image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache', 'include', 'workflow', 'default', 'pages']);

/** GitLab CI keyword reference: a job has script (strings), stage, image; artifacts:paths/when/expose_as. */
export function gitlabProblems(text: string, want: Expect & { readonly stages?: readonly string[]; readonly report: string; readonly live?: boolean }): string[] {
  const p: string[] = [];
  const doc = parse(text) as Obj;
  const jobs = Object.keys(doc).filter((k) => !GITLAB_RESERVED.has(k) && !k.startsWith('.'));
  const expected = want.live ? ['beian', 'beian-live'] : ['beian'];
  if (jobs.join() !== expected.join()) p.push(`jobs ${expected.join(', ')}, got ${jobs.join(', ')}`);
  const job = doc.beian as Obj | undefined;
  if (!isObj(job)) return [...p, 'job beian is a mapping'];
  if (!strings(job.script) || job.script.length === 0) p.push('script is a non-empty list of strings');
  const stages = want.stages ?? ['build', 'test', 'deploy'];
  if (typeof job.stage !== 'string' || !stages.includes(job.stage)) p.push(`stage is one of ${stages.join(', ')}`);
  if (typeof job.image !== 'string' || !/^node:(2[2-9]|[3-9]\d)/.test(job.image)) p.push('image is a Node.js image with Node 22 or later');
  const script = strings(job.script) ? job.script : [];
  if (want.build !== undefined && !script.includes(want.build)) p.push(`script runs the build: ${want.build}`);
  if (!script.some((s) => s.includes('beian-guard check') && s.includes(`--config ${want.config}`) && s.includes('--format json'))) p.push('script runs beian-guard check with the config and a JSON report');
  const art = job.artifacts as Obj | undefined;
  if (!isObj(art)) return [...p, 'artifacts'];
  // The merge request widget reads artifacts:reports: Code Quality and JUnit files the check writes.
  const check = script.find((s) => s.includes('beian-guard check'));
  const files = check ? reportFilesOf(check) : {};
  const cd = /^cd (.+)$/.exec(script.find((s) => s.startsWith('cd ')) ?? '')?.[1];
  const at = (f: string | undefined) => (f && cd ? `${cd}/${f}` : f);
  const reports = art.reports as Obj | undefined;
  if (!files.gitlab || !isObj(reports) || reports.codequality !== at(files.gitlab)) p.push('artifacts:reports:codequality is the Code Quality report the check writes');
  if (!files.junit || !isObj(reports) || reports.junit !== at(files.junit)) p.push('artifacts:reports:junit is the JUnit report the check writes');
  if (art.when !== 'always') p.push('artifacts:when always (keep the report of a failed check)');
  if (!strings(art.paths) || !art.paths.includes(want.report)) p.push(`artifacts:paths has ${want.report}`);
  // expose_as: a string, with artifacts:paths, no glob or variable in the paths (the documented limits).
  if (typeof art.expose_as !== 'string' || !/^[\w ().-]+$/.test(art.expose_as)) p.push('artifacts:expose_as names the report for the merge request');
  if (strings(art.paths) && art.paths.some((x) => /[*$]/.test(x))) p.push('expose_as paths have no glob or variable');
  if (want.live) {
    // rules are read in order, the first match decides: scheduled pipelines must meet `when: never` first.
    const rules = job.rules as Obj[] | undefined;
    const first = Array.isArray(rules) ? rules[0] : undefined;
    if (!isObj(first) || first.if !== '$CI_PIPELINE_SOURCE == "schedule"' || first.when !== 'never') p.push('the check job leaves scheduled pipelines first thing in its rules');
    if (!Array.isArray(rules) || !rules.slice(1).some((r) => isObj(r) && typeof r.if === 'string' && /\$CI_COMMIT_BRANCH/.test(r.if))) p.push('the check job still runs in branch pipelines');
    if (Array.isArray(rules) && rules.some((r) => isObj(r) && r.if === undefined && r.when !== 'never')) p.push('no catch-all rule (it would add merge request pipelines)');
  }
  return p;
}

/** A cron of five fields: minute and hour fixed, the rest every day (once a day, as docs/live.md asks). */
function dailyCron(cron: unknown, { hash = false, quartz = false } = {}): boolean {
  if (typeof cron !== 'string') return false;
  const f = cron.trim().split(/\s+/);
  const fixed = (v: string | undefined, max: number) => v !== undefined && ((hash && v === 'H') || (/^\d+$/.test(v) && Number(v) <= max));
  const any = (v: string | undefined) => v === '*' || (quartz && v === '?');
  if (f.length !== 5 || !fixed(f[0], 59) || !fixed(f[1], 23) || !any(f[2]) || f[3] !== '*' || !any(f[4])) return false;
  // Quartz (Gitee Go): day and weekday cannot both be `*`.
  return !quartz || f[2] === '?' || f[4] === '?';
}

/** The scheduled live job: only in scheduled pipelines, `beian-guard live` with the config, its report kept. */
export function gitlabLiveProblems(text: string, want: { readonly config: string; readonly report: string; readonly stages?: readonly string[] }): string[] {
  const p: string[] = [];
  const doc = parse(text) as Obj;
  const job = doc['beian-live'] as Obj | undefined;
  if (!isObj(job)) return ['a job named beian-live'];
  const rules = job.rules as Obj[] | undefined;
  if (!Array.isArray(rules) || rules.length !== 1 || !isObj(rules[0]) || rules[0].if !== '$CI_PIPELINE_SOURCE == "schedule"' || 'when' in rules[0]) p.push('rules: only if $CI_PIPELINE_SOURCE == "schedule"');
  if ('only' in job || 'except' in job) p.push('rules, not only/except');
  const stages = want.stages ?? ['build', 'test', 'deploy'];
  if (typeof job.stage !== 'string' || !stages.includes(job.stage)) p.push(`stage is one of ${stages.join(', ')}`);
  if (typeof job.image !== 'string' || !/^node:(2[2-9]|[3-9]\d)/.test(job.image)) p.push('image is a Node.js image with Node 22 or later');
  const script = strings(job.script) ? job.script : [];
  if (!script.some((s) => s.includes('beian-guard live') && s.includes(`--config ${want.config}`) && s.includes('--format json'))) p.push('script runs beian-guard live with the config and a JSON report');
  if (script.some((s) => /\b(build|generate|ci|install)\b/.test(s) && !s.includes('beian-guard'))) p.push('nothing is built: live fetches the deployed site');
  const art = job.artifacts as Obj | undefined;
  if (!isObj(art) || art.when !== 'always' || !strings(art.paths) || !art.paths.includes(want.report)) p.push(`artifacts: when always, paths has ${want.report}`);
  return p;
}

/** Gitee Go: a pipeline of its own, triggered by one schedule only (Gitee Go takes one cron per pipeline). */
export function giteeLiveProblems(text: string, want: { readonly config: string; readonly report: string }): string[] {
  const p: string[] = [];
  const doc = parse(text) as Obj;
  if (doc.version !== '1.0') p.push("version: '1.0'");
  if (typeof doc.name !== 'string' || !/^[a-z0-9_-]+$/.test(doc.name)) p.push('name: lower-case letters, digits, - and _');
  if (typeof doc.displayName !== 'string' || doc.displayName.length > 128) p.push('displayName: up to 128 characters');
  const triggers = doc.triggers as Obj | undefined;
  if (!isObj(triggers)) return [...p, 'triggers'];
  if ('push' in triggers || 'pr' in triggers || 'tag' in triggers) p.push('no push, pr or tag trigger: the schedule only');
  const schedule = triggers.schedule as Obj[] | undefined;
  if (!Array.isArray(schedule) || schedule.length !== 1 || !isObj(schedule[0]) || !dailyCron(schedule[0].cron, { quartz: true })) p.push('schedule: one daily cron, day or weekday ?');
  const stages = doc.stages as Obj[] | undefined;
  const steps = Array.isArray(stages) ? stages.flatMap((s) => (Array.isArray(s.steps) ? (s.steps as Obj[]) : [])) : [];
  if (steps.length !== 1) return [...p, 'one step'];
  const step = steps[0]!;
  if (step.step !== 'build@nodejs' || typeof step.name !== 'string' || !/^[a-z0-9_]+$/.test(step.name)) p.push('a build@nodejs step with a name');
  if (typeof step.nodeVersion !== 'string' || Number(step.nodeVersion.split('.')[0]) < 21) p.push('nodeVersion 22 or later');
  const commands = strings(step.commands) ? step.commands : [];
  if (!commands.some((c) => c.includes('beian-guard live') && c.includes(`--config ${want.config}`))) p.push('commands run beian-guard live');
  const artifacts = step.artifacts as Obj[] | undefined;
  if (!Array.isArray(artifacts) || !artifacts.some((a) => strings(a.path) && a.path.map((x) => x.replace(/^\.\//, '')).includes(want.report))) p.push(`artifacts keep ${want.report}`);
  return p;
}

/**
 * The scheduled live workflow (docs/live.md): daily and on demand, never on push or pull request,
 * contents read and issues write only, one run at a time, the action with command live and
 * issue true; every `with` key an input of action.yml.
 */
export function githubLiveProblems(text: string, want: { readonly action: string; readonly config: string; readonly inputs: readonly string[] }): string[] {
  const p: string[] = [];
  const doc = parse(text) as Obj;
  const on = doc.on as Obj | undefined;
  if (!isObj(on)) return ['on'];
  const schedule = on.schedule as Obj[] | undefined;
  if (!Array.isArray(schedule) || schedule.length !== 1 || !isObj(schedule[0]) || !dailyCron(schedule[0].cron)) p.push('on.schedule: one daily cron');
  if (!('workflow_dispatch' in on)) p.push('on.workflow_dispatch');
  if (Object.keys(on).some((k) => k !== 'schedule' && k !== 'workflow_dispatch')) p.push('no other trigger');
  const perms = doc.permissions as Obj | undefined;
  if (!isObj(perms) || perms.contents !== 'read' || perms.issues !== 'write' || Object.keys(perms).length !== 2) p.push('permissions: contents read and issues write, nothing else');
  const conc = doc.concurrency as Obj | undefined;
  if (!isObj(conc) || typeof conc.group !== 'string' || conc['cancel-in-progress'] === true) p.push('concurrency: one group, a running update of the issue is never cancelled');
  const jobs = doc.jobs as Obj | undefined;
  const ids = isObj(jobs) ? Object.keys(jobs) : [];
  const job = ids.length === 1 && isObj(jobs) ? (jobs[ids[0]!] as Obj) : undefined;
  if (!isObj(job) || typeof job['runs-on'] !== 'string') return [...p, 'one job with runs-on'];
  const steps = job.steps as Obj[];
  if (!Array.isArray(steps) || steps.some((s) => !isObj(s) || (typeof s.uses !== 'string') === (typeof s.run !== 'string'))) p.push('every step has exactly one of uses and run');
  if (!String(steps[0]?.uses).startsWith('actions/checkout@')) p.push('the first step checks out the repository (the action reads the config from it)');
  if (steps.some((s) => typeof s.run === 'string')) p.push('nothing is built: live fetches the deployed site');
  const last = steps[steps.length - 1];
  const w = isObj(last?.with) ? last.with : {};
  if (last?.uses !== want.action || w.command !== 'live' || String(w.issue) !== 'true' || w.config !== want.config) p.push(`the last step uses ${want.action} with command live, issue true and config ${want.config}`);
  const unknown = Object.keys(w).filter((k) => !want.inputs.includes(k));
  if (unknown.length > 0) p.push(`inputs action.yml does not declare: ${unknown.join(', ')}`);
  return p;
}

/** Gitee Go pipeline YAML: version, name, displayName, triggers, stages with steps of a known type. */
export function giteeProblems(text: string, want: Expect & { readonly report: string }): string[] {
  const p: string[] = [];
  const doc = parse(text) as Obj;
  if (doc.version !== '1.0') p.push("version: '1.0'");
  if (typeof doc.name !== 'string' || !/^[a-z0-9_-]+$/.test(doc.name)) p.push('name: lower-case letters, digits, - and _');
  if (typeof doc.displayName !== 'string' || doc.displayName.length > 128) p.push('displayName: up to 128 characters');
  const triggers = doc.triggers as Obj | undefined;
  const branches = (t: unknown) => isObj(t) && isObj(t.branches) && Object.keys(t.branches).every((k) => ['prefix', 'precise', 'include', 'exclude'].includes(k));
  if (!isObj(triggers) || !branches(triggers.push) || !branches(triggers.pr)) p.push('triggers: push and pr with branch rules');
  const stages = doc.stages as Obj[] | undefined;
  if (!Array.isArray(stages) || stages.length === 0) return [...p, 'stages'];
  for (const stage of stages) {
    if (typeof stage.name !== 'string' || typeof stage.displayName !== 'string') p.push('stage name and displayName');
    if (!['naturally', 'fast'].includes(String(stage.strategy))) p.push('stage strategy naturally or fast');
    if (!['auto', 'manual'].includes(String(stage.trigger))) p.push('stage trigger auto or manual');
    const steps = stage.steps as Obj[] | undefined;
    if (!Array.isArray(steps) || steps.length === 0) {
      p.push('stage steps');
      continue;
    }
    for (const step of steps) {
      if (step.step !== 'build@nodejs') p.push('step build@nodejs');
      if (typeof step.name !== 'string' || !/^[a-z0-9_]+$/.test(step.name)) p.push('step name');
      if (typeof step.nodeVersion !== 'string' || !/^(\d+)\.\d+\.\d+$/.test(step.nodeVersion) || Number(step.nodeVersion.split('.')[0]) < 21) p.push('nodeVersion: a full version, 22 or later');
      const commands = strings(step.commands) ? step.commands : [];
      if (want.build !== undefined && !commands.includes(want.build)) p.push(`commands run the build: ${want.build}`);
      if (!commands.some((c) => c.includes('beian-guard check') && c.includes(`--config ${want.config}`))) p.push('commands run beian-guard check');
      const artifacts = step.artifacts as Obj[] | undefined;
      const kept = (a: Obj) => typeof a.name === 'string' && strings(a.path) && a.path.map((x) => x.replace(/^\.\//, '')).includes(want.report);
      if (!Array.isArray(artifacts) || !artifacts.some(kept)) p.push(`artifacts keep ${want.report}`);
      // The HTML report opens in a browser from the build's artifacts.
      const check = commands.find((c) => c.includes('beian-guard check'));
      const html = check ? reportFilesOf(check).html : undefined;
      const cd = /^cd (.+)$/.exec(commands.find((c) => c.startsWith('cd ')) ?? '')?.[1];
      const htmlPath = html && cd ? `${cd}/${html}` : html;
      const keptHtml = (a: Obj) => strings(a.path) && a.path.map((x) => x.replace(/^\.\//, '')).includes(htmlPath ?? '');
      if (!htmlPath || !Array.isArray(artifacts) || !artifacts.some(keptHtml)) p.push('artifacts keep the HTML report the check writes');
    }
  }
  return p;
}

/** Groovy, as far as the structure goes: comments and strings skipped, braces matched, blocks named. */
interface Block {
  readonly head: string;
  readonly body: string;
  readonly children: Block[];
}

function groovyBlocks(text: string, problems: string[]): Block[] {
  // Blank out comments and string contents, keeping offsets, so braces inside them do not count.
  let clean = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      clean += ' '.repeat(stop - i);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) {
        problems.push('unclosed block comment');
        break;
      }
      clean += ' '.repeat(end + 2 - i);
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== c) {
        problems.push(`unclosed string at offset ${i}`);
        break;
      }
      clean += c + '_'.repeat(j - i - 1) + c;
      i = j + 1;
    } else {
      clean += c;
      i++;
    }
  }
  const root: Block[] = [];
  const stack: { head: string; start: number; children: Block[] }[] = [{ head: '', start: 0, children: root }];
  let lineStart = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '\n') lineStart = i + 1;
    if (c === '{') {
      stack.push({ head: text.slice(lineStart, i).trim(), start: i + 1, children: [] });
      lineStart = i + 1;
    } else if (c === '}') {
      const open = stack.pop();
      if (!open || stack.length === 0) {
        problems.push(`unbalanced } at offset ${i}`);
        return root;
      }
      stack[stack.length - 1]!.children.push({ head: open.head, body: text.slice(open.start, i), children: open.children });
      lineStart = i + 1;
    }
  }
  if (stack.length !== 1) problems.push('unbalanced {');
  return root;
}

const named = (blocks: readonly Block[], re: RegExp) => blocks.filter((b) => re.test(b.head));
const allText = (b: Block): string => [b.body, ...b.children.map(allText)].join('\n');

function stageProblems(stage: Block, want: Expect & { readonly report: string }): string[] {
  const p: string[] = [];
  const [steps] = named(stage.children, /^steps$/);
  if (!steps) return ['stage has steps { }'];
  const all = (b: Block): string => [b.body, ...b.children.map(all)].join('\n');
  const shLines = [...all(steps).matchAll(/^\s*sh '((?:[^'\\]|\\.)*)'\s*$/gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  if (shLines.length === 0) p.push("steps run sh '…'");
  if (want.build !== undefined && !shLines.includes(want.build)) p.push(`steps run the build: ${want.build}`);
  if (!shLines.some((s) => s.includes('beian-guard check') && s.includes(`--config ${want.config}`))) p.push('steps run beian-guard check');
  const [post] = named(stage.children, /^post$/);
  const [always] = post ? named(post.children, /^always$/) : [];
  const archived = always ? /archiveArtifacts artifacts: '([^']*)'/.exec(always.body)?.[1]?.split(/\s*,\s*/) : undefined;
  if (!archived?.includes(want.report)) p.push(`post { always { archiveArtifacts '${want.report}' } }`);
  // The JUnit publisher reads the file the check writes: the findings show as failed tests.
  const check = shLines.find((s) => s.includes('beian-guard check'));
  const junit = check ? reportFilesOf(check).junit : undefined;
  const dir = /^\s*dir\('([^']*)'\)/m.exec(all(steps))?.[1];
  const junitPath = junit && dir ? `${dir}/${junit}` : junit;
  if (!junitPath || !always?.body.includes(`junit testResults: '${junitPath}'`)) p.push('post { always { junit testResults: the JUnit report the check writes } }');
  return p;
}

/** A declarative Jenkinsfile: pipeline { agent …; stages { stage('…') { steps { … } } } }. */
export function jenkinsfileProblems(text: string, want: Expect & { readonly report: string }): string[] {
  const p: string[] = [];
  const blocks = groovyBlocks(text, p);
  const [pipeline] = named(blocks, /^pipeline$/);
  if (!pipeline || blocks.length !== 1) return [...p, 'one top-level pipeline { }'];
  if (!/^\s*agent\s+(any|none|\{)/m.test(pipeline.body) && named(pipeline.children, /^agent$/).length === 0) p.push('pipeline has an agent');
  const [stages] = named(pipeline.children, /^stages$/);
  if (!stages) return [...p, 'pipeline has stages { }'];
  const stageBlocks = named(stages.children, /^stage\('[^']+'\)$/);
  const checks = stageBlocks.filter((s) => allText(s).includes('beian-guard check'));
  if (checks.length === 0) p.push("stages has a stage('…') { } that runs beian-guard check");
  for (const s of checks) p.push(...stageProblems(s, want));
  return p;
}

/** A `when { … }` block's condition, whitespace folded: `triggeredBy 'TimerTrigger'`, `not { … }`. */
function whenOf(stage: Block): string | undefined {
  const [when] = named(stage.children, /^when$/);
  return when ? when.body.replace(/\s+/g, ' ').trim() : undefined;
}

/**
 * The daily live check in a declarative pipeline: a `triggers { cron(…) }` with a daily spec, a
 * stage that runs `beian-guard live` only when the timer started the build and keeps its report,
 * and (in a Jenkinsfile that also checks) a check stage the timer skips.
 */
export function jenkinsLiveProblems(text: string, want: { readonly config: string; readonly report: string; readonly alone: boolean }): string[] {
  const p: string[] = [];
  const blocks = groovyBlocks(text, p);
  const [pipeline] = named(blocks, /^pipeline$/);
  if (!pipeline || blocks.length !== 1) return [...p, 'one top-level pipeline { }'];
  const [triggers] = named(pipeline.children, /^triggers$/);
  const specs = triggers ? [...triggers.body.matchAll(/'([^']*)'/g)].map((m) => m[1]!).filter((v) => v.split(/\s+/).length === 5) : [];
  if (!triggers || !/^\s*cron\(/.test(triggers.body) || specs.length !== 1 || !dailyCron(specs[0], { hash: true })) p.push("pipeline has triggers { cron('…') } with a daily spec");
  const [stages] = named(pipeline.children, /^stages$/);
  const stageBlocks = stages ? named(stages.children, /^stage\('[^']+'\)$/) : [];
  const lives = stageBlocks.filter((s) => allText(s).includes('beian-guard live'));
  if (lives.length !== 1) return [...p, 'one stage runs beian-guard live'];
  const live = lives[0]!;
  const [steps] = named(live.children, /^steps$/);
  const sh = steps ? [...allText(steps).matchAll(/^\s*sh '((?:[^'\\]|\\.)*)'\s*$/gm)].map((m) => m[1]!) : [];
  if (!sh.some((c) => c.includes('beian-guard live') && c.includes(`--config ${want.config}`))) p.push("the live stage runs sh 'npx --yes beian-guard live --config …'");
  if (sh.some((c) => !c.includes('beian-guard'))) p.push('nothing is built: live fetches the deployed site');
  const [post] = named(live.children, /^post$/);
  const [always] = post ? named(post.children, /^always$/) : [];
  if (!always || !always.body.includes(`archiveArtifacts artifacts: '${want.report}'`)) p.push(`the live stage archives ${want.report} always`);
  if (want.alone) {
    if (stageBlocks.length !== 1) p.push('the live pipeline has the live stage only');
  } else {
    if (whenOf(live) !== "triggeredBy 'TimerTrigger'") p.push("the live stage has when { triggeredBy 'TimerTrigger' }");
    for (const s of stageBlocks.filter((b) => b !== live)) {
      if (!/^not \{ ?triggeredBy 'TimerTrigger' ?\}$/.test(whenOf(s) ?? '')) p.push(`stage ${s.head} has when { not { triggeredBy 'TimerTrigger' } }`);
    }
  }
  return p;
}

/** A stage on its own, for pasting into stages { }. */
export function jenkinsStageProblems(text: string, want: Expect & { readonly report: string }): string[] {
  const p: string[] = [];
  const blocks = groovyBlocks(text, p);
  if (blocks.length !== 1 || !/^stage\('[^']+'\)$/.test(blocks[0]!.head)) return [...p, "exactly one stage('…') { } block"];
  return [...p, ...stageProblems(blocks[0]!, want)];
}
