#!/usr/bin/env node
// Usage: align-language-server --stdio (or --node-ipc, --socket=PORT, --pipe=NAME)
'use strict';

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

/**
 * What the arguments ask for. The first transport decides, as
 * vscode-languageserver reads them; other arguments (such as
 * `--clientProcessId=N`) are left to it.
 */
function command(args) {
    for (let i = 0; i < args.length; i++) {
        const [name, inline] = args[i].split(/=(.*)/s);
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
    }
    return { error: 'no transport given; start it with --stdio, --node-ipc, --socket=PORT or --pipe=NAME' };
}

const asked = command(process.argv.slice(2));
if (asked.help) {
    process.stdout.write(USAGE);
} else if (asked.version) {
    process.stdout.write(`${require('../package.json').version}\n`);
} else if (asked.error) {
    process.stderr.write(`align-language-server: ${asked.error} (see align-language-server --help)\n`);
    process.exitCode = 2;
} else {
    // Node keeps the compiled bundle in its compile cache (a folder under the system's temp folder): later starts skip compiling it.
    require('node:module').enableCompileCache?.();
    require('../out/server.cjs');
}
