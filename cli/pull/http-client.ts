/**
 * The HTTP client of `align pull xapi`: undici's fetch through a dispatcher
 * that honours the proxy variables as curl does, where Node's own fetch
 * ignores them. `https_proxy`/`HTTPS_PROXY` for https:// URLs (else the
 * HTTP proxy), `http_proxy`/`HTTP_PROXY` for http:// URLs, except for the
 * hosts `no_proxy`/`NO_PROXY` lists; a proxy written without a scheme
 * (`proxy.corp:3128`) is an http:// one. An http:// URL goes to the proxy as
 * a plain request, an https:// one through a tunnel (CONNECT). undici is
 * loaded only when an xAPI pull runs.
 */
import { PullError } from './pull-error.js';

type Undici = typeof import('undici');

export interface HttpClient {
    readonly fetch: Undici['fetch'];
    /** The proxy a request to `url` goes through (NO_PROXY aside), for messages. */
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

/** A client whose connections go through the proxy that the environment names, if any. */
export async function httpClient(): Promise<HttpClient> {
    const http = proxyOf(HTTP_VARIABLES);
    const https = proxyOf(HTTPS_VARIABLES);
    const undici: Undici = await import('undici');
    const dispatcher = new undici.EnvHttpProxyAgent({ proxyTunnel: false, httpProxy: http?.url.href, httpsProxy: https?.url.href });
    return {
        fetch: (input, init) => undici.fetch(input, { ...init, dispatcher }),
        // As the dispatcher picks: the HTTPS proxy for https:// (else the HTTP one), the HTTP proxy for http://.
        proxyFor: url => (url.protocol === 'https:' ? https : undefined) ?? http,
        close: () => dispatcher.close()
    };
}
