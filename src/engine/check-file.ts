import { readFileSync } from 'node:fs';
import { decodeHtml, looksBinary, type DecodeNote } from '../source/decode.js';
import { checkPage } from './check-page.js';
import type { SiteRules } from './site-rules.js';
import { inputFindings, skipDraft, START } from './input-findings.js';
import type { StylesheetCache } from './stylesheets.js';
import type { Draft, Finding } from '../model/index.js';

export interface FileJob {
  readonly abs: string;
  readonly rel: string;
  readonly file: string;
  readonly entry: boolean;
}

function noteDraft(note: DecodeNote): Draft {
  switch (note.kind) {
    case 'invalid-bytes':
      return { messageId: 'invalid-bytes', span: START, anchor: 'document', data: { encoding: note.encoding, count: note.count } };
    case 'nul-bytes':
      return { messageId: 'nul-bytes', span: START, anchor: 'document', data: { count: note.count } };
    case 'meta-mismatch':
      return { messageId: 'meta-mismatch', span: START, anchor: 'document', data: { declared: note.declared, likely: note.likely } };
    case 'bom-overrides-meta':
      return { messageId: 'bom-overrides-meta', span: START, anchor: 'document', data: { declared: note.declared } };
  }
}

/** Read, decode and check one file. Never throws for the file's content; I/O errors become findings. */
export async function checkFile(
  job: FileJob,
  rules: SiteRules,
  stylesheets: StylesheetCache,
): Promise<Finding[]> {
  let bytes: Uint8Array;
  try {
    // Synchronous on purpose: a page is read on the thread that checks it (a worker, or the main thread
    // one page at a time), so nothing else waits, and fs.promises.readFile costs four thread-pool
    // round trips per file: 4x the CPU of readFileSync over the 5,000-page site (issue 6).
    bytes = readFileSync(job.abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Listed a moment ago: gone now means it vanished while we ran, which is never a silent skip.
    if (code === 'ENOENT') return inputFindings('file-skipped', [skipDraft('vanished', job.entry)], job, rules);
    return inputFindings('file-skipped', [skipDraft('unreadable', job.entry, { detail: code ?? String(e) })], job, rules);
  }
  if (looksBinary(bytes)) return inputFindings('file-skipped', [skipDraft('binary', job.entry)], job, rules);
  let decoded: ReturnType<typeof decodeHtml>;
  let findings: Finding[];
  try {
    decoded = decodeHtml(bytes);
    findings = checkPage(
      { rel: job.rel, file: job.file, entry: job.entry, source: decoded.text, loadStylesheet: stylesheets.loader(job.abs) },
      rules,
    );
  } catch (e) {
    // Our bug, not the page's. One page that breaks a rule must not sink the report on every other
    // page, nor pass: it is an unchecked page at the rule's own severity (an error by default).
    const detail = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).replace(/\s+/g, ' ').slice(0, 200);
    return inputFindings('file-skipped', [{ messageId: 'check-failed', span: START, anchor: 'document', data: { detail } }], job, rules);
  }
  if (decoded.notes.length > 0) findings.push(...inputFindings('file-encoding', decoded.notes.map(noteDraft), job, rules, decoded.text));
  return findings;
}

