// The fuzzing properties, written once in plain JavaScript so that both drivers share them:
// __tests__/fuzz/fuzz.test.ts runs them on the TypeScript sources with a fixed seed (a few hundred
// cases), scripts/fuzz.mjs on the built bundle (dist/action/index.js) for 100,000 cases or more.
// Both hand in the same functions (`api`), so the properties never depend on how they were loaded.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const ICP = '京ICP备2023012345号-1';
export const POLICE = '京公网安备11010502030143号';
export const SITE_NAME = '示例站点';

// ---------------------------------------------------------------------------------------------
// Generators: HTML-shaped text built from tokens a footer is made of, then damaged at random.

const TAGS = [
  'html', 'head', 'body', 'title', 'meta', 'footer', 'div', 'p', 'span', 'a', 'b', 'br', 'script', 'style',
  'noscript', 'template', 'iframe', 'svg', 'math', 'table', 'tr', 'td', 'ul', 'li', 'img', 'link', 'section',
  'header', 'main', 'font', 'textarea', 'xmp', 'plaintext', 'select', 'option', 'x-custom', 'A', 'FOOTER',
];

const NUMBERS = [
  ICP, '京ICP备2023012345号', '京ICP备2023012345号-2', '京ICP备2023012345-1号', '京ICP备2023012345号-1A', '京ICP备00000000号',
  '粤B2-20090059', '粤B2-20090059-5', '京ICP证030173号', 'ICP备2023012345号', '萌ICP备20230123号', '沪交ICP备20230123号',
  '京ＩＣＰ备２０２３０１２３４５号－１', '京 ICP 备 2023012345 号 - 1', '京ICP\u200b备2023012345号\u2011-1', '京ICP备',
  POLICE, '京公网安备110105020301号', '川公网安备 51010702001250号', '京公安备案号11010502030143', '公网安备', '京公网安备11010502030143号号',
  SITE_NAME, '示例 站点', '示例站', '©2024', '备案号：', 'ICP', 'B2-', '号', '-1',
];

const HREFS = [
  'https://beian.miit.gov.cn/', 'https://beian.miit.gov.cn', 'http://beian.miit.gov.cn/', 'https://www.beian.miit.gov.cn/',
  'https://beian.miit.gov.cn/#/Integrated/index', 'https://beian.miiit.gov.cn/', 'http://www.miitbeian.gov.cn/', 'javascript:void(0)',
  '#', '', 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143',
  'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030143', '/css/site.css', 'site.css?v=1#x',
  'https://beian.miit.gov.cn/\n', 'https://beian.miit.gov.cn/&#10;', 'https://beian.miit.gov.cn/\u001b[31m', '%E4%BA%AC', '%ZZ', '//cdn/x.css',
];

const STYLES = [
  'display:none', 'display: none !important', 'visibility:hidden', 'opacity:0', 'opacity:0.0', 'font-size:0px', 'text-indent:-9999px',
  'content-visibility:hidden', 'color:red', 'opacity:000000000x', ';;;:', 'display', '', 'position:absolute;left:-9999px',
];

const CSS = [
  '.hidden{display:none}', 'footer{visibility:hidden}', '@media print{footer{display:none}}', '@media all{.beian{opacity:0}}',
  '@media   screen   {#icp{font-size:0}}', 'a:hover{display:none}', 'a::before{display:none}', ':not(:not(p)){display:none}',
  'p > a ~ span + b{display:none}', '[href^="https"]{display:none}', '{', '}', '@media{', '/*', 'a{display:none', '\\', '@import "x.css";',
];

