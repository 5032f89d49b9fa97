/**
 * Sharded checks (issue 20): `check --shard K/N` on each of N machines, then `merge`, must give the
 * unsharded run's report byte for byte (JSON and stylish) and its exit code, for N = 1..5 on the
 * fixture sites and on a larger site written here (skipped files, a missing homepage, an empty
 * site, a site whose only page lands outside shard 1). merge refuses what would not add up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn, wholeAndMerged } from '../helpers/shards.js';
import { shardOfPath } from '../../src/engine/shard.js';
import { cli } from '../hostile/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures');
const temps: string[] = [];

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-shards-'));
  temps.push(dir);
  return dir;
}

/** A copy of a fixture folder in a fresh temp folder (reports are written beside it). */
function copyOf(fixture: string): string {
  const dir = temp();
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  ignoreReports(dir);
  return dir;
}

/** Reports go to out/, which source mapping must not read as the sources of the next run's findings. */
function ignoreReports(dir: string): void {
  fs.appendFileSync(path.join(dir, '.gitignore'), '\nout/\n');
}

const FOOTER = (icp: string) => `<footer><a href="https://beian.miit.gov.cn/" target="_blank">${icp}</a></footer>`;

/**
 * A site of ~270 pages: the rule fixtures (fixtures/pages, every page with its findings), 100
 * generated pages with right and wrong footers, a file over the size limit, a binary one, a missing
 * homepage; a second site with no HTML at all, and a third whose one page is not an entry page.
 */
