/**
 * Classification of the links around the ICP number (MIIT) and the 公网安备 number (MPS).
 * Facts: DOMAIN.md §2.4 and §3.3; defaults from the decision table at the top of DOMAIN.md.
 * URLs are read with the WHATWG parser so that case, default ports and escapes are handled as a
 * browser would, instead of guessing with regexes.
 */

/** The one MIIT link the default policy accepts (the trailing slash is optional). */
export const MIIT_URL = 'https://beian.miit.gov.cn/';

const MIIT_HOST = 'beian.miit.gov.cn';
// §3.3 host history: www.beian.miit.gov.cn stopped answering in 2020.
const MIIT_WWW_HOST = 'www.beian.miit.gov.cn';
// §3.3 host history: miibeian (oldest) and miitbeian (until 2019).
const MIIT_LEGACY_HOSTS: readonly string[] = [
  'miibeian.gov.cn',
  'www.miibeian.gov.cn',
  'miitbeian.gov.cn',
  'www.miitbeian.gov.cn',
];

const MPS_HOST = 'beian.mps.gov.cn';
const MPS_ROUTE = '#/query/webSearch';
// §2.4: the pre-2023 platform; host reported unreachable since Feb 2025.
const MPS_LEGACY_HOSTS: readonly string[] = ['www.beian.gov.cn', 'beian.gov.cn'];
const MPS_LEGACY_PATH = '/portal/registerSystemInfo';

/** Verdict on the href of the link around the ICP number. */
export type MiitLinkVerdict =
  | { ok: true; exact: boolean }
  | {
      ok: false;
      problem:
        | 'missing'
        | 'http'
        | 'www'
        | 'legacy-host'
        | 'path'
        | 'lookalike'
        | 'javascript'
        | 'placeholder'
        | 'other-host';
    };

type MiitProblem = Extract<MiitLinkVerdict, { ok: false }>['problem'];

/** Verdict on the href of the link around the 公网安备 number. */
export type PoliceLinkVerdict =
  | { ok: true }
  | { ok: false; problem: 'missing' | 'legacy' | 'code-mismatch' | 'other' };

function miitFail(problem: MiitProblem): MiitLinkVerdict {
  return { ok: false, problem };
}

function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Edit distance, abandoned early when it cannot be within `limit` (keeps long hosts cheap). */
function withinEditDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? Infinity) + 1, (cur[j - 1] ?? Infinity) + 1, (prev[j - 1] ?? Infinity) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return false;
    prev = cur;
  }
  return (prev[b.length] ?? Infinity) <= limit;
}

/**
 * Hosts built to pass for the filing site (beian.miit.gov.cn.evil.com, beian-miit.gov.cn,
 * beian.mitt.gov.cn). The ministry's own miit.gov.cn and the MPS site are "other", not look-alikes.
 */
function looksLikeMiit(host: string): boolean {
  if (host.includes(MIIT_HOST)) return true;
  const skeleton = host.replace(/[^a-z0-9]/g, '');
  if (skeleton.includes('beianmiit') || skeleton.includes('miitbeian') || skeleton.includes('miibeian')) {
    return true;
  }
  return withinEditDistance(host, MIIT_HOST, 2);
}

/**
 * Classify the href of the MIIT link. Policy `exact` (default) accepts only
 * `https://beian.miit.gov.cn/` with or without the trailing slash; policy `host` accepts any https
 * URL on beian.miit.gov.cn (`exact: false`) and reports `http:` there as `http` for the caller to
 * downgrade to a warning.
 */
export function classifyMiitHref(
  href: string | null | undefined,
  policy: 'exact' | 'host',
): MiitLinkVerdict {
  if (href === null || href === undefined) return miitFail('missing');
  const text = href.trim();
  if (text === '' || text.startsWith('#')) return miitFail('placeholder');
  // A scheme-relative '//beian.miit.gov.cn/' follows the page's scheme, so it is not pinned to
  // https: read it as http to report it as such.
  const url = tryUrl(text.startsWith('//') ? `http:${text}` : text);
  if (!url) return miitFail('other-host');
  if (url.protocol === 'javascript:') return miitFail('javascript');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return miitFail('other-host');
  // 'https://beian.miit.gov.cn@evil.com/' puts the familiar name in the user-info part.
  if (url.username !== '' || url.password !== '') return miitFail('lookalike');
  const host = url.hostname;
  if (host === MIIT_WWW_HOST) return miitFail('www');
  if (MIIT_LEGACY_HOSTS.includes(host)) return miitFail('legacy-host');
  if (host !== MIIT_HOST) return miitFail(looksLikeMiit(host) ? 'lookalike' : 'other-host');
  if (url.port !== '') return miitFail('other-host');
  if (url.protocol === 'http:') return miitFail('http');
  // href keeps an empty '?' or '#', which the search/hash getters hide; compare it whole.
  if (url.href === MIIT_URL) return { ok: true, exact: true };
  return policy === 'host' ? { ok: true, exact: false } : miitFail('path');
}

/**
 * Classify the href of the 公网安备 link against the number's digits. The expected form is
 * {@link policeUrl}; the legacy www.beian.gov.cn link is `legacy` when its recordcode matches.
 */
export function classifyPoliceHref(href: string | null | undefined, digits: string): PoliceLinkVerdict {
  if (href === null || href === undefined) return { ok: false, problem: 'missing' };
  const text = href.trim();
  // '#', '' and 'javascript:;' are the placeholder links themes ship (realworld tag police:placeholder-link).
  if (text === '' || text.startsWith('#')) return { ok: false, problem: 'missing' };
  const url = tryUrl(text);
  if (!url) return { ok: false, problem: 'other' };
  if (url.protocol === 'javascript:') return { ok: false, problem: 'missing' };
  if (url.username !== '' || url.password !== '' || url.port !== '') return { ok: false, problem: 'other' };
  const host = url.hostname;
  if (host === MPS_HOST && url.protocol === 'https:' && url.pathname === '/' && url.search === '') {
    // The query lives inside the SPA's hash route, so URL.searchParams cannot see it.
    const hash = url.hash;
    const q = hash.indexOf('?');
    const route = q === -1 ? hash : hash.slice(0, q);
    if (route !== MPS_ROUTE) return { ok: false, problem: 'other' };
    const code = q === -1 ? null : new URLSearchParams(hash.slice(q + 1)).get('code');
    return code === digits ? { ok: true } : { ok: false, problem: 'code-mismatch' };
  }
  if (
    MPS_LEGACY_HOSTS.includes(host) &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.pathname.toLowerCase() === MPS_LEGACY_PATH.toLowerCase()
  ) {
    const code = url.searchParams.get('recordcode');
    return code === digits ? { ok: false, problem: 'legacy' } : { ok: false, problem: 'code-mismatch' };
  }
  return { ok: false, problem: 'other' };
}

/** The current MPS query link for a number (§2.4). */
export function policeUrl(digits: string): string {
  return `https://${MPS_HOST}/${MPS_ROUTE}?code=${encodeURIComponent(digits)}`;
}
