/**
 * The JSON Schema of beian.config.json, derived from the zod schema so the two cannot drift.
 * Editors use it for completion and inline errors; `npm run schema` writes it to schema/ and a
 * test fails when the committed file is stale.
 */
import * as z from 'zod/mini';
import { multiConfigSchema, singleConfigSchema } from '../src/config/schema.js';
import { RULES } from '../src/rules/index.js';

/** Where the schema is committed and shipped (package.json "files" lists schema/). */
export const SCHEMA_FILE = 'schema/beian.config.schema.json';

type Json = { [key: string]: unknown };

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Brings the generated schema closer to what zod and resolve.ts accept. zod keeps rule ids as
 * free strings (resolve.ts checks them against the registry, with a "did you mean"); in the JSON
 * Schema they become an enum so editors can complete them.
 */
function refine(node: unknown, ids: readonly string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) refine(item, ids);
    return;
  }
  if (!isObject(node)) return;
  // zod trims before checking min(1): a blank string is as empty to it as "" is.
  if (node.type === 'string' && node.minLength === 1 && node.pattern === undefined) node.pattern = '\\S';
  const props = node.properties;
  if (isObject(props)) {
    for (const key of ['rules', 'ignore']) {
      const field = props[key];
      if (isObject(field) && field.type === 'object') field.propertyNames = { enum: [...ids] };
    }
  }
  for (const value of Object.values(node)) refine(value, ids);
}

export function buildJsonSchema(): Json {
  // `io: 'input'`: fields with defaults (filing, miitLink…) are optional in the file.
  const generated = z.toJSONSchema(z.union([singleConfigSchema, multiConfigSchema]), { target: 'draft-7', io: 'input' }) as Json;
  refine(generated, RULES.map((r) => r.meta.id));
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'beian-guard configuration',
    description:
      'beian-guard 配置：一个站点（root、icp、siteName 写在顶层）或多个站点（sites 数组）。 / One site at the top level (root, icp, siteName) or several under "sites".',
    ...rest,
  };
}

/** The exact bytes of the committed file. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
