/** docs/configuration.md documents every field the zod schema accepts, in both languages. */
import { describe, expect, it } from 'vitest';
import { multiConfigSchema, siteSchema, sourcesSchema } from '../../src/config/schema.js';
import { read } from './markdown.js';

const text = read('docs/configuration.md');
const [zh = '', en = ''] = text.split('\n## English\n');

describe('docs/configuration.md', () => {
  const fields = [
    ...Object.keys(siteSchema.shape),
    ...Object.keys(multiConfigSchema.shape).filter((k) => k !== 'sites'),
    ...Object.keys(sourcesSchema.shape),
    'sites',
  ];
  for (const field of new Set(fields)) {
    it(`documents \`${field}\` in Chinese and in English`, () => {
      expect(zh).toContain(`\`${field}\``);
      expect(en).toContain(`\`${field}\``);
    });
  }
});
