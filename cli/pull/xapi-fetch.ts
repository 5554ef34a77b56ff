import { tlsProblem } from './certificate.js';
import type { HttpClient } from './http-client.js';
import { firstLine, PullError } from './pull-error.js';
import { dayOfDateText } from './periods.js';
import { timeoutMs } from './timeout.js';
import { lineEnd, lineStarts } from '../../language/line-starts.js';

/** An xAPI statement, as far as the pull reads it. */
export interface Statement {
    readonly id?: string;
    readonly actor?: Record<string, unknown>;
    readonly verb?: { readonly id?: string };
    readonly object?: { readonly objectType?: string; readonly id?: string };
    readonly result?: { readonly success?: boolean; readonly score?: { readonly scaled?: number; readonly raw?: number } };
    readonly timestamp?: string;
    readonly stored?: string;
}

/** How to reach the LRS; `variable` names the endpoint's environment variable in messages. */
export interface LrsConnection {
    readonly endpoint: string;
    readonly variable: string;
    readonly authorization?: string;
    readonly authVariable?: string;
}

const ATTEMPTS = 4;

/**
 * Every statement of one query: `GET <endpoint>/statements?...` (the
 * endpoint's own query kept: statementsUrl), following `more` (with the
 * endpoint's own query too: moreUrl) until it is empty. 429 and 5xx answers, network failures and
 * time-outs are tried ATTEMPTS times in all, with back-off (honouring
 * `Retry-After`); 401, 403, 404, any other error answer (with what the LRS
 * says: answerReason) and invalid JSON stop the pull with one line.
 */
export async function fetchStatements(lrs: LrsConnection, params: URLSearchParams, client: HttpClient): Promise<Statement[]> {
    const base = new URL(lrs.endpoint);
    [base.search, base.hash] = ['', ''];
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    let next: URL | undefined = statementsUrl(lrs, params);
    const statements: Statement[] = [];
    for (let page = 0; next; page++) {
        if (page > 100_000) throw new PullError(`${lrsIn(lrs)} keeps sending \`more\` pages`);
        const body = await getJson(lrs, next, client) as { statements?: unknown; more?: unknown };
        if (!Array.isArray(body.statements)) throw new PullError(`${lrsIn(lrs)} answered without a \`statements\` array`);
        // A loop, not `push(...page)`: a page of 100,000 statements would overflow the stack.
        for (const statement of body.statements as unknown[]) statements.push(checkedStatement(lrs, statement, statements.length + 1));
        next = typeof body.more === 'string' && body.more !== '' ? moreUrl(lrs, body.more, base) : undefined;
    }
    return statements;
}

/**
 * The statements resource under the endpoint, with the query's `params`:
 * `statements` is appended to the endpoint's path and the endpoint's own
 * query is kept, as written, before the pull's parameters
 * (`https://lrs.example.com/xapi?tenant=4` is asked
 * `/xapi/statements?tenant=4&verb=...`); a fragment is left out. A
 * parameter that both give would reach the LRS twice, to be read as either:
 * a PullError naming it.
 */
function statementsUrl(lrs: LrsConnection, params: URLSearchParams): URL {
    const url = new URL(lrs.endpoint);
    url.hash = '';
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/statements`;
    const own = url.search.slice(1);
    const twice = [...params.keys()].find(name => new URLSearchParams(own).has(name));
    if (twice !== undefined) {
        throw new PullError(`the URL in ${lrs.variable} has a query parameter \`${twice}\`, which the pull block sets too: leave it out of the URL`);
    }
    url.search = [own, params.toString()].filter(Boolean).join('&');
    return url;
}

/**
 * The next page: `more` is relative to the LRS's root (scheme, host and
 * port left out), per xAPI 1.0.3. One that leads to another origin is not
 * followed: the credentials would go with it. The endpoint's own query
 * parameters that `more` does not set itself are added after its own, as
 * written (`/xapi/statements?cursor=c2&tenant=4` for the endpoint
 * `https://lrs.example.com/xapi?tenant=4`): xAPI has `more` carry "the
 * full path and optionally a query string" and the client not interpret
 * it, so an LRS serving several tenants may leave out the tenant that each
 * of its requests still needs. What `more` sets is kept as it is.
 */
