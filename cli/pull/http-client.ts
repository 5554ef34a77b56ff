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
    /** Closes the connections kept open (keep-alive), so that the process can end at once. */
    close(): Promise<void>;
}

/** A proxy the environment names: its variable, for messages, and its URL. */
export interface Proxy {
    readonly variable: string;
    readonly url: URL;
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
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new PullError(`the environment variable ${variable} does not hold a valid proxy URL (http://host:port)`);
    }
    return { variable, url };
}

/** The proxy the environment names for a request to `url` (NO_PROXY aside). */
export function proxyFor(url: URL): Proxy | undefined {
    return (url.protocol === 'https:' ? proxyOf(HTTPS_VARIABLES) : undefined) ?? proxyOf(HTTP_VARIABLES);
}

/** A client whose connections go through the proxy that the environment names, if any. */
export async function httpClient(): Promise<HttpClient> {
    const http = proxyOf(HTTP_VARIABLES);
    const https = proxyOf(HTTPS_VARIABLES);
    const undici: Undici = await import('undici');
    const dispatcher = new undici.EnvHttpProxyAgent({ proxyTunnel: false, httpProxy: http?.url.href, httpsProxy: https?.url.href });
    return {
        fetch: (input, init) => undici.fetch(input, { ...init, dispatcher }),
        close: () => dispatcher.close()
    };
}
