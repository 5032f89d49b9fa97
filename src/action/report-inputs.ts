import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../config/errors.js';
import { isInside, toPosix } from '../paths.js';
import { inputName } from './inputs.js';

/** Folders walked and files seen at most while expanding the patterns: an artifact, not a disk. */
const WALK_MAX = 20_000;
/** A JSON report read back is at most this large. */
const REPORT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * The files the `merge` input names: paths or glob patterns, one per line, relative to the working
 * directory, which every match must stay inside once links are resolved (an artifact is untrusted
 * and may hold a link out). Sorted, so the same files give the same report.
 */
export function findReportFiles(patterns: readonly string[], cwd: string): string[] {
  const root = fs.realpathSync(cwd);
  const found = new Set<string>();
  for (const pattern of patterns) {
    const posix = toPosix(pattern);
    const scan = picomatch.scan(posix);
    const base = path.resolve(cwd, scan.isGlob ? scan.base || '.' : posix);
    if (!scan.isGlob) {
      if (fs.existsSync(base)) found.add(base);
      continue;
    }
    const match = picomatch(toPosix(path.relative(cwd, path.resolve(cwd, posix))), { dot: true });
    let seen = 0;
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (++seen > WALK_MAX) return;
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) walk(abs);
        // Links are listed too, so that one leading out is refused by name below rather than passed over.
        else if ((e.isFile() || e.isSymbolicLink()) && match(toPosix(path.relative(cwd, abs)))) found.add(abs);
      }
    };
    walk(base);
  }
  const files = [...found].sort();
  if (files.length === 0) throw InputError.of('merge-nothing', { patterns: patterns.join(', ') }, inputName('merge'));
  for (const file of files) {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      throw InputError.of('merge-outside', { file: path.relative(cwd, file) }, inputName('merge'));
    }
    if (!isInside(root, real)) throw InputError.of('merge-outside', { file: path.relative(cwd, file) }, inputName('merge'));
    const stat = fs.statSync(real);
    if (!stat.isFile()) throw InputError.of('merge-not-file', { file: path.relative(cwd, file) }, inputName('merge'));
    if (stat.size > REPORT_MAX_BYTES) throw InputError.of('merge-too-large', { file: path.relative(cwd, file) }, inputName('merge'));
  }
  return files;
}
