import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { guardProblemMatchers } from '../reporters/escape.js';

/**
 * Prints text that quotes pages (file names, titles, hrefs) to the step log. The runner would
 * execute a page line starting with `::` as a workflow command, so command processing is paused
 * around it with a one-time token no page can know. Problem matchers other steps registered still
 * read these lines: none may match one.
 */
export function printUntrusted(text: string): void {
  const token = `beian-guard-${randomUUID()}`;
  core.info(`::stop-commands::${token}`);
  core.info(guardProblemMatchers(text.replace(/\n$/, '')));
  core.info(`::${token}::`);
}
