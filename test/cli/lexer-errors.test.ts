/** Lexer errors through the built bundle: `align check` and `align fmt` name them in words, where they are. */
import assert from 'node:assert/strict';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

describe('lexer errors on the command line', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('align check: an unterminated string and an unclosed comment, with their ranges', () => {
        const dir = tempDir();
        writeFile(dir, 'broken.align', 'skill A "It\'s open\nskill B "b"\n/* note\n');
        const syntax = checkJson(['.'], { cwd: dir, status: 1 }).filter(f => f.rule === 'syntax' && !f.message.startsWith('Expect'));
        assert.deepEqual(syntax.map(f => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`), [
            '1:9-1:19 Unterminated string: add the closing `"` on the same line.',
            '3:1-3:3 Unterminated comment: add `*/` to close the comment that `/*` opens here.'
        ]);
    });

    it('align fmt: the file is not formatted, and the reason reads as words at its place', () => {
        const dir = tempDir();
        writeFile(dir, 'bad.align', 'skill A "a\\qb"\n');
        const result = runCli(['fmt', '.'], { cwd: dir });
        assert.equal(result.status, 1);
        assert.equal(result.stderr, 'bad.align:1:9 syntax error: Invalid escape `\\q` in a string: only `\\"` (a quote) and `\\\\` (a backslash) may follow a backslash (not formatted)\n');
    });
});
