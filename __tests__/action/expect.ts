import { expect } from 'vitest';
import { TOKEN, type RunResult } from './harness.js';

/** The token may reach stdout only inside the runner's own ::add-mask:: command. */
export function expectNoTokenLeak(r: RunResult): void {
  const leaking = r.stdout.split('\n').filter((line) => line.includes(TOKEN) && line !== `::add-mask::${TOKEN}`);
  expect(leaking).toEqual([]);
  expect(r.stderr).not.toContain(TOKEN);
}

/** Undoes @actions/core's escaping of command data (`%`, CR, LF). */
export function unescapeCommand(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Messages of the warning annotations (not plain log lines). */
export function warningsOf(r: RunResult): string[] {
  return r.annotations.filter((a) => a.level === 'warning').map((a) => unescapeCommand(a.message));
}

/** The failing verdict of a report with findings: exit 1, outputs say so. */
export function expectFailedVerdict(r: RunResult, errors: string): void {
  expect(r.code).toBe(1);
  expect(r.outputs.passed).toBe('false');
  expect(r.outputs.errors).toBe(errors);
  expect(r.annotations.filter((a) => a.level === 'error' && a.properties === '').length).toBe(1);
}
