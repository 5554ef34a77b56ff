/**
 * The HTTP client of `align pull xapi`: undici's fetch through a dispatcher
 * that honours the proxy variables as curl does, where Node's own fetch
 * ignores them. `https_proxy`/`HTTPS_PROXY` for https:// URLs (else the
 * HTTP proxy), `http_proxy`/`HTTP_PROXY` for http:// URLs, except for the
 * hosts `no_proxy`/`NO_PROXY` lists (read as curl reads it, in no-proxy.ts);
 * a proxy written without a scheme (`proxy.corp:3128`) is an http:// one.
 * An http:// URL goes to the proxy as a plain request, an https:// one
 * through a tunnel (CONNECT). A client serves one LRS, whose origin every
 * request keeps (a `more` link to another origin is not followed): only the
 * proxy variable that applies to it is read, so that one set for other
 * URLs (a SOCKS proxy in HTTPS_PROXY, an http:// LRS) does not fail the
 * pull. undici is loaded only when an xAPI pull runs.
 */
import { noProxyLists, noProxyValue } from './no-proxy.js';
import { PullError } from './pull-error.js';

type Undici = typeof import('undici');

export interface HttpClient {
    readonly fetch: Undici['fetch'];
    /** The proxy a request to `url` (of the LRS's origin) goes through, for messages: none when NO_PROXY lists the host. */
    proxyFor(url: URL): Proxy | undefined;
    /** Closes the connections kept open (keep-alive), so that the process can end at once. */
    close(): Promise<void>;
}

/** A proxy the environment names: its variable, for messages, and its port, which a failure to reach it gives. */
export interface Proxy {
    readonly variable: string;
    readonly url: URL;
    readonly port: number;
}

/** The variables of each scheme's proxy, in the order undici reads them (lower case first). */
const HTTP_VARIABLES = ['http_proxy', 'HTTP_PROXY'];
const HTTPS_VARIABLES = ['https_proxy', 'HTTPS_PROXY'];

/** The proxy of the first of `variables` that is set; one that does not hold an http(s) URL is a pull error naming it. */
function proxyOf(variables: readonly string[]): Proxy | undefined {
    const variable = variables.find(name => process.env[name]?.trim());
    if (!variable) return undefined;
    const value = process.env[variable]!.trim();
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
    const url = URL.canParse(text) ? new URL(text) : undefined;
    if (url && /^socks/.test(url.protocol)) {
        throw new PullError(`the environment variable ${variable} names a SOCKS proxy (${url.protocol}//), which align pull does not support: give an HTTP proxy (http://host:port)`);
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new PullError(`the environment variable ${variable} does not hold a valid proxy URL (http://host:port)`);
    }
    return { variable, url, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}

/**
 * A client for the requests to the origin of `endpoint` (the LRS), through
 * the proxy that the environment names for it, if any. Only that proxy's
 * variable is read: one that does not hold an http(s) URL, or names a SOCKS
 * proxy, is a pull error; a variable that does not apply (NO_PROXY lists
 * the host, or HTTPS_PROXY for an http:// LRS) is not read.
 */
export async function httpClient(endpoint: URL): Promise<HttpClient> {
    const proxy = noProxyLists(endpoint, noProxyValue()) ? undefined : proxyOf(endpoint.protocol === 'https:' ? [...HTTPS_VARIABLES, ...HTTP_VARIABLES] : HTTP_VARIABLES);
    const undici: Undici = await import('undici');
    const dispatcher = proxy ? new undici.ProxyAgent({ uri: proxy.url.href, proxyTunnel: false }) : new undici.Agent();
    const sameOrigin = (url: URL) => {
        if (url.origin !== endpoint.origin) throw new Error('the LRS client was asked for another origin than the LRS\'s');
    };
    return {
        fetch: (input, init) => {
            sameOrigin(new URL(typeof input === 'string' ? input : 'href' in input ? input.href : input.url));
            return undici.fetch(input, { ...init, dispatcher });
        },
        proxyFor: url => { sameOrigin(url); return proxy; },
        close: () => dispatcher.close()
    };
}
