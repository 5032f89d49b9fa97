import * as core from '@actions/core';

/** The runner uploads at most 1 MiB per step summary and drops larger ones; we stay well under. */
export const SUMMARY_MAX_BYTES = 900 * 1024;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Appends the Markdown to this step's summary file. Returns false when the runner gave no
 * summary file (a local run); a file that cannot be written throws for the caller to log.
 */
export async function writeJobSummary(markdown: string, env: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) return false;
  core.summary.emptyBuffer();
  await core.summary.addRaw(markdown, true).write();
  return true;
}
