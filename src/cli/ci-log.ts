import { guardCiCommands, guardProblemMatchers } from '../reporters/escape.js';
import type { CliIO } from './io.js';

/**
 * Inside a CI job (GitHub Actions, Azure Pipelines, GitLab) our output lands in a log the runner
 * reads commands from; page text must not start one (audit D12). On GitHub the log is also read by
 * the problem matchers other steps registered (setup-node's eslint-stylish and others): no line may
 * match one (issue 16). Elsewhere text goes out as it is. `json`: the text is a JSON document,
 * which must parse to the same values after the guard.
 */
export function guardForCi(env: CliIO['env'], json = false): (text: string) => string {
  const inCi = env.GITHUB_ACTIONS === 'true' || !!env.TF_BUILD || !!env.GITLAB_CI;
  if (!inCi) return (text) => text;
  if (env.GITHUB_ACTIONS !== 'true') return guardCiCommands;
  return (text) => guardProblemMatchers(guardCiCommands(text), json);
}
