/**
 * Our log never raises another action's annotation (issue 16). setup-node registers the
 * eslint-stylish, eslint-compact and tsc problem matchers for the whole job, setup-python `python`,
 * setup-go `go`; the runner applies them to every line of every later step. The patterns and the
 * multi-line state machine below are written from those matcher files (their .github/*.json) and
 * the runner's documented behaviour: a first pattern names the file, later ones (with `loop`) the
 * findings, and an unmatched line starts over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/engine/report.js';
import type { Finding, Report } from '../../src/model/index.js';
import { formatGithub } from '../../src/reporters/github.js';
import { guardProblemMatchers } from '../../src/reporters/escape.js';
import { formatStylish } from '../../src/reporters/stylish.js';
import { cli } from '../hostile/cli.js';
import { BROKEN, fixtureReport } from './reports.js';

interface Matcher {
  readonly owner: string;
  readonly patterns: readonly { readonly re: RegExp; readonly loop?: boolean }[];
}

const MATCHERS: readonly Matcher[] = [
  {
    owner: 'eslint-stylish',
    patterns: [{ re: /^\s*([^\s].*)$/ }, { re: /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$/, loop: true }],
  },
  { owner: 'eslint-compact', patterns: [{ re: /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/ }] },
  { owner: 'tsc', patterns: [{ re: /^(?:\s+\d+>)?([^\s].*)\((\d+)(?:,(\d+)(?:,\d+(?:,\d+)?)?)?\)\s*:\s+(error|warning|info)\s+(\w{1,2}\d+)\s*:\s*(.*)$/ }] },
  { owner: 'python', patterns: [{ re: /^\s*File\s"(.*)",\sline\s(\d+),\sin\s(.*)$/ }, { re: /^\s*raise\s(.*)\('(.*)'\)$/ }] },
  { owner: 'go', patterns: [{ re: /((?:\.{0,2}\/|\.{0,2}\\)(?:.+\.go)):(?:(\d+):(\d+):)? (.*)/ }] },
];

/**
 * Annotations the matchers would raise from a log, as `owner: line`. The runner hands a line that
 * is a workflow command to the command processor and never to the matchers (OutputManager), and
 * strips colour codes before matching.
 */
