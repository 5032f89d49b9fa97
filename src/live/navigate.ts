import { Parser } from 'htmlparser2';
import { FastTokenizer } from '../page/fast-tokenizer.js';
import { decodeHtml, looksBinary } from '../source/decode.js';
import { request, RequestFailure, type Failure } from './http.js';
import type { Net } from './net.js';
import type { LiveSettings } from './settings.js';

/** What a browser ends up showing for one URL, and how it got there. */
export interface Visit {
  readonly url: string;
  /** Every URL visited, the first and the last included. */
  readonly chain: readonly string[];
  readonly outcome:
    | { readonly kind: 'page'; readonly finalUrl: string; readonly text: string; readonly stylesheets: readonly string[] }
    | { readonly kind: 'failed'; readonly failure: Failure }
    | { readonly kind: 'too-large' }
    | { readonly kind: 'not-html'; readonly type: string };
}

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** What the decoded page asks for besides itself: a meta refresh and its stylesheets. */
export function scanPage(text: string): { refresh?: string; stylesheets: string[] } {
  let refresh: string | undefined;
  const stylesheets: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta' && refresh === undefined && (attrs['http-equiv'] ?? '').trim().toLowerCase() === 'refresh') {
          const target = refreshTarget(attrs.content ?? '');
          if (target) refresh = target;
        } else if (name === 'link' && attrs.href && /(^|\s)stylesheet(\s|$)/i.test(attrs.rel ?? '')) stylesheets.push(attrs.href);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, Tokenizer: FastTokenizer },
  );
  parser.end(text);
  return { ...(refresh !== undefined && { refresh }), stylesheets };
}

/** `0; url=/new/` → `/new/`; a refresh without a URL reloads the same page and is no redirect. */
export function refreshTarget(content: string): string | undefined {
  const m = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content);
  const raw = (m?.[1] ?? '').trim().replace(/^(['"])(.*)\1$/s, '$2').replace(/^['"]/, '').trim();
  return raw === '' || /^\d+$/.test(content.trim()) ? undefined : raw;
}

export function charsetOf(contentType: string | null): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1];
}

function isHtmlType(contentType: string | null, bytes: Uint8Array): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return true;
  // No type (or a generic one) is read as HTML when the bytes are text, as browsers sniff.
  return (type === '' || type === 'application/octet-stream' || type === 'text/plain') && !looksBinary(bytes) && /<(!doctype|html|head|body|title|meta|footer|div|p)\b/i.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
}

/**
 * Opens a URL as a browser would: redirects walked one by one (the chain recorded, loops and
 * more than maxRedirects stopped), and one `<meta http-equiv=refresh>` followed. The HTML is
 * decoded with the HTTP charset first, then the page's own declarations.
 */
export async function visit(start: string, net: Net, settings: LiveSettings): Promise<Visit> {
  const chain = [start];
  const seen = new Set([start]);
  let current = start;
  let refreshed = false;
  const next = (location: string): { url: string } | Visit => {
    let target: URL;
    try {
      target = new URL(location, current);
    } catch {
      return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'bad-redirect', code: location.slice(0, 100) } } };
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'bad-redirect', code: target.protocol } } };
    }
    target.hash = '';
    const href = target.href;
    if (seen.has(href)) return { url: start, chain: [...chain, href], outcome: { kind: 'failed', failure: { kind: 'redirect-loop' } } };
    if (chain.length - 1 >= settings.maxRedirects) return { url: start, chain: [...chain, href], outcome: { kind: 'failed', failure: { kind: 'too-many-redirects' } } };
    chain.push(href);
    seen.add(href);
    return { url: href };
  };

  for (;;) {
    let answer;
    try {
      answer = await request(current, net, settings, { accept: ACCEPT_HTML, maxBytes: settings.maxBytes });
    } catch (e) {
      if (e instanceof RequestFailure) return { url: start, chain, outcome: { kind: 'failed', failure: e.failure } };
      throw e;
    }
    if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
      const location = answer.headers.get('location');
      if (!location) return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'status', status: answer.status } } };
      const step = next(location);
      if ('outcome' in step) return step;
      current = step.url;
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'status', status: answer.status } } };
    if (answer.tooLarge) return { url: start, chain, outcome: { kind: 'too-large' } };
    const bytes = answer.body ?? new Uint8Array(0);
    const contentType = answer.headers.get('content-type');
    if (!isHtmlType(contentType, bytes)) return { url: start, chain, outcome: { kind: 'not-html', type: (contentType ?? 'unknown').split(';')[0]!.trim() || 'unknown' } };
    const charset = charsetOf(contentType);
    const text = decodeHtml(bytes, charset ? { transportCharset: charset } : {}).text;
    const scan = scanPage(text);
    if (scan.refresh !== undefined && !refreshed) {
      refreshed = true;
      const step = next(scan.refresh);
      if ('outcome' in step) return step;
      if (step.url !== current) {
        current = step.url;
        continue;
      }
    }
    return { url: start, chain, outcome: { kind: 'page', finalUrl: current, text, stylesheets: scan.stylesheets } };
  }
}

/**
 * Same-origin stylesheets a page links, fetched before the page is checked (the page model reads
 * them synchronously to tell hidden footers): at most 8, 2 MB each, as for built sites.
 */
export async function fetchStylesheets(page: { finalUrl: string; stylesheets: readonly string[] }, net: Net, settings: LiveSettings): Promise<Map<string, string>> {
  const origin = new URL(page.finalUrl).origin;
  const wanted: string[] = [];
  for (const href of page.stylesheets) {
    let url: URL;
    try {
      url = new URL(href.trim(), page.finalUrl);
    } catch {
      continue;
    }
    url.hash = '';
    if (url.origin !== origin || wanted.includes(url.href)) continue;
    wanted.push(url.href);
    if (wanted.length === 8) break;
  }
  const sheets = new Map<string, string>();
  await Promise.all(
    wanted.map(async (href) => {
      try {
        const answer = await request(href, net, { ...settings, retries: 0 }, { accept: 'text/css,*/*;q=0.1', maxBytes: 2 * 1024 * 1024 });
        if (answer.status >= 200 && answer.status < 300 && answer.body && !answer.tooLarge) sheets.set(href, Buffer.from(answer.body).toString('utf8'));
      } catch {
        // A stylesheet that does not load hides nothing; the page is checked without it.
      }
    }),
  );
  return sheets;
}
