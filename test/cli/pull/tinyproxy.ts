import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { freePort } from '../../free-port.js';
import { makeTempDir } from '../../temp-dirs.js';

/** A real forward proxy for the tests: Debian's tinyproxy, on a loopback port, with a log of what it was asked. */
export interface Tinyproxy {
    /** `http://127.0.0.1:PORT` */
    readonly url: string;
    /** The request lines it received, in order: `GET http://host:port/path` (forwarded), `CONNECT host:port` (a tunnel). */
    requests(): string[];
    close(): Promise<void>;
}

/**
 * Starts tinyproxy in the foreground with a configuration of its own: it
 * forwards requests in absolute form and opens CONNECT tunnels to any port;
 * with `credentials` (`user:password`) it wants them (Basic, 407 without).
 * The README's set-up line installs it (`apt-get install -y tinyproxy`).
 */
export async function startTinyproxy(credentials?: string): Promise<Tinyproxy> {
    const dir = makeTempDir('align-tinyproxy-');
    const port = await freePort();
    const log = path.join(dir, 'tinyproxy.log');
    const [user, password] = credentials?.split(':') ?? [];
    fs.writeFileSync(path.join(dir, 'tinyproxy.conf'), [
        `Port ${port}`, 'Listen 127.0.0.1', 'Timeout 30', 'MaxClients 50', `LogFile "${log}"`, 'LogLevel Info', `PidFile "${path.join(dir, 'tinyproxy.pid')}"`,
        ...(credentials ? [`BasicAuth ${user} ${password}`] : [])
    ].join('\n') + '\n');
    const child: ChildProcess = spawn('tinyproxy', ['-d', '-c', path.join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
        child.once('error', error => reject(new Error(`tinyproxy could not be started (${error.message}): install it with apt-get install -y tinyproxy, as the README's set-up line does`)));
        child.once('exit', code => reject(new Error(`tinyproxy stopped at once (exit ${code}); its log: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf-8') : 'none'}`)));
        const deadline = Date.now() + 10_000;
        const poll = () => {
            const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(); });
            socket.once('error', () => Date.now() > deadline ? reject(new Error(`tinyproxy did not listen on port ${port} within 10 s`)) : setTimeout(poll, 50));
        };
        poll();
    });
    return {
        url: `http://127.0.0.1:${port}`,
        requests: () => [...fs.readFileSync(log, 'utf-8').matchAll(/Request \(file descriptor \d+\): (.*) HTTP\/1\.1$/gm)].map(m => m[1]!),
        close: async () => {
            child.kill('SIGTERM');
            await exited;
        }
    };
}