function moreUrl(lrs: LrsConnection, more: string, base: URL): URL {
    let url: URL;
    try {
        url = new URL(more, base);
    } catch {
        throw new PullError(`${lrsIn(lrs)} sent a \`more\` link that is not a URL`);
    }
    if (url.origin !== base.origin) {
        throw new PullError(`${lrsIn(lrs)} pointed \`more\` at another origin (${url.origin}): not followed, so that its credentials are not sent there`);
    }
    const own = new URL(lrs.endpoint).search.slice(1).split('&').filter(pair => pair !== '');
    const missing = own.filter(pair => !url.searchParams.has([...new URLSearchParams(pair).keys()][0] ?? ''));
    url.search = [url.search.slice(1), ...missing].filter(Boolean).join('&');
    return url;
}

/** A statement of the answer as the pull reads it; one it cannot read is a PullError naming it (1-based, in the order received, and by id). */
function checkedStatement(lrs: LrsConnection, statement: unknown, index: number): Statement {
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) {
        throw new PullError(`${lrsIn(lrs)} sent statement ${index} that is not an object (${statement === null ? 'null' : Array.isArray(statement) ? 'an array' : typeof statement})`);
    }
    const s = statement as Record<string, unknown>;
    const id = typeof s['id'] === 'string' ? ` (id ${s['id'].slice(0, 64).replace(/[\u0000-\u001f\u007f]/g, '?')})` : '';
    for (const key of ['timestamp', 'stored'] as const) {
        const value = s[key];
        if (value !== undefined && value !== null && typeof value !== 'string') {
            throw new PullError(`${lrsIn(lrs)} sent statement ${index}${id} whose \`${key}\` is not text (${typeof value}): expected an ISO 8601 timestamp`);
        }
    }
    // A statement that cannot be dated would be left out of every period without a word.
    const when = typeof s['timestamp'] === 'string' ? 'timestamp' : typeof s['stored'] === 'string' ? 'stored' : undefined;
    if (when === undefined) throw new PullError(`${lrsIn(lrs)} sent statement ${index}${id} without a \`timestamp\` or \`stored\` time`);
    if (dayOfDateText((s[when] as string).toUpperCase()) === undefined) {
        // Second 60 is a leap second only where one can be: ISO 8601 and RFC 3339 allow it, no other.
        const leap = /^\d{4,}-\d\d-\d\d[ T]\d\d:\d\d:60/i.test(s[when] as string);
        throw new PullError(`${lrsIn(lrs)} sent statement ${index}${id} whose \`${when}\` \`${(s[when] as string).slice(0, 40)}\` is ${leap
            ? 'no time that exists: second 60, a leap second, comes only at 23:59:60 UTC on the last day of a month'
            : 'not an ISO 8601 timestamp'}`);
    }
    return s as Statement;
}

async function getJson(lrs: LrsConnection, start: URL, client: HttpClient): Promise<unknown> {
    let url = start;
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
        let response: Awaited<ReturnType<HttpClient['fetch']>>;
        try {
            // Redirects are followed here, not by fetch: one to another origin would drop the credentials (or carry them there).
            response = await client.fetch(url, { headers: headers(lrs), signal: AbortSignal.timeout(timeoutMs()), redirect: 'manual' });
        } catch (error) {
            const failure = networkFailure(error, lrs, url, client);
            if (failure.retry && attempt < ATTEMPTS) { await sleep(backoff(attempt)); continue; }
            throw new PullError(`${failure.what}${failure.retry ? `, ${ATTEMPTS} attempts` : ''} (${failure.where ?? lrsIn(lrs)})`);
        }
        if (REDIRECTS.includes(response.status)) {
            await response.body?.cancel();
            url = redirected(lrs, url, response.headers.get('location'), ++redirects);
            attempt = 0;
            continue;
        }
        if (response.status === 429 || response.status >= 500) {
            await response.body?.cancel();
            if (attempt < ATTEMPTS) { await sleep(backoff(attempt, response.headers.get('retry-after'))); continue; }
            throw new PullError(`HTTP ${response.status} from ${lrsIn(lrs)}, after ${ATTEMPTS} attempts`);
        }
        if (!response.ok) {
            const hint = response.status === 401 || response.status === 403 ? lrs.authVariable ? ` (check the credentials in ${lrs.authVariable})` : ' (the LRS wants credentials: add `auth env "VAR"`)'
                : response.status === 404 ? ` (no statements resource under the endpoint in ${lrs.variable})` : undefined;
            if (hint !== undefined) await response.body?.cancel();
            const reason = hint ?? await answerReason(response, lrs, url);
            throw new PullError(`HTTP ${response.status}${reason}`);
        }
        const text = await response.text();
        try {
            return JSON.parse(text) as unknown;
        } catch {
            throw new PullError(`${lrsIn(lrs)} answered with invalid JSON`);
        }
    }
}