const CHARS = [
  ' ', '\n', '\r', '\r\n', '\t', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u0000', '\u0001', '\u001b', '\u001b[2J', '\u007f', '\u0085',
  '\u009b', '\u2028', '\u2029', '\u202e', '\u2066', '\ud800', '\udc00', '\ud83d\ude00', '\ufffd', '<', '>', '&', '"', "'", '=', '/', '-',
  '&amp;', '&lt;', '&#x4eac;', '&#20140;', '&#0;', '&#x1b;', '&#99999999;', '&nbsp;', '&copy', '&', '&#', '&#x', '<!--', '-->', ']]>',
];

const attrValue = fc.oneof(fc.constantFrom(...HREFS, ...STYLES), fc.string({ maxLength: 12 }));
const attr = fc.oneof(
  fc.tuple(fc.constantFrom('href', 'style', 'class', 'id', 'hidden', 'rel', 'charset', 'http-equiv', 'content', 'onclick', 'role', 'aria-hidden'), attrValue, fc.constantFrom('"', "'", ''))
    .map(([name, value, q]) => ` ${name}=${q}${q ? value.split(q).join('') : value.replace(/[\s>]/g, '')}${q}`),
  fc.constantFrom(' class="footer"', ' class="site-footer copyright"', ' id="beian"', ' role="contentinfo"', ' hidden', ' rel="stylesheet"', ' href', ' =', ' a=b=c', ' class="b"'),
);

const openTag = fc.tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 3 }), fc.constantFrom('>', '/>', '', ' >'))
  .map(([tag, attrs, end]) => `<${tag}${attrs.join('')}${end}`);
const closeTag = fc.constantFrom(...TAGS).map((tag) => `</${tag}>`);
const text = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...CHARS),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const token = fc.oneof(
  { weight: 4, arbitrary: openTag },
  { weight: 3, arbitrary: closeTag },
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(...CSS).map((css) => `<style>${css}</style>`) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBERS).map((n) => `<script>var f = "<footer>${n}</footer>";</script>`) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBERS).map((n) => `<!-- ${n} -->`) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...HREFS), fc.constantFrom(ICP, ICP, POLICE, ...NUMBERS), fc.constantFrom('footer', 'div', 'p', 'span'))
      .map(([href, n, tag]) => `<${tag} class="footer"><a href="${href}" target="_blank">${n}</a></${tag}>`),
  },
  // A run of one token: long runs are where super-linear work shows.
  { weight: 1, arbitrary: fc.tuple(fc.oneof(openTag, closeTag, text), fc.integer({ min: 2, max: 400 })).map(([t, n]) => t.repeat(n)) },
);

const SKELETONS = [
  ['', ''],
  [`<!doctype html><html><head><meta charset="utf-8"><title>${SITE_NAME}</title></head><body>`, '</body></html>'],
  [`<html><head><title>${SITE_NAME}`, ''],
  ['<body>', ''],
];

/** Damage to apply at a relative position: cut the text there, insert a token, delete a stretch, repeat a stretch. */
const mutation = fc.record({
  op: fc.constantFrom('cut', 'insert', 'delete', 'dup'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 0, max: 64 }),
  with: text,
});

function mutate(s, m) {
  const at = Math.floor(m.at * s.length);
  switch (m.op) {
    case 'cut':
      return s.slice(0, at);
    case 'insert':
      return s.slice(0, at) + m.with + s.slice(at);
    case 'delete':
      return s.slice(0, at) + s.slice(at + m.len);
    default:
      return s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len);
  }
}

export const htmlText = fc
  .tuple(fc.constantFrom(...SKELETONS), fc.array(token, { maxLength: 48 }), fc.array(mutation, { maxLength: 3 }))
  .map(([[head, tail], tokens, mutations]) => mutations.reduce(mutate, head + tokens.join('') + tail));

// ---------------------------------------------------------------------------------------------
// CSS-heavy pages (issue 17): the number inside deep, wide markup that many stylesheet rules could
// hide, in <style> elements and linked sheets (some linked many times), with the selector features
// whose cost grows with the tree (:has, :nth-*, :not/:is/:where, descendant chains) and the at-rules
// that decide whether a rule applies at all.

const CLASSES = ['a', 'b', 'c', 'footer', 'beian', 'copyright', 'x1', 'x2'];
const SIMPLE = fc.oneof(
  fc.constantFrom('div', 'p', 'a', 'span', 'footer', 'section', 'i', 'b', '*', 'body', 'html', ':root'),
  fc.constantFrom(...CLASSES).map((c) => `.${c}`),
  fc.constantFrom('#beian', '#icp', '[href]', '[href^="https"]', '[href*="miit"]', '[class~="b"]', '[id|="x"]', '[hidden]', '[style]'),
);
const PSEUDO = fc.constantFrom(
  ':first-child', ':last-child', ':only-child', ':empty', ':nth-child(2n+1)', ':nth-child(odd)', ':nth-last-child(3)', ':nth-of-type(2)',
  ':nth-child(-n+3 of .a)', ':not(.a)', ':not(:not(p))', ':is(div, p)', ':where(.b)', ':has(a)', ':has(> .beian)', ':has(+ p)', ':has(~ div a)',
  ':has(div div a)', ':hover', '::before', ':focus-within', ':lang(zh)', ':root', ':scope',
);
const COMPOUND = fc.tuple(SIMPLE, fc.array(PSEUDO, { maxLength: 2 })).map(([a, ps]) => a + ps.join(''));
const SELECTOR = fc
  .tuple(COMPOUND, fc.array(fc.tuple(fc.constantFrom(' ', ' > ', ' + ', ' ~ ', '  '), COMPOUND), { maxLength: 6 }))
  .map(([first, rest]) => first + rest.map(([c, x]) => c + x).join(''));
