/**
 * Usage errors quote what the user typed (an unknown command or option, a
 * bad value): an escape sequence, `\r` or `\b` in an argument is written
 * `\xHH` on standard error, never sent to the terminal (built bundle).
 */
import assert from 'node:assert/strict';
import { printable, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

const TYPED = 'x\u001b[2J\ry\b';
const SHOWN = 'x\\x1b[2J\\x0dy\\x08';

describe('usage errors: control characters in an argument are written \\xHH', () => {
    before(requireBundle);
    after(removeTempDirs);

    const cases: Array<[string, string[], string]> = [
        ['an unknown command', [TYPED], `align: unknown command '${SHOWN}'`],
        ['an unknown option of align', [`-${TYPED}`], `align: unknown option '-${SHOWN}'`],
        ['an unknown option of a command', ['check', `--${TYPED}`], `align: unknown option '--${SHOWN}'`],
        ['a bad --format', ['check', '--format', TYPED], `align: --format: unknown format '${SHOWN}'`],
        ['a bad whole number', ['check', '--max-warnings', TYPED], `align: --max-warnings: expected a whole number, not '${SHOWN}'`],
        ['a bad --rule', ['check', '--rule', `${TYPED}=error`], `align: --rule ${SHOWN}=error:`],
        ['an unknown help topic', ['help', TYPED], `align: help: unknown command '${SHOWN}'`],
        ['a bad --date of init', ['init', 'Pilot', '--date', TYPED], `align: --date: expected a date YYYY-MM-DD, not '${SHOWN}'`],
    ];
    for (const [what, args, message] of cases) {
        it(`${what}: ${message}`, () => {
            const { status, stdout, stderr } = runCli(args, { cwd: tempDir() });
            assert.equal(status, 2, stderr);
            assert.equal(stdout, '');
            assert.ok(printable(stderr), JSON.stringify(stderr));
            assert.ok(stderr.replace(/\n {2}/g, ' ').startsWith(message), stderr);
        });
    }
});
