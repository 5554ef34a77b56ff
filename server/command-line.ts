/**
 * `align-language-server` as a command (bin/align-language-server.cjs):
 * its help, its version and its usage errors, read before the server's
 * bundle is loaded. Messages are wrapped as the CLI's are (language/text/wrap.ts,
 * language/text/help-layout.ts): to the terminal, 80 columns when it is none.
 */
import { writeMessage } from '../language/text/wrap.js';
import { fitHelp, helpWidth } from '../language/text/help-layout.js';
import { didYouMean } from '../language/text/suggest.js';
import { ALIGN_VERSION } from '../language/version.js';

const USAGE = `Usage: align-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Align language server (Language Server Protocol 3.17). An editor starts
it with one transport; set-ups for Neovim, Helix and Emacs are in
docs/editors.md.

Options:
  --stdio          JSON-RPC over standard input and output
  --node-ipc       Node's IPC channel (a parent that forked this process)
  --socket=PORT    connect to a socket on PORT of this machine
  --pipe=NAME      connect to the named pipe or Unix socket NAME
  -h, --help       show this help
  -v, --version    print the version
`;

type Asked = { start: true } | { help: true } | { version: true } | { error: string };

const OPTIONS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--help', '--version'];

/** A transport the command line names, where it does (`index`), with the value of `--socket`/`--pipe` (inline, `--socket=PORT`, or the next argument). */
export interface Transport {
    readonly name: '--stdio' | '--node-ipc' | '--socket' | '--pipe';
    readonly value?: string;
    readonly index: number;
}

const TRANSPORTS: ReadonlyArray<Transport['name']> = ['--stdio', '--node-ipc', '--socket', '--pipe'];

/**
 * The transport the arguments name first: it decides, as vscode-languageserver
 * reads them. Read by the usage check below and by the server (server/main.ts).
 */
export function firstTransport(args: readonly string[]): Transport | undefined {
    for (let index = 0; index < args.length; index++) {
        const [name, inline] = args[index]!.split(/=(.*)/s);
        const transport = TRANSPORTS.find(t => t === name);
        if (!transport) continue;
        return transport === '--socket' || transport === '--pipe' ? { name: transport, value: inline ?? args[index + 1], index } : { name: transport, index };
    }
    return undefined;
}

/**
 * What the arguments ask for. The first transport decides, as
 * vscode-languageserver reads them, unless `--help` or `--version` comes
 * before it; other arguments (such as `--clientProcessId=N`, which VS Code
 * adds) are left to it. Without a transport, the first argument it does
 * not know is named: a mistyped `--stdoi` is what the user wants to hear about.
 */
function asked(args: readonly string[]): Asked {
    const transport = firstTransport(args);
    const names = args.slice(0, transport?.index).map(arg => arg.split('=')[0]!);
    for (const name of names) {
        if (name === '-h' || name === '--help') return { help: true };
        if (name === '-v' || name === '--version') return { version: true };
    }
    if (transport) return checked(transport);
    const transports = 'start it with --stdio, --node-ipc, --socket=PORT or --pipe=NAME';
    const unknown = names.find(name => name !== '--clientProcessId');
    if (unknown !== undefined) {
        const what = unknown.startsWith('-') ? `unknown option '${unknown}'` : `unexpected argument '${unknown}'`;
        const hint = unknown.startsWith('-') ? didYouMean(unknown, OPTIONS) : '';
        return { error: `${what}${hint || `; ${transports}`}` };
    }
    return { error: `no transport given; ${transports}` };
}

/** Whether the server can start on `transport`: a channel for `--node-ipc`, a value (a port number for `--socket`). */
function checked({ name, value }: Transport): Asked {
    // Without a channel (started from a shell, or by an editor that means --stdio) it would end at once, silently.
    if (name === '--node-ipc' && typeof process.send !== 'function') return { error: '--node-ipc needs the IPC channel of a parent that forked this process; editors start it with --stdio' };
    if (name !== '--socket' && name !== '--pipe') return { start: true };
    if (value === undefined || value === '') return { error: `${name} needs a value (${name}=${name === '--socket' ? 'PORT' : 'NAME'})` };
    if (name === '--socket' && (!/^[1-9][0-9]{0,4}$/.test(value) || Number(value) > 65535)) {
        return { error: `--socket: '${value}' is not a port number (1-65535)` };
    }
    return { start: true };
}

/**
 * Answers `--help`, `--version` or a usage error (exit status 2) and
 * returns false, or returns true when the arguments start the server.
 */
export function startsServer(args: readonly string[]): boolean {
    const answer = asked(args);
    if ('help' in answer) process.stdout.write(fitHelp(USAGE, helpWidth(process.stdout)));
    else if ('version' in answer) process.stdout.write(`${ALIGN_VERSION}\n`);
    else if ('error' in answer) {
        writeMessage(process.stderr, `align-language-server: ${answer.error} (see align-language-server --help)`);
        process.exitCode = 2;
    }
    return 'start' in answer;
}