function largerSite(): string {
  const dir = temp();
  ignoreReports(dir);
  const site = path.join(dir, 'site');
  fs.cpSync(path.join(FIXTURES, 'demo/site'), site, { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'pages'), path.join(site, 'pages'), { recursive: true });
  for (let i = 0; i < 100; i++) {
    const icp = i % 3 === 0 ? '京ICP备2023012345号-1' : i % 3 === 1 ? '京ICP备2023012345号-9' : '沪ICP备2024000123号-2';
    const body = i % 7 === 0 ? '<p>本站提供网络赌博、六合彩投注和真人博彩。</p>' : `<p>第 ${i} 篇笔记。</p>`;
    const file = path.join(site, 'gen', String(i % 10), `p${i}.html`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>第 ${i} 篇 - 示例技术笔记</title></head><body>${body}${FOOTER(icp)}</body></html>\n`);
  }
  fs.writeFileSync(path.join(site, 'gen/huge.html'), `<!doctype html><title>x</title><p>${'很长的页面。'.repeat(40_000)}</p>`);
  fs.writeFileSync(path.join(site, 'gen/binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
  fs.mkdirSync(path.join(dir, 'empty'));
  fs.writeFileSync(path.join(dir, 'empty/readme.txt'), 'no pages here');
  // One page only, and not shard 1's under N = 2..5: shard 1 must still see that the site is not empty.
  const lonely = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((c) => `${c}/page.html`).find((rel) => [2, 3, 4, 5].every((n) => shardOfPath(rel, n) !== 1))!;
  expect(lonely, 'a path in no shard 1 for N = 2..5').toBeDefined();
  fs.mkdirSync(path.join(dir, 'lonely', path.dirname(lonely)), { recursive: true });
  fs.writeFileSync(path.join(dir, 'lonely', lonely), `<!doctype html><title>示例技术笔记</title><p>孤单的一页</p>${FOOTER('京ICP备2023012345号-1')}`);
  const common = { icp: '京ICP备2023012345号-1', police: '京公网安备11010502030143号', siteName: '示例技术笔记', scope: 'all' };
  fs.writeFileSync(
    path.join(dir, 'beian.config.json'),
    JSON.stringify({
      maxFileSizeMB: 0.1,
      lang: 'en',
      sites: [
        { ...common, root: 'site', homepages: ['en/index.html'] },
        { ...common, root: 'empty' },
        { ...common, root: 'lonely' },
      ],
    }),
  );
  return dir;
}

const SITES: readonly { name: string; make: () => string; args: readonly string[]; mergeArgs?: readonly string[] }[] = [
  { name: 'fixtures/demo (its config)', make: () => copyOf('demo'), args: [] },
  { name: 'fixtures/sites/action-many (every page read)', make: () => copyOf('sites/action-many'), args: ['--lang', 'en'], mergeArgs: ['--lang', 'en'] },
  { name: 'fixtures/sites/action-sources (source mapping on)', make: () => copyOf('sites/action-sources'), args: ['public', '--icp', '京ICP备2023012345号-1', '--site-name', '示例技术笔记', '--scope', 'all'] },
  { name: 'fixtures/sites/blog-post-ad (entry scope, content everywhere)', make: () => copyOf('sites/blog-post-ad'), args: [] },
  { name: 'a larger site with skipped files and three sites', make: largerSite, args: [] },
];

describe('a merged sharded check is the unsharded check', () => {
  for (const site of SITES) {
    it(`${site.name}: N = 1..5, JSON and stylish byte-identical, same exit code`, async () => {
      const cwd = site.make();
      let pages = -1;
      for (let n = 1; n <= 5; n++) {
        const { whole, merged, shards } = await wholeAndMerged(cwd, site.args, n, site.mergeArgs);
        expect(merged.json, `JSON, N = ${n}`).toBe(whole.json);
        expect(merged.stylish, `stylish, N = ${n}`).toBe(whole.stylish);
        expect(merged.code, `exit code, N = ${n}`).toBe(whole.code);
        // Every page in exactly one shard: the pages add up, and no file has findings in two shards.
        const total = JSON.parse(whole.json).summary.pages as number;
        expect(shards.reduce((sum, s) => sum + s.summary.pages, 0)).toBe(total);
        const owner = new Map<string, number>();
        shards.forEach((s, i) => {
          for (const f of s.findings) {
            expect(owner.get(f.file) ?? i, f.file).toBe(i);
            owner.set(f.file, i);
          }
        });
        pages = total;
      }
      expect(pages).toBeGreaterThan(0);
    });
  }

  it('the larger site gives work to every shard and reports its site-level findings once', async () => {
    const cwd = largerSite();
    const { whole, shards } = await wholeAndMerged(cwd, [], 4);
    const json = JSON.parse(whole.json) as { findings: { ruleId: string; messageId: string; file: string }[]; configHash: string };
    expect(shards.every((s) => s.summary.pages > 20)).toBe(true);
    // The missing homepage, the empty site, the skipped files: each once, all in shard 1 but the skipped pages'.
    const entryMissing = json.findings.filter((f) => f.ruleId === 'entry-missing').map((f) => `${f.messageId} ${f.file}`);
    expect(entryMissing.sort()).toEqual(['entry-missing empty/index.html', 'entry-missing lonely/index.html', 'entry-missing site/en/index.html', 'no-html empty']);
    expect(json.findings.filter((f) => f.ruleId === 'file-skipped').map((f) => f.file).sort()).toEqual(['site/gen/binary.html', 'site/gen/huge.html']);
    for (const s of shards.slice(1)) expect((s.findings as { ruleId: string; file: string }[]).filter((f) => f.ruleId === 'entry-missing').map((f) => f.file)).toEqual([]);
    expect(json.configHash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the shard report', () => {
  it('carries its shard and the config hash; the unsharded report has the hash only', async () => {
    const cwd = copyOf('sites/action-many');
    await runIn(cwd, ['check', '--shard', '2/3', '-f', 'json=out/s.json']);
    await runIn(cwd, ['check', '-f', 'json=out/w.json']);
    const shard = JSON.parse(fs.readFileSync(path.join(cwd, 'out/s.json'), 'utf8'));
    const whole = JSON.parse(fs.readFileSync(path.join(cwd, 'out/w.json'), 'utf8'));
    expect(Object.keys(shard).slice(0, 4)).toEqual(['version', 'shard', 'configHash', 'summary']);
    expect(shard.shard).toEqual({ index: 2, total: 3 });
    expect(shard.configHash).toBe(whole.configHash);
    expect(whole.shard).toBeUndefined();
  });

  it('a different config (another site name) hashes differently; workers and fail-on do not count', async () => {
    const cwd = copyOf('sites/action-many');
    const hash = async (...flags: string[]) => {
      await runIn(cwd, ['check', ...flags, '-f', 'json=out/h.json']);
      return JSON.parse(fs.readFileSync(path.join(cwd, 'out/h.json'), 'utf8')).configHash as string;
    };
    const base = await hash();
    expect(await hash('--workers', '0', '--fail-on', 'never')).toBe(base);
    expect(await hash('--site-name', '别的名字')).not.toBe(base);
    expect(await hash('--lang', 'en')).not.toBe(base);
  });
});

describe('--shard and GitLab parallel: variables', () => {
  it('rejects a bad --shard with exit 2 and a message naming the option, in both languages', async () => {
    const cwd = copyOf('sites/action-many');
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '2/4.5', '1/1001']) {
      const zh = await runIn(cwd, ['check', '--shard', bad]);
      expect(zh.code, bad).toBe(2);
      expect(zh.stderr).toContain(`--shard: "${bad}" 不是分片：写成 K/N`);
      const en = await runIn(cwd, ['check', '--lang', 'en', '--shard', bad]);
      expect(en.stderr).toContain(`--shard: "${bad}" is not a shard: write K/N with 1 ≤ K ≤ N ≤ 1000`);
    }
  });

  it('CI_NODE_INDEX and CI_NODE_TOTAL pick the shard and the log says so; --shard wins over them', async () => {
    const cwd = copyOf('sites/action-many');
    const env = { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3' };
    const byCi = await runIn(cwd, ['check', '--lang', 'en', '-f', 'json=out/ci.json'], env);
    expect(byCi.stderr).toContain('beian-guard: checking shard 2/3 of the pages (from CI_NODE_INDEX=2, CI_NODE_TOTAL=3)');
    await runIn(cwd, ['check', '--lang', 'en', '--shard', '2/3', '-f', 'json=out/flag.json']);
    expect(fs.readFileSync(path.join(cwd, 'out/ci.json'), 'utf8')).toBe(fs.readFileSync(path.join(cwd, 'out/flag.json'), 'utf8'));
    const flag = await runIn(cwd, ['check', '--lang', 'en', '--shard', '1/2', '-f', 'json=out/both.json'], env);
    expect(flag.stderr).toContain('checking shard 1/2 of the pages (from --shard); entry pages and site-wide findings are in this shard');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out/both.json'), 'utf8')).shard).toEqual({ index: 1, total: 2 });
  });

  it('checks every page when the variables are absent, partial or invalid, and names the ones it ignored', async () => {
    const cwd = copyOf('sites/action-many');
    await runIn(cwd, ['check', '--lang', 'en', '-f', 'json=out/whole.json']);
    const whole = fs.readFileSync(path.join(cwd, 'out/whole.json'), 'utf8');
    // A job without parallel: has CI_NODE_TOTAL=1 and no index: nothing to say.
    const plain = await runIn(cwd, ['check', '--lang', 'en', '-f', 'json=out/r.json'], { CI_NODE_TOTAL: '1' });
    expect(plain.stderr).not.toContain('shard');
    expect(fs.readFileSync(path.join(cwd, 'out/r.json'), 'utf8')).toBe(whole);
    for (const env of [{ CI_NODE_INDEX: '2' }, { CI_NODE_INDEX: '4', CI_NODE_TOTAL: '3' }, { CI_NODE_INDEX: 'x', CI_NODE_TOTAL: '3' }] as Record<string, string>[]) {
      const r = await runIn(cwd, ['check', '--lang', 'en', '-f', 'json=out/r.json'], env);
      expect(r.stderr).toContain(`beian-guard: not sharding (CI_NODE_INDEX=${env.CI_NODE_INDEX}, CI_NODE_TOTAL=${env.CI_NODE_TOTAL ?? ''} is not a valid K/N); checking every page`);
      expect(fs.readFileSync(path.join(cwd, 'out/r.json'), 'utf8')).toBe(whole);
    }
  });
});

describe('merge refuses reports that do not make one run', () => {
  /** Three shard reports of fixtures/sites/action-many in out/, plus the folder. */
  async function threeShards(): Promise<string> {
    const cwd = copyOf('sites/action-many');
    for (let k = 1; k <= 3; k++) await runIn(cwd, ['check', '--shard', `${k}/3`, '-f', `json=out/s${k}.json`]);
    return cwd;
  }
  const edit = (cwd: string, file: string, change: (json: Record<string, unknown>) => void): void => {
    const abs = path.join(cwd, file);
    const json = JSON.parse(fs.readFileSync(abs, 'utf8')) as Record<string, unknown>;
    change(json);
    fs.writeFileSync(abs, JSON.stringify(json, null, 2));
  };

  it('a missing shard: exit 2 naming its number', async () => {
    const cwd = await threeShards();
    const r = await runIn(cwd, ['merge', 'out/s1.json', 'out/s3.json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('beian-guard: shard 2 of 3 is missing (2 shard reports given); make sure every shard job uploaded its JSON report\n');
    const zh = await runIn(cwd, ['merge', 'out/s2.json']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('beian-guard: 缺少第 1, 3 片（共 3 片，只收到 1 份分片报告）；请确认每个分片任务都上传了 JSON 报告\n');
  });

  it('a duplicated shard: exit 2 naming both files', async () => {
    const cwd = await threeShards();
    fs.copyFileSync(path.join(cwd, 'out/s2.json'), path.join(cwd, 'out/again.json'));
    const r = await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json', 'out/s3.json', 'out/again.json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('beian-guard: shard 2/3 is given twice: out/s2.json and out/again.json\n');
    // The same file named twice is one file, not a duplicate.
    expect((await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json', 'out/s3.json', './out/s2.json', '-f', 'json=out/m.json'])).code).toBe(1);
  });

  it('mixed configurations, shard counts and versions: exit 2 naming the files', async () => {
    const cwd = await threeShards();
    await runIn(cwd, ['check', '--shard', '3/3', '--site-name', '别的名字', '-f', 'json=out/other-config.json']);
    const config = await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json', 'out/other-config.json', '--lang', 'en']);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^beian-guard: the reports come from different configurations: out\/s1\.json has config hash [0-9a-f]{16}, out\/other-config\.json has [0-9a-f]{16}; every shard must run with the same config and flags\n$/);

    await runIn(cwd, ['check', '--shard', '2/2', '-f', 'json=out/of-two.json']);
    const counts = await runIn(cwd, ['merge', 'out/s1.json', 'out/of-two.json', 'out/s3.json', '--lang', 'en']);
    expect(counts.code).toBe(2);
    expect(counts.stderr).toBe('beian-guard: the reports come from different shard counts: out/s1.json is shard 1/3, out/of-two.json is shard 2/2; merge the reports of one sharded run\n');

    edit(cwd, 'out/s3.json', (j) => (j.version = '0.0.1'));
    const version = await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json', 'out/s3.json', '--lang', 'en']);
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(/^beian-guard: the reports come from different versions of beian-guard: out\/s1\.json is [^,]+, out\/s3\.json is 0\.0\.1\n$/);
  });

  it('a shard mixed with a whole run, a forged shard field, a file that is not there: exit 2', async () => {
    const cwd = await threeShards();
    await runIn(cwd, ['check', '-f', 'json=out/whole.json']);
    const mixed = await runIn(cwd, ['merge', 'out/s1.json', 'out/whole.json', '--lang', 'en']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe('beian-guard: out/s1.json is shard 1/3 but out/whole.json is not a shard report; shard reports merge only with the other shards of their run\n');
    edit(cwd, 'out/s2.json', (j) => (j.shard = { index: 4, total: 3 }));
    const forged = await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json', 'out/s3.json', '--lang', 'en']);
    expect(forged.code).toBe(2);
    expect(forged.stderr).toContain('out/s2.json: not a beian-guard JSON report (shard is wrong)');
    const gone = await runIn(cwd, ['merge', 'out/nothing.json', '--lang', 'en']);
    expect(gone.stderr).toBe('beian-guard: cannot read out/nothing.json (ENOENT)\n');
    const none = await runIn(cwd, ['merge', '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('merge needs at least one JSON report');
  });

  it('still merges unsharded reports as before (separate runs put together)', async () => {
    const a = copyOf('sites/action-many');
    await runIn(a, ['check', '-f', 'json=out/one.json']);
    fs.cpSync(path.join(FIXTURES, 'sites/blog-post-ad/public'), path.join(a, 'blog'), { recursive: true });
    await runIn(a, ['check', 'blog', '--icp', '京ICP备2023012345号-1', '--site-name', '示例技术笔记', '-f', 'json=out/two.json']);
    const r = await runIn(a, ['merge', 'out/one.json', 'out/two.json', '-f', 'json=out/m.json']);
    expect(r.code).toBe(1);
    const one = JSON.parse(fs.readFileSync(path.join(a, 'out/one.json'), 'utf8'));
    const two = JSON.parse(fs.readFileSync(path.join(a, 'out/two.json'), 'utf8'));
    const m = JSON.parse(fs.readFileSync(path.join(a, 'out/m.json'), 'utf8'));
    expect(m.findings).toHaveLength(one.findings.length + two.findings.length);
    expect(m.sites.map((s: { root: string }) => s.root)).toEqual(['public', 'blog']);
    // Two configurations: the merged report claims neither.
    expect(m.configHash).toBeUndefined();
  });

  it('takes fail-on from the config file as check does, and --fail-on over it', async () => {
    const cwd = copyOf('sites/action-many');
    for (let k = 1; k <= 2; k++) await runIn(cwd, ['check', '--shard', `${k}/2`, '-f', `json=out/s${k}.json`]);
    expect((await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json', '-q'])).code).toBe(1);
    expect((await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json', '--fail-on', 'never'])).code).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(cwd, 'beian.config.json'), 'utf8'));
    fs.writeFileSync(path.join(cwd, 'beian.config.json'), JSON.stringify({ ...config, failOn: 'never' }));
    expect((await runIn(cwd, ['merge', 'out/s1.json', 'out/s2.json'])).code).toBe(0);
  });

  it('merge --help in both languages', async () => {
    const cwd = temp();
    expect((await runIn(cwd, ['merge', '--help'])).stdout).toContain('beian-guard merge <报告.json>... [选项]');
    expect((await runIn(cwd, ['merge', '--help', '--lang', 'en'])).stdout).toContain('Merges the JSON reports of a sharded check');
    expect((await runIn(cwd, ['--help'])).stdout).toContain('--shard K/N');
  });
});

describe('the built CLI (dist/cli.js)', () => {
  it('checks shards, merges them into the whole report, and names a missing shard', () => {
    const cwd = copyOf('sites/action-many');
    for (let k = 1; k <= 3; k++) expect(cli(['check', '--shard', `${k}/3`, '--no-source-map', '-f', `json=out/s${k}.json`], cwd).code).toBe(1);
    expect(cli(['check', '--no-source-map', '-f', 'json=out/whole.json'], cwd).code).toBe(1);
    const merged = cli(['merge', 'out/s3.json', 'out/s1.json', 'out/s2.json', '-f', 'json=out/merged.json'], cwd);
    expect(merged.code).toBe(1);
    expect(fs.readFileSync(path.join(cwd, 'out/merged.json'), 'utf8')).toBe(fs.readFileSync(path.join(cwd, 'out/whole.json'), 'utf8'));
    const missing = cli(['merge', 'out/s1.json', 'out/s3.json', '--lang', 'en'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('beian-guard: shard 2 of 3 is missing (2 shard reports given); make sure every shard job uploaded its JSON report\n');
    const byCi = cli(['check', '--no-source-map', '--lang', 'en', '-f', 'json=out/ci.json'], cwd, { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CI_NODE_INDEX: '3', CI_NODE_TOTAL: '3' } });
    expect(byCi.stderr).toContain('checking shard 3/3 of the pages (from CI_NODE_INDEX=3, CI_NODE_TOTAL=3)');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out/ci.json'), 'utf8')).shard).toEqual({ index: 3, total: 3 });
  });
});
