/** Real reports for reporter tests: the engine run in-process on the fixture sites. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, type Overrides } from '../../src/config/resolve.js';
import { runChecks } from '../../src/engine/run.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { Report } from '../../src/model/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs fixtures/sites/<name>/public with the site's filing as flags; paths come out relative to the fixture. */
export async function fixtureReport(name: string, overrides: Overrides, lang: Lang = 'zh-CN'): Promise<Report> {
  const cwd = path.join(ROOT, 'fixtures/sites', name);
  const config = resolveConfig(undefined, { root: 'public', scope: 'all', lang, ...overrides }, cwd);
  return runChecks(config, { cwd, version: '0.0.0-test' });
}

export const BROKEN = { icp: '沪ICP备2024000123号-2', siteName: '青柠手记', police: '沪公网安备31010402001234号' };
export const MANY = { icp: '浙ICP备2023098765号-1', siteName: '山月读书', police: '浙公网安备33010602011234号' };