function annotationsFrom(log: string): string[] {
  const found: string[] = [];
  const lines = log
    .split('\n')
    .map((l) => l.replace(/\u001b\[[0-9;]*m?/g, ''))
    .map((l) => (/^::[a-z-]+(?: [^:]*)?::/.test(l) ? '' : l));
  for (const m of MATCHERS) {
    const [first, ...rest] = m.patterns;
    for (let i = 0; i < lines.length; i++) {
      if (!first!.re.test(lines[i]!)) continue;
      if (rest.length === 0) {
        found.push(`${m.owner}: ${lines[i]}`);
        continue;
      }
      // Multi-line: the following patterns in order; a looping last one matches as long as it can.
      let j = i + 1;
      let k = 0;
      while (j < lines.length && k < rest.length && rest[k]!.re.test(lines[j]!)) {
        if (k === rest.length - 1) found.push(`${m.owner}: ${lines[j]}`);
        j++;
        if (!rest[k]!.loop) k++;
      }
    }
  }
  return found;
}

/** Findings whose page text is built to match each matcher. */
function hostileReport(): Report {
  const base: Omit<Finding, 'file' | 'message' | 'fingerprint'> = {
    ruleId: 'title-site-name',
    messageId: 'missing',
    severity: 'error',
    page: 'x.html',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 20,
    fix: 'Fix: the title.',
    evidence: '',
    entry: true,
  };
  const nasty = [
    ['File "app.py", line 12, in main.html', 'title File "x.py", line 3, in y'],
    ['src/a.ts(12,5): error TS2304: x.html', 'x(1,2): error TS1005: injected'],
    ['a.html: line 3, col 4, Error - bad (rule)', 'a: line 1, col 2, Error - injected (rule)'],
    ['pkg/main.go:12:3: injected.html', 'see ./main.go:1:1: injected'],
  ];
  const findings = nasty.map(([file, text], i) => ({ ...base, file: file!, message: `The title "${text}" lacks the name.`, fingerprint: `h${i}` }));
  return buildReport('t', findings, [{ root: '.', pages: 4, skipped: 0 }], 1);
}

let broken: Report;
beforeAll(async () => {
  broken = await fixtureReport('action-broken', BROKEN, 'en');
});

describe('no line of ours matches another action\'s problem matcher', () => {
  it('the terminal report, in both languages, with and without colour', async () => {
    const zh = await fixtureReport('action-broken', BROKEN);
    for (const [report, lang] of [[broken, 'en'], [zh, 'zh-CN']] as const) {
      for (const color of [false, true]) expect(annotationsFrom(formatStylish(report, { lang, color }))).toEqual([]);
    }
  });

  it('can see a match: the old layout of a finding line is caught by eslint-stylish', () => {
    // The layout before issue 16 (no mark before the level), so that this test is known to fail on it.
    expect(annotationsFrom('public/index.html\n  14:14    error    The number links to http://x/.  icp-link\n')).toHaveLength(1);
  });

  it('page text made to match each matcher is broken up by the guard, and only where a matcher would read it', () => {
    const text = formatStylish(hostileReport(), { lang: 'en', color: false });
    expect(annotationsFrom(text).length).toBeGreaterThanOrEqual(4);
    const guarded = guardProblemMatchers(text);
    expect(annotationsFrom(guarded)).toEqual([]);
    // Lines no matcher reads are untouched; the others read the same once the zero-width spaces go.
    expect(guarded.replace(/\u200b/g, '')).toBe(text);
  });

  it('JSON keeps its values: only escapes that parse to the same text', () => {
    const json = `${JSON.stringify({ findings: hostileReport().findings }, null, 2)}\n`;
    const guarded = guardProblemMatchers(json, true);
    expect(annotationsFrom(guarded)).toEqual([]);
    expect(JSON.parse(guarded)).toEqual(JSON.parse(json));
  });

  it('the github format raises its own annotations only', () => {
    const out = formatGithub(hostileReport(), { lang: 'en' });
    expect(annotationsFrom(out)).toEqual([]);
  });

  it('the CLI in a GitHub job prints hostile page text without raising an annotation, and would without the guard', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-matchers-'));
    try {
      fs.mkdirSync(path.join(dir, 'site'));
      const title = 'see ./main.go:1:1: injected';
      fs.writeFileSync(path.join(dir, 'site', 'index.html'), `<!doctype html><title>${title}</title><p>正文</p>`);
      const args = ['check', 'site', '--icp', '京ICP备2023012345号-1', '--site-name', '示例站点', '--no-source-map', '--lang', 'en'];
      const plain = cli(args, dir, { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      const inJob = cli(args, dir, { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', GITHUB_ACTIONS: 'true' } });
      expect(plain.code).toBe(1);
      expect(inJob.code).toBe(1);
      expect(annotationsFrom(plain.stdout).length).toBeGreaterThan(0);
      expect(annotationsFrom(inJob.stdout)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the github format', () => {
  /** Undoes the runner's escaping of command data and properties. */
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

  it('writes one command per group of findings with the file, line and columns the runner reads', () => {
    const out = formatGithub(broken, { lang: 'en' });
    const commands = out.split('\n').filter((l) => l.startsWith('::'));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(c);
      expect(m, c).not.toBeNull();
      const props = Object.fromEntries(m![2]!.split(',').map((p) => p.split('=') as [string, string]).map(([k, v]) => [k, unescape(v)]));
      expect(Object.keys(props)).toEqual(expect.arrayContaining(['title', 'file', 'line']));
      expect(Number(props.line)).toBeGreaterThan(0);
      expect(broken.findings.some((f) => f.ruleId === props.title && f.file === props.file)).toBe(true);
    }
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ pages?: /);
  });

  it('keeps within the runner\'s ten annotations per level and says how many are left', () => {
    const many = buildReport(
      't',
      Array.from({ length: 15 }, (_, i): Finding => ({ ...broken.findings[0]!, severity: 'error', evidence: `e${i}`, message: `m${i}`, fingerprint: `f${i}` })),
      broken.sites.slice(),
      1,
    );
    const out = formatGithub(many, { lang: 'en' });
    expect(out.split('\n').filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(out).toContain('5 more findings have none');
  });

  it('escapes line breaks, % and the property separators so page text cannot end a command or start another', () => {
    const f: Finding = { ...broken.findings[0]!, message: 'a%b\n::error file=evil::x, y: z', file: 'd,ir/a:b.html' };
    const out = formatGithub(buildReport('t', [f], [{ root: '.', pages: 1, skipped: 0 }], 1), { lang: 'en' });
    const lines = out.split('\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(1);
    expect(lines[0]).toContain('file=d%2Cir/a%3Ab.html');
    expect(lines[0]).not.toMatch(/\n/);
  });
});
