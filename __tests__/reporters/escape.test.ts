import { describe, expect, it } from 'vitest';
import { mdPath, mdText, mdUrl, oneLine, plainText } from '../../src/reporters/escape.js';

const ZWSP = '\u200b';

describe('mdText: page text as inert inline Markdown', () => {
  it.each([
    ['@someone', `&#64;${ZWSP}someone`],
    ['mail me: a@b.example', `mail me&#58; a&#64;${ZWSP}b.example`],
    ['[x](http://e)', '&#91;x&#93;(`http://e`)'],
    ['![i](http://e)', '&#33;&#91;i&#93;(`http://e`)'],
    ['<img src=x>', '&#60;img src=x&#62;'],
    ['</details>', '&#60;/details&#62;'],
    ['`tick`', '&#96;tick&#96;'],
    ['::error::boom', '&#58;&#58;error&#58;&#58;boom'],
    ['${{ secrets.X }}', '&#36;&#123;&#123; secrets.X &#125;&#125;'],
    ['a | b', 'a &#124; b'],
    ['*bold* _em_ ~~s~~', '&#42;bold&#42; &#95;em&#95; &#126;&#126;s&#126;&#126;'],
    ['# not a heading', '&#35; not a heading'],
    ['&amp;', '&#38;amp;'],
    ['back\\slash', 'back&#92;slash'],
    ['line\r\nbreak\ttab', 'line break tab'],
    ['bell\u0007 rtl\u202eevil', 'bell&#92;u0007 rtl&#92;u202eevil'],
    ['备案号 京ICP备2023012345号-1', '备案号 京ICP备2023012345号-1'],
  ])('%j -> %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it('shows URLs as code so GitHub does not link them, keeping sentence punctuation outside', () => {
    expect(mdText('see http://www.beian.miit.gov.cn/, then www.example.com.')).toBe('see `http://www.beian.miit.gov.cn/`, then `www.example.com`.');
    expect(mdText('(http://e/a(b)c)')).toBe('(`http://e/a(b)c`)');
    expect(mdText('https://beian.mps.gov.cn/#/query/webSearch?code=1')).toBe('`https://beian.mps.gov.cn/#/query/webSearch?code=1`');
  });

  it('ends a URL at characters that would break out of a code span or a table cell', () => {
    expect(mdText('http://e/`x`|y<z>{{a}}')).toBe('`http://e/`&#96;x&#96;&#124;y&#60;z&#62;&#123;&#123;a&#125;&#125;');
    expect(mdText('http://e/${{ secrets.X }}')).toBe('`http://e/$`&#123;&#123; secrets.X &#125;&#125;');
  });

  it('never emits a raw character that opens Markdown or HTML syntax, for any input', () => {
    const nasty = '<>[]!`*_~|\\#{}$:@&\r\n';
    let sample = '';
    for (let i = 0; i < 400; i++) sample += nasty[(i * 7) % nasty.length];
    const out = mdText(sample).replace(/&#\d+;/g, '');
    expect(out).not.toMatch(/[<>[\]!`*_~|\\#{}$:@&\r\n]/);
  });
});

describe('plainText and oneLine: text for annotations and the log', () => {
  it('keeps text readable but on one line and without hidden controls', () => {
    expect(oneLine('a\r\n::error::b\u0085c')).toBe('a ::error::b c');
    expect(oneLine('\u001b[31mred')).toBe('\\u001b[31mred');
    expect(plainText('x ${{ secrets.X }} y')).toBe(`x $${ZWSP}{{ secrets.X }} y`);
    expect(plainText('%0A stays literal; core escapes the percent sign')).toBe('%0A stays literal; core escapes the percent sign');
  });
});

describe('mdUrl', () => {
  it('keeps our own link targets from ending early', () => {
    expect(mdUrl('https://ghe.example.com/o/r (fork)/blob/v1/docs/rules/icp-link.md')).toBe('https://ghe.example.com/o/r%20%28fork%29/blob/v1/docs/rules/icp-link.md');
  });
});

describe('mdPath: file paths as one code span (issue 13)', () => {
  it.each([
    // Read as a URL by mdText, this became http-`www.html`.
    ['fixtures/pages/icp-link/http-www.html:10:14', '`fixtures/pages/icp-link/http-www.html:10:14`'],
    ['public/#1/*a*_b.html:1', '`public/#1/*a*_b.html:1`'],
    ['public/evil ::warning::x.html:5:3', '`public/evil ::warning::x.html:5:3`'],
    // Characters that do not belong in a span: escaped as page text, autolinks broken.
    ['odd`name.html:3', 'odd&#96;name.html&#58;3'],
    ['public/@me <b> ${{ x }}.html:1', 'public/&#64;\u200bme &#60;b&#62; &#36;&#123;&#123; x &#125;&#125;.html&#58;1'],
    ['www.$x.html', 'www\u200b.&#36;x.html'],
    ['a\nb.html', '`a b.html`'],
  ])('%j → %j', (input, expected) => {
    expect(mdPath(input)).toBe(expected);
  });
});
