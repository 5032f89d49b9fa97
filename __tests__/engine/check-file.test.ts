/** checkFile on real files: a page listed and then gone before it is read is a finding (issue 17 item 5). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, siteFacts } from '../../src/config/resolve.js';
import { checkFile } from '../../src/engine/check-file.js';
import { prepareSiteRules } from '../../src/engine/site-rules.js';
import { StylesheetCache } from '../../src/engine/stylesheets.js';

describe('checkFile', () => {
  it('a file gone between listing and reading is file-skipped/vanished: an error on an entry page, a warning elsewhere', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-vanish-'));
    const config = resolveConfig(undefined, { root: dir, icp: '京ICP备2023012345号-1', siteName: '示例', lang: 'en' }, dir);
    const site = config.sites[0]!;
    const rules = prepareSiteRules(site, siteFacts(site.config), 'en');
    const abs = path.join(dir, 'gone.html');
    fs.writeFileSync(abs, '<title>x</title>');
    fs.rmSync(abs);
    for (const entry of [true, false]) {
      const findings = await checkFile({ abs, rel: 'gone.html', file: 'gone.html', entry }, rules, new StylesheetCache(dir));
      expect(findings.map((f) => [f.ruleId, f.messageId, f.severity])).toEqual([['file-skipped', 'vanished', entry ? 'error' : 'warning']]);
      expect(findings[0]!.message).toBe('The file was listed but was gone by the time it was read; it was not checked.');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