const DECLARATION = fc.constantFrom(...STYLES, 'display:none!important', 'color:red', 'margin:0', 'content:"}"', 'display: block', '--x: {a:b}');
const RULE = fc
  .tuple(fc.array(SELECTOR, { minLength: 1, maxLength: 3 }), fc.array(DECLARATION, { minLength: 1, maxLength: 3 }))
  .map(([sels, decls]) => `${sels.join(', ')}{${decls.join(';')}}`);
const AT = fc.constantFrom('@media all', '@media screen', '@media print', '@media (max-width: 600px)', '@media only screen and (min-width:1px)', '@supports (display:grid)', '@layer base', '@container (min-width: 1px)');
const BLOCK = fc.oneof(
  { weight: 6, arbitrary: RULE },
  { weight: 2, arbitrary: fc.tuple(AT, fc.array(RULE, { maxLength: 4 })).map(([at, rules]) => `${at}{${rules.join('')}}`) },
  { weight: 1, arbitrary: fc.tuple(AT, AT, RULE).map(([a, b, r]) => `${a}{${b}{${r}}}`) },
  { weight: 1, arbitrary: fc.constantFrom(...CSS, '@import url(other.css);', '@font-face{font-family:x}', '/* }{ */', '<!--', '-->', '@charset "utf-8";') },
  // The same rule many times over, as generated or minified sheets do.
  { weight: 1, arbitrary: fc.tuple(RULE, fc.integer({ min: 2, max: 300 })).map(([r, n]) => r.repeat(n)) },
);
const SHEET = fc.array(BLOCK, { maxLength: 60 }).map((blocks) => blocks.join('\n'));

/** Markup a rule can reach: a chain `depth` deep, `width` siblings around the footer, classes from CLASSES. */
const CSS_PAGE = fc
  .record({
    depth: fc.integer({ min: 0, max: 80 }),
    width: fc.integer({ min: 0, max: 300 }),
    number: fc.constantFrom(ICP, ICP, POLICE, ...NUMBERS),
    href: fc.constantFrom(...HREFS),
    wrapper: fc.constantFrom('footer', 'div', 'p', 'section'),
    classes: fc.array(fc.constantFrom(...CLASSES), { maxLength: 3 }),
    inline: fc.array(SHEET, { maxLength: 3 }),
    links: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 40 })), { maxLength: 3 }),
    sheets: fc.array(SHEET, { minLength: 3, maxLength: 3 }),
    mutations: fc.array(mutation, { maxLength: 2 }),
  })
  .map((c) => {
    const cls = c.classes.join(' ');
    const open = Array.from({ length: c.depth }, (_, i) => `<div class="${CLASSES[i % CLASSES.length]}">`).join('');
    const close = '</div>'.repeat(c.depth);
    const siblings = Array.from({ length: c.width }, (_, i) => `<p class="${CLASSES[(i * 7) % CLASSES.length]}"><i></i></p>`).join('');
    const links = c.links.flatMap(([sheet, times]) => Array.from({ length: times }, (_, n) => `<link rel="stylesheet" href="sheet-${sheet}.css?v=${n}">`)).join('');
    const styles = c.inline.map((css) => `<style>${css}</style>`).join('');
    const html =
      `<!doctype html><html><head><meta charset="utf-8"><title>${SITE_NAME}</title>${links}${styles}</head><body>` +
      `${open}${siblings}<${c.wrapper} class="${cls}" id="beian"><a href="${c.href}" target="_blank">${c.number}</a></${c.wrapper}>${close}</body></html>`;
    return { html: c.mutations.reduce(mutate, html), sheets: c.sheets };
  });

