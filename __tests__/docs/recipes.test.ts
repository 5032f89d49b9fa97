/**
 * Each generator has a recipe, and the config and workflow a recipe shows are exactly what
 * `beian-guard init` writes for that generator's sample repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_OWNER } from '../../src/init/workflow.js';
import { GENERATOR_IDS } from '../../src/init/types.js';
import { PROJECT_URL } from '../../src/reporters/docs-url.js';
import { cloneFixture, init } from '../init/helpers.js';
import { fences, markdownFiles, read } from './markdown.js';

describe('generator recipes', () => {
  for (const generator of GENERATOR_IDS) {
    it(`docs/recipes/${generator}.md shows what init writes for fixtures/init/${generator}`, async () => {
      const blocks = fences(read(`docs/recipes/${generator}.md`));
      const workflow = blocks.find((b) => b.lang === 'yaml' && b.flags.has('workflow'));
      const config = blocks.find((b) => b.lang === 'json');
      expect(workflow, 'a ```yaml workflow block').toBeDefined();
      expect(config, 'a ```json config block').toBeDefined();

      const dir = cloneFixture(generator);
      const run = await init(dir, ['--yes']);
      expect(run.code).toBe(0);
      expect(`${workflow!.body}\n`).toBe(fs.readFileSync(path.join(dir, '.github/workflows/beian.yml'), 'utf8'));
      expect(`${config!.body}\n`).toBe(fs.readFileSync(path.join(dir, 'beian.config.json'), 'utf8'));
    });
  }
});

describe('the Action reference', () => {
  it('uses one placeholder owner everywhere, the same as the project URL', () => {
    expect(PROJECT_URL).toBe(`https://github.com/${ACTION_OWNER}/beian-guard`);
    const owners = new Set<string>();
    for (const file of markdownFiles()) {
      for (const m of read(file).matchAll(/uses:\s*([\w.-]+)\/beian-guard@/g)) owners.add(`${m[1]} (${file})`);
    }
    expect([...owners].filter((o) => !o.startsWith(`${ACTION_OWNER} `))).toEqual([]);
  });
});
