/**
 * The HTTP client of `align pull xapi`: undici's fetch through a dispatcher
 * that honours the proxy variables as curl does, where Node's own fetch
 * ignores them. `https_proxy`/`HTTPS_PROXY` for https:// URLs (else the
 * HTTP proxy), `http_proxy`/`HTTP_PROXY` for http:// URLs, except for the
 * hosts `no_proxy`/`NO_PROXY` lists. An http:// URL goes to the proxy as a
 * plain request, an https:// one through a tunnel (CONNECT). undici is
 * loaded only when an xAPI pull runs.
 */
import { PullError } from './pull-error.js';

type Undici = typeof import('undici');

export interface HttpClient {
    readonly fetch: Undici['fetch'];
    /** Closes the connections kept open (keep-alive), so that the process can end at once. */
    close(): Promise<void>;
}

/** The environment variable that names the proxy for `url`, as undici reads them (lower case first), when one is set. */
export function proxyVariable(url: URL): string | undefined {
    const names = url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    return names.find(name => process.env[name]);
}

/** A client whose connections go through the proxy that the environment names, if any. */
export async function httpClient(): Promise<HttpClient> {
    const undici: Undici = await import('undici');
    let dispatcher: InstanceType<Undici['EnvHttpProxyAgent']>;
    try {
        dispatcher = new undici.EnvHttpProxyAgent({ proxyTunnel: false });
    } catch {
        // Its message may quote the proxy's URL, credentials included.
        const name = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].find(n => process.env[n] && !URL.canParse(process.env[n]!)) ?? 'HTTPS_PROXY or HTTP_PROXY';
        throw new PullError(`the environment variable ${name} does not hold a valid proxy URL (http://host:port)`);
    }
    return {
        fetch: (input, init) => undici.fetch(input, { ...init, dispatcher }),
        close: () => dispatcher.close()
    };
}
