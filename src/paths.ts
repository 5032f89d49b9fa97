import path from 'node:path';

/** Reports, SARIF and globs speak in forward slashes whatever the platform writes. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
