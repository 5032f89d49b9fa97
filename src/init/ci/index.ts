import fs from 'node:fs';
import path from 'node:path';
import type { Note } from '../types.js';
import { renderWorkflow, WRITTEN_BY, type WorkflowPlan } from '../workflow.js';
import type { CiKind } from './detect.js';
import { GITEE_FILE, GITEE_LIVE_FILE, renderGitee, renderGiteeLive } from './gitee.js';
import { GITHUB_LIVE_FILE, renderLiveWorkflow } from './github-live.js';
import { GITLAB_FILE, GITLAB_INCLUDE_FILE, gitlabIncludeSnippet, gitlabStage, renderGitlab } from './gitlab.js';
import { JENKINS_FILE, JENKINS_LIVE_FILE, JENKINS_STAGE_FILE, renderJenkinsfile, renderJenkinsLive, renderJenkinsStage } from './jenkins.js';

export const GITHUB_FILE = '.github/workflows/beian.yml';

/** A file init writes for the CI, relative to the repository root. */
export interface CiTarget {
  readonly rel: string;
  /** A whole CI file, or a piece the user adds to their own CI file (printed with instructions). */
  readonly role: 'ci' | 'snippet';
}

/** A user's CI file, as opposed to one an earlier `init` wrote (which --force may replace). */
function foreign(repo: string, rel: string): boolean {
  try {
    return !fs.readFileSync(path.join(repo, rel), 'utf8').includes(WRITTEN_BY);
  } catch {
    return false;
  }
}

/**
 * Where the CI file goes. GitLab and Jenkins keep one pipeline file per repository: when the user
 * has one, init writes its job beside it and says how to hook it in, and never touches theirs,
 * not even with --force.
 */
export function ciTarget(kind: CiKind, repo: string): CiTarget | undefined {
  switch (kind) {
    case 'github':
      return { rel: GITHUB_FILE, role: 'ci' };
    case 'gitee':
      return { rel: GITEE_FILE, role: 'ci' };
    case 'gitlab':
      return foreign(repo, GITLAB_FILE) ? { rel: GITLAB_INCLUDE_FILE, role: 'snippet' } : { rel: GITLAB_FILE, role: 'ci' };
    case 'jenkins':
      return foreign(repo, JENKINS_FILE) ? { rel: JENKINS_STAGE_FILE, role: 'snippet' } : { rel: JENKINS_FILE, role: 'ci' };
    case 'none':
      return undefined;
  }
}

export interface CiRendered {
  readonly text: string;
  /** What the user must still do by hand (add an include, paste a stage), as a note. */
  readonly notes: readonly Note[];
}

/**
 * The CI file's text for a plan; `configName` is the config relative to the project folder. With
 * `live`, the CIs that keep the schedule in the same file (GitLab, a Jenkinsfile init writes) get
 * the live job there, and the notes say what is left to set up by hand.
 */
export function renderCi(kind: CiKind, target: CiTarget, plan: WorkflowPlan, repo: string, configName: string, live = false): CiRendered {
  switch (kind) {
    case 'github':
      return { text: renderWorkflow(plan), notes: [] };
    case 'gitee':
      return { text: renderGitee(plan, configName), notes: [] };
    case 'gitlab': {
      const existing = target.role === 'snippet' ? fs.readFileSync(path.join(repo, GITLAB_FILE), 'utf8') : undefined;
      const stage = gitlabStage(existing);
      const notes: Note[] = target.role === 'snippet' ? [{ id: 'gitlabInclude', data: { file: GITLAB_FILE, snippet: gitlabIncludeSnippet().trimEnd().replace(/\n/g, '\n      '), stage } }] : [];
      if (live) notes.push({ id: target.role === 'snippet' ? 'gitlabScheduleOwn' : 'gitlabSchedule', data: { branch: plan.branch, file: GITLAB_FILE } });
      return { text: renderGitlab(plan, configName, stage, live), notes };
    }
    case 'jenkins':
      if (target.role === 'snippet') {
        const notes: Note[] = [{ id: 'jenkinsPaste', data: { file: JENKINS_FILE, stage: JENKINS_STAGE_FILE } }];
        if (live) notes.push({ id: 'jenkinsLiveJob', data: { file: JENKINS_LIVE_FILE } });
        return { text: renderJenkinsStage(plan, configName), notes };
      }
      return { text: renderJenkinsfile(plan, configName, live), notes: live ? [{ id: 'jenkinsTimer', data: { file: JENKINS_FILE } }] : [] };
    case 'none':
      return { text: '', notes: [] };
  }
}

/**
 * The scheduled live check's own file, where the CI keeps one: a workflow (GitHub), a pipeline
 * (Gitee Go), a pipeline for a separate job beside the user's Jenkinsfile. Undefined where the
 * live job goes into the CI file itself (GitLab, a Jenkinsfile init writes) or there is no CI.
 */
export function liveTarget(kind: CiKind, main: CiTarget | undefined): CiTarget | undefined {
  switch (kind) {
    case 'github':
      return { rel: GITHUB_LIVE_FILE, role: 'ci' };
    case 'gitee':
      return { rel: GITEE_LIVE_FILE, role: 'ci' };
    case 'jenkins':
      return main?.role === 'snippet' ? { rel: JENKINS_LIVE_FILE, role: 'ci' } : undefined;
    case 'gitlab':
    case 'none':
      return undefined;
  }
}

/** The text of the live check's own file (liveTarget); `configPath` is relative to the repository root. */
export function renderLiveCi(kind: CiKind, plan: WorkflowPlan, configName: string): string {
  switch (kind) {
    case 'github':
      return renderLiveWorkflow(plan.configPath);
    case 'gitee':
      return renderGiteeLive(plan, configName);
    case 'jenkins':
      return renderJenkinsLive(plan, configName);
    case 'gitlab':
    case 'none':
      throw new Error(`no live file of its own for ${kind}`);
  }
}

