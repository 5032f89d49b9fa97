export const id = 575;
export const ids = [575];
export const modules = {

/***/ 77575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  relOf: () => (/* binding */ relOf),
  runLive: () => (/* binding */ runLive)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/engine/check-page.ts
var check_page = __webpack_require__(28172);
// EXTERNAL MODULE: ./src/engine/report.ts
var report = __webpack_require__(594);
// EXTERNAL MODULE: ./src/engine/stamp.ts
var stamp = __webpack_require__(13205);
// EXTERNAL MODULE: ./src/rules/index.ts + 62 modules
var rules = __webpack_require__(42445);
// EXTERNAL MODULE: ./src/domain/hostname.ts
var hostname = __webpack_require__(49231);
;// CONCATENATED MODULE: ./src/live/addresses.ts

/** A CNAME chain longer than this is not walked further (a usual CDN setup has one or two hops). */
const MAX_CNAME_HOPS = 8;
/** Answers that mean "this name has nothing", as opposed to "the server did not answer". */
const ABSENT = new Set(['ENOTFOUND', 'ENODATA']);
function codeOf(e) {
    return String(e.code ?? 'ERROR');
}
/** `*.cdn.example.net` matches names under it; a plain name matches itself. */
function matchesCname(name, pattern) {
    return pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) : name === pattern;
}
/**
 * Walks the CNAME chain one hop per query (at most 8 hops, loops detected), then compares every
 * A/AAAA record with the filed addresses. A chain that reaches a listed CDN suffix passes: the
 * provider then checks that the CDN belongs to the access provider, not the address.
 */
