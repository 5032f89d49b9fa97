/**
 * The registry and the documentation stay in step: every rule has its page, the pages list every
 * message the rule can give and cite its seed reasons, and both READMEs carry one table row per
 * rule, in registry order, with the right reasons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { read, ROOT } from './markdown.js';

const IDS = RULES.map((r) => r.meta.id);

describe('rule pages', () => {
  it('every rule in RULES has docs/rules/<id>.md, and every page is a rule', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
    expect(IDS.filter((id) => !pages.includes(id)), 'rules without a page').toEqual([]);
    expect(pages.filter((p) => !IDS.includes(p)), 'pages without a rule').toEqual([]);
  });

  for (const rule of RULES) {
    const { id, messages, seedReasons, defaultSeverity } = rule.meta;
    it(`${id}: lists every message id, cites its seed reasons and states its default level`, () => {
      const text = read(`docs/rules/${id}.md`);
      expect(text.split('\n')[0]).toBe(`# ${id}`);
      // The messages table: rows that start with a message id in backticks.
      const listed = [...text.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
      expect(new Set(listed)).toEqual(new Set(Object.keys(messages)));
      const reasons = seedReasons.join('、');
      const level = { error: '错误', warning: '警告', notice: '提示' }[defaultSeverity];
      // A rule that guards no numbered reason (tls-certificate) says so instead of listing one.
      const zhReasons = seedReasons.length > 0 ? `防止核查不通过原因 ${reasons}` : '不对应编号的核查不通过原因';
      const enReasons = seedReasons.length > 0 ? `guards review failure reason ${seedReasons.join(', ')}` : 'guards no numbered review failure reason';
      expect(text.split('\n')[2]).toMatch(new RegExp(`默认级别：${level}(（[^）]*）)? · ${zhReasons}$`));
      const english = text.slice(text.indexOf('\n## English\n'));
      expect(english.split('\n')[3]).toMatch(new RegExp(`^Default level: ${defaultSeverity}( \\([^)]*\\))? · ${enReasons}$`));
    });
  }
});

interface Row {
  readonly id: string;
  readonly link: string;
  readonly reasons: number[];
  readonly level: string;
}

function ruleTable(file: string): Row[] {
  const rows: Row[] = [];
  for (const m of read(file).matchAll(/^\| \[`([a-z0-9-]+)`\]\(([^)]+)\) \|[^|]+\| ([^|]+) \| ([^|]+) \|$/gm)) {
    rows.push({ id: m[1]!, link: m[2]!, reasons: [...m[3]!.matchAll(/(?:^|[^\d])(\d{1,2})(?=\s)/g)].map((r) => Number(r[1])), level: m[4]!.trim() });
  }
  return rows;
}

describe('README rule tables', () => {
  for (const [file, levels] of [
    ['README.md', { error: '错误', warning: '警告', notice: '提示' }],
    ['README.en.md', { error: 'error', warning: 'warning', notice: 'notice' }],
  ] as const) {
    it(`${file} has one row per rule in registry order, with its page, seed reasons and default level`, () => {
      const rows = ruleTable(file);
      expect(rows.map((r) => r.id)).toEqual(IDS);
      for (const row of rows) {
        const rule = RULES.find((r) => r.meta.id === row.id)!;
        expect(row.link).toBe(`docs/rules/${row.id}.md`);
        expect(row.reasons, row.id).toEqual([...rule.meta.seedReasons]);
        expect(row.level, row.id).toBe(levels[rule.meta.defaultSeverity]);
      }
    });
  }
});

describe('README quick start', () => {
  for (const file of ['README.md', 'README.en.md']) {
    it(`${file} keeps the two quick-start commands verbatim`, () => {
      expect(read(file)).toContain('```sh\nnpm ci && npm run demo\nnpm test\n```');
    });
  }

  it('the commands it names exist, and CI runs the same test command', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
    expect(pkg.scripts.schema).toBeDefined();
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });

  it('README.md links to the English README from the top and back', () => {
    expect(read('README.md').split('\n').slice(0, 4).join('\n')).toContain('(README.en.md)');
    expect(read('README.en.md').split('\n').slice(0, 4).join('\n')).toContain('(README.md)');
  });
});
