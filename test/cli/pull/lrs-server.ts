import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';

/** An xAPI statement as the fixture LRS stores it. */
export interface StoredStatement {
    id: string;
    actor: Record<string, unknown>;
    verb: { id: string };
    object: { objectType?: string; id: string };
    result?: { success?: boolean; score?: { scaled?: number; raw?: number } };
    timestamp: string;
    stored: string;
}

/** Where the fixture LRS listens, and the query parameters that its statements resource wants. */
export interface LrsOptions {
    /** The loopback address it listens on: 127.0.0.1 (the default) or ::1. */
    readonly host?: '127.0.0.1' | '::1';
    /**
     * A tenant, as an LRS that serves several routes them: its endpoint
     * ends in `?tenant=...`, which every statements request must carry
     * (404 without), `more` links included.
     */
    readonly tenant?: string;
    /**
     * With `tenant`: `more` links leave the tenant out, as xAPI 1.0.3 lets
     * them (`more` is "the full path and optionally a query string"), while
     * every page still needs it: the client carries its endpoint's query over.
     */
    readonly moreWithoutTenant?: boolean;
}

/** What the next requests answer instead of statements (one entry per request, consumed in order). */
export type Fault = 500 | 503 | 429 | 'invalid-json' | 'hang' | ErrorAnswer;

/** An error answer with a body of its own, as an LRS explains a request it refuses. */
export interface ErrorAnswer {
    readonly status: number;
    readonly body: string;
    readonly contentType: string;
}

/** The fixture LRS's knobs and what it saw. */
export interface LrsServer {
    /** `http://127.0.0.1:PORT/xapi` (`https:` with `tls`, `[::1]` on IPv6, `?tenant=...` with the `tenant` it wants) */
    readonly endpoint: string;
    /** The connections made to the server (TCP, before any TLS handshake). */
    readonly connections: number;
    readonly requests: Array<{ url: string; headers: http.IncomingHttpHeaders; status: number }>;
    faults: Fault[];
    /** Page size (the `limit` the server applies when the client gives none). */
    pageSize: number;
    /** Repeat the last statement of a page at the start of the next (as a cursor over a changing store may). */
    repeatAtPageBoundary: boolean;
    /** Changes each answer of statements before it is sent (an LRS that sends what the spec does not allow). */
    answer?: (body: { statements: unknown[]; more: string }) => unknown;
    close(): Promise<void>;
}

export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/**
 * A loopback LRS implementing the statements resource of xAPI 1.0.3 for
 * GET: the version header (required, echoed), HTTP Basic, the `verb`,
 * `activity` and `since` filters, `limit`, `more` (a path relative to the
 * server root), voided statements left out (the voiding ones are returned),
 * newest stored first. No maintained LRS installs here; this one serves
 * fixture statements, over HTTP, or over HTTPS with the certificate and
 * key `tls` gives.
 */
export async function startLrs(statements: readonly StoredStatement[], credentials: string, tls?: { key: Buffer; cert: Buffer }, options: LrsOptions = {}): Promise<LrsServer> {
    const host = options.host ?? '127.0.0.1';
    const pages = new Map<string, StoredStatement[]>();
    const state: Pick<LrsServer, 'faults' | 'pageSize' | 'repeatAtPageBoundary' | 'answer'> = { faults: [], pageSize: 2, repeatAtPageBoundary: false };
    const requests: LrsServer['requests'] = [];
    const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const send = (status: number, body: unknown, raw = false, contentType = 'application/json') => {
            requests.push({ url: req.url ?? '', headers: req.headers, status });
            res.writeHead(status, { 'Content-Type': contentType, 'X-Experience-API-Version': '1.0.3' });
            res.end(raw ? String(body) : JSON.stringify(body));
        };
        if (req.method !== 'GET' || url.pathname !== '/xapi/statements') return send(404, { error: 'not found' });
        if (options.tenant !== undefined && url.searchParams.get('tenant') !== options.tenant) return send(404, { error: 'no such tenant' });
        if (!String(req.headers['x-experience-api-version'] ?? '').startsWith('1.0')) return send(400, { error: 'X-Experience-API-Version header missing' });
        if (req.headers.authorization !== `Basic ${Buffer.from(credentials).toString('base64')}`) return send(401, { error: 'unauthorized' });
        const fault = state.faults.shift();
        if (fault === 'hang') {
            requests.push({ url: req.url ?? '', headers: req.headers, status: 0 });
            return;
        }
        if (fault === 'invalid-json') return send(200, '{"statements": [', true);
        if (typeof fault === 'object') return send(fault.status, fault.body, true, fault.contentType);
        if (fault !== undefined) return send(fault, { error: 'injected' });
        const cursor = url.searchParams.get('cursor');
        const matching = cursor ? pages.get(cursor) ?? [] : query(statements, url.searchParams);
        const limit = Number(url.searchParams.get('limit') ?? '0') || state.pageSize;
        const page = matching.slice(0, limit);
        let rest = matching.slice(limit);
        if (rest.length > 0 && state.repeatAtPageBoundary) rest = [page.at(-1)!, ...rest];
        let more = '';
        if (rest.length > 0) {
            const next = `c${pages.size + 1}`;
            pages.set(next, rest);
            const tenant = options.tenant === undefined || options.moreWithoutTenant ? '' : `tenant=${encodeURIComponent(options.tenant)}&`;
            more = `/xapi/statements?${tenant}cursor=${next}`;
        }
        const body = { statements: page as unknown[], more };
        send(200, state.answer ? state.answer(body) : body);
    };
    const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise<void>(resolve => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    const tenant = options.tenant === undefined ? '' : `?tenant=${encodeURIComponent(options.tenant)}`;
    return {
        endpoint: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}/xapi${tenant}`, requests,
        get connections() { return connections; },
        get faults() { return state.faults; }, set faults(f) { state.faults = f; },
        get pageSize() { return state.pageSize; }, set pageSize(n) { state.pageSize = n; },
        get repeatAtPageBoundary() { return state.repeatAtPageBoundary; }, set repeatAtPageBoundary(b) { state.repeatAtPageBoundary = b; },
        get answer() { return state.answer; }, set answer(a) { state.answer = a; },
        close: () => new Promise<void>(resolve => { server.closeAllConnections(); server.close(() => resolve()); })
    };
}

/** The statements a query returns: filters applied, voided ones left out, newest stored first. */
function query(statements: readonly StoredStatement[], params: URLSearchParams): StoredStatement[] {
    const voided = new Set(statements.filter(s => s.verb.id === VOIDED).map(s => s.object.id));
    const verb = params.get('verb');
    const activity = params.get('activity');
    const since = params.get('since');
    return statements
        .filter(s => !voided.has(s.id))
        .filter(s => !verb || s.verb.id === verb)
        .filter(s => !activity || (s.object.objectType ?? 'Activity') === 'Activity' && s.object.id === activity)
        .filter(s => !since || Date.parse(s.stored) > Date.parse(since))
        .sort((a, b) => Date.parse(b.stored) - Date.parse(a.stored));
}
