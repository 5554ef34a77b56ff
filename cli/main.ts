import { fstatSync } from 'node:fs';
import { parseCheckArgs, parseFmtArgs, parseGraphArgs, parseInitArgs, parsePullArgs, parseReportArgs } from './args.js';
import { runCheck } from './check/run-check.js';
import { outputWidth } from '../language/text/wrap.js';
import { printMessage } from './message.js';
import { parseDiffArgs } from './diff/diff-args.js';
import { runDiff } from './diff/run-diff.js';
import { runFmt } from './fmt/run-fmt.js';
import { runGraph } from './graph/run-graph.js';
import { commandHelp, COMMANDS, MAIN_HELP } from './help.js';
import { fitHelp, helpWidth } from '../language/text/help-layout.js';
import { runInit } from './init/run-init.js';
import { createProgress } from './progress.js';
import { runPull } from './pull/run-pull.js';
import { HelpRequest, UnknownOptionError } from './parse-strict.js';
import { didYouMean } from '../language/text/suggest.js';
import { runReport } from './report/run-report.js';
import { describeCode, InputError } from './workspace/input-error.js';
import { ALIGN_VERSION } from '../language/version.js';


/** Runs the `align` command line; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    const write = (text: string): void => { process.stdout.write(text); };
    const writeHelp = (text: string): void => { write(fitHelp(text, helpWidth(process.stdout))); };
    if (command === undefined) {
        // A usage error: the help goes to stderr so that `align > file` does not capture it.
        process.stderr.write(fitHelp(MAIN_HELP, helpWidth(process.stderr)));
        return 2;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
        const topic = command === 'help' ? rest[0] : undefined;
        if (topic === undefined) {
            writeHelp(MAIN_HELP);
            return 0;
        }
        const help = topic === '-h' || topic === '--help' ? commandHelp('help') : commandHelp(topic);
        if (help === undefined) throw new InputError(`help: unknown command '${topic}'${didYouMean(topic, COMMANDS)} (see align --help)`);
        writeHelp(help);
        return 0;
    }
    if (command === '-v' || command === '--version') {
        write(`${ALIGN_VERSION}\n`);
        return 0;
    }
    // `-h` or `--help` among a command's options (not after `--`, not an option's value): its parser throws HelpRequest first.
    const help = commandHelp(command);
    try {
        return await runCommand(command, rest, write);
    } catch (error) {
        // Every command's unknown option points to its help, as an unknown command points to align --help.
        if (error instanceof UnknownOptionError && help !== undefined) throw new InputError(`${error.message} (see align ${command} --help)`);
        if (!(error instanceof HelpRequest) || help === undefined) throw error;
        writeHelp(help);
        return 0;
    }
}

/** Runs a command with its arguments; throws HelpRequest when they ask for its help (`--help`, `-hf json`), before anything else is done. */
async function runCommand(command: string, rest: string[], write: (text: string) => void): Promise<number> {
    const progress = createProgress(process.stderr);
    switch (command) {
        case 'check': return runCheck(parseCheckArgs(rest), { version: ALIGN_VERSION, isTty: process.stdout.isTTY === true, width: outputWidth(process.stdout), write, progress });
        case 'graph': return runGraph(parseGraphArgs(rest), { write, progress });
        case 'report': return runReport(parseReportArgs(rest), { write, progress });
        case 'init': return runInit(parseInitArgs(rest), { write, stdoutIsFile });
        case 'fmt': return runFmt(parseFmtArgs(rest), { write, progress });
        case 'diff': return runDiff(parseDiffArgs(rest), { write, width: outputWidth(process.stdout), progress });
        case 'pull': return runPull(parsePullArgs(rest), {
            write,
            error: text => { process.stderr.write(text); },
            width: { out: outputWidth(process.stdout), error: outputWidth(process.stderr) },
            progress,
        });
    }
    throw new InputError(command.startsWith('-')
        ? `unknown option '${command}'${didYouMean(command, ['--help', '-h', '--version', '-v'])} (see align --help)`
        : `unknown command '${command}'${didYouMean(command, COMMANDS)} (see align --help)`);
}

/** True when standard output is a regular file (a shell redirection `> file`), not a terminal or a pipe. */
function stdoutIsFile(): boolean {
    try {
        return fstatSync(1).isFile();
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EBADF') return false; // standard output is closed
        throw error;
    }
}

/**
 * Prints one message for expected failures, wrapped to the terminal (80
 * columns when standard error is not one), the lines after the first
 * indented; never a stack trace unless ALIGN_DEBUG is set.
 */
export function reportFailure(error: unknown): number {
    if (error instanceof InputError) {
        printMessage(`align: ${error.message}`);
    } else {
        const debug = process.env['ALIGN_DEBUG'] && error instanceof Error;
        printMessage(`align: internal error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : '; set ALIGN_DEBUG=1 for details'}`);
        if (debug) process.stderr.write(`${error.stack}\n`);
    }
    return 2;
}

/** Set when standard output could not be written: the run fails (exit 2) whatever it would have returned. */
let outputFailed = false;

// A reader that stops early (`align check | head`) closes the pipe: that is not a failure of the check.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || outputFailed) return;
    outputFailed = true;
    process.exitCode = reportFailure(new InputError(`standard output cannot be written (${describeCode(error.code, error)})`));
});

main(process.argv.slice(2)).then(
    status => { process.exitCode = outputFailed ? 2 : status; },
    error => { process.exitCode = reportFailure(error); }
);
