/**
 * The action's input errors follow its `lang` input (issue 11, item 7): the built action
 * (dist/index.js) through the runner harness, once without `lang` (zh-CN) and once with
 * `lang: en`. The step fails with exit code 2, and the one error annotation holds the message of
 * the expected id in that language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, InputError, type ErrorData, type Where } from '../../src/config/errors.js';
import type { ErrorId } from '../../src/config/error-messages.js';
import { ACTION_TEXT } from '../../src/action/messages.js';
import { inputName } from '../../src/action/inputs.js';
import type { Lang } from '../../src/i18n/lang.js';
import { unescapeCommand } from '../action/expect.js';
import { makeWorkspace, requireBundle, runAction } from '../action/harness.js';

const SITE = { icp: '沪ICP备2024000123号-2', 'site-name': '青柠手记', police: '沪公网安备31010402001234号', comment: 'never' };
const LANGS: readonly Lang[] = ['zh-CN', 'en'];

beforeAll(requireBundle);

/** Runs the action in both languages on a fresh workspace each time; returns the error annotation per language. */
async function expectInputError(
  setup: (workspace: string) => void,
  inputs: Record<string, string>,
  id: ErrorId,
  data: ErrorData,
  where?: Where,
): Promise<Record<Lang, string>> {
  const said = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const workspace = makeWorkspace('action-broken');
    setup(workspace);
    const r = await runAction({ workspace, inputs: { ...inputs, ...(lang === 'en' && { lang: 'en' }) } });
    expect(r.code, `${id} (${lang})`).toBe(2);
    expect(r.outputs.passed).toBe('false');
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => unescapeCommand(a.message));
    expect(errors, `${id} (${lang})`).toEqual([ACTION_TEXT[lang].inputError(InputError.of(id, data, where).text(lang))]);
    said[lang] = errors[0]!;
  }
  return said;
}

const nothing = () => undefined;

describe('action input errors in the language of the lang input', () => {
  it('live-input-no-config: command live without a config file', async () => {
    const said = await expectInputError(nothing, { ...SITE, command: 'live' }, 'live-input-no-config', {}, inputName('command'));
    expect(said['zh-CN']).toBe('beian-guard：输入有误：输入 "command": live 需要一个列出备案域名的配置文件（输入 "config"，或仓库中写有 "domains" 的 beian.config.json），见 docs/live.md');
    expect(said.en).toBe('beian-guard: input problem: input "command": live needs a config file that names the filed domains (input "config", or beian.config.json with "domains" in the repository); see docs/live.md');
  });

  it('report-same-file: two report inputs that name one file', async () => {
    const said = await expectInputError(nothing, { ...SITE, 'sarif-file': 'out/r.json', 'json-file': 'out/r.json' }, 'report-same-file', { first: 'sarif-file', second: 'json-file', file: 'out/r.json' });
    expect(said['zh-CN']).toContain('输入 "sarif-file" 和 "json-file" 指向同一个文件（out/r.json）');
  });

  it('report-not-ours: a report input that names a page of the site', async () => {
    const said = await expectInputError(nothing, { ...SITE, 'sarif-file': 'public/index.html' }, 'report-not-ours', { file: 'public/index.html', kind: 'sarif' }, inputName('sarif-file'));
    // --force is the CLI's; the action has no such input and does not offer it.
    expect(said.en).not.toContain('--force');
    expect(said['zh-CN']).toContain('输入 "sarif-file": 无法写入 public/index.html：它已存在，且不是 beian-guard 的 sarif 报告');
  });

  it('report-git-folder: a report input inside .git', async () => {
    await expectInputError((w) => fs.mkdirSync(path.join(w, '.git')), { ...SITE, 'json-file': '.git/report.json' }, 'report-git-folder', { file: '.git/report.json' }, inputName('json-file'));
  });

  it('choice: a render input that is not a mode', async () => {
    await expectInputError(nothing, { ...SITE, render: 'sometimes' }, 'choice', { value: 'sometimes', allowed: '"on", "auto", "off"' }, inputName('render'));
  });

  it('config-outside: a config file that leads out of the workspace', async () => {
    const outside = makeWorkspace('action-broken');
    fs.writeFileSync(path.join(outside, 'elsewhere.json'), JSON.stringify({ root: 'public', icp: SITE.icp, siteName: SITE['site-name'] }));
    await expectInputError(
      (w) => fs.symlinkSync(path.join(outside, 'elsewhere.json'), path.join(w, 'beian.config.json')),
      { comment: 'never' },
      'config-outside',
      { real: fs.realpathSync(path.join(outside, 'elsewhere.json')) },
      'beian.config.json',
    );
  });

  it('render-form and a live refinement: the config file’s own checks', async () => {
    const config = { root: 'public', icp: SITE.icp, siteName: SITE['site-name'], render: 5, domains: ['203.0.113.7'] };
    const said = await expectInputError(
      (w) => fs.writeFileSync(path.join(w, 'beian.config.json'), JSON.stringify(config)),
      { comment: 'never' },
      'config-invalid',
      {
        problems: both(
          'domains[0]："203.0.113.7" 不是域名：这是 IP 地址，不是域名；render：5 不是 "on"、"auto"、"off" 之一，也不是含 mode、browser、viewports、timeoutMs、settleMs、concurrency 的对象',
          'domains[0]: "203.0.113.7" is not a domain: it is an IP address, not a domain; render: 5 is not one of "on", "auto", "off", or an object with mode, browser, viewports, timeoutMs, settleMs, concurrency',
        ),
      },
      'beian.config.json',
    );
    expect(said.en).toContain('render: 5 is not one of "on", "auto", "off"');
  });
});
