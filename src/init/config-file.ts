import { singleConfigSchema } from '../config/schema.js';
import { zodProblems } from '../config/resolve.js';

/**
 * Where editors fetch the schema for configs in users' repositories: the copy shipped in the npm
 * package (package.json "files" lists schema/), served by a CDN that is reachable from China.
 */
export const SCHEMA_URL = 'https://cdn.jsdelivr.net/npm/beian-guard@0/schema/beian.config.schema.json';

export interface ConfigValues {
  readonly root: string;
  readonly siteName: string;
  readonly icp: string;
  readonly police?: string;
  readonly filing: 'personal' | 'enterprise';
  /** The filed domains, for `beian-guard live`. */
  readonly domains?: readonly string[];
  /** The hosts live fetches on each domain, when not the default (the domain itself and www). */
  readonly hosts?: readonly string[];
}

/**
 * The config `init` writes, in the order a reader wants it. It is checked against the same zod
 * schema `check` and `live` use, so init can never write a file that either refuses to read.
 */
export function renderConfig(values: ConfigValues): string {
  const config = {
    $schema: SCHEMA_URL,
    root: values.root,
    siteName: values.siteName,
    icp: values.icp,
    ...(values.police !== undefined && { police: values.police }),
    filing: values.filing,
    ...(values.domains !== undefined && { domains: values.domains }),
    ...(values.hosts !== undefined && { live: { hosts: values.hosts } }),
  };
  const parsed = singleConfigSchema.safeParse(config);
  // Only a bug in init can get here: every value was validated or is a non-empty placeholder.
  if (!parsed.success) throw new Error(`init built an invalid config: ${zodProblems(parsed.error)}`);
  return `${JSON.stringify(config, null, 2)}\n`;
}
