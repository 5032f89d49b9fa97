import path from 'node:path';

/** Reports, SARIF and globs speak in forward slashes whatever the platform writes. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Whether `child` is `parent` or lies under it; both absolute, compared as given (resolve links first). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
