import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository a report's paths should be relative to (SARIF wants repository-relative
 * locations): GITHUB_WORKSPACE when the run is inside it, else the nearest folder above `cwd`
 * holding `.git`, else `cwd` itself.
 */
export function findRepoRoot(cwd: string, env: Readonly<Record<string, string | undefined>>): string {
  const workspace = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : undefined;
  if (workspace && !path.relative(workspace, cwd).startsWith('..')) return workspace;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
