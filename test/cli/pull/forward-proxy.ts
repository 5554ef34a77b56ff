import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A loopback forward proxy, as a corporate network has: what it saw, and its URL. */
export interface ForwardProxy {
    /** `http://127.0.0.1:PORT` */
    readonly url: string;
    /** `GET http://host:port/path` for a forwarded request, `CONNECT host:port` for a tunnel, with the status the proxy gave. */
    readonly seen: string[];
    close(): Promise<void>;
}

/**
 * An HTTP/1.1 forward proxy (RFC 9110, 9.3.6 and 7.1): a request in absolute
 * form is sent on to its origin and the answer passed back; CONNECT opens a
 * tunnel to the host and port asked for (502 when that host cannot be
 * reached). With `credentials` (`user:password`),
 * a request without that Basic `Proxy-Authorization` gets 407.
 */
export async function startForwardProxy(credentials?: string): Promise<ForwardProxy> {
    const seen: string[] = [];
    const authorized = (req: http.IncomingMessage) => !credentials || req.headers['proxy-authorization'] === `Basic ${Buffer.from(credentials).toString('base64')}`;
    const server = http.createServer((req, res) => {
        if (!authorized(req)) {
            seen.push(`${req.method} ${req.url} 407`);
            res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' }).end();
            return;
        }
        seen.push(`${req.method} ${req.url} 200`);
        const target = new URL(req.url ?? '');
        const headers = { ...req.headers };
        delete headers['proxy-authorization'];
        const upstream = http.request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers }, answer => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        upstream.on('error', () => res.writeHead(502).end());
        req.pipe(upstream);
    });
    const tunnels = new Set<net.Socket>();
    server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
        tunnels.add(socket);
        socket.on('close', () => tunnels.delete(socket));
        if (!authorized(req)) {
            seen.push(`CONNECT ${req.url} 407`);
            socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
            return;
        }
        seen.push(`CONNECT ${req.url} 200`);
        const [host, port] = (req.url ?? '').split(':');
        let connected = false;
        const upstream = net.connect(Number(port), host, () => {
            connected = true;
            socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            upstream.write(head);
            upstream.pipe(socket);
            socket.pipe(upstream);
        });
        upstream.on('error', () => {
            if (!connected) socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
            else socket.destroy();
        });
        socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`, seen,
        close: () => new Promise<void>(resolve => {
            for (const socket of tunnels) socket.destroy();
            server.closeAllConnections();
            server.close(() => resolve());
        })
    };
}
