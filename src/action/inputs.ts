import path from 'node:path';
import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { checkChoice, resolveConfig, validateIcp, validatePolice, type ResolvedConfig } from '../config/resolve.js';
import { CONTENT_SCOPES, SCOPES, type ContentScope, type Scope } from '../config/schema.js';
import { RENDER_MODES, type RenderMode } from '../config/render.js';
import { findSiteFolder, isDirectory, SITE_FOLDERS } from '../config/site-folders.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { FAIL_ON, FILINGS, type FailOn, type Filing } from '../model/index.js';
import { parseReportSpecs, type ReportSpec } from '../config/report-specs.js';
import { parseShard } from '../engine/shard.js';
import type { Shard } from '../model/index.js';

export const COMMENT_MODES = ['auto', 'always', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** check: the built folder before deploy; live: the deployed site (issue 15). */
export const COMMANDS = ['check', 'live'] as const;
export type Command = (typeof COMMANDS)[number];

export { SITE_FOLDERS };

/** The action's inputs after validation; empty inputs are absent so a config file can decide. */
export interface ActionInputs {
  readonly path?: string;
  readonly config?: string;
  readonly icp?: string;
  readonly police?: string;
  readonly siteName?: string;
  readonly scope?: Scope;
  readonly contentScope?: ContentScope;
  readonly failOn?: FailOn;
  readonly lang?: Lang;
  readonly comment: CommentMode;
  readonly command: Command;
  /** Keep one issue updated with the report (scheduled live runs); needs issues: write. */
  readonly issue: boolean;
  readonly render?: RenderMode;
  readonly browser?: string;
  readonly token: string;
  /** `working-directory`: where relative paths (config, site folder, report files) start; inside the workspace. */
  readonly workingDirectory?: string;
  readonly filing?: Filing;
  /** `merge`: JSON reports (paths or globs, one per line) to report on instead of checking. */
  readonly merge: readonly string[];
  /** `pull-request` and `head-sha`: the PR a workflow_run job reports on, and the commit it must still be at. */
  readonly pullRequest?: number;
  readonly headSha?: string;
  /** `reports`: one `format=path` per line, each written besides sarif-file and json-file. */
  readonly reports: readonly ReportSpec[];
  readonly sarifFile?: string;
  readonly jsonFile?: string;
  readonly commentFile?: string;
  /** Names this job's PR comment; empty: workflow and job names. */
  readonly commentKey?: string;
  /** `shard`: check one part of the pages (docs/shards.md); the merge job reports. */
  readonly shard?: Shard;
}

/** `core.getInput` or a stand-in: returns '' for an input that was not given. */
export type InputGetter = (name: string) => string;

/** How messages name an input, in each language. */
export function inputName(name: string): { 'zh-CN': string; en: string } {
  return { 'zh-CN': `输入 "${name}"`, en: `input "${name}"` };
}

function choice<T extends string>(get: InputGetter, name: string, allowed: readonly T[]): T | undefined {
  return checkChoice(allowed, get(name).trim(), inputName(name));
}

function text(get: InputGetter, name: string): string | undefined {
  const raw = get(name).trim();
  return raw === '' ? undefined : raw;
}

/** Reads and checks every input. Bad values are InputErrors naming the input. */
export function readInputs(get: InputGetter): ActionInputs {
  const comment = choice(get, 'comment', COMMENT_MODES) ?? 'auto';
  const shard = shardInput(get);
  const inputs: ActionInputs = {
    comment,
    command: choice(get, 'command', COMMANDS) ?? 'check',
    issue: (choice(get, 'issue', ['true', 'false'] as const) ?? 'false') === 'true',
    token: get('github-token').trim(),
    ...optional('path', text(get, 'path')),
    ...optional('config', text(get, 'config')),
    ...optional('icp', text(get, 'icp')),
    ...optional('police', text(get, 'police')),
    ...optional('siteName', text(get, 'site-name')),
    ...optional('scope', choice(get, 'scope', SCOPES)),
    ...optional('contentScope', choice(get, 'content-scope', CONTENT_SCOPES)),
    ...optional('failOn', choice(get, 'fail-on', FAIL_ON)),
    ...optional('lang', choice(get, 'lang', LANGS)),
    ...optional('workingDirectory', text(get, 'working-directory')),
    ...optional('filing', choice(get, 'filing', FILINGS)),
    reports: reportsInput(get),
    merge: lines(get('merge')),
    ...optional('pullRequest', pullRequestInput(get)),
    ...optional('headSha', headShaInput(get)),
    ...optional('sarifFile', text(get, 'sarif-file')),
    // A shard's JSON report is what the merge job needs: written even when json-file is not given.
    ...optional('jsonFile', text(get, 'json-file') ?? (shard && `beian-guard-shard-${shard.index}.json`)),
    ...optional('commentFile', text(get, 'comment-file')),
    ...optional('render', choice(get, 'render', RENDER_MODES)),
    ...optional('browser', text(get, 'browser')),
    ...optional('commentKey', text(get, 'comment-key')),
    ...optional('shard', shard),
  };
  if (shard && inputs.merge.length > 0) throw InputError.of('shard-not-with', { other: 'merge' }, inputName('shard'));
  if (shard && inputs.command === 'live') throw InputError.of('shard-not-with', { other: 'command: live' }, inputName('shard'));
  // Checked here so the message names the input rather than a CLI flag.
  if (inputs.icp) validateIcp(inputs.icp, inputName('icp'));
  if (inputs.police) validatePolice(inputs.police, inputName('police'));
  return inputs;
}

/** A multi-line input's lines, blank lines and `#` comments left out. */
function lines(value: string): string[] {
  return value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

function shardInput(get: InputGetter): Shard | undefined {
  const raw = get('shard').trim();
  return raw === '' ? undefined : parseShard(raw, inputName('shard'));
}

function pullRequestInput(get: InputGetter): number | undefined {
  const raw = get('pull-request').trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(n) || n < 1) throw InputError.of('pull-request-number', { value: raw }, inputName('pull-request'));
  return n;
}

function headShaInput(get: InputGetter): string | undefined {
  const raw = get('head-sha').trim();
  if (raw === '') return undefined;
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(raw)) throw InputError.of('head-sha-invalid', { value: raw }, inputName('head-sha'));
  return raw.toLowerCase();
}

