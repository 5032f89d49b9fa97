import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { InputError } from '../config/errors.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig, validateIcp, validatePolice, type ResolvedConfig } from '../config/resolve.js';
import { failOnSchema, langSchema, scopeSchema, type Scope } from '../config/schema.js';
import type { Lang } from '../i18n/lang.js';
import type { FailOn } from '../model/index.js';

export const COMMENT_MODES = ['auto', 'always', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** Where a site usually is after the common generators build (Hugo, Vite, Jekyll, Next, CRA, VitePress). */
export const SITE_FOLDERS = ['public', 'dist', '_site', 'out', 'build', 'docs/.vitepress/dist'] as const;

/** The action's inputs after validation; empty inputs are absent so a config file can decide. */
export interface ActionInputs {
  readonly path?: string;
  readonly config?: string;
  readonly icp?: string;
  readonly police?: string;
  readonly siteName?: string;
  readonly scope?: Scope;
  readonly failOn?: FailOn;
  readonly lang?: Lang;
  readonly comment: CommentMode;
  readonly token: string;
  readonly sarifFile?: string;
  readonly jsonFile?: string;
  readonly commentFile?: string;
  /** Names this job's PR comment; empty: workflow and job names. */
  readonly commentKey?: string;
}

/** `core.getInput` or a stand-in: returns '' for an input that was not given. */
export type InputGetter = (name: string) => string;

function choice<T extends string>(get: InputGetter, name: string, schema: z.ZodType<T>, allowed: readonly string[]): T | undefined {
  const raw = get(name).trim();
  if (raw === '') return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InputError(`input "${name}": "${raw}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return parsed.data;
}

function text(get: InputGetter, name: string): string | undefined {
  const raw = get(name).trim();
  return raw === '' ? undefined : raw;
}

/** Reads and checks every input. Bad values are InputErrors naming the input. */
export function readInputs(get: InputGetter): ActionInputs {
  const comment = get('comment').trim() || 'auto';
  if (!(COMMENT_MODES as readonly string[]).includes(comment)) {
    throw new InputError(`input "comment": "${comment}" is not one of ${COMMENT_MODES.map((m) => `"${m}"`).join(', ')}`);
  }
  const inputs: ActionInputs = {
    comment: comment as CommentMode,
    token: get('github-token').trim(),
    ...optional('path', text(get, 'path')),
    ...optional('config', text(get, 'config')),
    ...optional('icp', text(get, 'icp')),
    ...optional('police', text(get, 'police')),
    ...optional('siteName', text(get, 'site-name')),
    ...optional('scope', choice(get, 'scope', scopeSchema, scopeSchema.options)),
    ...optional('failOn', choice(get, 'fail-on', failOnSchema, failOnSchema.options)),
    ...optional('lang', choice(get, 'lang', langSchema, langSchema.options)),
    ...optional('sarifFile', text(get, 'sarif-file')),
    ...optional('jsonFile', text(get, 'json-file')),
    ...optional('commentFile', text(get, 'comment-file')),
    ...optional('commentKey', text(get, 'comment-key')),
  };
  // Checked here so the message names the input rather than a CLI flag.
  if (inputs.icp) validateIcp(inputs.icp, 'input "icp"');
  if (inputs.police) validatePolice(inputs.police, 'input "police"');
  return inputs;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
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
      throw new InputError(
        `input "path": ${path.relative(workspace, file.path) || file.path} lists ${file.config.sites.length} sites; path can only replace the root of a single site (remove path, or set each root in the config)`,
      );
    }
    if (!isDirectory(path.resolve(workspace, root))) throw new InputError(`input "path": the folder "${root}" does not exist in the workspace (has the site been built in an earlier step?)`);
  } else if (!file) {
    root = SITE_FOLDERS.find((candidate) => isDirectory(path.join(workspace, candidate)));
    if (root === undefined) {
      throw new InputError(`input "path" is empty and none of ${SITE_FOLDERS.join(', ')} exists in the workspace; set path to the folder of the built site`);
    }
  }
  if (!file && (!inputs.icp || !inputs.siteName)) {
    const missing = [!inputs.icp && '"icp"', !inputs.siteName && '"site-name"'].filter(Boolean).join(' and ');
    throw new InputError(`missing input ${missing}: without a config file (input "config", or beian.config.json in the repository) the action needs icp and site-name`);
  }
  return resolveConfig(
    file,
    {
      ...(root !== undefined && { root }),
      ...(inputs.icp !== undefined && { icp: inputs.icp }),
      ...(inputs.police !== undefined && { police: inputs.police }),
      ...(inputs.siteName !== undefined && { siteName: inputs.siteName }),
      ...(inputs.scope !== undefined && { scope: inputs.scope }),
      ...(inputs.failOn !== undefined && { failOn: inputs.failOn }),
      ...(inputs.lang !== undefined && { lang: inputs.lang }),
    },
    workspace,
  );
}