/** Bytes: encoded HTML, a committed legacy-encoding page, or raw bytes, each with bytes flipped, inserted or cut. */
function byteCases(seeds) {
  const byteMutation = fc.record({
    op: fc.constantFrom('set', 'insert', 'cut', 'prefix'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 6 }),
      fc.constantFrom(
        [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0x00, 0x00, 0x00], [0xc3], [0xe4, 0xba], [0x80], [0xff],
        [...Buffer.from('<meta charset="gbk">')], [...Buffer.from('<meta charset=big5>')], [...Buffer.from('<meta charset="utf-16">')],
        [...Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')], [...Buffer.from('<?xml version="1.0" encoding="gb18030"?>')],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x1f, 0x8b], [0x1b, 0x24, 0x42],
      ).map((a) => Uint8Array.from(a)),
    ),
  });
  const base = fc.oneof(
    htmlText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
    htmlText.map((t) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]))),
    ...(seeds.length > 0 ? [fc.constantFrom(...seeds)] : []),
    fc.uint8Array({ maxLength: 256 }),
  );
  return fc.tuple(base, fc.array(byteMutation, { maxLength: 4 })).map(([b, ms]) => {
    let out = b;
    for (const m of ms) {
      const at = Math.floor(m.at * out.length);
      if (m.op === 'set' && out.length > 0) {
        out = Uint8Array.from(out);
        out.set(m.bytes.subarray(0, Math.max(0, out.length - at)), Math.min(at, out.length - 1));
      } else if (m.op === 'insert') out = concat(out.subarray(0, at), m.bytes, out.subarray(at));
      else if (m.op === 'cut') out = out.subarray(0, at);
      else out = concat(m.bytes, out);
    }
    return out;
  });
}

function concat(...parts) {
  return new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
}

// ---------------------------------------------------------------------------------------------
// Checks on one case.

/** Line lengths as LineIndex counts them (\n, \r\n, a lone \r), in UTF-16 code units. */
export function lineLengths(source) {
  const out = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) continue;
    out.push(i - start);
    if (c === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  out.push(source.length - start);
  return out;
}

/** Every finding's start and end lie inside the file: line ≤ line count, column ≤ that line's length + 1. */
export function locationProblems(findings, source) {
  const lines = lineLengths(source);
  const problems = [];
  for (const f of findings) {
    for (const [line, column, what] of [[f.line, f.column, 'start'], [f.endLine, f.endColumn, 'end']]) {
      const length = lines[line - 1];
      if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1 || length === undefined || column > length + 1) {
        problems.push(`${f.ruleId}/${f.messageId} ${what} ${line}:${column} outside the file (${lines.length} lines, that line ${length} long)`);
      }
    }
    if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) problems.push(`${f.ruleId}/${f.messageId} ends before it starts`);
  }
  return problems;
}

/**
 * The shared setup: site rules for a few configurations, and the reporters that must give
 * byte-identical output for the same input. `api` is the sources or the bundle.
 */