/**
 * The `reports` input: one `format=path` per line (or comma-separated). Every report goes to a file:
 * the log already has the terminal report, and a `github` report printed there would annotate twice.
 */
function reportsInput(get: InputGetter): ReportSpec[] {
  const specs = parseReportSpecs(lines(get('reports')), inputName('reports'));
  const pathless = specs.find((s) => s.file === undefined);
  if (pathless) throw InputError.of('report-needs-path', { format: pathless.format }, inputName('reports'));
  return specs;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * The run configuration, resolved exactly as the CLI resolves it: a config file (named by
 * `config` or found in the workspace) with the inputs applied over it.
 */
export function resolveActionConfig(inputs: ActionInputs, workspace: string): ResolvedConfig {
  const configPath = inputs.config ?? findConfigFile(workspace);
  const file = configPath ? loadConfigFile(configPath, workspace, { found: inputs.config === undefined }) : undefined;

  let root = inputs.path;
  if (root !== undefined) {
    if (file && file.config.sites.length > 1) {
      throw InputError.of('path-many-sites', { config: path.relative(workspace, file.path) || file.path, count: file.config.sites.length }, inputName('path'));
    }
    if (!isDirectory(path.resolve(workspace, root))) throw InputError.of('path-missing', { root }, inputName('path'));
  } else if (!file) {
    root = findSiteFolder(workspace);
    if (root === undefined) throw InputError.of('no-path', { folders: SITE_FOLDERS.join(', ') });
  }
  if (!file && (!inputs.icp || !inputs.siteName)) {
    const missing = [!inputs.icp && '"icp"', !inputs.siteName && '"site-name"'].filter((x): x is string => typeof x === 'string');
    throw InputError.of('missing-inputs', { missing: { 'zh-CN': missing.join(' 和 '), en: missing.join(' and ') } });
  }
  return resolveConfig(
    file,
    {
      ...(root !== undefined && { root }),
      ...(inputs.icp !== undefined && { icp: inputs.icp }),
      ...(inputs.police !== undefined && { police: inputs.police }),
      ...(inputs.siteName !== undefined && { siteName: inputs.siteName }),
      ...(inputs.scope !== undefined && { scope: inputs.scope }),
      ...(inputs.contentScope !== undefined && { contentScope: inputs.contentScope }),
      ...(inputs.filing !== undefined && { filing: inputs.filing }),
      ...(inputs.failOn !== undefined && { failOn: inputs.failOn }),
      ...(inputs.lang !== undefined && { lang: inputs.lang }),
      ...(inputs.render !== undefined && { render: inputs.render }),
      ...(inputs.browser !== undefined && { browser: inputs.browser }),
    },
    workspace,
  );
}
