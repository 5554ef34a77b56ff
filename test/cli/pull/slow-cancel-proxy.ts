/**
 * A TCP proxy in front of the test PostgreSQL server whose connections pass
 * bytes as they come, except the connection that asks the server to cancel
 * a query (`pg_cancel_backend`), as over a slow network: from that request
 * on, its bytes in one direction arrive `delayMs` late.
 * - `answers`: the cancel takes effect on the server at once (the query
 *   fails) while the canceller learns of it late: the window in which
 *   `align pull` must neither report the cancelled query's failure nor
 *   start the next pull.
 * - `request`: the cancel reaches the server late, so a query about to end
 *   ends well: `align pull` keeps its result and must not start the next.
 */
import * as net from 'node:net';

export interface SlowCancelProxy {
    /** The server's URL with the proxy's port. */
    readonly url: string;
    /** How many cancel requests passed through. */
    readonly cancels: () => number;
    /** Settles when a client has sent `text` (a query's) to the server. */
    sent(text: string): Promise<void>;
    close(): Promise<void>;
}

export async function startSlowCancelProxy(serverUrl: string, delayMs: number, late: 'answers' | 'request'): Promise<SlowCancelProxy> {
    const target = new URL(serverUrl);
    const sockets = new Set<net.Socket>();
    let cancels = 0;
    const awaited: Array<{ text: string; resolve: () => void }> = [];
    const server = net.createServer(client => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        let slowed = false;
        const toServer = (send: () => void) => slowed && late === 'request' ? setTimeout(send, delayMs) : send();
        const toClient = (send: () => void) => slowed && late === 'answers' ? setTimeout(send, delayMs) : send();
        client.on('data', chunk => {
            for (const wait of awaited.filter(w => chunk.includes(w.text))) {
                awaited.splice(awaited.indexOf(wait), 1);
                wait.resolve();
            }
            if (!slowed && chunk.includes('pg_cancel_backend')) {
                slowed = true;
                cancels++;
            }
            toServer(() => upstream.write(chunk));
        });
        upstream.on('data', chunk => toClient(() => client.write(chunk)));
        client.on('end', () => toServer(() => upstream.end()));
        upstream.on('end', () => toClient(() => client.end()));
        for (const socket of [client, upstream]) {
            socket.on('error', () => { client.destroy(); upstream.destroy(); });
            socket.on('close', () => sockets.delete(socket));
        }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(serverUrl);
    url.hostname = '127.0.0.1';
    url.port = String((server.address() as net.AddressInfo).port);
    return {
        url: url.toString(),
        cancels: () => cancels,
        sent: text => new Promise(resolve => awaited.push({ text, resolve })),
        close: () => new Promise(resolve => {
            for (const socket of sockets) socket.destroy();
            server.close(() => resolve());
        })
    };
}
