/**
 * Which CI a repository uses, from what it holds: its CI files, and the host of its `origin`
 * remote. A repository mirrored to several hosts often carries several CI files; the remote
 * says which of them runs.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CI_KINDS = ['github', 'gitlab', 'gitee', 'jenkins', 'none'] as const;
export type CiKind = (typeof CI_KINDS)[number];

export interface CiDetection {
  readonly kind: CiKind;
  /** What was seen, as the user would recognise it (`.gitlab-ci.yml`, `origin: gitee.com`). */
  readonly evidence: readonly string[];
  /** Nothing pointed anywhere: GitHub Actions is the default. */
  readonly byDefault: boolean;
  /** CI files of other systems that were seen but not chosen. */
  readonly others: readonly CiKind[];
}

/** The host of the `origin` remote in .git/config, lower case; undefined without one. */
export function originHost(repo: string): string | undefined {
  let config: string;
  try {
    const gitPath = path.join(repo, '.git');
    // A worktree or submodule has a .git file pointing at the real folder.
    const stat = fs.statSync(gitPath);
    let gitDir = gitPath;
    if (stat.isFile()) {
      const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(gitPath, 'utf8'));
      if (!m?.[1]) return undefined;
      gitDir = path.resolve(repo, m[1].trim());
      const common = path.join(gitDir, 'commondir');
      if (fs.existsSync(common)) gitDir = path.resolve(gitDir, fs.readFileSync(common, 'utf8').trim());
    }
    config = fs.readFileSync(path.join(gitDir, 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const section = /\[remote\s+"origin"\]([^[]*)/.exec(config)?.[1] ?? '';
  const url = /^[ \t]*url[ \t]*=[ \t]*(\S+)/m.exec(section)?.[1];
  if (!url) return undefined;
  // https://host/…, ssh://git@host:22/…, git@host:owner/repo.git
  const m = /^[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)/i.exec(url) ?? /^(?:[^@/]+@)?([^/:]+):/.exec(url);
  return m?.[1]?.toLowerCase();
}

function hostKind(host: string | undefined): CiKind | undefined {
  if (!host) return undefined;
  if (host === 'github.com' || host.endsWith('.github.com')) return 'github';
  if (host === 'gitee.com') return 'gitee';
  if (host === 'gitlab.com' || /(^|\.)gitlab\./.test(host) || host.startsWith('gitlab')) return 'gitlab';
  return undefined;
}

function has(repo: string, rel: string, dir = false): boolean {
  try {
    const s = fs.statSync(path.join(repo, rel));
    return dir ? s.isDirectory() : s.isFile();
  } catch {
    return false;
  }
}

function hasYamlIn(repo: string, rel: string): boolean {
  try {
    return fs.readdirSync(path.join(repo, rel)).some((n) => /\.ya?ml$/i.test(n));
  } catch {
    return false;
  }
}

/** The CI files present, in a fixed order, with the name to show for each. */
function ciFiles(repo: string): [CiKind, string][] {
  const out: [CiKind, string][] = [];
  if (hasYamlIn(repo, '.github/workflows')) out.push(['github', '.github/workflows/']);
  if (has(repo, '.gitlab-ci.yml')) out.push(['gitlab', '.gitlab-ci.yml']);
  if (hasYamlIn(repo, '.workflow')) out.push(['gitee', '.workflow/']);
  if (has(repo, 'Jenkinsfile')) out.push(['jenkins', 'Jenkinsfile']);
  return out;
}

export function detectCi(repo: string): CiDetection {
  const host = originHost(repo);
  const fromHost = hostKind(host);
  const files = ciFiles(repo);
  const kinds = files.map(([k]) => k);
  const evidence = (kind: CiKind) => [...files.filter(([k]) => k === kind).map(([, f]) => f), ...(fromHost === kind && host ? [`origin: ${host}`] : [])];
  const others = (kind: CiKind) => [...new Set(kinds.filter((k) => k !== kind))];
  // 1. The host's own CI, when its files are here.
  if (fromHost && kinds.includes(fromHost)) return { kind: fromHost, evidence: evidence(fromHost), byDefault: false, others: others(fromHost) };
  // 2. A Jenkinsfile runs wherever the code is hosted.
  if (kinds.includes('jenkins') && (kinds.length === 1 || !fromHost)) return { kind: 'jenkins', evidence: evidence('jenkins'), byDefault: false, others: others('jenkins') };
  // 3. The host's CI, set up for the first time.
  if (fromHost) return { kind: fromHost, evidence: evidence(fromHost), byDefault: false, others: others(fromHost) };
  // 4. The only (or first) CI whose files are here.
  const first = kinds[0];
  if (first) return { kind: first, evidence: evidence(first), byDefault: false, others: others(first) };
  return { kind: 'github', evidence: [], byDefault: true, others: [] };
}
