/**
 * Runs the examples of every rule page (docs/rules/<rule-id>.md) through the engine: a page
 * example that stops behaving as documented breaks the build. Page examples go through
 * checkPage; the input rules' shell examples run against the built CLI in a temp folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigObject, resolveConfig, siteFacts } from '../../src/config/resolve.js';
import { checkPage } from '../../src/engine/check-page.js';
import { prepareSiteRules } from '../../src/engine/site-rules.js';
import { LANGS } from '../../src/i18n/lang.js';
import { RULES } from '../../src/rules/index.js';
import { fences, read, ROOT, type Fence } from './markdown.js';
import type { Finding } from '../../src/model/index.js';

const CLI = path.join(ROOT, 'dist/cli.js');

/** A fragment is checked as the body of an entry page whose title is the configured site name. */
function wrap(html: string, siteName: string): string {
  if (/<!doctype|<html[\s>]/i.test(html)) return html;
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${siteName}</title>\n</head>\n<body>\n${html}\n</body>\n</html>\n`;
}

function runPage(configText: string, html: string): Record<(typeof LANGS)[number], Finding[]> {
  const file = parseConfigObject(JSON.parse(configText), 'example config');
  const resolved = resolveConfig({ config: file, path: path.join(ROOT, 'docs/rules/example.json') }, {}, ROOT);
  const site = resolved.sites[0]!;
  const source = wrap(html, site.config.siteName);
  const result = {} as Record<(typeof LANGS)[number], Finding[]>;
  for (const lang of LANGS) {
    result[lang] = checkPage({ rel: 'index.html', file: 'index.html', entry: true, source }, prepareSiteRules(site, siteFacts(site.config), lang));
  }
  return result;
}

function describeFence(rel: string, f: Fence): string {
  return `${rel}:${f.line} ${[...f.flags].join(' ')} ${[...f.attrs].map(([k, v]) => `${k}=${v}`).join(' ')}`.trim();
}

/** A folder with a `beian-guard` command on PATH that runs the built CLI, as npx would. */
function shellEnv(): { cwd: string; env: NodeJS.ProcessEnv } {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run bundle" first');
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-doc-'));
  const bin = path.join(cwd, '.bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'beian-guard'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  return { cwd, env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1', LANG: 'C.UTF-8' } };
}

for (const rule of RULES) {
  const id = rule.meta.id;
  const rel = `docs/rules/${id}.md`;
  describe(rel, () => {
    if (!fs.existsSync(path.join(ROOT, rel))) {
      it('exists', () => {
        throw new Error(`${rel} is missing: every rule in RULES needs its page`);
      });
      return;
    }
    const blocks = fences(read(rel));
    const examples = blocks.filter((f) => f.flags.has('incorrect') || f.flags.has('correct'));

    it('has at least one incorrect and one correct example', () => {
      expect(examples.some((f) => f.flags.has('incorrect'))).toBe(true);
      expect(examples.some((f) => f.flags.has('correct'))).toBe(true);
    });

    let config: string | undefined;
    for (const block of blocks) {
      if (block.lang === 'json' && block.flags.has('config')) {
        config = block.body;
        continue;
      }
      if (!block.flags.has('incorrect') && !block.flags.has('correct')) continue;
      const incorrect = block.flags.has('incorrect');
      const label = describeFence(rel, block);

      if (block.lang === 'html') {
        const pageConfig = config;
        it(label, () => {
          if (pageConfig === undefined) throw new Error(`${label}: no \`\`\`json config block before this example`);
          const byLang = runPage(pageConfig, block.body);
          const findings = byLang['zh-CN'];
          const mine = findings.filter((f) => f.ruleId === id);
          if (incorrect) {
            expect(mine.length, `${label}: expected a ${id} finding`).toBeGreaterThan(0);
            const messageId = block.attrs.get('message');
            const hit = messageId ? mine.find((f) => f.messageId === messageId) : mine[0];
            expect(hit, `${label}: expected message ${messageId}, got ${mine.map((f) => f.messageId).join(', ')}`).toBeDefined();
            const severity = block.attrs.get('severity');
            if (severity) expect(hit!.severity).toBe(severity);
          } else {
            expect(mine.map((f) => `${f.messageId}: ${f.message}`), label).toEqual([]);
            // A correct example is one a reader can copy: nothing else of the same kind may fail it.
            const kind = rule.meta.kind;
            const errors = findings.filter((f) => f.severity === 'error' && RULES.find((r) => r.meta.id === f.ruleId)?.meta.kind === kind);
            expect(errors.map((f) => `${f.ruleId}/${f.messageId}: ${f.message}`), label).toEqual([]);
          }
          // Every message is complete in every language: no {placeholder} left unfilled.
          for (const lang of LANGS) for (const f of byLang[lang]) expect(`${f.message} ${f.fix}`).not.toMatch(/\{\w+\}/);
        });
        continue;
      }

      if (block.lang === 'yaml' && block.flags.has('live')) {
        // A live example: the YAML describes the deployed site (stand-in servers, __tests__/live/world.ts).
        const pageConfig = config;
        it(label, async () => {
          if (pageConfig === undefined) throw new Error(`${label}: no \`\`\`json config block before this example`);
          const { runLiveExample } = await import('../live/world.js');
          const byLang = await runLiveExample(pageConfig, block.body, LANGS);
          const findings = byLang['zh-CN']!.findings;
          const mine = findings.filter((f) => f.ruleId === id);
          if (incorrect) {
            const messageId = block.attrs.get('message');
            const hit = messageId ? mine.find((f) => f.messageId === messageId) : mine[0];
            expect(hit, `${label}: expected ${id}/${messageId ?? '*'}, got ${findings.map((f) => `${f.ruleId}/${f.messageId}`).join(', ')}`).toBeDefined();
            const severity = block.attrs.get('severity');
            if (severity) expect(hit!.severity).toBe(severity);
          } else {
            expect(mine.map((f) => `${f.messageId}: ${f.message}`), label).toEqual([]);
            const errors = findings.filter((f) => f.severity === 'error' && RULES.find((r) => r.meta.id === f.ruleId)?.meta.kind === 'live');
            expect(errors.map((f) => `${f.ruleId}/${f.messageId}: ${f.message}`), label).toEqual([]);
          }
          for (const lang of LANGS) for (const f of byLang[lang]!.findings) expect(`${f.message} ${f.fix}`).not.toMatch(/\{\w+\}/);
        });
        continue;
      }

      if (block.lang === 'sh') {
        it(label, () => {
          const exit = block.attrs.get('exit');
          if (exit === undefined) throw new Error(`${label}: shell examples must say exit=<code>`);
          const { cwd, env } = shellEnv();
          try {
            const run = spawnSync('sh', ['-e', '-c', block.body], { cwd, env, encoding: 'utf8', timeout: 30_000 });
            const output = `${run.stdout}${run.stderr}`;
            expect(run.status, `${label}\n${output}`).toBe(Number(exit));
            if (incorrect) expect(output, label).toContain(id);
            else expect(output, label).not.toContain(id);
            const messageId = block.attrs.get('message');
            if (messageId) {
              const json = spawnSync('sh', ['-c', 'beian-guard "$@"', 'sh', ...lastCheckArgs(block.body), '--format', 'json'], { cwd, env, encoding: 'utf8' });
              const findings = (JSON.parse(json.stdout) as { findings: Finding[] }).findings;
              expect(findings.some((f) => f.ruleId === id && f.messageId === messageId), `${label}: ${json.stdout}`).toBe(true);
            }
          } finally {
            fs.rmSync(cwd, { recursive: true, force: true });
          }
        });
        continue;
      }
      it(label, () => {
        throw new Error(`${label}: examples are \`\`\`html or \`\`\`sh blocks, not ${block.lang}`);
      });
    }
  });
}

/** The arguments of the example's last `beian-guard` command, to rerun it with JSON output. */
function lastCheckArgs(script: string): string[] {
  const line = script.split('\n').filter((l) => l.startsWith('beian-guard ')).pop();
  if (!line) throw new Error('the example runs no beian-guard command');
  return line.replace(/^beian-guard /, '').split(/\s+/).filter(Boolean);
}