/** The most characters of an LRS's own words that a message quotes. */
const MAX_REASON = 200;

/**
 * What the LRS says about an error it answers, as the end of a message
 * (` (the LRS says "...")`), from the `message` or `error` of a JSON body (xAPI
 * fixes no form; LRSs use these) or from a text body, its first line cut to
 * MAX_REASON characters; empty when the body says nothing readable (none,
 * or an HTML page). Credentials and the endpoint that the LRS may quote back
 * are named by their variables, never shown.
 */
async function answerReason(response: Awaited<ReturnType<HttpClient['fetch']>>, lrs: LrsConnection, url: URL): Promise<string> {
    // A body cut off says nothing more: the status is still reported.
    const body = await response.text().catch(() => '');
    let said: unknown = body;
    if (/^\s*[{[]/.test(body)) {
        try {
            const json = JSON.parse(body) as { message?: unknown; error?: unknown } | null;
            const error = json?.error as { message?: unknown } | undefined;
            said = [json?.message, json?.error, error?.message].find(text => typeof text === 'string') ?? '';
        } catch {
            // Not JSON after all: quoted as text.
        }
    }
    const saidText = said as string;
    // Its first line with text, whichever line end cuts it (`\n`, `\r\n` or a lone `\r`).
    let text = lineStarts(saidText).map(start => saidText.slice(start, lineEnd(saidText, start)).trim()).find(line => line !== '') ?? '';
    if (text === '' || text.startsWith('<')) return '';
    if (lrs.authorization !== undefined && lrs.authVariable !== undefined) {
        const basic = lrs.authorization.replace(/^Basic /, '');
        const pair = Buffer.from(basic, 'base64').toString('utf-8');
        text = hide(text, [basic, pair, pair.slice(pair.indexOf(':') + 1)], `(the value of ${lrs.authVariable})`);
    }
    text = hide(text, [url.href, lrs.endpoint], `(the value of ${lrs.variable})`);
    text = text.replace(/[\u0000-\u001f\u007f]/g, '?');
    return ` (the LRS says "${text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 3)}...` : text}")`;
}

/** Text with every occurrence of the `values` (the longest first) replaced by `name`. */
function hide(text: string, values: readonly string[], name: string): string {
    return [...values].filter(v => v !== '').sort((a, b) => b.length - a.length).reduce((t, v) => t.split(v).join(name), text);
}

/** The statuses of a redirect that names where to go. */
const REDIRECTS = [301, 302, 303, 307, 308];
/** The most redirects one request follows. */
const MAX_REDIRECTS = 5;

/**
 * Where a redirect leads: followed within the LRS's origin; one to another
 * origin (`http://` to `https://` included) is a PullError that says what
 * to change in the endpoint's variable, without naming its host: fetch
 * would follow it without the credentials, and the LRS there answer 401,
 * read as wrong credentials.
 */
function redirected(lrs: LrsConnection, from: URL, location: string | null, count: number): URL {
    const to = location !== null && URL.canParse(location, from) ? new URL(location, from) : undefined;
    if (!to) throw new PullError(`${lrsIn(lrs)} answered with a redirect ${location === null ? 'without a `Location`' : 'to a `Location` that is not a URL'}`);
    if (to.origin !== from.origin) {
        const where = to.hostname !== from.hostname ? 'another host' : to.protocol !== from.protocol ? `${to.protocol}// on the same host` : 'another port of the same host';
        throw new PullError(`${lrsIn(lrs)} redirected the request to ${where}: not followed, so that its credentials are not sent elsewhere; put the endpoint it moved to in ${lrs.variable}`);
    }
    if (count > MAX_REDIRECTS) throw new PullError(`${lrsIn(lrs)} redirected the request more than ${MAX_REDIRECTS} times`);
    return to;
}

function headers(lrs: LrsConnection): Record<string, string> {
    const h: Record<string, string> = { 'X-Experience-API-Version': '1.0.3', Accept: 'application/json' };
    if (lrs.authorization) h['Authorization'] = lrs.authorization;
    return h;
}

/** Half a second, then 1, 2...; `Retry-After` (seconds) when the server gives one, up to 30 s. */
function backoff(attempt: number, retryAfter?: string | null): number {
    const asked = retryAfter ? Number(retryAfter) : NaN;
    if (Number.isFinite(asked) && asked >= 0) return Math.min(asked, 30) * 1000;
    return 500 * 2 ** (attempt - 1);
}

/** Words for the codes of a failed connection. */
const NETWORK_CODES: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_SOCKET: 'the LRS closed the connection'
};

