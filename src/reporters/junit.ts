import type { Lang } from '../i18n/lang.js';
import type { Finding, Report, Severity, SiteSummary } from '../model/index.js';
import { oneLine } from './escape.js';
import { XML_DECLARATION, xmlAttrs, xmlText } from './xml.js';

export interface JunitOptions {
  readonly lang: Lang;
  /** How a built file is named to the reader (relative to the repository). Default: as given. */
  readonly path?: (file: string) => string;
}

const TEXT: Record<Lang, { checked: (pages: number, skipped: number) => string; fix: string; level: Record<Severity, string> }> = {
  'zh-CN': {
    checked: (pages, skipped) => `检查了 ${pages} 个页面${skipped ? `（${skipped} 个未能检查）` : ''}`,
    fix: '修复：',
    level: { error: '错误', warning: '警告', notice: '提示' },
  },
  en: {
    checked: (pages, skipped) => `${pages} ${pages === 1 ? 'page' : 'pages'} checked${skipped ? ` (${skipped} could not be checked)` : ''}`,
    fix: 'Fix: ',
    level: { error: 'error', warning: 'warning', notice: 'notice' },
  },
};

/** The site whose root holds the file: the longest root that is a prefix of it. */
function siteOf(file: string, sites: readonly SiteSummary[]): number {
  let best = -1;
  let bestLength = -1;
  sites.forEach((s, i) => {
    const inside = s.root === '.' ? !file.startsWith('../') : file === s.root || file.startsWith(`${s.root}/`);
    if (inside && s.root.length > bestLength) {
      best = i;
      bestLength = s.root.length;
    }
  });
  return best;
}

function lineOf(f: Finding, t: (typeof TEXT)[Lang], name: (file: string) => string): string {
  return `${name(f.file)}:${f.line}:${f.column} ${t.level[f.severity]} ${oneLine(f.message)}\n  ${t.fix}${oneLine(f.fix)}`;
}

interface Case {
  readonly rule: string;
  readonly file: string;
  readonly findings: Finding[];
}

/**
 * JUnit XML in the shape GitLab's merge-request widget and Jenkins' JUnit publisher read: one
 * test suite per site, one test case per built page and rule that has findings (a failure when
 * any of them is an error; warnings and notices are printed as the case's output, which both
 * tools show without failing the case), and one passing case per site that says how many pages
 * were checked, so a clean run still shows a test and an empty site is not "no tests".
 */
export function formatJunit(report: Report, options: JunitOptions): string {
  const t = TEXT[options.lang];
  const name = options.path ?? ((f: string) => f);
  const sites = report.sites.length > 0 ? report.sites : [{ root: '.', pages: report.summary.pages, skipped: 0 }];
  const cases: Map<string, Case>[] = sites.map(() => new Map());
  const orphans = new Map<string, Case>();
  for (const f of report.findings) {
    const i = siteOf(f.file, sites);
    const into = i === -1 ? orphans : cases[i]!;
    const key = `${f.ruleId}\0${f.file}`;
    const slot = into.get(key);
    if (slot) slot.findings.push(f);
    else into.set(key, { rule: f.ruleId, file: f.file, findings: [f] });
  }

  const seconds = (report.durationMs / 1000).toFixed(3);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const suite = (suiteName: string, summary: string | undefined, list: Iterable<Case>): void => {
    const body: string[] = [];
    let n = 0;
    let failed = 0;
    if (summary !== undefined) {
      body.push(`    <testcase${xmlAttrs({ classname: 'beian-guard', name: summary, time: '0' })}/>`);
      n++;
    }
    for (const c of list) {
      n++;
      const errors = c.findings.filter((f) => f.severity === 'error');
      const others = c.findings.filter((f) => f.severity !== 'error');
      const attrs = xmlAttrs({ classname: c.rule, name: name(c.file), file: name(c.file), time: '0' });
      const inner: string[] = [];
      if (errors.length > 0) {
        failed++;
        const first = errors[0]!;
        inner.push(
          `      <failure${xmlAttrs({ message: oneLine(first.message), type: c.rule })}>${xmlText(errors.map((f) => lineOf(f, t, name)).join('\n'))}</failure>`,
        );
      }
      if (others.length > 0) inner.push(`      <system-out>${xmlText(others.map((f) => lineOf(f, t, name)).join('\n'))}</system-out>`);
      body.push(inner.length === 0 ? `    <testcase${attrs}/>` : `    <testcase${attrs}>\n${inner.join('\n')}\n    </testcase>`);
    }
    tests += n;
    failures += failed;
    suites.push(
      `  <testsuite${xmlAttrs({ name: suiteName, tests: n, failures: failed, errors: 0, skipped: 0, time: seconds })}>\n${body.join('\n')}\n  </testsuite>`,
    );
  };
  // Maps keep insertion order, which is the report's sorted order: same input, same bytes.
  sites.forEach((s, i) => suite(`beian-guard: ${s.root}`, t.checked(s.pages, s.skipped), cases[i]!.values()));
  if (orphans.size > 0) suite('beian-guard', undefined, orphans.values());

  return `${XML_DECLARATION}\n<testsuites${xmlAttrs({ name: 'beian-guard', tests, failures, errors: 0, skipped: 0, time: seconds })}>\n${suites.join('\n')}\n</testsuites>\n`;
}
