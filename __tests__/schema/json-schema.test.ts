/**
 * schema/beian.config.schema.json: committed fresh from the zod schema, accepting every config
 * example the project shows (fixtures and docs) and rejecting what `check` rejects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfigObject, resolveConfig } from '../../src/config/resolve.js';
import { SCHEMA_URL } from '../../src/init/config-file.js';
import { RULES } from '../../src/rules/index.js';
import { renderJsonSchema, SCHEMA_FILE } from '../../scripts/json-schema.js';
import { fences, markdownFiles, read, ROOT } from '../docs/markdown.js';

const committed = read(SCHEMA_FILE);
const schema = JSON.parse(committed) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** What `beian-guard check` says about a config object: undefined when it is accepted. */
function beianGuardVerdict(config: unknown): string | undefined {
  try {
    const parsed = parseConfigObject(config, 'example');
    resolveConfig({ config: parsed, path: path.join(ROOT, 'example.json') }, {}, ROOT);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

interface Example {
  readonly where: string;
  readonly value: unknown;
  /** Where its $schema should lead. */
  readonly schemaRef: 'url' | 'relative';
}

function fixtureConfigs(): Example[] {
  const out: Example[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (/^(beian\.config\.(json|ya?ml)|\.beianrc(\.json|\.ya?ml)?)$/.test(e.name)) {
        const text = fs.readFileSync(path.join(ROOT, child), 'utf8');
        out.push({ where: child, value: /\.ya?ml$/.test(e.name) ? parseYaml(text) : JSON.parse(text), schemaRef: 'relative' });
      }
    }
  };
  walk('fixtures');
  return out;
}

/** Config examples in the docs: JSON blocks that name a site or sites, and YAML blocks that point at the schema. */
function docConfigs(): Example[] {
  const out: Example[] = [];
  for (const file of markdownFiles()) {
    for (const block of fences(read(file))) {
      if (block.lang === 'json') {
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(block.body) as Record<string, unknown>;
        } catch (e) {
          // Other JSON (report excerpts) may be abridged; a config example may not.
          if (/"(\$schema|icp|siteName|sites)"\s*:/.test(block.body)) throw new Error(`${file}:${block.line}: config example is not valid JSON`, { cause: e });
          continue;
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        if ('$schema' in value || 'root' in value || 'icp' in value || 'sites' in value) out.push({ where: `${file}:${block.line}`, value, schemaRef: 'url' });
      } else if (block.lang === 'yaml' && block.body.startsWith('# yaml-language-server: $schema=')) {
        const value = parseYaml(block.body) as Record<string, unknown>;
        out.push({ where: `${file}:${block.line}`, value: { ...value, $schema: block.body.split('\n')[0]!.split('$schema=')[1] }, schemaRef: 'url' });
      }
    }
  }
  return out;
}

describe('the committed JSON Schema', () => {
  it('is what `npm run schema` generates from the zod schema now', () => {
    expect(committed, 'schema/beian.config.schema.json is stale: run "npm run schema"').toBe(renderJsonSchema());
  });

  it('completes rule ids: rules and ignore keys are the registry ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    const text = JSON.stringify(schema);
    const enums = [...text.matchAll(/"propertyNames":\{"enum":(\[[^\]]*\])\}/g)].map((m) => JSON.parse(m[1]!) as string[]);
    // rules and ignore, in both the single-site and the multi-site shape.
    expect(enums).toHaveLength(4);
    for (const e of enums) expect(e).toEqual(ids);
  });

  it('is shipped in the npm package', () => {
    const pkg = JSON.parse(read('package.json')) as { files: string[] };
    expect(pkg.files).toContain(path.dirname(SCHEMA_FILE));
    expect(SCHEMA_URL.endsWith(`/${SCHEMA_FILE}`)).toBe(true);
  });
});

describe('config examples', () => {
  const examples = [...fixtureConfigs(), ...docConfigs()];

  it('there are examples in fixtures and in the docs', () => {
    expect(examples.some((e) => e.schemaRef === 'relative')).toBe(true);
    expect(examples.filter((e) => e.schemaRef === 'url').length).toBeGreaterThan(20);
  });

  for (const example of examples) {
    it(`${example.where}: has $schema, and the schema and check both accept it`, () => {
      const value = example.value as Record<string, unknown>;
      if (example.schemaRef === 'url') expect(value.$schema).toBe(SCHEMA_URL);
      else {
        expect(typeof value.$schema, 'fixture configs point at the committed schema').toBe('string');
        expect(path.resolve(ROOT, path.dirname(example.where), value.$schema as string)).toBe(path.join(ROOT, SCHEMA_FILE));
      }
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      expect(beianGuardVerdict(value)).toBeUndefined();
    });
  }
});

const SITE = { root: 'public', icp: '京ICP备2023012345号-1', siteName: '示例技术笔记' };

describe('invalid configs: the schema rejects what check rejects', () => {
  const cases: [string, unknown][] = [
    ['a misspelt key', { ...SITE, sitename: '示例技术笔记' }],
    ['a missing icp', { root: 'public', siteName: '示例技术笔记' }],
    ['a blank siteName', { ...SITE, siteName: '   ' }],
    ['an unknown rule id', { ...SITE, rules: { 'icp-linkk': 'off' } }],
    ['an unknown rule id under ignore', { ...SITE, ignore: { 'title-sitename': ['about/**'] } }],
    ['a bad severity', { ...SITE, rules: { 'icp-link': 'fatal' } }],
    ['a bad filing', { ...SITE, filing: 'company' }],
    ['a bad miitLink', { ...SITE, miitLink: 'any' }],
    ['an unknown preapproval', { ...SITE, preapprovals: ['lottery'] }],
    ['too many workers', { ...SITE, workers: 65 }],
    ['a fractional worker count', { ...SITE, workers: 1.5 }],
    ['a zero size limit', { ...SITE, maxFileSizeMB: 0 }],
    ['an empty sites list', { sites: [] }],
    ['a site field next to sites', { sites: [SITE], root: 'public' }],
    ['an unknown key inside a site', { sites: [{ ...SITE, domain: 'example.cn' }] }],
    ['an unknown key in sources', { ...SITE, sources: { enable: false } }],
    ['a string where a list belongs', { ...SITE, exclude: 'drafts/**' }],
  ];
  for (const [name, config] of cases) {
    it(name, () => {
      expect(validate(config), `the JSON Schema accepted ${JSON.stringify(config)}`).toBe(false);
      expect(beianGuardVerdict(config), `check accepted ${JSON.stringify(config)}`).toBeDefined();
    });
  }

  it('accepts both shapes of a valid config', () => {
    for (const config of [{ ...SITE, $schema: SCHEMA_URL }, { $schema: SCHEMA_URL, failOn: 'warning', sites: [SITE, { ...SITE, root: 'docs' }] }]) {
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
      expect(beianGuardVerdict(config)).toBeUndefined();
    }
  });
});
