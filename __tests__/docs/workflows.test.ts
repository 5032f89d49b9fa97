/**
 * Every GitHub workflow we show that runs the action with its PR comment on can post that
 * comment: it grants `pull-requests: write` and sets `concurrency`, so two pushes to one PR do not
 * race on one comment. The action's 403 hint must never be needed with our own examples.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fences, ROOT } from './markdown.js';

type Step = { uses?: string; with?: Record<string, unknown> };
type Job = { permissions?: Record<string, string> | string; concurrency?: unknown; steps?: Step[] };
type Workflow = { permissions?: Record<string, string> | string; concurrency?: unknown; jobs?: Record<string, Job> };

function markdownFiles(): string[] {
  const out = ['README.md', 'README.en.md'];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.md')) out.push(rel);
    }
  };
  walk('docs');
  return out;
}

const isAction = (uses: string | undefined) => uses !== undefined && (/^beian-guard\/beian-guard@/.test(uses) || uses === './');
const canWrite = (p: Workflow['permissions']) => p === 'write-all' || (typeof p === 'object' && p['pull-requests'] === 'write');

const shown = markdownFiles().flatMap((file) =>
  fences(fs.readFileSync(path.join(ROOT, file), 'utf8'))
    // ```yaml workflow blocks are what `beian-guard init` writes, compared byte for byte with
    // init's output in recipes.test.ts; init's own workflow is checked by the init tests.
    .filter((f) => (f.lang === 'yaml' || f.lang === 'yml') && !f.flags.has('workflow') && /^jobs:/m.test(f.body))
    .map((f) => ({ where: `${file}:${f.line}`, workflow: parse(f.body) as Workflow })),
);

describe('workflows shown in the README and docs', () => {
  it('include the README minimal workflow in both languages', () => {
    expect(shown.filter((s) => s.where.startsWith('README')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(shown.map((s) => [s.where, s.workflow] as const))('%s can post the PR comment it asks for', (_where, workflow) => {
    for (const job of Object.values(workflow.jobs ?? {})) {
      const steps = (job.steps ?? []).filter((s) => isAction(s.uses));
      // `command: live` posts no PR comment (it keeps an issue instead, with its own permission).
      const commenting = steps.some((s) => String(s.with?.comment ?? 'auto') !== 'never' && String(s.with?.command ?? 'check') !== 'live');
      if (!commenting) continue;
      expect(canWrite(job.permissions ?? workflow.permissions), 'permissions: pull-requests: write').toBe(true);
      expect(job.concurrency ?? workflow.concurrency, 'concurrency').toBeDefined();
    }
  });
});
