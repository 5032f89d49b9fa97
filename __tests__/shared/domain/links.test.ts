/** The MIIT and police link classifiers on every link of the real-world corpus in ../shared/realworld. */
import { describe, it, expect } from 'vitest';
import { loadManifest as loadSharedManifest } from '../../helpers/shared.js';
import { classifyMiitHref, classifyPoliceHref } from '../../../src/domain/links.js';
import type { MiitLinkVerdict, PoliceLinkVerdict } from '../../../src/domain/links.js';
import { findPoliceNumbers } from '../../../src/domain/police.js';

interface ManifestEntry {
  file: string;
  tags: string[];
  icp_hrefs: (string | null)[];
  police_texts: string[];
  police_hrefs: (string | null)[];
}

function loadManifest(): ManifestEntry[] {
  return loadSharedManifest<ManifestEntry>();
}

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ');
}

/** Compact spelling of a verdict for tables: 'exact', 'inexact' or the problem id. */
function miit(v: MiitLinkVerdict): string {
  if (v.ok) return v.exact ? 'exact' : 'inexact';
  return v.problem;
}

function police(v: PoliceLinkVerdict): string {
  return v.ok ? 'ok' : v.problem;
}

describe('real-world footers (/work/shared/realworld)', () => {
  const manifest = loadManifest();

  // Every distinct ICP href in the corpus (trimmed) with its verdict under 'exact' and 'host'.
  const ICP_HREFS: Record<string, [string, string]> = {
    'https://beian.miit.gov.cn/': ['exact', 'exact'],
    'https://beian.miit.gov.cn': ['exact', 'exact'],
    'http://beian.miit.gov.cn': ['http', 'http'],
    'http://www.beian.miit.gov.cn/': ['www', 'www'],
    'http://www.beian.miit.gov.cn': ['www', 'www'],
    'http://www.beian.miit.gov.cn/state/outPortal/loginPortal.action': ['www', 'www'],
    'http://www.miitbeian.gov.cn/': ['legacy-host', 'legacy-host'],
    'https://beian.miit.gov.cn/#/Integrated/index': ['path', 'inexact'],
    'http://beian.miit.gov.cn/#/Integrated/recordQuery': ['http', 'http'],
    'http://beian.miit.gov.cn/publish/query/indexFirst.action': ['http', 'http'],
    'https://www.beian88.com/ensio.cn': ['other-host', 'other-host'],
    'https://www.weiney.com': ['other-host', 'other-host'],
    '#': ['placeholder', 'placeholder'],
    '#湘ICP备19028046号': ['placeholder', 'placeholder'],
    '': ['placeholder', 'placeholder'],
    'javascript:;': ['javascript', 'javascript'],
  };

  const icpHrefs = manifest.flatMap((e) =>
    e.icp_hrefs.filter((h): h is string => h !== null).map((href) => ({ file: e.file, href })),
  );

  it.each(icpHrefs)('$file ICP link $href', ({ href }) => {
    const expected = ICP_HREFS[href.trim()];
    expect(expected, `href not in the table: ${JSON.stringify(href)}`).toBeDefined();
    expect(miit(classifyMiitHref(href, 'exact'))).toBe(expected?.[0]);
    expect(miit(classifyMiitHref(href, 'host'))).toBe(expected?.[1]);
  });

  it('every table entry occurs in the corpus', () => {
    const seen = new Set(icpHrefs.map((h) => h.href.trim()));
    for (const key of Object.keys(ICP_HREFS)) expect(seen.has(key)).toBe(true);
  });

  // Police links: the corpus tags each page's link style; map the tag to the expected verdict.
  const TAG_VERDICT: Record<string, string> = {
    'police:new-link': 'ok',
    'police:legacy-link': 'legacy',
    'police:placeholder-link': 'missing',
    'police:third-party-link': 'other',
    'police:no-link': 'missing',
  };
  const policeLinks = manifest.flatMap((e) =>
    e.police_texts.map((text, i) => ({ file: e.file, text, href: e.police_hrefs[i] ?? null, tags: e.tags })),
  );

  it.each(policeLinks)('$file police link $href', ({ text, href, tags }) => {
    const digits = findPoliceNumbers(fold(text))[0]?.parsed.value?.digits ?? '';
    const tagged = tags.map((t) => TAG_VERDICT[t]).find((v) => v !== undefined);
    // A null href means no <a>, whatever else the page does.
    const expected = href === null ? 'missing' : tagged;
    expect(expected).toBeDefined();
    expect(police(classifyPoliceHref(href, digits))).toBe(expected);
  });
});
