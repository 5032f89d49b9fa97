/**
 * The last line of defence: a rule that throws on some page (a bug of ours, not the page's) turns
 * into a file-skipped finding for that page at the rule's own severity, so the run still reports
 * every other page and never passes over the one it could not check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig, siteFacts } from '../../src/config/resolve.js';
import { checkFile } from '../../src/engine/check-file.js';
import { prepareSiteRules } from '../../src/engine/site-rules.js';
import { StylesheetCache } from '../../src/engine/stylesheets.js';
import { defineRule } from '../../src/rules/rule.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-safety-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function rulesWith(throwing: boolean, fileSkipped: 'error' | 'warning' | 'off' = 'error') {
  const config = resolveConfig(undefined, { root: tmp, icp: '京ICP备2023012345号-1', siteName: '示例站点', lang: 'en' }, tmp);
  const site = config.sites[0]!;
  const severities = { ...site.severities };
  if (fileSkipped === 'off') delete severities['file-skipped'];
  else severities['file-skipped'] = fileSkipped;
  const prepared = prepareSiteRules({ ...site, severities }, siteFacts(site.config), 'en');
  const broken = defineRule({
    // A content rule runs on every page read, entry page or not.
    meta: { ...prepared.active[0]!.rule.meta, id: 'broken-test-rule', kind: 'content' },
    check: () => {
      throw new RangeError('Maximum call stack size exceeded');
    },
  });
  const active = throwing ? [...prepared.active, { rule: broken, severity: 'error' as const, ignored: null }] : prepared.active;
  return { ...prepared, active, severities };
}

describe('a rule that throws', () => {
  const abs = path.join(tmp, 'index.html');
  fs.writeFileSync(abs, '<title>示例站点</title><footer><a href="https://beian.miit.gov.cn/">京ICP备2023012345号-1</a></footer>');
  const job = { abs, rel: 'index.html', file: 'site/index.html', entry: false };

  it('becomes file-skipped/check-failed naming the error, an error even on a page that is not an entry page', async () => {
    const findings = await checkFile(job, rulesWith(true), new StylesheetCache(tmp));
    expect(findings.map((f) => [f.ruleId, f.messageId, f.severity])).toEqual([['file-skipped', 'check-failed', 'error']]);
    expect(findings[0]!.message).toBe('beian-guard failed while checking this page (RangeError: Maximum call stack size exceeded); the page was not checked.');
  });

  it('follows the configured level of file-skipped', async () => {
    expect((await checkFile(job, rulesWith(true, 'warning'), new StylesheetCache(tmp))).map((f) => f.severity)).toEqual(['warning']);
  });

  it('leaves a page whose rules all work alone', async () => {
    const findings = await checkFile(job, rulesWith(false), new StylesheetCache(tmp));
    expect(findings.map((f) => f.ruleId)).not.toContain('file-skipped');
  });
});
