/** Where init finds the numbers: parsed configs, merged theme settings, imports, built pages. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsConfig } from '../../src/init/generators/shared.js';
import { Project } from '../../src/init/project.js';
import { readDataTree } from '../../src/init/sources/data-files.js';
import { lstring, merge } from '../../src/init/sources/tree.js';
import { cloneFixture, init, interactiveInit, readJson, tempDir } from './helpers.js';

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

const ICP = '京ICP备2023041876号-1';
const a = (n: string) => `<a href="https://beian.miit.gov.cn/">${n}</a>`;

describe('JS and TS configs, read without running them', () => {
  it('follows a local import one level, with the key path, and no further', () => {
    const dir = tempDir();
    write(dir, {
      'config.mts': "import { footer } from './footer'\nexport default defineConfig({ title: 'T', themeConfig: { footer } })\n",
      'footer.ts': `import { deeper } from './deeper'\nexport const footer = { message: '${a(ICP)}', extra: deeper }\n`,
      'deeper.ts': "export const deeper = '沪ICP备2022011111号-2'\n",
    });
    const js = readJsConfig(new Project(dir), 'config.mts');
    expect(js.numbers.icp.map((f) => [f.value, f.file, f.key])).toEqual([[ICP, 'footer.ts', 'themeConfig.footer.message']]);
    expect(lstring(js.value, ['title'])?.value).toBe('T');
  });

  it('reads module.exports, satisfies, spreads, function wrappers and joined arrays', () => {
    const dir = tempDir();
    write(dir, {
      'a.js': `const base = { footer: { copyright: ['© 2024', '${ICP}'].join(' · ') } };\nmodule.exports = { ...base, title: 'A' };\n`,
      'b.ts': `export default defineConfig(async () => ({ outDir: './out/' } as const)) satisfies UserConfig;\n`,
    });
    const p = new Project(dir);
    const js = readJsConfig(p, 'a.js');
    expect(js.numbers.icp[0]).toMatchObject({ value: ICP, key: 'footer.copyright', line: 1 });
    expect(lstring(readJsConfig(p, 'b.ts').value, ['outDir'])?.value).toBe('./out/');
  });

  it('leaves what needs running code unknown, and still finds the literal numbers', () => {
    const dir = tempDir();
    write(dir, { 'c.mjs': `const icp = process.env.ICP || '${ICP}';\nexport default { footer: { message: icp + getPolice() } };\n// 京ICP备2019099999号-9 in a comment is not a literal\n` });
    const js = readJsConfig(new Project(dir), 'c.mjs');
    expect(js.numbers.icp.map((f) => [f.value, f.line])).toEqual([[ICP, 1]]);
  });

  it('falls back to reading lines when a file does not parse', () => {
    const dir = tempDir();
    write(dir, { 'broken.ts': `export default { footer: '${ICP}' \n` });
    expect(readJsConfig(new Project(dir), 'broken.ts').numbers.icp.map((f) => f.value)).toEqual([ICP]);
  });
});

describe('YAML and TOML configs', () => {
  it('Hugo keys are case-insensitive and TOML values get their lines', () => {
    const tree = readDataTree('hugo.toml', `title = "x"\n\n[params.footer]\ncustomText = '${a(ICP)}'\n`, { caseInsensitive: true });
    const value = lstring(tree, ['params', 'footer', 'customtext']);
    expect(value?.value).toContain(ICP);
  });

  it('a later config replaces a value and keeps the rest (the Hexo and Hugo merge)', () => {
    const base = readDataTree('a.yml', 'footer:\n  beian:\n    enable: false\n    icp: 京ICP证123456号\n  since: 2020\n');
    const over = readDataTree('b.yml', `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n`);
    const merged = merge(base, over);
    expect(lstring(merged, ['footer', 'beian', 'icp'])).toMatchObject({ value: ICP, src: { file: 'b.yml' } });
    expect(merged && merged.kind === 'map' && merged.entries.get('footer')?.value.kind).toBe('map');
  });

  it('reads YAML that Hexo reads leniently (a quoted string closed at the key’s indentation)', () => {
    const tree = readDataTree('_config.fluid.yml', `footer:\n  content: '\n    <a href="x">Hexo</a>\n  '\n  beian:\n    icp_text: ${ICP}\n`);
    expect(lstring(tree, ['footer', 'beian', 'icp_text'])?.value).toBe(ICP);
  });
});

describe('theme settings the user overrides', () => {
  it("Hexo: theme_config beats _config.<theme>.yml, which beats the theme's own defaults", async () => {
    const dir = cloneFixture('hexo');
    fs.rmSync(path.join(dir, '_config.next.yml'));
    write(dir, {
      'themes/next/_config.yml': 'footer:\n  beian:\n    enable: false\n    icp: 京ICP备12345678号\n',
      '_config.next.yml': 'footer:\n  beian:\n    enable: true\n    icp: 沪ICP备2022011111号-2\n',
    });
    fs.appendFileSync(path.join(dir, '_config.yml'), `\ntheme_config:\n  footer:\n    beian:\n      icp: ${ICP}\n`);
    const run = await init(dir, ['--yes']);
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe(ICP);
    expect(run.stdout).toContain(`${ICP}（_config.yml 中的 footer.beian.icp`);
    // The theme's sample number is overridden: not worth a word.
    expect(run.stdout).not.toContain('12345678');
    expect(run.stdout).not.toContain('沪ICP备2022011111号-2');
  });

  it("Hugo: a theme's placeholder is not mentioned, the site's number is used", async () => {
    const dir = cloneFixture('hugo');
    write(dir, { 'themes/demo/config.toml': '[params.footer]\nicp = "京ICP备00000000号"\n' });
    fs.writeFileSync(path.join(dir, 'hugo.toml'), fs.readFileSync(path.join(dir, 'hugo.toml'), 'utf8').replace(/^theme = .*$/m, 'theme = "demo"'));
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('00000000');
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe('京ICP备2023012345号-2');
  });

  it("but the user's own placeholder is worth a word", async () => {
    const dir = cloneFixture('hexo');
    fs.writeFileSync(path.join(dir, '_config.next.yml'), 'footer:\n  beian:\n    enable: true\n    icp: 京ICP备12345678号\n');
    const run = await init(dir, ['--yes']);
    expect(run.stdout).toContain('“京ICP备12345678号”不能直接使用（是占位号码）');
  });
});

describe('numbers that only the built site shows', () => {
  it('takes them from the entry page when the sources have none, and says so', async () => {
    const dir = cloneFixture('hexo');
    fs.rmSync(path.join(dir, '_config.next.yml'));
    write(dir, { 'public/index.html': `<!doctype html><html><head><title>山间小站</title></head><body><main>文章</main><footer>${a(ICP)} <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143">京公网安备11010502030143号</a></footer></body></html>` });
    const run = await init(dir, ['--yes']);
    expect(readJson(path.join(dir, 'beian.config.json'))).toMatchObject({ icp: ICP, police: '京公网安备11010502030143号' });
    expect(run.stdout).toContain(`源文件中没有找到ICP 备案号，${ICP} 取自构建结果 public/index.html 第 1 行`);
  });

  it('a plain site is read from its index.html, and its workflow has no build step', async () => {
    const dir = tempDir();
    write(dir, { 'index.html': `<!doctype html><html><head><title>小站</title></head><body><p>你好</p><footer>${a(ICP)}</footer></body></html>` });
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json'))).toMatchObject({ root: '.', siteName: '小站', icp: ICP });
    expect(fs.readFileSync(path.join(dir, '.github/workflows/beian.yml'), 'utf8')).not.toContain('build the site');
  });
});

describe('what only the user knows', () => {
  it('asks for the filing type on a terminal, after stating the company the footer names', async () => {
    const dir = cloneFixture('docusaurus-ts');
    const run = await interactiveInit(dir, ['', '', '', 'enterprise']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/页脚写着 云帆科技有限公司（[^）]+）：如果是单位备案，请选 enterprise。\n备案主体：/);
    expect(readJson(path.join(dir, 'beian.config.json')).filing).toBe('enterprise');
    expect(run.stdout).not.toContain('这是默认值');
  });

  it('explains the website number before asking for it, and accepts an entity number with a remark', async () => {
    const dir = cloneFixture('hexo');
    const run = await interactiveInit(dir, ['', '浙ICP备2022012345号', '', 'personal'], ['--lang', 'en']);
    expect(run.stdout).toContain('The website number is the entity number plus the site suffix');
    expect(run.prompts[1]).toContain('Website filing number (with -N)');
    // The police number was found: Enter keeps it, so the prompt does not also say "leave empty".
    expect(run.prompts[2]).toBe('Public-security number, e.g. 京公网安备11010502030143号 (Enter keeps 浙公网安备33010602012345号): ');
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe('浙ICP备2022012345号');
    expect(run.stdout).toContain('浙ICP备2022012345号 is an entity number (no -N); the check accepts it');
  });

  it('--filing sets it without a question or a remark', async () => {
    const dir = cloneFixture('docusaurus-ts');
    const run = await init(dir, ['--yes', '--filing', 'enterprise']);
    expect(readJson(path.join(dir, 'beian.config.json')).filing).toBe('enterprise');
    expect(run.stdout).toContain('备案主体：enterprise（单位）（命令行参数）');
    expect(run.stdout).not.toContain('页脚写着');
  });

  it('with --yes the default is listed for the user to confirm, with the company hint', async () => {
    const dir = cloneFixture('docusaurus-ts');
    const run = await init(dir, ['--yes', '--lang', 'en']);
    expect(run.stdout).toContain('Filed by is written as personal (a person), the default');
    expect(run.stdout).toContain('The footer names 云帆科技有限公司');
  });
});

describe('every message in the chosen language', () => {
  it('English summary, help and errors', async () => {
    const dir = cloneFixture('vitepress');
    const run = await init(dir, ['--yes', '--lang', 'en']);
    // Only the user's own values are Chinese: the site name and the numbers.
    const config = readJson(path.join(dir, 'beian.config.json')) as Record<string, string>;
    let text = run.stdout;
    for (const v of [config.siteName!, config.icp!, config.police!]) text = text.split(v).join('');
    expect(text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g)).toBeNull();
    expect(run.stdout).toContain('Next steps');
    expect((await init(dir, ['--lang', 'en', '--help'])).stdout).toContain('Options:');
    expect((await init(dir, ['--lang', 'en', '--bogus'])).stderr).toBe('beian-guard: init: unknown option --bogus; run beian-guard init --help for the options\n');
    expect((await init(dir, ['--bogus'])).stderr).toBe('beian-guard: init: 不认识的选项 --bogus；运行 beian-guard init --help 查看全部选项\n');
    expect((await init(dir, ['--icp'])).stderr).toBe('beian-guard: init: --icp 后面缺少值\n');
  });
});

describe('configs built to explode', () => {
  it('a YAML alias bomb (read by the lenient parser) and self-multiplying JS constants end in bounded time', async () => {
    const dir = cloneFixture('hexo');
    // Refused by the strict parser (a quoted string closed at its key's indentation, as Fluid
    // writes it), so the lenient one reads it, where aliases stay shared objects.
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    fs.writeFileSync(path.join(dir, '_config.next.yml'), `${levels.join('\n')}\nfooter:\n  content: '\n    <a>x</a>\n  '\n  beian:\n    icp: ${ICP}\n`);
    write(dir, { 'bomb.mjs': `const a = ['${ICP}'];\n${Array.from({ length: 30 }, (_, i) => `const x${i + 1} = [${i === 0 ? 'a, a' : `x${i}, x${i}`}];`).join('\n')}\nexport default { footer: x30 };\n` });
    // Without the budgets these walk 9^9 and 2^30 values: the test's timeout turns that into a failure.
    const run = await init(dir, ['--yes']);
    expect(run.code).toBe(0);
    expect(readJson(path.join(dir, 'beian.config.json')).icp).toBe(ICP);
    expect(readJsConfig(new Project(dir), 'bomb.mjs').numbers.icp.map((f) => f.value)).toContain(ICP);
  });
});
