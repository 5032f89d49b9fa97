import { describe, it, expect } from 'vitest';
import {
  MIIT_URL,
  classifyMiitHref,
  classifyPoliceHref,
  policeUrl,
} from '../../src/domain/links.js';
import type { MiitLinkVerdict, PoliceLinkVerdict } from '../../src/domain/links.js';
import { findPoliceNumbers } from '../../src/domain/police.js';

// ---------------------------------------------------------------------------------------------
// helpers

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

function timed<T>(fn: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = fn();
  return { result, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------

describe('classifyMiitHref', () => {
  // [href, verdict under 'exact', verdict under 'host']
  const cases: [string | null | undefined, string, string][] = [
    // the exact link (§3.3), with and without slash, whitespace, host case
    ['https://beian.miit.gov.cn/', 'exact', 'exact'],
    ['https://beian.miit.gov.cn', 'exact', 'exact'],
    ['  https://beian.miit.gov.cn/\n', 'exact', 'exact'],
    ['HTTPS://BEIAN.MIIT.GOV.CN/', 'exact', 'exact'],
    // http on the right host: error by default, caller's warning under 'host'
    ['http://beian.miit.gov.cn/', 'http', 'http'],
    ['http://beian.miit.gov.cn', 'http', 'http'],
    ['//beian.miit.gov.cn/', 'http', 'http'],
    ['http://beian.miit.gov.cn/#/Integrated/recordQuery', 'http', 'http'],
    ['http://beian.miit.gov.cn/publish/query/indexFirst.action', 'http', 'http'],
    // www and legacy hosts (§3.3 host history)
    ['http://www.beian.miit.gov.cn/', 'www', 'www'],
    ['https://www.beian.miit.gov.cn/', 'www', 'www'],
    ['http://www.beian.miit.gov.cn/state/outPortal/loginPortal.action', 'www', 'www'],
    ['http://www.miitbeian.gov.cn/', 'legacy-host', 'legacy-host'],
    ['https://miitbeian.gov.cn', 'legacy-host', 'legacy-host'],
    ['http://www.miibeian.gov.cn/', 'legacy-host', 'legacy-host'],
    // deep links, query, fragment: only the relaxed policy accepts them
    ['https://beian.miit.gov.cn/#/Integrated/index', 'path', 'inexact'],
    ['https://beian.miit.gov.cn/#/Integrated/recordQuery', 'path', 'inexact'],
    ['https://beian.miit.gov.cn/?from=footer', 'path', 'inexact'],
    ['https://beian.miit.gov.cn/?', 'path', 'inexact'],
    ['https://beian.miit.gov.cn/#', 'path', 'inexact'],
    ['https://beian.miit.gov.cn/index', 'path', 'inexact'],
    // look-alikes
    ['https://beian.miit.gov.cn.evil.com/', 'lookalike', 'lookalike'],
    ['https://beian-miit.gov.cn/', 'lookalike', 'lookalike'],
    ['https://beian.mitt.gov.cn/', 'lookalike', 'lookalike'],
    ['https://beian.miit.gov.com/', 'lookalike', 'lookalike'],
    ['https://beianmiit.cn/', 'lookalike', 'lookalike'],
    ['https://beian.miit.gov.cn@evil.com/', 'lookalike', 'lookalike'],
    ['https://beian.miit.gov.cn./', 'lookalike', 'lookalike'],
    // other hosts, including the MPS site (a common theme bug) and the ministry's home page
    ['https://beian.gov.cn/', 'other-host', 'other-host'],
    ['https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143', 'other-host', 'other-host'],
    ['https://www.miit.gov.cn/', 'other-host', 'other-host'],
    ['https://icp.chinaz.com/', 'other-host', 'other-host'],
    ['https://www.beian88.com/ensio.cn', 'other-host', 'other-host'],
    ['https://beian.miit.gov.cn:8443/', 'other-host', 'other-host'],
    ['beian.miit.gov.cn', 'other-host', 'other-host'],
    ['ftp://beian.miit.gov.cn/', 'other-host', 'other-host'],
    ['mailto:beian@miit.gov.cn', 'other-host', 'other-host'],
    // placeholders and script links
    ['javascript:;', 'javascript', 'javascript'],
    [' JavaScript:void(0) ', 'javascript', 'javascript'],
    ['#', 'placeholder', 'placeholder'],
    ['#湘ICP备19028046号', 'placeholder', 'placeholder'],
    ['', 'placeholder', 'placeholder'],
    ['   ', 'placeholder', 'placeholder'],
    [null, 'missing', 'missing'],
    [undefined, 'missing', 'missing'],
  ];

  it.each(cases)('%j → %s / %s', (href, exact, host) => {
    expect(miit(classifyMiitHref(href, 'exact'))).toBe(exact);
    expect(miit(classifyMiitHref(href, 'host'))).toBe(host);
  });

  it('MIIT_URL is the exact link', () => {
    expect(MIIT_URL).toBe('https://beian.miit.gov.cn/');
    expect(classifyMiitHref(MIIT_URL, 'exact')).toEqual({ ok: true, exact: true });
  });
});

describe('classifyPoliceHref', () => {
  const D = '41138102000324';
  const cases: [string | null | undefined, string][] = [
    // §2.4 current platform link
    [`https://beian.mps.gov.cn/#/query/webSearch?code=${D}`, 'ok'],
    [`\n   https://beian.mps.gov.cn/#/query/webSearch?code=${D}\n `, 'ok'],
    [`https://BEIAN.MPS.GOV.CN/#/query/webSearch?code=${D}`, 'ok'],
    [`https://beian.mps.gov.cn/#/query/webSearch?code=${D}&from=footer`, 'ok'],
    [`https://beian.mps.gov.cn/#/query/webSearch?code=41138102000325`, 'code-mismatch'],
    [`https://beian.mps.gov.cn/#/query/webSearch?code=`, 'code-mismatch'],
    [`https://beian.mps.gov.cn/#/query/webSearch`, 'code-mismatch'],
    [`https://beian.mps.gov.cn/`, 'other'],
    [`https://beian.mps.gov.cn/#/`, 'other'],
    [`https://beian.mps.gov.cn/?code=${D}`, 'other'],
    [`http://beian.mps.gov.cn/#/query/webSearch?code=${D}`, 'other'],
    // §2.4 legacy platform
    [`http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${D}`, 'legacy'],
    [`http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${D}&token=abc`, 'legacy'],
    [`https://beian.gov.cn/portal/registerSystemInfo?recordcode=${D}`, 'legacy'],
    [`http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030143`, 'code-mismatch'],
    [`http://www.beian.gov.cn/portal/registerSystemInfo`, 'code-mismatch'],
    [`http://www.beian.gov.cn/`, 'other'],
    // elsewhere
    ['https://beian.miit.gov.cn/', 'other'],
    ['https://www.weiney.com', 'other'],
    [`https://beian.mps.gov.cn.evil.com/#/query/webSearch?code=${D}`, 'other'],
    [`https://beian.mps.gov.cn@evil.com/#/query/webSearch?code=${D}`, 'other'],
    ['beian.mps.gov.cn', 'other'],
    // placeholders
    ['#', 'missing'],
    ['#1', 'missing'],
    ['', 'missing'],
    [' ', 'missing'],
    ['javascript:;', 'missing'],
    [null, 'missing'],
    [undefined, 'missing'],
  ];

  it.each(cases)('%j → %s', (href, expected) => {
    expect(police(classifyPoliceHref(href, D))).toBe(expected);
  });

  it('policeUrl builds the link classifyPoliceHref accepts', () => {
    expect(policeUrl(D)).toBe(`https://beian.mps.gov.cn/#/query/webSearch?code=${D}`);
    expect(classifyPoliceHref(policeUrl(D), D)).toEqual({ ok: true });
    expect(classifyPoliceHref(policeUrl(D), '11010502030143')).toEqual({ ok: false, problem: 'code-mismatch' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('linear time on 100k-character adversarial hrefs', () => {
  const N = 100_000;
  const inputs: [string, string][] = [
    ['long host', `https://${'a'.repeat(N)}.com/`],
    ['long look-alike host', `https://${'beian-'.repeat(N / 6)}miit.gov.cn/`],
    ['long dotted host', `https://${'b.'.repeat(N / 2)}cn/`],
    ['long path', `https://beian.miit.gov.cn/${'a/'.repeat(N / 2)}`],
    ['long hash query', `https://beian.mps.gov.cn/#/query/webSearch?${'code=1&'.repeat(N / 7)}`],
    ['whitespace', ' '.repeat(N)],
  ];

  it.each(inputs)('%s', (_name, href) => {
    const { ms } = timed(() => {
      classifyMiitHref(href, 'exact');
      classifyMiitHref(href, 'host');
      classifyPoliceHref(href, '11010502030143');
    });
    expect(ms).toBeLessThan(2000);
  });

  it('still classifies the long look-alike host', () => {
    expect(miit(classifyMiitHref(inputs[1]![1], 'exact'))).toBe('lookalike');
  });
});


// ---------------------------------------------------------------------------------------------

describe('police links the way footers write them (in-repo cases, DOMAIN §2.4)', () => {
  // Our own footer snippets: the number as shown and the href beside it.
  const cases: [text: string, href: string | null, verdict: string][] = [
    ['京公网安备 11010502030143号', 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143', 'ok'],
    ['粤公网安备44030502009876号', 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=44030502009876', 'legacy'],
    ['浙公网安备33010602012345号', '#', 'missing'],
    ['浙公网安备33010602012345号', 'https://www.example-beian-lookup.cn/33010602012345', 'other'],
    ['苏公网安备32021202001234号', null, 'missing'],
    ['沪公网安备31010402001234号', 'https://beian.mps.gov.cn/#/query/webSearch?code=31010402009999', 'code-mismatch'],
  ];

  it.each(cases)('%s with %j → %s', (text, href, verdict) => {
    const digits = findPoliceNumbers(fold(text))[0]?.parsed.value?.digits ?? '';
    expect(digits).toMatch(/^\d{14}$/);
    expect(police(classifyPoliceHref(href, digits))).toBe(verdict);
  });
});
