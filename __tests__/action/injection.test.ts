import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoTokenLeak, unescapeCommand } from './expect.js';
import { makeWorkspace, requireBundle, runAction, startFakeGitHub, type FakeGitHub, type RunResult } from './harness.js';

const SITE = { icp: '粤ICP备2022012345号-1', 'site-name': '留言板', police: '粤公网安备44030502001234号', scope: 'all' };
/** A file name that tries the same tricks as the page text (Linux allows all of it). */
const EVIL_NAME = '@someone [x](http:%2F%2Fe) `b` <img src=x> ${{ secrets.X }}.html';
const NEWLINE_NAME = 'evil\n::warning::from-a-file-name.html';

let api: FakeGitHub | undefined;
let result: RunResult;

beforeAll(async () => {
  requireBundle();
  api = await startFakeGitHub();
  const workspace = makeWorkspace('action-injection');
  const page = path.join(workspace, 'public/index.html');
  fs.copyFileSync(page, path.join(workspace, 'public', EVIL_NAME));
  fs.copyFileSync(page, path.join(workspace, 'public', NEWLINE_NAME));
  result = await runAction({ workspace, api, inputs: SITE });
});
afterAll(async () => {
  await api?.close();
});

/** Checks a Markdown document we wrote around page text. */
function expectInertMarkdown(md: string): void {
  // HTML: only our own <br> and the hidden marker.
  expect(md.replace(/<br>|<!-- beian-guard:report key=beian\/check -->/g, '')).not.toContain('<');
  // No @mention: every @ is followed by a zero-width space or sits inside a code span.
  expect(md.replace(/`[^`\n]*`/g, '')).not.toMatch(/@[A-Za-z0-9]/);
  // No link or image but ours (rule docs and the run page).
  const foreignLinks = [...md.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]).filter((url) => !url!.startsWith('https://github.example.com/'));
  expect(foreignLinks).toEqual([]);
  expect(md).not.toContain('![');
  // Code spans hold nothing but our own values, URLs from the page and file locations without
  // markup characters (reporters/escape.ts mdPath).
  for (const [span] of md.matchAll(/`[^`\n]*`/g)) expect(span).toMatch(/^`(error|[0-9a-f]{7}|[a-z]+:\/\/[^\s`|<>{}]+|[^`|<>{}$@\\]+:\d+(?::\d+)?)`$/);
  // No expression, no workflow command at a line start, no stray CR, no closing of a <details>.
  expect(md).not.toContain('${{');
  expect(md.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  expect(md).not.toContain('\r');
  expect(md).not.toContain('</details>');
}

describe('page text cannot inject anything into the reports', () => {
  it('ran, failed on the findings and leaked no token', () => {
    expect(result.code).toBe(1);
    expect(result.outputs.passed).toBe('false');
    expectNoTokenLeak(result);
  });

  it('the PR comment shows the page text escaped', () => {
    const body = api!.comments[0]!.body;
    expectInertMarkdown(body);
    // The text is still there for a person to read.
    expect(body).toContain('&#64;\u200bsomeone');
    expect(body).toContain('&#60;img src=x&#62;');
    expect(body).toContain('&#60;/details&#62;');
    expect(body).toContain('&#96;tick&#96;');
    expect(body).toContain('&#36;&#123;&#123; secrets.X &#125;&#125;');
    expect(body).toContain('&#91;x&#93;(`http://e`)');
  });

  it('the job summary shows the page text escaped, file names included', () => {
    expectInertMarkdown(result.summary);
    expect(result.summary).toContain('public/&#64;\u200bsomeone &#91;x&#93;(http&#58;%2F%2Fe) &#96;b&#96; &#60;img src=x&#62; &#36;&#123;&#123; secrets.X &#125;&#125;.html');
    expect(result.summary).toContain('`public/evil ::warning::from-a-file-name.html:5:3`');
  });

  it('annotations carry the page text as data only', () => {
    // The page's own "::error title=pwned::" never became a command.
    expect(result.annotations.some((a) => a.properties.includes('pwned'))).toBe(false);
    expect(result.annotations.filter((a) => a.level === 'warning')).toEqual([]);
    const link = result.annotations.find((a) => a.properties.startsWith('title=icp-link'))!;
    // One physical line; the page's CR LF became a space, its literal %0A stays literal.
    expect(link.line).not.toContain('\r');
    expect(link.message).toContain('q=%250A ::error title=pwned::injected $\u200b{{ secrets.X }}');
    expect(unescapeCommand(link.message)).not.toContain('${{');
    const title = result.annotations.find((a) => a.properties.startsWith('title=title-site-name,file=public/index.html'))!;
    expect(title.message).toContain('::error::boom %250A $\u200b{{ secrets.X }}');
    // A file name with a line break is data in the file= property, never a second command.
    const fromName = result.annotations.filter((a) => a.properties.includes('evil'));
    for (const a of fromName) expect(a.properties).toContain('file=public/evil%0A%3A%3Awarning%3A%3Afrom-a-file-name.html');
  });

  it('the log prints the report only while workflow commands are paused', () => {
    const lines = result.stdout.split('\n');
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[stop]!.slice('::stop-commands::'.length);
    expect(token).toMatch(/^beian-guard-[0-9a-f-]{36}$/);
    const resume = lines.indexOf(`::${token}::`);
    expect(resume).toBeGreaterThan(stop);
    const inside = lines.slice(stop + 1, resume);
    const outside = [...lines.slice(0, stop), ...lines.slice(resume + 1)];
    // The terminal report (with the page's text) is inside the paused block...
    expect(inside.some((l) => l.includes('title=pwned'))).toBe(true);
    expect(inside.some((l) => l.includes('secrets.X'))).toBe(true);
    // ...and outside it only our own commands start a line.
    const commands = outside.filter((l) => l.startsWith('::')).map((l) => /^::([a-z-]+)/.exec(l)?.[1]);
    expect(new Set(commands)).toEqual(new Set(['add-mask', 'error']));
  });
});
