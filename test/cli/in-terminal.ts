/**
 * Runs the built CLI in a real pseudo-terminal of a given width, as a user
 * at a terminal meets it: standard output and standard error are TTYs of
 * that many columns. The terminal is util-linux `script` (package
 * bsdutils, always installed on Debian); its output is what the terminal
 * received, with colours and hyperlinks taken out.
 */
import { spawnSync } from 'node:child_process';
import { shellCommand } from '../../cli/shell-word.js';
import { BIN, cliEnv, REPO_ROOT } from './run-cli.js';

export interface TerminalResult {
    status: number | null;
    /** Standard output and standard error as the terminal showed them (one stream), `\n` line ends, no escape sequences. */
    screen: string;
}

/** Runs `align ...args` (or another command of the package, `bin`) in a `columns`-wide terminal; NO_COLOR is set unless `env` says otherwise. */
export function runInTerminal(args: readonly string[], columns: number, options: { cwd?: string; env?: NodeJS.ProcessEnv; bin?: string } = {}): TerminalResult {
    const command = `stty cols ${columns} rows 50 && exec ${shellCommand([process.execPath, options.bin ?? BIN, ...args])}`;
    const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
        cwd: options.cwd ?? REPO_ROOT,
        env: cliEnv({ NO_COLOR: '1', ...options.env }),
        encoding: 'utf-8',
        timeout: 50_000,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.error) throw result.error;
    if (result.stderr !== '') throw new Error(`script: ${result.stderr}`);
    return { status: result.status, screen: withoutEscapes(result.stdout.replace(/\r\n/g, '\n')) };
}

/** `text` less SGR colour sequences and OSC 8 hyperlinks (their text kept). */
export function withoutEscapes(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)/g, '').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

/** The lines of `screen` wider than `columns` that could have been wrapped (they hold a space after their indentation). */
export function linesWiderThan(screen: string, columns: number): string[] {
    return screen.split('\n').filter(line => [...line].length > columns && line.trim().includes(' '));
}

