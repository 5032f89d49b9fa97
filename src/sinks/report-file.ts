import fs from 'node:fs';
import path from 'node:path';
import type { ErrorId } from '../config/error-messages.js';
import { InputError, type ErrorData, type Where } from '../config/errors.js';
import { isInside } from '../paths.js';
import { isOurReport, type ReportKind } from '../reporters/own-files.js';
import { writeChunks } from './chunks.js';

/** A report file someone asked for: `--output`, or the action's `sarif-file`, `json-file`, `comment-file`. */
export interface ReportFile {
  /** How the user named it, for messages: `--output`, `input "sarif-file"` (in each language). */
  readonly option: Where;
  /** The path as given. */
  readonly given: string;
  /** The folder that relative paths are resolved against and must stay inside: the workspace. */
  readonly workspace: string;
  readonly kind: ReportKind;
  /** The user said an existing file that is not a report of ours may be replaced (`--force`). */
  readonly force?: boolean;
}

const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;
const PEEK = 1024;

// O_NOFOLLOW where the platform has it (not Windows): the last check and the open are one step.
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

function refuse(file: ReportFile, id: ErrorId, data: ErrorData = {}): never {
  throw InputError.of(id, { file: file.given, ...data }, file.option);
}

/** The first and last KiB of a file, as text. */
function peek(abs: string, size: number): { head: string; tail: string } {
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | NOFOLLOW);
  try {
    const head = Buffer.alloc(Math.min(PEEK, size));
    fs.readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(PEEK, size));
    fs.readSync(fd, tail, 0, tail.length, Math.max(0, size - PEEK));
    return { head: head.toString('utf8'), tail: tail.toString('utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where a report may go, decided before anything is written:
 * - a relative path must stay inside the workspace once links are resolved (a checkout can hold
 *   a link `reports -> /etc`); an absolute path is the user's choice on purpose;
 * - never into a `.git` folder, never through a symbolic link, never onto something that is not a
 *   regular file;
 * - an existing file is replaced only when it is one of ours (isOurReport) or empty, or with force.
 * Returns the absolute path. Every refusal is an InputError naming the option and the path.
 */
export function checkReportPath(file: ReportFile): string {
  if (CONTROL.test(file.given)) refuse(file, 'report-control-character');
  const onPurpose = path.isAbsolute(file.given);
  const abs = path.resolve(file.workspace, file.given);
  if (abs.split(path.sep).includes('.git')) refuse(file, 'report-git-folder');
  let workspaceReal: string;
  try {
    workspaceReal = fs.realpathSync(file.workspace);
  } catch {
    workspaceReal = path.resolve(file.workspace);
  }
  if (!onPurpose && !isInside(path.resolve(file.workspace), abs)) {
    refuse(file, 'report-outside', { workspace: file.workspace });
  }
  // The nearest folder that exists, resolved: a link on the way must not lead out either.
  let existing = path.dirname(abs);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (!onPurpose) {
    let real: string;
    try {
      real = fs.realpathSync(existing);
    } catch (e) {
      refuse(file, 'report-unwritable', { code: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    if (!isInside(workspaceReal, real)) refuse(file, 'report-link-out', { real });
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') refuse(file, 'report-unwritable', { code: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (st) {
    if (st.isSymbolicLink()) refuse(file, 'report-symlink');
    if (!st.isFile()) refuse(file, 'report-not-file');
    if (!file.force && st.size > 0) {
      const { head, tail } = peek(abs, st.size);
      if (!isOurReport(file.kind, head, tail)) {
        refuse(file, file.option === '--output' ? 'report-not-ours-force' : 'report-not-ours', { kind: file.kind });
      }
    }
  }
  return abs;
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** Writes a report where checkReportPath allows, piece by piece. Returns the absolute path. */
export function writeReportFile(file: ReportFile, chunks: Iterable<string>): string {
  const abs = checkReportPath(file);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const fd = fs.openSync(abs, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | NOFOLLOW, 0o644);
    try {
      writeChunks((text) => writeAll(fd, Buffer.from(text, 'utf8')), chunks);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    refuse(file, 'report-unwritable', { code: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  return abs;
}
