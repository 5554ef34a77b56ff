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

/**
 * What the arguments ask for. The first transport decides, as
 * vscode-languageserver reads them; other arguments (such as
 * `--clientProcessId=N`, which VS Code adds) are left to it. Without a
 * transport, the first argument it does not know is named: a mistyped
 * `--stdoi` is what the user wants to hear about.
 */
function asked(args: readonly string[]): Asked {
    let unknown: string | undefined;
    for (let i = 0; i < args.length; i++) {
        const [name, inline] = args[i]!.split(/=(.*)/s);
        if (name === '-h' || name === '--help') return { help: true };
        if (name === '-v' || name === '--version') return { version: true };
        if (name === '--stdio') return { start: true };
        if (name === '--node-ipc') {
            // Without a channel (started from a shell, or by an editor that means --stdio) it would end at once, silently.
            if (typeof process.send !== 'function') return { error: '--node-ipc needs the IPC channel of a parent that forked this process; editors start it with --stdio' };
            return { start: true };
        }
        if (name === '--socket' || name === '--pipe') {
            const value = inline ?? args[i + 1];
            if (value === undefined || value === '') return { error: `${name} needs a value (${name}=${name === '--socket' ? 'PORT' : 'NAME'})` };
            if (name === '--socket' && (!/^[1-9][0-9]{0,4}$/.test(value) || Number(value) > 65535)) {
                return { error: `--socket: '${value}' is not a port number (1-65535)` };
            }
            return { start: true };
        }
        if (name !== '--clientProcessId') unknown ??= name;
    }
    const transports = 'start it with --stdio, --node-ipc, --socket=PORT or --pipe=NAME';
    if (unknown !== undefined) {
        const what = unknown.startsWith('-') ? `unknown option '${unknown}'` : `unexpected argument '${unknown}'`;
        const hint = unknown.startsWith('-') ? didYouMean(unknown, OPTIONS) : '';
        return { error: `${what}${hint || `; ${transports}`}` };
    }
    return { error: `no transport given; ${transports}` };
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
