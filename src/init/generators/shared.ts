import type { Project } from '../project.js';
import { scanText, scanYaml, type NumbersFound } from '../scan.js';

/** Folder paths the way configs write them (`./public/`), as a clean posix relative path. */
export function cleanDir(value: string): string {
  const trimmed = value.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/(?<!\/)\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

/** Joins posix relative paths, keeping `.` out of the result. */
export function joinRel(...parts: string[]): string {
  return parts.filter((p) => p && p !== '.').join('/') || '.';
}

/** Scans each existing file for numbers: YAML files by key, everything else line by line. */
export function scanFiles(project: Project, files: readonly string[], into: NumbersFound = { icp: [], police: [] }): NumbersFound {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = project.read(file);
    if (text === undefined) continue;
    if (/\.ya?ml$/i.test(file)) scanYaml(text, file, into);
    else scanText(text, file, into);
  }
  return into;
}