async function checkAddresses(host, site, dns) {
    const chain = [host];
    for (;;) {
        const current = chain[chain.length - 1];
        let targets;
        try {
            targets = await dns.resolveCname(current);
        }
        catch (e) {
            if (ABSENT.has(codeOf(e)))
                break;
            return { kind: 'dns-failed', code: codeOf(e) };
        }
        const target = targets[0]?.toLowerCase().replace(/\.$/, '');
        if (!target)
            break;
        if (chain.includes(target))
            return { kind: 'cname-loop', chain: [...chain, target] };
        chain.push(target);
        if (chain.length - 1 > MAX_CNAME_HOPS)
            return { kind: 'cname-too-long', chain };
    }
    const via = chain.slice(1).find((name) => site.cnames.some((p) => matchesCname(name, p)));
    let addresses;
    try {
        addresses = await dns.addresses(host);
    }
    catch (e) {
        const code = codeOf(e);
        if (ABSENT.has(code))
            return { kind: 'no-address', code, chain };
        return { kind: 'dns-failed', code };
    }
    if (via !== undefined)
        return { kind: 'ok', addresses, chain, via };
    const outside = addresses.filter((a) => !site.ips?.has(a));
    return outside.length === 0 ? { kind: 'ok', addresses, chain } : { kind: 'not-filed', addresses: outside, chain };
}
/** The host is one of the filed domains or lies under one. */
function onFiledDomain(hostname, domains) {
    return domains.some((d) => isWithin(hostname, d.ascii));
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./src/live/timing.ts
/** Time limits, back-off and Retry-After: the only places live mode waits. */
/** Raised when a network step outlives its limit. */
class StepTimeout extends Error {
    ms;
    name = 'StepTimeout';
    code = 'ETIMEOUT';
    constructor(ms) {
        super(`no answer within ${ms} ms`);
        this.ms = ms;
    }
}
/**
 * Runs `work` with an abort signal that fires after `ms`, and rejects with StepTimeout at that
 * moment even if `work` ignores the signal: a step can never hang the run.
 */
async function withTimeout(ms, work, onTimeout) {
    const controller = new AbortController();
    let timer;
    const timedOut = new Promise((_, reject) => {
        timer = setTimeout(() => {
            controller.abort(new StepTimeout(ms));
            onTimeout?.();
            reject(new StepTimeout(ms));
        }, ms);
    });
    const running = work(controller.signal);
    running.catch(() => undefined);
    try {
        return await Promise.race([running, timedOut]);
    }
    finally {
        clearTimeout(timer);
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** The longest Retry-After we honour; a server that asks for more is reported as rate limited. */
const RETRY_AFTER_CAP_MS = 30_000;
/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/**
 * Exponential back-off with jitter, scaled to the step's time limit so that a test with 300 ms
 * limits waits tens of ms, and a real run with 10 s limits waits about a second.
 */
function backoff(attempt, timeoutMs) {
    const base = Math.min(1000, Math.max(10, timeoutMs / 10));
    return Math.round(base * 2 ** attempt * (0.5 + Math.random() / 2));
}

;// CONCATENATED MODULE: ./src/live/http.ts


class RequestFailure extends Error {
    failure;
    name = 'RequestFailure';
    constructor(failure) {
        super(failure.code ?? failure.kind);
        this.failure = failure;
    }
}
/** Statuses worth asking again after a pause (a busy server, a gateway hiccup, a rate limit). */
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** Connection failures worth asking again: the server may answer the next time. */
const RETRY_FAILURE = new Set(['timeout', 'reset']);
const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;
/** Maps what undici or Node threw to a failure kind. */
function classify(error) {
    const codes = [];
    let timeout = false;
    for (let e = error, depth = 0; e && depth < 6; e = e.cause, depth++) {
        if (e instanceof StepTimeout)
            timeout = true;
        const code = e.code;
        if (typeof code === 'string')
            codes.push(code);
        const name = e.name;
        // Only our own time limit aborts a request.
        if (name === 'AbortError' || name === 'TimeoutError')
            timeout = true;
    }
    const code = codes.find((c) => c !== 'UND_ERR_SOCKET') ?? codes[0];
    if (timeout || (code && /TIMEOUT/i.test(code)))
        return { kind: 'timeout', ...(code && { code }) };
    if (!code)
        return { kind: 'network' };
    if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_AGAIN' || code === 'ESERVFAIL')
        return { kind: 'dns', code };
    if (code === 'ECONNREFUSED')
        return { kind: 'refused', code };
    if (TLS_CODES.test(code))
        return { kind: 'tls', code };
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED')
        return { kind: 'reset', code };
    return { kind: 'network', code };
}
async function readCapped(body, max) {
    if (!body)
        return { bytes: new Uint8Array(0), tooLarge: false };
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        total += chunk.byteLength;
        if (total > max)
            return { bytes: new Uint8Array(0), tooLarge: true };
        chunks.push(chunk);
    }
    return { bytes: Buffer.concat(chunks), tooLarge: false };
}
/**
 * One GET, retried with back-off on timeouts, resets, 5xx and 429 (Retry-After honoured up to
 * 30 s). Only GET is ever sent, so every retry is safe to repeat. Redirects are not followed:
 * the caller walks them to record the chain. Throws RequestFailure when no answer came.
 */
async function request(url, net, settings, options) {
    for (let attempt = 0;; attempt++) {
        let answer;
        try {
            answer = await withTimeout(settings.timeoutMs, async (signal) => {
                const response = await (0,undici/* fetch */.hd)(url, {
                    method: 'GET',
                    redirect: 'manual',
                    dispatcher: net.dispatcher,
                    signal,
                    headers: { 'user-agent': settings.userAgent, accept: options.accept, 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
                });
                if (response.status >= 200 && response.status < 300) {
                    const { bytes, tooLarge } = await readCapped(response.body, options.maxBytes);
                    if (tooLarge)
                        await response.body?.cancel().catch(() => undefined);
                    return { url, status: response.status, headers: response.headers, body: bytes, ...(tooLarge && { tooLarge }) };
                }
                await response.body?.cancel().catch(() => undefined);
                return { url, status: response.status, headers: response.headers };
            });
        }
        catch (e) {
            const failure = classify(e);
            if (attempt < settings.retries && RETRY_FAILURE.has(failure.kind)) {
                await sleep(backoff(attempt, settings.timeoutMs));
                continue;
            }
            throw new RequestFailure(failure);
        }
        if (attempt < settings.retries && RETRY_STATUS.has(answer.status)) {
            const asked = parseRetryAfter(answer.headers.get('retry-after'), Date.now());
            if (asked !== undefined && asked > RETRY_AFTER_CAP_MS)
                return answer;
            await sleep(asked ?? backoff(attempt, settings.timeoutMs));
            continue;
        }
        return answer;
    }
}

;// CONCATENATED MODULE: ./src/live/rdap.ts

const RDAP_MAX_BYTES = 1024 * 1024;
const RDAP_MAX_REDIRECTS = 3;
/** RFC 9083: the `expiration` event of the domain object; undefined when there is none. */
function expirationOf(body) {
    const events = body?.events;
    if (!Array.isArray(events))
        return undefined;
    for (const e of events) {
        if (e && typeof e === 'object' && e.eventAction === 'expiration') {
            const date = e.eventDate;
            if (typeof date === 'string')
                return date;
        }
    }
    return undefined;
}
/** `GET {base}domain/{a-label}` with the RDAP media type; redirects to another RDAP server are followed. */
async function lookupRdap(base, ascii, net, settings) {
    let url = `${base}domain/${ascii}`;
    for (let hop = 0;; hop++) {
        let answer;
        try {
            answer = await request(url, net, settings, { accept: 'application/rdap+json, application/json;q=0.9', maxBytes: RDAP_MAX_BYTES });
        }
        catch (e) {
            if (e instanceof RequestFailure)
                return { kind: 'failed', detail: e.failure.code ?? e.failure.kind };
            throw e;
        }
        const location = answer.headers.get('location');
        if (answer.status >= 300 && answer.status < 400 && location && hop < RDAP_MAX_REDIRECTS) {
            url = new URL(location, url).href;
            continue;
        }
        if (answer.status === 404)
            return { kind: 'not-registered', detail: 'HTTP 404' };
        if (answer.status === 429)
            return { kind: 'rate-limited', detail: `HTTP 429${answer.headers.get('retry-after') ? `, Retry-After ${answer.headers.get('retry-after')}` : ''}` };
        if (answer.status < 200 || answer.status >= 300)
            return { kind: 'failed', detail: `HTTP ${answer.status}` };
        if (answer.tooLarge)
            return { kind: 'unreadable', detail: 'reply larger than 1 MB' };
        let body;
        try {
            body = JSON.parse(new TextDecoder('utf-8').decode(answer.body));
        }
        catch {
            return { kind: 'unreadable', detail: 'not JSON' };
        }
        const date = expirationOf(body);
        if (date === undefined)
            return { kind: 'unreadable', detail: 'no expiration event' };
        const ms = Date.parse(date);
        if (Number.isNaN(ms))
            return { kind: 'unreadable', detail: `expiration "${date.slice(0, 40)}"` };
        return { kind: 'expiry', date: new Date(ms), display: new Date(ms).toISOString().slice(0, 10) };
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/live/whois.ts


/** A WHOIS reply is a few KB; anything past this is not a reply we can use. */
const WHOIS_MAX_BYTES = 64 * 1024;
class WhoisFailure extends Error {
    code;
    name = 'WhoisFailure';
    constructor(code) {
        super(code);
        this.code = code;
    }
}
/**
 * One WHOIS query over TCP (RFC 3912): send the name and CRLF, read until the server closes.
 * The bytes are joined first and decoded once: a reply split inside a multi-byte character
 * (CNNIC's registrar names are UTF-8) must not lose it. Capped at 64 KB and timed out as a
 * whole, so a server that never closes ends the query at the time limit.
 */
async function queryWhois(server, query, net, settings) {
    let socket;
    try {
        const bytes = await withTimeout(settings.timeoutMs, () => new Promise((resolve, reject) => {
            const chunks = [];
            let total = 0;
            socket = (0,external_node_net_.connect)({ host: server.host, port: server.port, ...((0,external_node_net_.isIP)(server.host) === 0 && { lookup: net.lookup }) });
            socket.once('connect', () => socket.write(`${query}\r\n`));
            socket.on('data', (chunk) => {
                total += chunk.length;
                chunks.push(chunk);
                if (total >= WHOIS_MAX_BYTES) {
                    socket.destroy();
                    resolve(Buffer.concat(chunks).subarray(0, WHOIS_MAX_BYTES));
                }
            });
            socket.once('end', () => resolve(Buffer.concat(chunks)));
            socket.once('close', () => resolve(Buffer.concat(chunks)));
            socket.once('error', (e) => reject(new WhoisFailure(e.code ?? e.message)));
        }));
        return new TextDecoder('utf-8').decode(bytes);
    }
    catch (e) {
        if (e instanceof StepTimeout)
            throw new WhoisFailure('ETIMEOUT');
        throw e;
    }
    finally {
        socket?.destroy();
    }
}
/**
 * Expiry keys, most specific first. CNNIC writes `Expiration Time: 2030-03-17 12:48:36` in
 * local time without a zone (read as Beijing time, UTC+8); Verisign and most gTLD registries
 * write `Registry Expiry Date: 2030-09-14T04:00:00Z`.
 */
const EXPIRY_KEYS = /^[ \t]*(Expiration Time|Registry Expiry Date|Registrar Registration Expiration Date|Expiry Date|Expiration Date|Expires On|paid-till|expires)[ \t]*:[ \t]*(\S[^\r\n]*)/im;
const NOT_FOUND = /no matching record|no match(?:es)? for|^[ \t]*not found|no entries found|no data found|domain not found|status:[ \t]*(?:free|available)|is available for registration|requested is prohibited|reserved domain/im;
const RATE_LIMITED = /exceeded|too many (?:requests|queries)|rate limit|queried interval is too short|try again later|quota/i;
/** Reads a WHOIS reply. Never throws, whatever the bytes were. */
function readWhois(text) {
    const m = EXPIRY_KEYS.exec(text);
    if (m) {
        const value = m[2].trim();
        const parsed = parseWhoisDate(value, m[1].toLowerCase() === 'expiration time');
        if (parsed)
            return { kind: 'expiry', ...parsed };
        return { kind: 'unreadable', detail: `${m[1]}: ${value.slice(0, 60)}` };
    }
    const firstLine = (s) => s.replace(/^\s+/, '').split(/\r?\n/)[0].slice(0, 80);
    const nf = NOT_FOUND.exec(text);
    if (nf)
        return { kind: 'not-registered', detail: firstLine(text.slice(nf.index)) };
    if (RATE_LIMITED.test(text))
        return { kind: 'rate-limited', detail: firstLine(text) };
    return { kind: 'unreadable', detail: text.trim() === '' ? 'empty reply' : 'no expiry date in the reply' };
}
/** ISO dates with a zone as written; zone-less `YYYY-MM-DD[ HH:MM:SS]` as UTC+8 when `beijing`, else UTC. */
function parseWhoisDate(value, beijing) {
    const text = value.trim();
    const naive = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text);
    if (naive) {
        const [, y, mo, d, h = '0', mi = '0', s = '0'] = naive;
        const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - (beijing ? 8 * 3600_000 : 0);
        if (Number.isNaN(utc))
            return undefined;
        return { date: new Date(utc), display: `${y}-${mo}-${d}` };
    }
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text) || /^\d{4}\.\d{2}\.\d{2}$/.test(text)) {
        const ms = Date.parse(text.replace(/^(\d{4})\.(\d{2})\.(\d{2})$/, '$1-$2-$3'));
        if (Number.isNaN(ms))
            return undefined;
        return { date: new Date(ms), display: new Date(ms).toISOString().slice(0, 10) };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/live/expiry.ts




/**
 * Expiry lookups for a run: one per registrable domain however many sites list it, and one at
 * a time per server (registries rate-limit and publish no limits).
 */
class ExpiryLookups {
    net;
    settings;
    results = new Map();
    queues = new Map();
    constructor(net, settings) {
        this.net = net;
        this.settings = settings;
    }
    lookup(domain) {
        let p = this.results.get(domain.ascii);
        if (!p) {
            p = this.run(domain);
            this.results.set(domain.ascii, p);
        }
        return p;
    }
    serial(key, work) {
        const before = this.queues.get(key) ?? Promise.resolve();
        const mine = before.then(work, work);
        this.queues.set(key, mine.catch(() => undefined));
        return mine;
    }
    async run(domain) {
        const tld = (0,hostname/* topLevelLabel */.KE)(domain.ascii);
        const base = this.settings.bootstrap.baseFor(tld);
        if (base) {
            const source = `RDAP ${new URL(base).host}`;
            const reading = await this.serial(new URL(base).host, () => lookupRdap(base, domain.ascii, this.net, this.settings));
            return reading.kind === 'failed' ? { kind: 'failed', source, detail: reading.detail } : { kind: 'reading', source, reading };
        }
        const server = this.settings.whoisServers.get(tld);
        if (!server)
            return { kind: 'no-source', tld };
        const source = `WHOIS ${server.host}${server.port === 43 ? '' : `:${server.port}`}`;
        return this.serial(`${server.host}:${server.port}`, async () => {
            for (let attempt = 0;; attempt++) {
                let reading;
                try {
                    reading = readWhois(await queryWhois(server, domain.ascii, this.net, this.settings));
                }
                catch (e) {
                    const code = e instanceof WhoisFailure ? e.code : String(e);
                    if (attempt < this.settings.retries && (code === 'ETIMEOUT' || code === 'ECONNRESET')) {
                        await sleep(backoff(attempt, this.settings.timeoutMs));
                        continue;
                    }
                    return { kind: 'failed', source, detail: code };
                }
                if (reading.kind === 'rate-limited' && attempt < this.settings.retries) {
                    await sleep(backoff(attempt + 1, this.settings.timeoutMs));
                    continue;
                }
                return { kind: 'reading', source, reading };
            }
        });
    }
}

// EXTERNAL MODULE: ./node_modules/htmlparser2/dist/esm/index.js + 2 modules
var esm = __webpack_require__(56664);
// EXTERNAL MODULE: ./src/source/decode.ts + 1 modules
var decode = __webpack_require__(41244);
;// CONCATENATED MODULE: ./src/live/navigate.ts



const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
/** What the decoded page asks for besides itself: a meta refresh and its stylesheets. */
function scanPage(text) {
    let refresh;
    const stylesheets = [];
    const parser = new esm/* Parser */.iX({
        onopentag(name, attrs) {
            if (name === 'meta' && refresh === undefined && (attrs['http-equiv'] ?? '').trim().toLowerCase() === 'refresh') {
                const target = refreshTarget(attrs.content ?? '');
                if (target)
                    refresh = target;
            }
            else if (name === 'link' && attrs.href && /(^|\s)stylesheet(\s|$)/i.test(attrs.rel ?? ''))
                stylesheets.push(attrs.href);
        },
    }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    parser.end(text);
    return { ...(refresh !== undefined && { refresh }), stylesheets };
}
/** `0; url=/new/` → `/new/`; a refresh without a URL reloads the same page and is no redirect. */
function refreshTarget(content) {
    const m = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content);
    const raw = (m?.[1] ?? '').trim().replace(/^(['"])(.*)\1$/s, '$2').replace(/^['"]/, '').trim();
    return raw === '' || /^\d+$/.test(content.trim()) ? undefined : raw;
}
function charsetOf(contentType) {
    const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
    return m?.[1];
}
function isHtmlType(contentType, bytes) {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'text/html' || type === 'application/xhtml+xml')
        return true;
    // No type (or a generic one) is read as HTML when the bytes are text, as browsers sniff.
    return (type === '' || type === 'application/octet-stream' || type === 'text/plain') && !(0,decode/* looksBinary */.W)(bytes) && /<(!doctype|html|head|body|title|meta|footer|div|p)\b/i.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
}
/**
 * Opens a URL as a browser would: redirects walked one by one (the chain recorded, loops and
 * more than maxRedirects stopped), and one `<meta http-equiv=refresh>` followed. The HTML is
 * decoded with the HTTP charset first, then the page's own declarations.
 */
async function visit(start, net, settings) {
    const chain = [start];
    const seen = new Set([start]);
    let current = start;
    let refreshed = false;
    const next = (location) => {
        let target;
        try {
            target = new URL(location, current);
        }
        catch {
            return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'bad-redirect', code: location.slice(0, 100) } } };
        }
        if (target.protocol !== 'https:' && target.protocol !== 'http:') {
            return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'bad-redirect', code: target.protocol } } };
        }
        target.hash = '';
        const href = target.href;
        if (seen.has(href))
            return { url: start, chain: [...chain, href], outcome: { kind: 'failed', failure: { kind: 'redirect-loop' } } };
        if (chain.length - 1 >= settings.maxRedirects)
            return { url: start, chain: [...chain, href], outcome: { kind: 'failed', failure: { kind: 'too-many-redirects' } } };
        chain.push(href);
        seen.add(href);
        return { url: href };
    };
    for (;;) {
        let answer;
        try {
            answer = await request(current, net, settings, { accept: ACCEPT_HTML, maxBytes: settings.maxBytes });
        }
        catch (e) {
            if (e instanceof RequestFailure)
                return { url: start, chain, outcome: { kind: 'failed', failure: e.failure } };
            throw e;
        }
        if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
            const location = answer.headers.get('location');
            if (!location)
                return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'status', status: answer.status } } };
            const step = next(location);
            if ('outcome' in step)
                return step;
            current = step.url;
            continue;
        }
        if (answer.status < 200 || answer.status >= 300)
            return { url: start, chain, outcome: { kind: 'failed', failure: { kind: 'status', status: answer.status } } };
        if (answer.tooLarge)
            return { url: start, chain, outcome: { kind: 'too-large' } };
        const bytes = answer.body ?? new Uint8Array(0);
        const contentType = answer.headers.get('content-type');
        if (!isHtmlType(contentType, bytes))
            return { url: start, chain, outcome: { kind: 'not-html', type: (contentType ?? 'unknown').split(';')[0].trim() || 'unknown' } };
        const charset = charsetOf(contentType);
        const text = (0,decode/* decodeHtml */.i)(bytes, charset ? { transportCharset: charset } : {}).text;
        const scan = scanPage(text);
        if (scan.refresh !== undefined && !refreshed) {
            refreshed = true;
            const step = next(scan.refresh);
            if ('outcome' in step)
                return step;
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
async function fetchStylesheets(page, net, settings) {
    const origin = new URL(page.finalUrl).origin;
    const wanted = [];
    for (const href of page.stylesheets) {
        let url;
        try {
            url = new URL(href.trim(), page.finalUrl);
        }
        catch {
            continue;
        }
        url.hash = '';
        if (url.origin !== origin || wanted.includes(url.href))
            continue;
        wanted.push(url.href);
        if (wanted.length === 8)
            break;
    }
    const sheets = new Map();
    await Promise.all(wanted.map(async (href) => {
        try {
            const answer = await request(href, net, { ...settings, retries: 0 }, { accept: 'text/css,*/*;q=0.1', maxBytes: 2 * 1024 * 1024 });
            if (answer.status >= 200 && answer.status < 300 && answer.body && !answer.tooLarge)
                sheets.set(href, Buffer.from(answer.body).toString('utf8'));
        }
        catch {
            // A stylesheet that does not load hides nothing; the page is checked without it.
        }
    }));
    return sheets;
}

// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(71553);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
;// CONCATENATED MODULE: ./src/live/net.ts





/** Codes worth asking again: the server did not answer, or answered that it failed. */
const DNS_RETRY = new Set(['ETIMEOUT', 'ESERVFAIL', 'ECONNREFUSED', 'ECANCELLED', 'EREFUSED']);
function createDns(settings) {
    const query = async (run) => {
        for (let attempt = 0;; attempt++) {
            // One resolver per query: cancelling it on our own time limit must not cancel other queries.
            const resolver = new promises_.Resolver({ timeout: settings.timeoutMs, tries: 1 });
            if (settings.dnsServers)
                resolver.setServers([...settings.dnsServers]);
            try {
                return await withTimeout(settings.timeoutMs, () => run(resolver), () => resolver.cancel());
            }
            catch (e) {
                const code = e instanceof StepTimeout ? 'ETIMEOUT' : e.code;
                if (attempt >= settings.retries || !DNS_RETRY.has(code ?? ''))
                    throw e instanceof StepTimeout ? dnsError('ETIMEOUT', e.message) : e;
                await sleep(backoff(attempt, settings.timeoutMs));
            }
        }
    };
    const memo = new Map();
    const addresses = (name) => {
        let p = memo.get(name);
        if (!p) {
            p = (async () => {
                const [v4, v6] = await Promise.allSettled([query((r) => r.resolve4(name)), query((r) => r.resolve6(name))]);
                const found = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
                if (found.length > 0)
                    return found;
                // Both failed: the more telling error wins (a timeout over "no AAAA record").
                const errors = [v4, v6].map((r) => (r.status === 'rejected' ? r.reason : dnsError('ENODATA', 'no address')));
                throw errors.find((e) => e.code !== 'ENODATA' && e.code !== 'ENOTFOUND') ?? errors.find((e) => e.code === 'ENOTFOUND') ?? errors[0];
            })();
            p.catch(() => undefined);
            memo.set(name, p);
        }
        return p;
    };
    return {
        resolve4: (name) => query((r) => r.resolve4(name)),
        resolve6: (name) => query((r) => r.resolve6(name)),
        resolveCname: (name) => query((r) => r.resolveCname(name)),
        addresses,
        servers: () => {
            if (settings.dnsServers)
                return [...settings.dnsServers];
            return new promises_.Resolver().getServers();
        },
    };
}
function dnsError(code, message) {
    return Object.assign(new Error(`${code}: ${message}`), { code });
}
function createNet(settings, env) {
    const dns = createDns(settings);
    const lookup = (hostname, options, callback) => {
        const family = (0,external_node_net_.isIP)(hostname);
        if (family !== 0) {
            if (options.all)
                callback(null, [{ address: hostname, family }]);
            else
                callback(null, hostname, family);
            return;
        }
        dns.addresses(hostname).then((found) => {
            const list = found.map((address) => ({ address, family: (0,external_node_net_.isIP)(address) }));
            if (options.all)
                callback(null, list);
            else
                callback(null, list[0].address, list[0].family);
        }, (e) => callback(e, options.all ? [] : ''));
    };
    const target = (host, port) => settings.connect.get(`${host.toLowerCase()}:${port}`);
    const ca = settings.extraCa ? [...external_node_tls_.rootCertificates, ...settings.extraCa] : undefined;
    const base = (0,undici/* buildConnector */.gU)({
        timeout: settings.timeoutMs,
        ...(ca && { ca: [...ca] }),
        lookup: lookup,
        // No TLS session reuse: each run asks each host once, and a resumed session skips the certificate.
        maxCachedSessions: 0,
    });
    const connector = (options, callback) => {
        const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
        const to = target(options.hostname, port);
        if (!to) {
            base(options, callback);
            return;
        }
        // Like curl --resolve: the socket goes to the override, SNI and Host stay the real name.
        base({ ...options, hostname: to.host, host: `${to.host}:${to.port}`, port: String(to.port), servername: (0,external_node_net_.isIP)(options.hostname) ? '' : options.hostname }, callback);
    };
    const agentOptions = {
        connect: connector,
        headersTimeout: settings.timeoutMs,
        bodyTimeout: settings.timeoutMs,
        keepAliveTimeout: 1000,
        connections: 4,
    };
    const httpProxy = env.https_proxy ?? env.HTTPS_PROXY ?? env.http_proxy ?? env.HTTP_PROXY;
    const dispatcher = httpProxy
        ? new undici/* EnvHttpProxyAgent */.J2({
            ...agentOptions,
            ...((env.http_proxy ?? env.HTTP_PROXY) && { httpProxy: env.http_proxy ?? env.HTTP_PROXY }),
            ...((env.https_proxy ?? env.HTTPS_PROXY) && { httpsProxy: env.https_proxy ?? env.HTTPS_PROXY }),
            ...((env.no_proxy ?? env.NO_PROXY) !== undefined && { noProxy: env.no_proxy ?? env.NO_PROXY }),
            ...(ca && { requestTls: { ca: [...ca] } }),
        })
        : new undici/* Agent */.g6(agentOptions);
    return {
        dns,
        dispatcher,
        target,
        lookup,
        ...(ca && { ca }),
        close: async () => {
            await dispatcher.destroy().catch(() => undefined);
        },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/config/live-schema.ts
var live_schema = __webpack_require__(35972);
// EXTERNAL MODULE: ./src/config/resolve.ts
var resolve = __webpack_require__(68270);
// EXTERNAL MODULE: ./src/domain/addresses.ts
var addresses = __webpack_require__(60300);
// EXTERNAL MODULE: ./src/engine/site-rules.ts
var site_rules = __webpack_require__(48245);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(71013);
;// CONCATENATED MODULE: ./data/rdap/dns.json
const dns_namespaceObject = /*#__PURE__*/JSON.parse('{"description":"RDAP bootstrap file for Domain Name System registrations","publication":"2026-01-30T00:00:01Z","version":"1.0","services":[[["aaa"],["https://rdap.nic.aaa/"]],[["aarp"],["https://rdap.nic.aarp/"]],[["abb","abbott","abc","academy","accenture","accountants","actor","aeg","aero","agakhan","agency","ai","airbus","airforce","akdn","alibaba","alipay","allstate","aol","apartments","archi","army","arte","asda","asia","associates","attorney","auction","audi","band","barclaycard","barclays","barefoot","bargains","bbt","bcg","beats","bestbuy","bet","bike","bingo","bio","black","bloomberg","blue","bm","bms","bnpparibas","boehringer","bofa","bosch","boutique","bradesco","broker","builders","business","cab","cafe","camera","camp","capital","cards","care","careers","cash","casino","catering","center","cern","cfa","chanel","chat","cheap","church","cipriani","citadel","city","claims","cleaning","clinic","clinique","clothing","clubmed","coach","codes","coffee","community","company","computer","condos","construction","consulting","contact","contractors","cool","coupon","coupons","credit","creditcard","crs","cruise","cruises","dance","dating","deals","degree","delivery","delta","democrat","dental","dentist","diamonds","digital","direct","directory","discount","discover","doctor","dog","domains","edeka","education","email","emerck","energy","engineer","engineering","enterprises","equipment","ericsson","estate","events","exchange","expert","exposed","express","extraspace","fage","fail","family","fan","farm","fedex","ferrari","fidelity","fido","finance","financial","fish","fitness","flights","florist","football","forex","forsale","frogans","fund","furniture","futbol","fyi","gallery","gallo","gallup","games","genting","gifts","glass","global","gmbh","gold","golf","goodyear","graphics","gratis","green","gripe","group","guide","guru","haus","hdfc","hdfcbank","healthcare","helsinki","hermes","hkt","hockey","holdings","holiday","homedepot","hospital","house","hughes","ice","imamat","immo","immobilien","industries","info","institute","insure","international","investments","irish","ismaili","ist","istanbul","itv","jaguar","java","jeep","jetzt","jewelry","jio","jll","juegos","juniper","kaufen","kerryhotels","kerryproperties","kids","kim","kitchen","kosher","kuokgroup","lamborghini","lamer","land","landrover","lasalle","lawyer","lds","lease","lefrak","legal","lego","lgbt","life","lighting","limited","limo","live","llc","loans","lotto","ltd","ltda","lundbeck","maif","maison","management","market","marketing","markets","marriott","mba","mckinsey","media","memorial","mit","mobi","moda","money","mormon","mortgage","movie","mu","nab","navy","network","news","next","nextdirect","nikon","ninja","nissay","nowtv","nra","obi","onl","oracle","orange","organic","origins","partners","parts","pccw","pet","photography","photos","pictet","pictures","pink","pizza","place","plumbing","plus","pnc","poker","post","pro","productions","progressive","promo","properties","pub","pwc","recipes","red","redumbrella","rehab","reise","reisen","reliance","rentals","repair","report","republican","restaurant","reviews","rexroth","rich","richardli","ril","rip","rocks","rogers","run","rwe","sale","salon","sanofi","sarl","saxo","sbi","scholarships","school","schule","sener","services","sew","shangrila","shiksha","shoes","shopping","show","sina","singles","ski","soccer","social","software","solar","solutions","song","spa","srl","stada","star","statebank","stockholm","studio","style","supplies","supply","support","surgery","systems","taobao","tatamotors","tax","taxi","team","technology","temasek","tennis","thd","theater","tiaa","tienda","tips","tires","tmall","today","tools","tours","town","toys","trading","training","travel","travelers","travelersinsurance","trv","tvs","ubank","ubs","university","ups","vacations","vanguard","vegas","ventures","vet","viajes","video","vig","viking","villas","vin","visa","vision","volvo","vote","voto","voyage","watch","watches","weber","weibo","weir","wine","wolterskluwer","works","world","wtf","xin","xn--1ck2e1b","xn--5su34j936bgsg","xn--5tzm5g","xn--6frz82g","xn--9krt00a","xn--b4w605ferd","xn--bck1b9a5dre4c","xn--cck2b3b","xn--czrs0t","xn--eckvdtc9d","xn--fct429k","xn--fjq720a","xn--fzys8d69uvgm","xn--gckr3f0f","xn--gk3at1e","xn--jvr189m","xn--rovu88b","xn--unup4y","xn--vhquv","xn--w4r85el8fhu5dnra","xn--w4rs40l","yahoo","zara","zero","zone"],["https://rdap.identitydigital.services/rdap/"]],[["abbvie"],["https://rdap.nominet.uk/abbvie/"]],[["able"],["https://rdap.nic.able/"]],[["abogado"],["https://rdap.nic.abogado/"]],[["abudhabi"],["https://rdap.nic.abudhabi/"]],[["accountant"],["https://rdap.nic.accountant/"]],[["aco"],["https://rdap.nic.aco/"]],[["ad"],["https://rdap.nic.ad/"]],[["ads","android","app","boo","cal","channel","chrome","dad","day","dclk","dev","docs","drive","eat","esq","fly","foo","gbiz","gle","gmail","goog","google","guge","hangout","here","how","ing","map","meet","meme","mov","new","nexus","page","phd","play","prod","prof","rsvp","search","soy","xn--flw351e","xn--q9jyb4c","xn--qcka1pmc","youtube","zip"],["https://pubapi.registry.google/rdap/"]],[["adult"],["https://rdap.nic.adult/"]],[["aetna"],["https://rdap.nic.aetna/"]],[["afl"],["https://rdap.nic.afl/"]],[["africa"],["https://rdap.nic.africa/rdap/"]],[["aig"],["https://rdap.nic.aig/"]],[["airtel"],["https://rdap.nic.airtel/"]],[["allfinanz"],["https://rdap.centralnic.com/allfinanz/"]],[["ally"],["https://rdap.nic.ally/"]],[["alsace"],["https://rdap.nic.alsace/"]],[["alstom"],["https://rdap.nic.alstom/"]],[["amazon"],["https://rdap.nominet.uk/amazon/"]],[["americanexpress"],["https://rdap.nic.americanexpress/"]],[["americanfamily"],["https://rdap.nic.americanfamily/"]],[["amex"],["https://rdap.nic.amex/"]],[["amfam"],["https://rdap.nic.amfam/"]],[["amica"],["https://rdap.nic.amica/"]],[["amsterdam"],["https://rdap.nic.amsterdam/"]],[["analytics"],["https://rdap.nic.analytics/"]],[["anquan","shouji","xihuan","xn--vuq861b","yun"],["https://rdap.teleinfo.cn/"]],[["anz"],["https://rdap.nic.anz/"]],[["apple"],["https://rdap.nic.apple/"]],[["aquarelle"],["https://rdap.nic.aquarelle/"]],[["ar"],["https://rdap.nic.ar/"]],[["arab"],["https://rdap.nic.arab/"]],[["aramco"],["https://rdap.nic.aramco/"]],[["art"],["https://rdap.centralnic.com/art/"]],[["as"],["https://rdap.nic.as/"]],[["athleta"],["https://rdap.nic.athleta/"]],[["audible"],["https://rdap.nominet.uk/audible/"]],[["audio"],["https://rdap.centralnic.com/audio/"]],[["auspost"],["https://rdap.nic.auspost/"]],[["author"],["https://rdap.nominet.uk/author/"]],[["auto"],["https://rdap.centralnic.com/auto/"]],[["autos"],["https://rdap.centralnic.com/autos/"]],[["aws"],["https://rdap.nominet.uk/aws/"]],[["axa"],["https://rdap.nic.axa/"]],[["azure"],["https://rdap.nominet.uk/azure/"]],[["baby"],["https://rdap.centralnic.com/baby/"]],[["baidu"],["https://rdap.zdnsgtld.com/baidu/"]],[["banamex"],["https://rdap.nic.banamex/"]],[["bank"],["https://rdap.nic.bank/"]],[["bar","rest"],["https://rdap.registry.bar/rdap/"]],[["barcelona"],["https://rdap.nic.barcelona/"]],[["baseball"],["https://rdap.nic.baseball/"]],[["basketball"],["https://rdap.nic.basketball/"]],[["bauhaus"],["https://rdap.nic.bauhaus/"]],[["bayern"],["https://rdap.nic.bayern/"]],[["bbc"],["https://rdap.nominet.uk/bbc/"]],[["bbva"],["https://rdap.nominet.uk/bbva/"]],[["bcn"],["https://rdap.nic.bcn/"]],[["beauty"],["https://rdap.centralnic.com/beauty/"]],[["beer"],["https://rdap.nic.beer/"]],[["berlin"],["https://rdap.nic.berlin/v1/"]],[["best"],["https://rdap.centralnic.com/best/"]],[["bharti"],["https://rdap.nic.bharti/"]],[["bible"],["https://rdap.nic.bible/"]],[["bid"],["https://rdap.nic.bid/"]],[["bing"],["https://rdap.nominet.uk/bing/"]],[["biz"],["https://rdap.nic.biz/"]],[["blackfriday"],["https://rdap.nic.blackfriday/"]],[["blockbuster","data","dish","dot","dtv","dvr","latino","mobile","ollo","ott","phone","sling"],["https://rdap.mobile-registry.com/rdap/"]],[["blog"],["https://rdap.blog.fury.ca/rdap/"]],[["bmw"],["https://rdap.centralnic.com/bmw/"]],[["boats"],["https://rdap.centralnic.com/boats/"]],[["bom","final","globo","rio","uol"],["https://rdap.gtlds.nic.br/"]],[["bond"],["https://rdap.centralnic.com/bond/"]],[["book"],["https://rdap.nominet.uk/book/"]],[["booking"],["https://rdap.nic.booking/"]],[["bostik"],["https://rdap.nic.bostik/"]],[["boston"],["https://rdap.nic.boston/"]],[["bot"],["https://rdap.nominet.uk/bot/"]],[["box"],["https://rdap.centralnic.com/box/"]],[["br"],["https://rdap.registro.br/"]],[["bridgestone","brother","canon","datsun","dnp","epson","firestone","fujitsu","ggee","gmo","goldpoint","goo","hisamitsu","hitachi","honda","hyundai","infiniti","jcb","kddi","kia","komatsu","kyoto","lexus","lotte","mitsubishi","nagoya","nec","nhk","nico","nissan","okinawa","otsuka","panasonic","playstation","ricoh","ryukyu","sharp","shop","softbank","sony","suzuki","tokyo","toray","toshiba","toyota","yodobashi","yokohama"],["https://rdap.gmoregistry.net/rdap/"]],[["broadway"],["https://rdap.nominet.uk/broadway/"]],[["brussels"],["https://rdap.nic.brussels/"]],[["build"],["https://rdap.centralnic.com/build/"]],[["buy"],["https://rdap.nominet.uk/buy/"]],[["buzz"],["https://rdap.nic.buzz/"]],[["bzh"],["https://rdap.nic.bzh/"]],[["ca"],["https://rdap.ca.fury.ca/rdap/"]],[["call"],["https://rdap.nominet.uk/call/"]],[["calvinklein"],["https://rdap.nic.calvinklein/"]],[["cam"],["https://rdap.centralnic.com/cam/"]],[["capetown"],["https://rdap.nic.capetown/rdap/"]],[["capitalone"],["https://rdap.nic.capitalone/"]],[["car"],["https://rdap.centralnic.com/car/"]],[["caravan"],["https://rdap.nic.caravan/"]],[["career"],["https://rdap.nominet.uk/career/"]],[["cars"],["https://rdap.centralnic.com/cars/"]],[["casa"],["https://rdap.nic.casa/"]],[["case"],["https://rdap.centralnic.com/case/"]],[["cat"],["https://rdap.nic.cat/"]],[["catholic"],["https://rdap.nic.catholic/"]],[["cba"],["https://rdap.nic.cba/"]],[["cbn"],["https://rdap.nic.cbn/"]],[["cbre"],["https://rdap.nic.cbre/"]],[["cc"],["https://tld-rdap.verisign.com/cc/v1/"]],[["ceo"],["https://rdap.centralnic.com/ceo/"]],[["cfd"],["https://rdap.centralnic.com/cfd/"]],[["charity","foundation","gives","giving","ngo","ong","org","xn--c1avg","xn--i1b6b1a6a2e","xn--nqv7f","xn--nqv7fs00ema"],["https://rdap.publicinterestregistry.org/rdap/"]],[["chase"],["https://rdap.nic.chase/"]],[["chintai"],["https://rdap.nic.chintai/"]],[["christmas"],["https://rdap.centralnic.com/christmas/"]],[["circle"],["https://rdap.nominet.uk/circle/"]],[["cisco"],["https://rdap.nic.cisco/"]],[["citi"],["https://rdap.nic.citi/"]],[["citic"],["https://rdap.zdnsgtld.com/citic/"]],[["click","country","diy","food","gift","hiv","lifestyle","link","living","property","sexy","trust","vana"],["https://rdap.tucowsregistry.net/rdap/"]],[["cloud"],["https://rdap.registry.cloud/rdap/"]],[["club"],["https://rdap.nic.club/"]],[["cm"],["https://rdap.nic.cm/"]],[["college"],["https://rdap.centralnic.com/college/"]],[["cologne","koeln","tirol","wien"],["https://rdap.ryce-rsp.com/rdap/"]],[["com"],["https://rdap.verisign.com/com/v1/"]],[["commbank"],["https://rdap.nic.commbank/"]],[["compare"],["https://rdap.nic.compare/"]],[["comsec"],["https://tld-rdap.verisign.com/comsec/v1/"]],[["cooking"],["https://rdap.nic.cooking/"]],[["coop","creditunion"],["https://rdap.registry.coop/rdap/"]],[["corsica"],["https://rdap.nic.corsica/"]],[["courses"],["https://rdap.nic.courses/"]],[["cpa"],["https://rdap.nic.cpa/"]],[["cr"],["https://rdap.nic.cr/"]],[["cricket"],["https://rdap.nic.cricket/"]],[["crown"],["https://rdap.crown.fury.ca/rdap/"]],[["cuisinella"],["https://rdap.nic.cuisinella/"]],[["cv"],["https://rdap.nic.cv/"]],[["cx"],["https://rdap.nic.cx/"]],[["cymru"],["https://rdap.nominet.uk/cymru/"]],[["cyou"],["https://rdap.centralnic.com/cyou/"]],[["cz"],["https://rdap.nic.cz/"]],[["date"],["https://rdap.nic.date/"]],[["dds"],["https://rdap.nic.dds/"]],[["deal"],["https://rdap.nominet.uk/deal/"]],[["dealer"],["https://rdap.centralnic.com/dealer/"]],[["dell"],["https://rdap.nic.dell/"]],[["deloitte"],["https://rdap.centralnic.com/deloitte/"]],[["desi"],["https://rdap.nominet.uk/desi/"]],[["design"],["https://rdap.nic.design/"]],[["dhl"],["https://rdap.centralnic.com/dhl/"]],[["diet"],["https://rdap.centralnic.com/diet/"]],[["download"],["https://rdap.nic.download/"]],[["dubai"],["https://rdap.nic.dubai/"]],[["dupont"],["https://rdap.nic.dupont/"]],[["durban"],["https://rdap.nic.durban/rdap/"]],[["dvag"],["https://rdap.centralnic.com/dvag/"]],[["earth"],["https://rdap.nic.earth/"]],[["ec"],["https://rdap.registry.ec/"]],[["eco"],["https://rdap.eco.fury.ca/rdap/"]],[["erni"],["https://rdap.nic.erni/"]],[["eurovision"],["https://rdap.nic.eurovision/"]],[["eus"],["https://rdap.nic.eus/"]],[["fairwinds"],["https://rdap.nominet.uk/fairwinds/"]],[["faith"],["https://rdap.nic.faith/"]],[["fans"],["https://rdap.centralnic.com/fans/"]],[["farmers"],["https://rdap.nic.farmers/"]],[["fashion"],["https://rdap.nic.fashion/"]],[["fast"],["https://rdap.nominet.uk/fast/"]],[["feedback","forum","observer","pid","realty"],["https://rdap.registry.click/rdap/"]],[["ferrero"],["https://rdap.nic.ferrero/"]],[["fi"],["https://rdap.fi/rdap/rdap/"]],[["film"],["https://rdap.nic.film/"]],[["fire"],["https://rdap.nominet.uk/fire/"]],[["firmdale"],["https://rdap.nic.firmdale/"]],[["fishing"],["https://rdap.nic.fishing/"]],[["fit"],["https://rdap.nic.fit/"]],[["fj"],["https://www.rdap.fj/"]],[["flickr"],["https://rdap.nic.flickr/"]],[["flir"],["https://rdap.nic.flir/"]],[["flowers"],["https://rdap.centralnic.com/flowers/"]],[["fm"],["https://rdap.centralnic.com/fm/"]],[["fo"],["https://rdap.centralnic.com/fo/"]],[["ford"],["https://rdap.nic.ford/"]],[["fox"],["https://rdap.nic.fox/"]],[["fr"],["https://rdap.nic.fr/"]],[["free"],["https://rdap.nominet.uk/free/"]],[["fresenius"],["https://rdap.centralnic.com/fresenius/"]],[["frl"],["https://rdap.centralnic.com/frl/"]],[["frontier"],["https://rdap.nic.frontier/"]],[["ftr"],["https://rdap.nic.ftr/"]],[["fun"],["https://rdap.centralnic.com/fun/"]],[["gal"],["https://rdap.nic.gal/"]],[["game"],["https://rdap.centralnic.com/game/"]],[["gap"],["https://rdap.nic.gap/"]],[["garden"],["https://rdap.nic.garden/"]],[["gay"],["https://rdap.nic.gay/"]],[["gd"],["https://rdap.centralnic.com/gd/"]],[["gdn"],["https://rdap.nic.gdn/"]],[["gea"],["https://rdap.nic.gea/"]],[["gent"],["https://rdap.centralnic.com/gent/"]],[["george"],["https://rdap.nic.george/"]],[["gmx"],["https://rdap.nic.gmx/"]],[["godaddy"],["https://rdap.nic.godaddy/"]],[["gop"],["https://rdap.nominet.uk/gop/"]],[["got"],["https://rdap.nominet.uk/got/"]],[["gov"],["https://rdap.nic.gov/rdap/"]],[["grainger"],["https://rdap.nic.grainger/"]],[["grocery"],["https://rdap.nic.grocery/"]],[["gs"],["https://rdap.nic.gs/"]],[["gucci"],["https://rdap.nominet.uk/gucci/"]],[["guitars"],["https://rdap.centralnic.com/guitars/"]],[["gy"],["https://rdap.registry.gy/"]],[["hair"],["https://rdap.centralnic.com/hair/"]],[["hamburg"],["https://rdap.nic.hamburg/v1/"]],[["hbo"],["https://rdap.nic.hbo/"]],[["health"],["https://rdap.nic.health/"]],[["help"],["https://rdap.centralnic.com/help/"]],[["hiphop"],["https://rdap.registry.hiphop/rdap/"]],[["hn"],["https://rdap.nic.hn/"]],[["homegoods"],["https://rdap.nic.homegoods/"]],[["homes"],["https://rdap.centralnic.com/homes/"]],[["homesense"],["https://rdap.nic.homesense/"]],[["horse"],["https://rdap.nic.horse/"]],[["host"],["https://rdap.centralnic.com/host/"]],[["hosting"],["https://rdap.centralnic.com/hosting/"]],[["hot"],["https://rdap.nominet.uk/hot/"]],[["hotels"],["https://rdap.nic.hotels/"]],[["hotmail"],["https://rdap.nominet.uk/hotmail/"]],[["hsbc"],["https://rdap.nic.hsbc/"]],[["ht"],["https://rdap.nic.ht/"]],[["hyatt"],["https://rdap.nic.hyatt/"]],[["ibm"],["https://rdap.nic.ibm/"]],[["icbc"],["https://rdap.zdnsgtld.com/icbc/"]],[["icu"],["https://rdap.centralnic.com/icu/"]],[["id"],["https://rdap.pandi.id/rdap/"]],[["ieee"],["https://rdap.nominet.uk/ieee/"]],[["ifm"],["https://rdap.nic.ifm/"]],[["ikano"],["https://rdap.nic.ikano/v1/"]],[["imdb"],["https://rdap.nominet.uk/imdb/"]],[["in"],["https://rdap.nixiregistry.in/rdap/"]],[["inc"],["https://rdap.centralnic.com/inc/"]],[["ink"],["https://rdap.nic.ink/"]],[["insurance"],["https://rdap.nic.insurance/"]],[["int"],["https://rdap.iana.org/"]],[["intuit"],["https://rdap.nic.intuit/"]],[["ipiranga"],["https://rdap.nic.ipiranga/"]],[["is"],["https://rdap.isnic.is/rdap/"]],[["itau"],["https://rdap.nic.itau/"]],[["jmp"],["https://rdap.nic.jmp/"]],[["jnj"],["https://rdap.centralnicregistry.com/jnj/"]],[["jobs"],["https://rdap.nominet.uk/jobs/"]],[["joburg"],["https://rdap.nic.joburg/rdap/"]],[["jot"],["https://rdap.nominet.uk/jot/"]],[["joy"],["https://rdap.nominet.uk/joy/"]],[["jpmorgan"],["https://rdap.nic.jpmorgan/"]],[["jprs"],["https://rdap.nic.jprs/rdap/"]],[["ke"],["https://rdap.kenic.or.ke/"]],[["kfh"],["https://rdap.centralnic.com/kfh/"]],[["kg"],["http://rdap.cctld.kg/"]],[["kindle"],["https://rdap.nominet.uk/kindle/"]],[["kiwi"],["https://rdap.kiwi.fury.ca/rdap/"]],[["kpmg"],["https://rdap.nic.kpmg/"]],[["kpn"],["https://rdap.centralnic.com/kpn/"]],[["krd"],["https://rdap.nic.krd/"]],[["kred"],["https://rdap.centralnic.com/kred/"]],[["ky"],["https://whois.kyregistry.ky/rdap/"]],[["lacaixa"],["https://rdap.nic.lacaixa/"]],[["lanxess"],["https://rdap.nic.lanxess/"]],[["lat"],["https://rdap.centralnic.com/lat/"]],[["latrobe"],["https://rdap.nic.latrobe/"]],[["law"],["https://rdap.nic.law/"]],[["lb"],["https://rdap.lbdr.org.lb/"]],[["leclerc"],["https://rdap.nic.leclerc/"]],[["lidl"],["https://rdap.centralnic.com/lidl/"]],[["lifeinsurance"],["https://rdap.nic.lifeinsurance/"]],[["like"],["https://rdap.nominet.uk/like/"]],[["lilly"],["https://rdap.nic.lilly/"]],[["lincoln"],["https://rdap.nic.lincoln/"]],[["llp"],["https://rdap.centralnic.com/llp/"]],[["loan"],["https://rdap.nic.loan/"]],[["locker"],["https://rdap.nic.locker/rdap/"]],[["locus"],["https://rdap.nominet.uk/locus/"]],[["lol"],["https://rdap.centralnic.com/lol/"]],[["london"],["https://rdap.centralnic.com/london/"]],[["love"],["https://rdap.registry.love/rdap/"]],[["lpl"],["https://rdap.centralnic.com/lpl/"]],[["lplfinancial"],["https://rdap.centralnic.com/lplfinancial/"]],[["luxe"],["https://rdap.nic.luxe/"]],[["luxury"],["https://rdap.centralnic.com/luxury/"]],[["ly"],["https://rdap.nic.ly/"]],[["madrid"],["https://rdap.nic.madrid/"]],[["makeup"],["https://rdap.centralnic.com/makeup/"]],[["man"],["https://rdap.nic.man/"]],[["mango"],["https://rdap.nic.mango/"]],[["marshalls"],["https://rdap.nic.marshalls/"]],[["mattel"],["https://rdap.nic.mattel/"]],[["med"],["https://rdap.nominet.uk/med/"]],[["melbourne"],["https://rdap.nic.melbourne/"]],[["men"],["https://rdap.nic.men/"]],[["menu"],["https://rdap.nic.menu/"]],[["merckmsd"],["https://rdap.nic.merckmsd/"]],[["mg"],["http://rdap.nic.mg/"]],[["miami"],["https://rdap.nic.miami/"]],[["microsoft"],["https://rdap.nominet.uk/microsoft/"]],[["mini"],["https://rdap.centralnic.com/mini/"]],[["mint"],["https://rdap.nic.mint/"]],[["ml"],["https://rdap.nic.ml/"]],[["mlb"],["https://rdap.nic.mlb/"]],[["mls"],["https://rdap.mls.fury.ca/rdap/"]],[["mma"],["https://rdap.nic.mma/"]],[["moe"],["https://rdap.nic.moe/"]],[["moi"],["https://rdap.nominet.uk/moi/"]],[["mom"],["https://rdap.centralnic.com/mom/"]],[["monash"],["https://rdap.nic.monash/"]],[["monster"],["https://rdap.centralnic.com/monster/"]],[["moscow","xn--80adxhks"],["https://rdap.flexireg.net/"]],[["moto"],["https://rdap.nic.moto/"]],[["motorcycles"],["https://rdap.centralnic.com/motorcycles/"]],[["ms"],["https://rdap.nic.ms/"]],[["msd"],["https://rdap.nic.msd/"]],[["mtn"],["https://rdap.nominet.uk/mtn/"]],[["mtr"],["https://whois.nic.mtr/rdap/"]],[["museum"],["https://rdap.nic.museum/"]],[["music"],["https://rdap.registryservices.music/rdap/"]],[["na"],["https://keetmans.omadhina.co.na/"]],[["name"],["https://tld-rdap.verisign.com/name/v1/"]],[["nba"],["https://rdap.nic.nba/"]],[["net"],["https://rdap.verisign.com/net/v1/"]],[["netbank"],["https://rdap.nic.netbank/"]],[["netflix"],["https://rdap.nic.netflix/"]],[["neustar"],["https://rdap.nic.neustar/"]],[["nf"],["https://rdap.nic.nf/"]],[["nfl"],["https://rdap.nic.nfl/"]],[["ng"],["http://rdap.nic.net.ng/"]],[["nike"],["https://rdap.nic.nike/"]],[["nl"],["https://rdap.sidn.nl/"]],[["no"],["https://rdap.norid.no/"]],[["nokia"],["https://rdap.centralnic.com/nokia/"]],[["norton"],["https://rdap.nic.norton/"]],[["now"],["https://rdap.nominet.uk/now/"]],[["nowruz"],["https://rdap.nominet.uk/nowruz/"]],[["nrw"],["https://rdap.nic.nrw/"]],[["ntt"],["https://rdap.nic.ntt/rdap/"]],[["nyc"],["https://rdap.nic.nyc/"]],[["office"],["https://rdap.nominet.uk/office/"]],[["olayan"],["https://rdap.nic.olayan/"]],[["olayangroup"],["https://rdap.nic.olayangroup/"]],[["omega"],["https://rdap.nominet.uk/omega/"]],[["one"],["https://rdap.nic.one/"]],[["online"],["https://rdap.centralnic.com/online/"]],[["ooo"],["https://rdap.centralnic.com/ooo/"]],[["open"],["https://rdap.nic.open/"]],[["osaka"],["https://rdap.nic.osaka/"]],[["ovh"],["https://rdap.nic.ovh/"]],[["paris"],["https://rdap.nic.paris/"]],[["pars"],["https://rdap.nominet.uk/pars/"]],[["party"],["https://rdap.nic.party/"]],[["pay"],["https://rdap.nominet.uk/pay/"]],[["pfizer"],["https://rdap.nic.pfizer/"]],[["pg"],["https://rdap.nic.pg/"]],[["pharmacy"],["https://rdap.nominet.uk/pharmacy/"]],[["philips"],["https://rdap.nic.philips/"]],[["photo"],["https://rdap.nic.photo/"]],[["physio"],["https://rdap.nic.physio/"]],[["pics"],["https://rdap.centralnic.com/pics/"]],[["pin"],["https://rdap.nominet.uk/pin/"]],[["ping"],["https://rdap.nic.ping/"]],[["pioneer"],["https://rdap.nominet.uk/pioneer/"]],[["pl"],["https://rdap.dns.pl/"]],[["pm"],["https://rdap.nic.pm/"]],[["pn"],["https://rdap.nominet.uk/pn/"]],[["pohl"],["https://rdap.centralnic.com/pohl/"]],[["politie"],["https://rdap.nic.politie/"]],[["porn"],["https://rdap.nic.porn/"]],[["praxi"],["https://rdap.nic.praxi/"]],[["press"],["https://rdap.centralnic.com/press/"]],[["prime"],["https://rdap.nominet.uk/prime/"]],[["protection"],["https://rdap.centralnic.com/protection/"]],[["pru"],["https://rdap.nic.pru/"]],[["prudential"],["https://rdap.nic.prudential/"]],[["pw"],["https://rdap.centralnic.com/pw/"]],[["qpon"],["https://rdap.centralnic.com/qpon/"]],[["quebec"],["https://rdap.nic.quebec/"]],[["quest"],["https://rdap.centralnic.com/quest/"]],[["racing"],["https://rdap.nic.racing/"]],[["radio"],["https://rdap.nic.radio/"]],[["re"],["https://rdap.nic.re/"]],[["read"],["https://rdap.nominet.uk/read/"]],[["realestate"],["https://rdap.nominet.uk/realestate/"]],[["realtor"],["https://rdap.nominet.uk/realtor/"]],[["reit"],["https://rdap.centralnic.com/reit/"]],[["ren"],["https://rdap.zdnsgtld.com/ren/"]],[["rent"],["https://rdap.centralnic.com/rent/"]],[["review"],["https://rdap.nic.review/"]],[["rodeo"],["https://rdap.nic.rodeo/"]],[["room"],["https://rdap.nominet.uk/room/"]],[["rugby"],["https://rdap.nic.rugby/"]],[["ruhr"],["https://rdap.centralnic.com/ruhr/"]],[["rw"],["https://rdap.ricta.org.rw/"]],[["saarland"],["https://rdap.centralnic.com/saarland/"]],[["safe"],["https://rdap.nominet.uk/safe/"]],[["safety"],["https://rdap.nic.safety/"]],[["sakura"],["https://rdap.nic.sakura/rdap/"]],[["samsclub"],["https://rdap.nic.samsclub/"]],[["samsung","xn--cg4bki"],["https://nic.samsung/rdap/"]],[["sandvik"],["https://rdap.nic.sandvik/"]],[["sandvikcoromant"],["https://rdap.nic.sandvikcoromant/"]],[["sap"],["https://rdap.nic.sap/"]],[["sas"],["https://rdap.nic.sas/"]],[["save"],["https://rdap.nominet.uk/save/"]],[["sbs"],["https://rdap.centralnic.com/sbs/"]],[["scb"],["https://rdap.nic.scb/"]],[["schaeffler"],["https://rdap.nic.schaeffler/"]],[["schmidt"],["https://rdap.nic.schmidt/"]],[["schwarz"],["https://rdap.centralnic.com/schwarz/"]],[["science"],["https://rdap.nic.science/"]],[["scot"],["https://rdap.nic.scot/"]],[["sd"],["https://rdap.nic.sd/"]],[["seat"],["https://rdap.nic.seat/"]],[["secure"],["https://rdap.nominet.uk/secure/"]],[["security"],["https://rdap.centralnic.com/security/"]],[["seek"],["https://rdap.nic.seek/"]],[["select"],["https://rdap.nic.select/"]],[["seven"],["https://rdap.nic.seven/"]],[["sex"],["https://rdap.nic.sex/"]],[["sfr"],["https://rdap.centralnic.com/sfr/"]],[["shell"],["https://rdap.nominet.uk/shell/"]],[["shia"],["https://rdap.nominet.uk/shia/"]],[["si"],["https://rdap.register.si/"]],[["silk"],["https://rdap.nominet.uk/silk/"]],[["site"],["https://rdap.centralnic.com/site/"]],[["skin"],["https://rdap.centralnic.com/skin/"]],[["sky"],["https://rdap.nominet.uk/sky/"]],[["skype"],["https://rdap.nominet.uk/skype/"]],[["smart"],["https://rdap.centralnic.com/smart/"]],[["smile"],["https://rdap.nominet.uk/smile/"]],[["sncf"],["https://rdap.nic.sncf/"]],[["sohu"],["https://rdap.zdnsgtld.com/sohu/"]],[["space"],["https://rdap.centralnic.com/space/"]],[["sport"],["https://rdap.nic.sport/"]],[["spot"],["https://rdap.nominet.uk/spot/"]],[["sr"],["https://whois.sr/rdap/"]],[["ss"],["https://rdap.nic.ss/"]],[["staples"],["https://rdap.nic.staples/"]],[["statefarm"],["https://rdap.nic.statefarm/"]],[["stc"],["https://rdap.centralnic.com/stc/"]],[["stcgroup"],["https://rdap.centralnic.com/stcgroup/"]],[["storage"],["https://rdap.centralnic.com/storage/"]],[["store"],["https://rdap.centralnic.com/store/"]],[["stream"],["https://rdap.nic.stream/"]],[["study"],["https://rdap.nic.study/"]],[["sucks"],["https://rdap.nic.sucks/"]],[["surf"],["https://rdap.nic.surf/"]],[["swatch"],["https://rdap.nominet.uk/swatch/"]],[["swiss"],["https://rdap.nic.swiss/"]],[["sydney"],["https://rdap.nic.sydney/"]],[["tab"],["https://rdap.nic.tab/"]],[["taipei"],["https://rdap.nic.taipei/"]],[["talk"],["https://rdap.nominet.uk/talk/"]],[["target"],["https://rdap.nic.target/"]],[["tatar"],["https://whois.nic.tatar/rdap/"]],[["tattoo"],["https://rdap.nic.tattoo/"]],[["tci"],["https://rdap.nominet.uk/tci/"]],[["tdk"],["https://rdap.nic.tdk/"]],[["tech"],["https://rdap.centralnic.com/tech/"]],[["tel"],["https://rdap.nic.tel/"]],[["teva"],["https://rdap.nic.teva/"]],[["tf"],["https://rdap.nic.tf/"]],[["th","xn--o3cw4h"],["https://rdap.thains.co.th/"]],[["theatre"],["https://rdap.centralnic.com/theatre/"]],[["tickets"],["https://rdap.centralnic.com/tickets/"]],[["tjmaxx"],["https://rdap.nic.tjmaxx/"]],[["tjx"],["https://rdap.nic.tjx/"]],[["tkmaxx"],["https://rdap.nic.tkmaxx/"]],[["to"],["https://rdap.tonicregistry.to/rdap/"]],[["top"],["https://rdap.zdnsgtld.com/top/"]],[["total"],["https://rdap.nic.total/"]],[["trade"],["https://rdap.nic.trade/"]],[["tube"],["https://rdap.nic.tube/"]],[["tui"],["https://rdap.centralnic.com/tui/"]],[["tunes"],["https://rdap.nominet.uk/tunes/"]],[["tushu"],["https://rdap.nominet.uk/tushu/"]],[["tv"],["https://rdap.nic.tv/"]],[["tw"],["https://ccrdap.twnic.tw/tw/"]],[["tz"],["https://whois.tznic.or.tz/rdap/"]],[["ua"],["https://rdap.hostmaster.ua/"]],[["uk"],["https://rdap.nominet.uk/uk/"]],[["unicom"],["https://rdap.zdnsgtld.com/unicom/"]],[["uno"],["https://rdap.centralnic.com/uno/"]],[["uz"],["https://rdap.cctld.uz/"]],[["verisign"],["https://tld-rdap.verisign.com/verisign/v1/"]],[["versicherung"],["https://rdap.nic.versicherung/v1/"]],[["vg"],["https://rdap.centralnic.com/vg/"]],[["vi"],["https://rdap.nic.vi/"]],[["vip"],["https://rdap.nic.vip/"]],[["virgin"],["https://rdap.nominet.uk/virgin/"]],[["viva"],["https://rdap.centralnic.com/viva/"]],[["vivo"],["https://rdap.nic.vivo/"]],[["vlaanderen"],["https://rdap.nic.vlaanderen/"]],[["vodka"],["https://rdap.nic.vodka/"]],[["voting"],["https://rdap.nic.voting/"]],[["wales"],["https://rdap.nominet.uk/wales/"]],[["walmart"],["https://rdap.nic.walmart/"]],[["walter"],["https://rdap.nic.walter/"]],[["wang"],["https://rdap.zdnsgtld.com/wang/"]],[["wanggou"],["https://rdap.nominet.uk/wanggou/"]],[["weather"],["https://rdap.nic.weather/"]],[["weatherchannel"],["https://rdap.nic.weatherchannel/"]],[["webcam"],["https://rdap.nic.webcam/"]],[["website"],["https://rdap.centralnic.com/website/"]],[["wed"],["https://rdap.nominet.uk/wed/"]],[["wedding"],["https://rdap.nic.wedding/"]],[["wf"],["https://rdap.nic.wf/"]],[["whoswho"],["https://rdap.nic.whoswho/"]],[["wiki"],["https://rdap.nic.wiki/"]],[["williamhill"],["https://rdap.nic.williamhill/"]],[["win"],["https://rdap.nic.win/"]],[["windows"],["https://rdap.nominet.uk/windows/"]],[["winners"],["https://rdap.nic.winners/"]],[["wme"],["https://rdap.centralnic.com/wme/"]],[["woodside"],["https://rdap.nic.woodside/"]],[["work"],["https://rdap.nic.work/"]],[["wow"],["https://rdap.nominet.uk/wow/"]],[["wtc"],["https://rdap.nic.wtc/"]],[["xbox"],["https://rdap.nominet.uk/xbox/"]],[["xerox"],["https://rdap.nic.xerox/"]],[["xn--11b4c3d"],["https://tld-rdap.verisign.com/xn--11b4c3d/v1/"]],[["xn--1qqw23a","xn--55qx5d","xn--io0a7i","xn--xhq521b"],["https://restwhois.ngtld.cn/"]],[["xn--30rr7y"],["https://rdap.zdnsgtld.com/xn--30rr7y/"]],[["xn--3bst00m"],["https://rdap.zdnsgtld.com/xn--3bst00m/"]],[["xn--3ds443g"],["https://rdap.teleinfo.cn/xn--3ds443g/"]],[["xn--3pxu8k"],["https://tld-rdap.verisign.com/xn--3pxu8k/v1/"]],[["xn--42c2d9a"],["https://tld-rdap.verisign.com/xn--42c2d9a/v1/"]],[["xn--45q11c"],["https://rdap.zdnsgtld.com/XN--45Q11C/"]],[["xn--4gbrim"],["https://rdap.centralnic.com/xn--4gbrim/"]],[["xn--55qw42g","xn--zfr164b"],["https://rdap.conac.cn/"]],[["xn--6qq986b3xl"],["https://rdap.zdnsgtld.com/xn--6qq986b3xl/"]],[["xn--80aqecdr1a"],["https://rdap.nic.xn--80aqecdr1a/"]],[["xn--80asehdb"],["https://rdap.nic.xn--80asehdb/"]],[["xn--80aswg"],["https://rdap.nic.xn--80aswg/"]],[["xn--8y0a063a"],["https://rdap.zdnsgtld.com/xn--8y0a063a/"]],[["xn--9dbq2a"],["https://tld-rdap.verisign.com/xn--9dbq2a/v1/"]],[["xn--9et52u"],["https://rdap.zdnsgtld.com/xn--9et52u/"]],[["xn--c2br7g"],["https://tld-rdap.verisign.com/xn--c2br7g/v1/"]],[["xn--cckwcxetd"],["https://rdap.nominet.uk/xn--cckwcxetd/"]],[["xn--czr694b"],["https://rdap.zdnsgtld.com/xn--czr694b/"]],[["xn--czru2d"],["https://rdap.zdnsgtld.com/xn--czru2d/"]],[["xn--d1acj3b"],["https://whois.nic.xn--d1acj3b/rdap/"]],[["xn--efvy88h"],["https://rdap.zdnsgtld.com/XN--EFVY88H/"]],[["xn--fhbei"],["https://tld-rdap.verisign.com/xn--fhbei/v1/"]],[["xn--fiq228c5hs"],["https://rdap.teleinfo.cn/xn--fiq228c5hs/"]],[["xn--fiq64b"],["https://rdap.zdnsgtld.com/xn--fiq64b/"]],[["xn--g2xx48c"],["https://rdap.nic.xn--g2xx48c/"]],[["xn--hxt814e"],["https://rdap.zdnsgtld.com/xn--hxt814e/"]],[["xn--imr513n"],["https://rdap.zdnsgtld.com/xn--imr513n/"]],[["xn--j1aef"],["https://tld-rdap.verisign.com/xn--j1aef/v1/"]],[["xn--jlq480n2rg"],["https://rdap.nominet.uk/xn--jlq480n2rg/"]],[["xn--kcrx77d1x4a"],["https://rdap.nic.xn--kcrx77d1x4a/"]],[["xn--kpry57d"],["https://ccrdap.twnic.tw/taiwan/"]],[["xn--kput3i"],["https://rdap.teleinfo.cn/xn--kput3i/"]],[["xn--mgba3a3ejt"],["https://rdap.nic.xn--mgba3a3ejt/"]],[["xn--mgba7c0bbn0a"],["https://rdap.nic.xn--mgba7c0bbn0a/"]],[["xn--mgbab2bd"],["https://rdap.nic.xn--mgbab2bd/"]],[["xn--mgbca7dzdo"],["https://rdap.nic.xn--mgbca7dzdo/"]],[["xn--mgbi4ecexp"],["https://rdap.nic.xn--mgbi4ecexp/"]],[["xn--mgbt3dhd"],["https://rdap.nominet.uk/xn--mgbt3dhd/"]],[["xn--mk1bu44c"],["https://tld-rdap.verisign.com/xn--mk1bu44c/v1/"]],[["xn--mxtq1m"],["https://rdap.twnic.tw/rdap/"]],[["xn--ngbc5azd"],["https://rdap.nic.xn--ngbc5azd/"]],[["xn--ngbe9e0a"],["https://rdap.centralnic.com/xn--ngbe9e0a/"]],[["xn--ngbrx"],["https://rdap.nic.xn--ngbrx/"]],[["xn--nyqy26a"],["https://rdap.teleinfo.cn/xn--nyqy26a/"]],[["xn--otu796d"],["https://rdap.zdnsgtld.com/xn--otu796d/"]],[["xn--p1acf"],["https://rdap.nic.xn--p1acf/"]],[["xn--pssy2u"],["https://tld-rdap.verisign.com/xn--pssy2u/v1/"]],[["xn--rhqv96g"],["https://rdap.teleinfo.cn/xn--rhqv96g/"]],[["xn--ses554g"],["https://rdap.zdnsgtld.com/xn--ses554g/"]],[["xn--t60b56a"],["https://tld-rdap.verisign.com/xn--t60b56a/v1/"]],[["xn--tckwe"],["https://tld-rdap.verisign.com/xn--tckwe/v1/"]],[["xn--tiq49xqyj"],["https://rdap.nic.xn--tiq49xqyj/"]],[["xn--vermgensberater-ctb"],["https://rdap.centralnic.com/xn--vermgensberater-ctb/"]],[["xn--vermgensberatung-pwb"],["https://rdap.centralnic.com/xn--vermgensberatung-pwb/"]],[["xxx"],["https://rdap.nic.xxx/"]],[["xyz"],["https://rdap.centralnic.com/xyz/"]],[["yachts"],["https://rdap.centralnic.com/yachts/"]],[["yamaxun"],["https://rdap.nominet.uk/yamaxun/"]],[["yandex"],["https://rdap.nic.yandex/rdap/"]],[["ye"],["https://rdap.y.net.ye/"]],[["yoga"],["https://rdap.nic.yoga/"]],[["you"],["https://rdap.nominet.uk/you/"]],[["yt"],["https://rdap.nic.yt/"]],[["zappos"],["https://rdap.nominet.uk/zappos/"]],[["zm"],["https://rdap.nic.zm/"]],[["zuerich"],["https://rdap.centralnic.com/zuerich/"]]]}');
;// CONCATENATED MODULE: ./src/live/bootstrap.ts

/**
 * The RDAP bootstrap (RFC 9224): which server answers for which top-level label. Looked up by
 * the last label only: `a.com.cn` is `cn` (the public suffix `com.cn` is in no bootstrap, the trap
 * uptime-kuma fell into with `.com.br`).
 */
class RdapBootstrap {
    source;
    byTld = new Map();
    constructor(data, 
    /** Where the data came from, for error messages. */
    source) {
        this.source = source;
        const services = data?.services;
        if (!Array.isArray(services))
            throw new BootstrapError(`${source}: not an RDAP bootstrap file (no "services" array)`);
        services.forEach((service, i) => {
            const [labels, urls] = Array.isArray(service) ? service : [];
            if (!Array.isArray(labels) || !Array.isArray(urls))
                throw new BootstrapError(`${source}: services[${i}] is not [[labels], [urls]]`);
            // RFC 9224 §4: prefer an https base when a service lists several.
            const base = urls.filter((u) => typeof u === 'string' && /^https?:\/\//i.test(u)).sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')))[0];
            if (!base)
                return;
            for (const label of labels)
                if (typeof label === 'string')
                    this.byTld.set(label.toLowerCase(), base.endsWith('/') ? base : `${base}/`);
        });
    }
    /** The base URL for a top-level label (A-label), or undefined when the TLD has no RDAP. */
    baseFor(tld) {
        return this.byTld.get(tld.toLowerCase());
    }
    get size() {
        return this.byTld.size;
    }
}
class BootstrapError extends Error {
    name = 'BootstrapError';
}
let shipped;
/** The snapshot in data/rdap/dns.json (refreshed by scripts/rdap-bootstrap.mjs). */
function shippedBootstrap() {
    return (shipped ??= new RdapBootstrap(dns_namespaceObject, 'data/rdap/dns.json'));
}
const SHIPPED_PUBLICATION = dns_namespaceObject.publication ?? '';

;// CONCATENATED MODULE: ./src/live/whois-servers.ts
/**
 * WHOIS servers for top-level labels the RDAP bootstrap lacks. Only TLDs a Chinese filing is
 * likely to use are listed; anything else can be named in live.network.whoisServers. Queries go
 * to port 43 and are the bare A-label domain followed by CRLF.
 */
const WHOIS_SERVERS = {
    cn: 'whois.cnnic.cn',
    // .中国 and .中國: CNNIC's IDN registry.
    'xn--fiqs8s': 'cwhois.cnnic.cn',
    'xn--fiqz9s': 'cwhois.cnnic.cn',
    hk: 'whois.hkirc.hk',
    'xn--j6w193g': 'whois.hkirc.hk',
    mo: 'whois.monic.mo',
    jp: 'whois.jprs.jp',
    io: 'whois.nic.io',
    co: 'whois.nic.co',
    me: 'whois.nic.me',
    la: 'whois.nic.la',
};

;// CONCATENATED MODULE: ./src/live/settings.ts











/** Honest and short, as the contract says: the tool and its version. */
const DEFAULT_USER_AGENT = `beian-guard/${version/* VERSION */.x}`;
function read(file, what, baseDir) {
    const abs = external_node_path_default().resolve(baseDir, file);
    try {
        return external_node_fs_default().readFileSync(abs, 'utf8');
    }
    catch (e) {
        throw new errors/* InputError */.d(`live.network.${what}: cannot read ${file} (${e.code ?? String(e)})`);
    }
}
/** The PEM certificate blocks of a file, found with indexOf (a file of many BEGIN lines stays linear). */
function pemCertificates(text) {
    const begin = '-----BEGIN CERTIFICATE-----';
    const end = '-----END CERTIFICATE-----';
    const out = [];
    for (let at = text.indexOf(begin); at !== -1;) {
        const stop = text.indexOf(end, at + begin.length);
        if (stop === -1)
            break;
        const next = text.indexOf(begin, at + begin.length);
        if (next === -1 || next > stop)
            out.push(text.slice(at, stop + end.length));
        at = next === -1 || next > stop ? text.indexOf(begin, stop) : next;
    }
    return out;
}
function hostKey(host, port) {
    const parsed = (0,hostname/* parseHostname */.Pv)(host);
    return `${parsed.ok ? parsed.value.ascii : host.toLowerCase()}:${port}`;
}
/** Settings from the top-level `live` block; file paths are relative to the config file. Problems are InputErrors. */
function liveSettings(config, cwd) {
    const live = config.live;
    const network = live?.network;
    const baseDir = config.configFile ? external_node_path_default().dirname(config.configFile) : cwd;
    const connect = new Map();
    for (const [from, to] of Object.entries(network?.connect ?? {})) {
        const a = (0,live_schema/* parseEndpoint */.Bk)(from, undefined);
        const b = (0,live_schema/* parseEndpoint */.Bk)(to, undefined);
        if (!a || !b)
            throw new errors/* InputError */.d(`live.network.connect: "${from}" → "${to}" is not host:port → host:port`);
        connect.set(hostKey(a.host, a.port), b);
    }
    let extraCa;
    if (network?.caFile) {
        const pem = read(network.caFile, 'caFile', baseDir);
        extraCa = pemCertificates(pem);
        if (extraCa.length === 0)
            throw new errors/* InputError */.d(`live.network.caFile: ${network.caFile} holds no PEM certificate`);
    }
    let bootstrap = shippedBootstrap();
    if (network?.rdapBootstrap) {
        const text = read(network.rdapBootstrap, 'rdapBootstrap', baseDir);
        try {
            bootstrap = new RdapBootstrap(JSON.parse(text), network.rdapBootstrap);
        }
        catch (e) {
            if (e instanceof BootstrapError)
                throw new errors/* InputError */.d(`live.network.rdapBootstrap: ${e.message}`);
            throw new errors/* InputError */.d(`live.network.rdapBootstrap: ${network.rdapBootstrap} is not valid JSON`);
        }
    }
    const whoisServers = new Map(Object.entries(WHOIS_SERVERS).map(([tld, host]) => [tld, { host, port: 43 }]));
    for (const [tld, server] of Object.entries(network?.whoisServers ?? {})) {
        const at = (0,live_schema/* parseEndpoint */.Bk)(server, 43);
        const label = (0,hostname/* parseHostname */.Pv)(`x.${tld.replace(/^\./, '')}`);
        if (!at || !label.ok)
            throw new errors/* InputError */.d(`live.network.whoisServers: "${tld}": "${server}" is not a TLD and host[:port]`);
        whoisServers.set(label.value.ascii.slice(2), at);
    }
    const dnsServers = network?.dnsServers?.map((s) => {
        const at = (0,live_schema/* parseEndpoint */.Bk)(s, 53);
        if (!at)
            throw new errors/* InputError */.d(`live.network.dnsServers: "${s}" is not ip[:port]`);
        return at.host.includes(':') ? `[${at.host}]:${at.port}` : `${at.host}:${at.port}`;
    });
    return {
        timeoutMs: live?.timeoutMs ?? live_schema/* LIVE_DEFAULTS */.wC.timeoutMs,
        retries: live?.retries ?? live_schema/* LIVE_DEFAULTS */.wC.retries,
        maxRedirects: live?.maxRedirects ?? live_schema/* LIVE_DEFAULTS */.wC.maxRedirects,
        userAgent: live?.userAgent ?? DEFAULT_USER_AGENT,
        expiryWarnDays: live?.expiryWarnDays ?? live_schema/* LIVE_DEFAULTS */.wC.expiryWarnDays,
        certWarnDays: live?.certWarnDays ?? live_schema/* LIVE_DEFAULTS */.wC.certWarnDays,
        maxBytes: config.maxFileSize,
        ...(dnsServers && { dnsServers }),
        connect,
        ...(extraCa && { extraCa }),
        bootstrap,
        whoisServers,
    };
}
/**
 * The sites live can check: those with `domains`. None at all is a usage error (exit 2): a
 * nightly job that checks nothing must not pass.
 */
function liveSites(config) {
    const out = [];
    for (const site of config.sites) {
        const c = site.config;
        if (!c.domains || c.domains.length === 0)
            continue;
        const domains = unique(c.domains.map((d) => mustHost(d, 'domains')));
        const live = c.live;
        const hostLabels = live?.hosts ?? [...live_schema/* LIVE_DEFAULTS */.wC.hosts];
        const hosts = [];
        const seen = new Set();
        for (const domain of domains) {
            for (const label of hostLabels) {
                const name = label === '@' ? domain : mustHost(`${label}.${domain.ascii}`, 'live.hosts');
                if (seen.has(name.ascii))
                    continue;
                seen.add(name.ascii);
                hosts.push({ name, domain });
            }
        }
        const ipRanges = (c.ips ?? []).map((text) => {
            const r = (0,addresses/* parseAddressRange */.a)(text);
            if (!r.ok)
                throw new errors/* InputError */.d(`ips: "${text}" ${r.reason}`);
            return r.value;
        });
        const base = (0,site_rules/* prepareSiteRules */._)(site, (0,resolve/* siteFacts */.nJ)(site.config), config.lang);
        out.push({
            site,
            rules: { ...base, active: base.active.filter((a) => a.rule.meta.kind === 'footer') },
            domains,
            hosts,
            schemes: [...new Set(live?.schemes ?? live_schema/* LIVE_DEFAULTS */.wC.schemes)],
            paths: [...new Set(['/', ...(live?.paths ?? [])])],
            cnames: (live?.cnames ?? []).map((p) => {
                const wildcard = p.startsWith('*.');
                const name = mustHost(wildcard ? p.slice(2) : p, 'live.cnames');
                return wildcard ? `*.${name.ascii}` : name.ascii;
            }),
            ...(ipRanges.length > 0 && { ips: new addresses/* AddressMatcher */.J(ipRanges) }),
            ipRanges,
        });
    }
    if (out.length === 0) {
        const where = config.configFile ? external_node_path_default().basename(config.configFile) : 'the config';
        throw new errors/* InputError */.d(`${where}: live needs the filed domains: add "domains": ["example.cn"] to a site`);
    }
    return out;
}
function mustHost(text, field) {
    const r = (0,hostname/* parseHostname */.Pv)(text);
    if (!r.ok)
        throw new errors/* InputError */.d(`${field}: "${text}" ${r.reason}`);
    return r.value;
}
function unique(names) {
    const seen = new Set();
    return names.filter((n) => !seen.has(n.ascii) && seen.add(n.ascii));
}

;// CONCATENATED MODULE: ./src/live/tls-probe.ts



/** Verification errors that say nothing about the chain itself: they are reported from the dates and names. */
const NOT_CHAIN = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID']);
function namesOf(cert) {
    const alt = (cert.subjectaltname ?? '')
        .split(/,\s*/)
        .filter((n) => n.startsWith('DNS:'))
        .map((n) => n.slice(4));
    if (alt.length > 0)
        return alt;
    const cn = cert.subject?.CN;
    return cn ? (Array.isArray(cn) ? cn : [cn]) : [];
}
/**
 * Opens a TLS connection to host:443 (or its `connect` override) with the host as SNI and
 * reads the certificate a browser would be shown. Verification is done here, not by the
 * handshake, so that an expired or misnamed certificate is reported for what it is.
 */
async function probeCertificate(host, net, settings, port = 443) {
    const to = net.target(host, port);
    let socket;
    try {
        return await withTimeout(settings.timeoutMs, () => new Promise((resolve, reject) => {
            socket = (0,external_node_tls_.connect)({
                host: to?.host ?? host,
                port: to?.port ?? port,
                ...((0,external_node_net_.isIP)(host) === 0 && { servername: host }),
                rejectUnauthorized: false,
                ...(net.ca && { ca: [...net.ca] }),
                ...(!to && { lookup: net.lookup }),
                ALPNProtocols: ['http/1.1'],
            });
            socket.once('secureConnect', () => {
                const cert = socket.getPeerCertificate();
                if (!cert || !cert.valid_to) {
                    resolve({ kind: 'failed', code: 'NO_CERTIFICATE' });
                    return;
                }
                const authError = socket.authorizationError ? String(socket.authorizationError.code ?? socket.authorizationError) : undefined;
                resolve({
                    kind: 'certificate',
                    validFrom: new Date(cert.valid_from),
                    validTo: new Date(cert.valid_to),
                    names: namesOf(cert),
                    nameMatches: (0,external_node_tls_.checkServerIdentity)(host, cert) === undefined,
                    ...(authError && !NOT_CHAIN.has(authError) && { chainError: authError }),
                });
            });
            socket.once('error', reject);
        }));
    }
    catch (e) {
        return { kind: 'failed', code: e instanceof StepTimeout ? 'ETIMEOUT' : String(e.code ?? e.message) };
    }
    finally {
        socket?.destroy();
    }
}

;// CONCATENATED MODULE: ./src/live/words.ts
/** Pieces of live messages that are composed before a rule's template is filled. */
const WORDS = {
    'zh-CN': {
        failure(f, timeoutMs) {
            switch (f.kind) {
                case 'dns':
                    return `域名解析失败（${f.code ?? 'DNS'}）`;
                case 'refused':
                    return '连接被拒绝';
                case 'timeout':
                    return `${seconds(timeoutMs)} 秒内没有应答`;
                case 'tls':
                    return `TLS 握手失败（${f.code ?? 'TLS'}）`;
                case 'reset':
                    return '连接被重置';
                case 'status':
                    return `HTTP ${f.status}`;
                case 'bad-redirect':
                    return `跳转地址无效（${f.code ?? ''}）`;
                case 'redirect-loop':
                    return '跳转循环';
                case 'too-many-redirects':
                    return '跳转次数过多';
                case 'network':
                    return `网络错误（${f.code ?? '未知'}）`;
            }
        },
        listGap: '；',
        githubHosted: 'GitHub 托管的运行器（通常位于中国大陆境外）',
        selfHosted: (name) => `自托管运行器 ${name}`,
        machine: (name) => `本机 ${name}`,
        dnsServers: (servers) => `，DNS 服务器 ${servers}`,
        systemDns: '系统 DNS',
        via: (name) => `（经 CNAME ${name}）`,
        noneFiled: '未配置',
        cnameChain: (chain) => `，CNAME 链 ${chain}`,
        dnsCode: (code) => ({ ENOTFOUND: '域名不存在（NXDOMAIN）', ENODATA: '没有 A/AAAA 记录' })[code] ?? code,
        timeout: (ms) => `${seconds(ms)} 秒内没有应答`,
    },
    en: {
        failure(f, timeoutMs) {
            switch (f.kind) {
                case 'dns':
                    return `DNS lookup failed (${f.code ?? 'DNS'})`;
                case 'refused':
                    return 'connection refused';
                case 'timeout':
                    return `no answer within ${seconds(timeoutMs)} s`;
                case 'tls':
                    return `TLS handshake failed (${f.code ?? 'TLS'})`;
                case 'reset':
                    return 'connection reset';
                case 'status':
                    return `HTTP ${f.status}`;
                case 'bad-redirect':
                    return `invalid redirect target (${f.code ?? ''})`;
                case 'redirect-loop':
                    return 'redirect loop';
                case 'too-many-redirects':
                    return 'too many redirects';
                case 'network':
                    return `network error (${f.code ?? 'unknown'})`;
            }
        },
        listGap: '; ',
        githubHosted: 'a GitHub-hosted runner (usually outside mainland China)',
        selfHosted: (name) => `the self-hosted runner ${name}`,
        machine: (name) => `this machine (${name})`,
        dnsServers: (servers) => `, DNS servers ${servers}`,
        systemDns: 'system DNS',
        via: (name) => ` (through the CNAME ${name})`,
        noneFiled: 'none configured',
        cnameChain: (chain) => `, CNAME chain ${chain}`,
        dnsCode: (code) => ({ ENOTFOUND: 'the name does not exist (NXDOMAIN)', ENODATA: 'no A/AAAA record' })[code] ?? code,
        timeout: (ms) => `no answer within ${seconds(ms)} s`,
    },
};
function seconds(ms) {
    return String(Math.round(ms / 100) / 10);
}
/**
 * Where the check ran, for messages about addresses: DNS answers differ by region, so an
 * address seen from a runner abroad may not be what a reviewer in mainland China sees.
 */
function describeOrigin(env, servers, host, lang) {
    const w = WORDS[lang];
    let place;
    if (env.GITHUB_ACTIONS === 'true')
        place = env.RUNNER_ENVIRONMENT === 'self-hosted' ? w.selfHosted(env.RUNNER_NAME ?? '') : w.githubHosted;
    else
        place = w.machine(host);
    return `${place}${w.dnsServers(servers.length > 0 ? servers.join(', ') : w.systemDns)}`;
}

;// CONCATENATED MODULE: ./src/live/run.ts












const DAY = 86_400_000;
const START = { start: 0, end: 0 };
/**
 * `beian-guard live`: fetches every host × scheme × path of every site with `domains`, runs the
 * footer and title rules on the HTML served, and checks addresses, certificates and domain
 * expiry. Config problems throw InputError (exit 2); anything the network does is a finding.
 */
async function runLive(config, options) {
    const started = performance.now();
    const settings = liveSettings(config, options.cwd);
    const sites = liveSites(config);
    const net = options.net ? options.net(settings) : createNet(settings, options.env);
    const now = options.now ?? (() => new Date());
    const lang = config.lang;
    const limit = limiter(options.concurrency ?? 4);
    const expiry = new ExpiryLookups(net, settings);
    const findings = [];
    const summaries = [];
    const from = describeOrigin(options.env, net.dns.servers(), external_node_os_default().hostname(), lang);
    try {
        for (const site of sites) {
            const ctx = { site, settings, net, lang, from, now, findings, pages: 0, skipped: 0 };
            await Promise.all([
                ...site.domains.map((d) => limit(() => expiryFindings(d, expiry, ctx))),
                ...site.hosts.map((h) => limit(() => addressFindings(h.name, ctx))),
                ...(site.schemes.includes('https') ? site.hosts.map((h) => limit(() => certificateFindings(h.name, ctx))) : []),
                pageFindings(ctx, limit),
            ]);
            summaries.push({ root: site.domains.map((d) => d.unicode).join(', '), pages: ctx.pages, skipped: ctx.skipped });
        }
    }
    finally {
        await net.close();
    }
    return (0,report/* buildReport */.FK)(options.version, findings, summaries, Math.round(performance.now() - started));
}
/** Stamps one live finding: `file` is a URL or `domain:`/`dns:`/`tls:` name, at 1:1. */
function run_report(ctx, ruleId, file, draft) {
    const severity = ctx.site.rules.severities[ruleId];
    const rule = rules/* RULES_BY_ID */.kF.get(ruleId);
    if (!severity || !rule)
        return;
    if (ruleId === 'live-skipped')
        ctx.skipped++;
    const [f] = (0,stamp/* stampDrafts */.u4)([{ meta: rule.meta, severity, draft: { ...draft, span: START, anchor: 'document' } }], {
        lang: ctx.lang,
        file,
        // The whole name goes into the fingerprint, so www and the bare domain differ.
        page: file,
        entry: true,
        source: '',
    });
    ctx.findings.push({ ...f, page: pageOf(file) });
}
function pageOf(file) {
    return /^https?:/.test(file) ? new URL(file).pathname : file;
}
function named(h) {
    return h.unicode === h.ascii ? h.ascii : `${h.unicode} (${h.ascii})`;
}
function days(from, to) {
    return Math.floor((to.getTime() - from.getTime()) / DAY);
}
async function expiryFindings(domain, lookups, ctx) {
    const result = await lookups.lookup(domain);
    const file = `domain:${domain.unicode}`;
    const shown = named(domain);
    if (result.kind === 'no-source') {
        run_report(ctx, 'live-skipped', file, { messageId: 'no-expiry-source', data: { domain: shown, tld: result.tld }, evidence: result.tld });
        return;
    }
    if (result.kind === 'failed') {
        const detail = result.detail === 'ETIMEOUT' || result.detail === 'timeout' ? WORDS[ctx.lang].timeout(ctx.settings.timeoutMs) : result.detail;
        run_report(ctx, 'live-skipped', file, { messageId: 'expiry-failed', data: { domain: shown, source: result.source, detail }, evidence: result.source });
        return;
    }
    const r = result.reading;
    const data = { domain: shown, source: result.source };
    switch (r.kind) {
        case 'not-registered':
            run_report(ctx, 'domain-expiry', file, { messageId: 'not-registered', data: { ...data, detail: r.detail }, evidence: result.source });
            return;
        case 'rate-limited':
            run_report(ctx, 'live-skipped', file, { messageId: 'expiry-rate-limited', data: { ...data, detail: r.detail }, evidence: result.source });
            return;
        case 'unreadable':
            run_report(ctx, 'live-skipped', file, { messageId: 'expiry-unreadable', data: { ...data, detail: r.detail }, evidence: result.source });
            return;
        case 'expiry': {
            const left = days(ctx.now(), r.date);
            // Days left stay out of the evidence: the fingerprint must not change every day.
            if (r.date.getTime() <= ctx.now().getTime())
                run_report(ctx, 'domain-expiry', file, { messageId: 'expired', data: { ...data, date: r.display }, evidence: r.display });
            else if (left <= ctx.settings.expiryWarnDays) {
                run_report(ctx, 'domain-expiry', file, { messageId: 'expiring', data: { ...data, date: r.display, days: left }, evidence: r.display, severity: 'warning' });
            }
        }
    }
}
async function addressFindings(host, ctx) {
    const { site } = ctx;
    if (!site.ips && site.cnames.length === 0)
        return;
    const w = WORDS[ctx.lang];
    const outcome = await checkAddresses(host.ascii, site, ctx.net.dns);
    const file = `dns:${host.unicode}`;
    const shown = named(host);
    switch (outcome.kind) {
        case 'ok':
            return;
        case 'not-filed': {
            const chain = outcome.chain.length > 1 ? w.cnameChain(outcome.chain.join(' → ')) : '';
            run_report(ctx, 'ip-mismatch', file, {
                messageId: 'not-filed',
                data: { host: shown, addresses: outcome.addresses.join(', '), ips: site.ipRanges.map((r) => r.text).join(', ') || w.noneFiled, via: chain, from: ctx.from },
                evidence: [...outcome.addresses].sort().join(' '),
            });
            return;
        }
        case 'no-address':
            run_report(ctx, 'ip-mismatch', file, { messageId: 'no-address', data: { host: shown, detail: w.dnsCode(outcome.code), from: ctx.from }, evidence: outcome.code });
            return;
        case 'cname-loop':
            run_report(ctx, 'ip-mismatch', file, { messageId: 'cname-loop', data: { host: shown, chain: outcome.chain.join(' → ') }, evidence: outcome.chain.join(' ') });
            return;
        case 'cname-too-long':
            run_report(ctx, 'live-skipped', file, { messageId: 'cname-too-long', data: { host: shown, max: 8, chain: outcome.chain.join(' → ') }, evidence: outcome.chain.join(' ') });
            return;
        case 'dns-failed':
            run_report(ctx, 'live-skipped', file, {
                messageId: 'dns-failed',
                data: { host: shown, detail: outcome.code === 'ETIMEOUT' ? w.timeout(ctx.settings.timeoutMs) : outcome.code, from: ctx.from },
                evidence: outcome.code,
            });
    }
}
async function certificateFindings(host, ctx) {
    const outcome = await probeCertificate(host.ascii, ctx.net, ctx.settings);
    const file = `tls:${host.unicode}`;
    const shown = named(host);
    if (outcome.kind === 'failed') {
        // No address at all is reported by the address and page checks already.
        if (outcome.code === 'ENOTFOUND' || outcome.code === 'ENODATA')
            return;
        const w = WORDS[ctx.lang];
        const detail = outcome.code === 'ETIMEOUT' ? w.timeout(ctx.settings.timeoutMs) : outcome.code === 'ECONNREFUSED' ? w.failure({ kind: 'refused' }, 0) : outcome.code;
        run_report(ctx, 'live-skipped', file, { messageId: 'tls-failed', data: { host: shown, detail }, evidence: outcome.code });
        return;
    }
    const now = ctx.now();
    const date = (d) => d.toISOString().slice(0, 10);
    if (outcome.validTo.getTime() <= now.getTime())
        run_report(ctx, 'tls-certificate', file, { messageId: 'expired', data: { host: shown, date: date(outcome.validTo) }, evidence: date(outcome.validTo) });
    else if (outcome.validFrom.getTime() > now.getTime())
        run_report(ctx, 'tls-certificate', file, { messageId: 'not-yet-valid', data: { host: shown, date: date(outcome.validFrom) }, evidence: date(outcome.validFrom) });
    else if (days(now, outcome.validTo) <= ctx.settings.certWarnDays) {
        run_report(ctx, 'tls-certificate', file, { messageId: 'expiring', data: { host: shown, date: date(outcome.validTo), days: days(now, outcome.validTo) }, evidence: date(outcome.validTo), severity: 'warning' });
    }
    if (!outcome.nameMatches)
        run_report(ctx, 'tls-certificate', file, { messageId: 'wrong-name', data: { host: shown, names: outcome.names.join(', ') || '—' }, evidence: outcome.names.join(' ') });
    if (outcome.chainError)
        run_report(ctx, 'tls-certificate', file, { messageId: 'untrusted', data: { host: shown, detail: outcome.chainError }, evidence: outcome.chainError });
}
/** Every host × path over every scheme; then each distinct page served is checked once. */
async function pageFindings(ctx, limit) {
    const { site, settings, net } = ctx;
    const w = WORDS[ctx.lang];
    const jobs = [];
    const pages = new Map();
    for (const host of site.hosts) {
        for (const path of site.paths) {
            jobs.push((async () => {
                const visits = await Promise.all(site.schemes.map((scheme) => limit(() => visit(`${scheme}://${host.name.ascii}${path}`, net, settings))));
                const failures = [];
                for (const v of visits) {
                    redirectFindings(v, ctx);
                    const o = v.outcome;
                    if (o.kind === 'page') {
                        if (!pages.has(o.finalUrl))
                            pages.set(o.finalUrl, o);
                    }
                    else if (o.kind === 'failed')
                        failures.push({ url: v.url, failure: o.failure });
                    else if (o.kind === 'too-large') {
                        run_report(ctx, 'live-skipped', v.url, { messageId: 'page-too-large', data: { url: v.url, limit: `${Math.round(settings.maxBytes / 1024 / 1024)} MB` }, evidence: 'too-large' });
                    }
                    else
                        run_report(ctx, 'live-skipped', v.url, { messageId: 'page-not-html', data: { url: v.url, type: o.type }, evidence: o.type });
                }
                // The host answered over no scheme: what each scheme did, in one finding.
                if (failures.length === visits.length && failures.length > 0) {
                    const details = failures.map((f) => `${f.url}: ${w.failure(f.failure, settings.timeoutMs)}`).join(w.listGap);
                    const statuses = failures.map((f) => f.failure.status);
                    const messageId = statuses.includes(403) ? 'blocked' : statuses.includes(429) ? 'rate-limited' : 'unreachable';
                    run_report(ctx, 'live-unreachable', failures[0].url, {
                        messageId,
                        data: { url: failures[0].url, details },
                        evidence: failures.map((f) => `${new URL(f.url).protocol}${f.failure.kind}${f.failure.status ?? ''}`).join(' '),
                        ...(messageId !== 'unreachable' && { severity: 'warning' }),
                    });
                }
            })());
        }
    }
    await Promise.all(jobs);
    for (const [url, page] of [...pages].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const sheets = await fetchStylesheets(page, net, settings);
        ctx.pages++;
        const found = (0,check_page/* checkPage */.I)({
            rel: relOf(url),
            file: url,
            entry: true,
            source: page.text,
            loadStylesheet: (href) => {
                try {
                    const u = new URL(href.trim(), url);
                    u.hash = '';
                    return sheets.get(u.href);
                }
                catch {
                    return undefined;
                }
            },
        }, site.rules);
        // Fingerprints name the URL, not just the path: the same footer problem on www and on the bare domain is two findings.
        const seen = new Map();
        for (const f of found) {
            const key = `${f.ruleId}\0${f.messageId}\0${f.evidence}`;
            const n = seen.get(key) ?? 0;
            seen.set(key, n + 1);
            ctx.findings.push({ ...f, page: new URL(url).pathname, fingerprint: (0,stamp/* fingerprint */.Rj)(f.ruleId, f.messageId, url, f.evidence, n) });
        }
    }
}
function redirectFindings(v, ctx) {
    const chain = v.chain.join(' → ');
    if (v.outcome.kind === 'failed' && v.outcome.failure.kind === 'redirect-loop') {
        run_report(ctx, 'live-redirect', v.url, { messageId: 'loop', data: { url: v.url, chain }, evidence: chain });
    }
    else if (v.outcome.kind === 'failed' && v.outcome.failure.kind === 'too-many-redirects') {
        run_report(ctx, 'live-redirect', v.url, { messageId: 'too-many', data: { url: v.url, max: ctx.settings.maxRedirects, chain }, evidence: chain });
    }
    else if (v.outcome.kind === 'page') {
        const host = new URL(v.outcome.finalUrl).hostname;
        if (!ctx.site.domains.some((d) => host === d.ascii || host.endsWith(`.${d.ascii}`))) {
            run_report(ctx, 'live-redirect', v.url, { messageId: 'off-site', data: { url: v.url, host, chain }, evidence: chain });
        }
    }
}
/** A URL path as the built file behind it, so `ignore` globs written for `check` apply: `/` → index.html. */
function relOf(url) {
    const raw = new URL(url).pathname;
    let path;
    try {
        path = decodeURIComponent(raw);
    }
    catch {
        path = raw;
    }
    path = path.replace(/^\/+/, '');
    if (path === '' || path.endsWith('/'))
        return `${path}index.html`;
    return path;
}
/** At most `n` network steps at once: two cores and the sites' servers both prefer a few at a time. */
function limiter(n) {
    let active = 0;
    const waiting = [];
    return async (work) => {
        if (active >= n)
            await new Promise((resolve) => waiting.push(resolve));
        active++;
        try {
            return await work();
        }
        finally {
            active--;
            waiting.shift()?.();
        }
    };
}


/***/ })

};
