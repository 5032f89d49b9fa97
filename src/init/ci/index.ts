import fs from 'node:fs';
import path from 'node:path';
import type { Note } from '../types.js';
import { renderWorkflow, WRITTEN_BY, type WorkflowPlan } from '../workflow.js';
import type { CiKind } from './detect.js';
import { GITEE_FILE, renderGitee } from './gitee.js';
import { GITLAB_FILE, GITLAB_INCLUDE_FILE, gitlabIncludeSnippet, gitlabStage, renderGitlab } from './gitlab.js';
import { JENKINS_FILE, JENKINS_STAGE_FILE, renderJenkinsfile, renderJenkinsStage } from './jenkins.js';

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

/** The CI file's text for a plan; `configName` is the config relative to the project folder. */
export function renderCi(kind: CiKind, target: CiTarget, plan: WorkflowPlan, repo: string, configName: string): CiRendered {
  switch (kind) {
    case 'github':
      return { text: renderWorkflow(plan), notes: [] };
    case 'gitee':
      return { text: renderGitee(plan, configName), notes: [] };
    case 'gitlab': {
      const existing = target.role === 'snippet' ? fs.readFileSync(path.join(repo, GITLAB_FILE), 'utf8') : undefined;
      const stage = gitlabStage(existing);
      const notes: Note[] = target.role === 'snippet' ? [{ id: 'gitlabInclude', data: { file: GITLAB_FILE, snippet: gitlabIncludeSnippet().trimEnd().replace(/\n/g, '\n      '), stage } }] : [];
      return { text: renderGitlab(plan, configName, stage), notes };
    }
    case 'jenkins':
      if (target.role === 'snippet') return { text: renderJenkinsStage(plan, configName), notes: [{ id: 'jenkinsPaste', data: { file: JENKINS_FILE, stage: JENKINS_STAGE_FILE } }] };
      return { text: renderJenkinsfile(plan, configName), notes: [] };
    case 'none':
      return { text: '', notes: [] };
  }
}
