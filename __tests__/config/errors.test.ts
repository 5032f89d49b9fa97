import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { ERROR_MESSAGES } from '../../src/config/error-messages.js';
import { parseConfigObject, resolveConfig } from '../../src/config/resolve.js';

function caught(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('config errors in both languages', () => {
  it('names every problem of a config with its key path, in our own words', () => {
    const e = caught(() => parseConfigObject({ root: ' ', icp: 5, siteName: 'x', workers: 100, maxFileSizeMB: 0, filing: 'company', colour: 'red' }, 'c.json'));
    expect(e.id).toBe('config-invalid');
    expect(e.text('en')).toBe(
      'c.json: root: must not be empty; icp: expected a string; filing: expected one of "personal", "enterprise"; workers: must be at most 64; maxFileSizeMB: must be greater than 0; (top level): unknown key(s) "colour"',
    );
    expect(e.text('zh-CN')).toBe(
      'c.json: root：不能为空；icp：应为字符串；filing：应为 "personal"、"enterprise" 之一；workers：不能大于 64；maxFileSizeMB：必须大于 0；顶层：未知的字段 "colour"',
    );
    expect(e.message).toBe(e.text('en'));
  });

  it('says which field is missing in a site of a sites list', () => {
    const e = caught(() => parseConfigObject({ sites: [{ root: 'public', siteName: 'x' }] }, 'c.json'));
    expect(e.text('en')).toBe('c.json: sites[0].icp: missing (expected a string)');
    expect(e.text('zh-CN')).toBe('c.json: sites[0].icp：缺少这个字段（应为字符串）');
  });

  it('explains an invalid ICP number by its reason, in both languages', () => {
    const e = caught(() => resolveConfig(undefined, { root: '.', icp: '京ICP备2023012345-1号', siteName: 'x' }, process.cwd()));
    expect(e.text('en')).toBe('--icp: "京ICP备2023012345-1号" is not a valid ICP number: the site suffix goes after 号, as in 京ICP备2023012345号-1 (\'-N\' must follow \'号\')');
    expect(e.text('zh-CN')).toBe('--icp: "京ICP备2023012345-1号" 不是有效的 ICP 备案号：网站序号应写在“号”之后，如 京ICP备2023012345号-1');
  });

  it('keeps a plain-sentence error the same in every language', () => {
    const e = new InputError('something happened');
    expect(e.text('zh-CN')).toBe('something happened');
    expect(e.text('en')).toBe('something happened');
    expect(e.id).toBeUndefined();
  });

  it('has a text in every language for every message id, with the same placeholders', () => {
    for (const [id, texts] of Object.entries(ERROR_MESSAGES)) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(texts['zh-CN']), id).toEqual(names(texts.en));
      expect(texts['zh-CN'], id).toMatch(/[\u4e00-\u9fff]|^\{\w+\}$/);
    }
  });
});

describe('isInputError', () => {
  it('recognises an InputError from another bundle’s copy of the class, and nothing else', async () => {
    const { isInputError } = await import('../../src/config/errors.js');
    expect(isInputError(InputError.of('config-missing', {}, 'c.json'))).toBe(true);
    // What dist/check/'s own InputError class looks like to the CLI front: a different class, same brand.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('beian-guard.InputError')]: true });
    expect(isInputError(foreign)).toBe(true);
    expect(isInputError(new Error('x'))).toBe(false);
    expect(isInputError(undefined)).toBe(false);
  });
});
