/** Lexer errors through the built bundle: `align check` and `align fmt` name them in words, where they are. */
import assert from 'node:assert/strict';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

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

    it('align check: merge-conflict markers are named as such, one error a marker, no other syntax error', () => {
        const dir = tempDir();
        writeFile(dir, 'merged.align', 'skill A "a" {\n}\n<<<<<<< HEAD\nskill B "Ours"\n=======\nskill B "Theirs" {\n  kidn x\n}\n>>>>>>> topic/b\n');
        const result = runCli(['check', '.'], { cwd: dir });
        assert.equal(result.status, 1, result.stderr);
        const plain = result.stdout.replace(/\s+/g, ' ');
        for (const [line, marker] of [[3, '<<<<<<<'], [5, '======='], [9, '>>>>>>>']] as const) {
            assert.ok(plain.includes(`${line}:1 error Merge conflict marker \`${marker}\` left in the file: keep the lines you want and remove the markers. syntax`), `${marker} on line ${line}:\n${result.stdout}`);
        }
        const syntax = checkJson(['.'], { cwd: dir, status: 1 }).filter(f => f.rule === 'syntax');
        assert.deepEqual(syntax.map(f => `${f.line}:${f.column}-${f.endColumn}`), ['3:1-13', '5:1-8', '9:1-16']);
    });

    it('align fmt: the file is not formatted, and the reason reads as words at its place', () => {
        const dir = tempDir();
        writeFile(dir, 'bad.align', 'skill A "a\\qb"\n');
        const result = runCli(['fmt', '.'], { cwd: dir });
        assert.equal(result.status, 1);
        assert.equal(unwrapped(result.stderr), 'align: bad.align:1:9 syntax error: Invalid escape `\\q` in a string: only `\\"` (a quote) and `\\\\` (a backslash) may follow a backslash (not formatted)\n');
    });
});