export function createFuzzer(api, options) {
  const { tmpDir, seeds = [] } = options;
  const siteRoot = path.join(tmpDir, 'site');
  fs.mkdirSync(siteRoot, { recursive: true });
  const variants = [
    { scope: 'all', lang: 'zh-CN' },
    { scope: 'entry', lang: 'en', police: POLICE },
    { scope: 'all', lang: 'en', police: '京公网安备110105020301号', file: { miitLink: 'host', filing: 'enterprise', preapprovals: ['news'] } },
  ].map((v) => {
    const file = v.file
      ? { config: { sites: [{ root: siteRoot, icp: ICP, siteName: SITE_NAME, ...v.file }] }, path: path.join(tmpDir, 'beian.config.json') }
      : undefined;
    const config = api.resolveConfig(file, { root: siteRoot, icp: ICP, siteName: SITE_NAME, scope: v.scope, lang: v.lang, ...(v.police && { police: v.police }) }, tmpDir);
    const site = config.sites[0];
    return { config, site, rules: api.prepareSiteRules(site, api.siteFacts(site.config), config.lang) };
  });
  const docsUrl = api.releaseDocsUrl('0.0.0-fuzz');
  const stylesheets = new api.StylesheetCache(siteRoot);

  function outputs(findings, variant, pages) {
    // buildReport sorts in place: hand it a copy so two runs can be compared as given.
    const report = api.buildReport('0.0.0-fuzz', [...findings], [{ root: variant.site.rootDisplay, pages, skipped: 0 }], 0);
    const out = { json: api.formatJson(report) };
    if (api.formatSarif) out.sarif = api.formatSarif(report, { lang: variant.config.lang, docsUrl, cwd: tmpDir, repoRoot: tmpDir });
    return out;
  }

  function verify(findings, again, source, variant) {
    const problems = locationProblems(findings, source);
    if (problems.length > 0) throw new Error(`finding outside the file: ${problems.slice(0, 3).join('; ')}`);
    const first = outputs(findings, variant, 1);
    const second = outputs(again, variant, 1);
    for (const kind of Object.keys(first)) {
      if (first[kind] !== second[kind]) throw new Error(`${kind} output differs between two runs on the same input`);
    }
    JSON.parse(first.json);
    if (first.sarif) JSON.parse(first.sarif);
  }

  /** Text through the page model and every rule: checkPage twice, same bytes out. */
  function checkText(source, v, entry) {
    const variant = variants[v % variants.length];
    const input = { rel: 'index.html', file: 'site/index.html', entry, source };
    const findings = api.checkPage(input, variant.rules);
    verify(findings, api.checkPage(input, variant.rules), source, variant);
    return findings;
  }

  let n = 0;
  /** Bytes through checkFile (read, binary sniff, decode, page, rules): the path every built file takes. */
  async function checkBytes(bytes, v, entry) {
    const variant = variants[v % variants.length];
    const rel = `page-${n++ % 4}.html`;
    const abs = path.join(siteRoot, rel);
    fs.writeFileSync(abs, bytes);
    const job = { abs, rel, file: `site/${rel}`, entry };
    const rules = { ...variant.rules, severities: variant.site.severities };
    const findings = await api.checkFile(job, rules, stylesheets);
    const again = await api.checkFile(job, rules, stylesheets);
    const source = api.looksBinary(bytes) ? '' : api.decodeHtml(bytes).text;
    verify(findings, again, source, variant);
    return findings;
  }

  let sheetRun = 0;
  /**
   * A CSS-heavy page with its linked sheets on disk, through checkFile: the stylesheet cache, the
   * hiding rules and every other rule. Each case has its own folder, so no sheet of an earlier case
   * is read from the cache.
   */
  async function checkCss(page, v, entry) {
    const variant = variants[v % variants.length];
    const dir = path.join(siteRoot, `css-${sheetRun++ % 4}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    page.sheets.forEach((css, i) => fs.writeFileSync(path.join(dir, `sheet-${i}.css`), css));
    const abs = path.join(dir, 'index.html');
    fs.writeFileSync(abs, page.html);
    const rel = path.relative(siteRoot, abs).split(path.sep).join('/');
    const job = { abs, rel, file: `site/${rel}`, entry };
    const rules = { ...variant.rules, severities: variant.site.severities };
    const findings = await api.checkFile(job, rules, new api.StylesheetCache(siteRoot));
    const again = await api.checkFile(job, rules, new api.StylesheetCache(siteRoot));
    verify(findings, again, page.html, variant);
    return findings;
  }

  const caseArb = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('text'), text: htmlText, v: fc.nat(), entry: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('bytes'), bytes: byteCases(seeds), v: fc.nat(), entry: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('css'), page: CSS_PAGE, v: fc.nat(), entry: fc.boolean() }) },
  );

  /** Runs one case; throws on any broken property. Returns its time in ms for the slowest-case record. */
  async function runCase(c) {
    const t = performance.now();
    if (c.kind === 'text') checkText(c.text, c.v, c.entry);
    else if (c.kind === 'css') await checkCss(c.page, c.v, c.entry);
    else await checkBytes(c.bytes, c.v, c.entry);
    return performance.now() - t;
  }

  return { caseArb, runCase, checkText, checkBytes, checkCss };
}

/** The committed encoding fixtures: real GBK, Big5, GB18030, UTF-16 and broken bytes to mutate. */
export function readSeeds(root) {
  const dirs = ['fixtures/encoding', 'fixtures/hostile'].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  const out = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/\.html?$/i.test(name)) continue;
      const bytes = fs.readFileSync(path.join(dir, name));
      if (bytes.length <= 64 * 1024) out.push(new Uint8Array(bytes));
    }
  }
  return out;
}

/** The CSS-heavy pages on their own, for tests that look at what the generator reaches. */
export const cssPage = CSS_PAGE;