/**
 * Why fetch failed, from its `cause` (fetch's own message is only "fetch
 * failed"), never naming the URL; and whether trying again may help. A bad
 * port and a refused certificate (untrusted, expired, for another host) or
 * a server without TLS fail the same way each time: they are not retried.
 */
function networkFailure(error: unknown, lrs: LrsConnection, url: URL, client: HttpClient): { what: string; retry: boolean; where?: string } {
    if ((error as Error).name === 'TimeoutError') return { what: `timed out after ${timeoutMs() / 1000} s`, retry: true };
    const cause = rootCause(error);
    const code = typeof cause.code === 'string' ? cause.code : undefined;
    const message = firstLine(cause).split(url.href).join(lrs.variable).split(lrs.endpoint).join(lrs.variable);
    const proxy = client.proxyFor(url);
    // undici's words for a proxy's refusal: of a tunnel (https://), and of a request it forwards (http://) asking for credentials.
    const tunnel = /^Proxy response \((\d+)\) !== 200 when HTTP Tunneling$/.exec(message) ?? /^Proxy Authentication Required \((407)\)$/.exec(message);
    if (proxy && tunnel) {
        const status = tunnel[1]!;
        const where = proxyWhere(proxy.variable, lrs);
        return status === '407'
            ? { what: `the proxy answered HTTP 407: it wants credentials, as http://user:password@host:port in ${proxy.variable}`, retry: false, where }
            : { what: `the proxy answered HTTP ${status} to the tunnel to the LRS`, retry: status.startsWith('5'), where };
    }
    if (code && NETWORK_CODES[code]) {
        // A failure to reach the proxy itself names the proxy's variable: its port is the one the error gives.
        const where = proxy && cause.port === proxy.port ? proxyWhere(proxy.variable, lrs) : undefined;
        return { what: NETWORK_CODES[code], retry: true, where };
    }
    if (message === 'bad port') return { what: `fetch refuses to connect to port ${url.port}, a "bad port"`, retry: false };
    switch (tlsProblem(code)) {
        case 'untrusted': return { what: `the LRS's certificate is not trusted (${message}): if your organisation signs it, give its CA certificate's file in NODE_EXTRA_CA_CERTS`, retry: false };
        case 'other-host': return { what: `the LRS's certificate is for another host name than the one in ${lrs.variable}`, retry: false };
        case 'no-tls': return { what: 'the server at that port does not speak TLS (is the URL http:// rather than https://?)', retry: false };
        case 'other': return { what: `the LRS's TLS connection failed: ${message}, ${code}`, retry: false };
        default: return { what: `${message}${code ? `, ${code}` : ''}`, retry: true };
    }
}

/**
 * The LRS as messages name it: by the environment variable of its endpoint,
 * called one (`the LRS in the environment variable LRS`: `the LRS in LRS`
 * would read as a typo when the variable is named for what it holds).
 */
function lrsIn(lrs: LrsConnection): string {
    return `the LRS in the environment variable ${lrs.variable}`;
}

/** Where a failure of the proxy happened. */
function proxyWhere(proxy: string, lrs: LrsConnection): string {
    return `the proxy in ${proxy}, for ${lrsIn(lrs)}`;
}

/** The innermost `cause` of an error; of an AggregateError (one per address tried) without a code, its first error. */
function rootCause(error: unknown): Error & { code?: unknown; port?: unknown } {
    let current = error as Error & { code?: unknown; port?: unknown; cause?: unknown; errors?: unknown[] };
    for (let depth = 0; depth < 10; depth++) {
        if (current.cause instanceof Error) current = current.cause as typeof current;
        else if (current.code === undefined && Array.isArray(current.errors) && current.errors[0] instanceof Error) current = current.errors[0] as typeof current;
        else break;
    }
    return current;
}

function sleep(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}
