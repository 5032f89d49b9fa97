import { guardCiCommands } from '../reporters/escape.js';
import type { CliIO } from './io.js';

/**
 * Inside a CI job (GitHub Actions, Azure Pipelines, GitLab) our output lands in a log the runner
 * reads commands from; page text must not start one (audit D12). Elsewhere text goes out as it is.
 */
export function guardForCi(env: CliIO['env']): (text: string) => string {
  const inCi = env.GITHUB_ACTIONS === 'true' || !!env.TF_BUILD || !!env.GITLAB_CI;
  return inCi ? guardCiCommands : (text) => text;
}
