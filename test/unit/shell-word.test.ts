/**
 * The commands the CLI suggests are pasted into a shell: each word quoted by
 * shellWord, and the lines of shellLines, read back by a real POSIX shell
 * (/bin/sh), give exactly the words they were made from.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { shellLines, shellWord } from '../../cli/shell-word.js';

/** The words /bin/sh reads from `script` after `set --` (each printed and NUL-ended). */
function wordsTheShellReads(script: string): string[] {
    const result = spawnSync('/bin/sh', ['-c', `set -- ${script}\nprintf '%s\\0' "$@"`], { encoding: 'utf-8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\0').slice(0, -1);
}

const AWKWARD = ['plain/path.align', 'my dir', "it's.json", '$HOME', '`id`', 'a;b', 'a|b', '*.align', '~/x', 'tab\there', 'line\nbreak', '"quoted"', 'back\\slash', 'été.align', '--rule=x', '!bang', '#hash', 'a b c'];

describe('shell words for suggested commands', () => {
    it('plain words stay as written, so the usual suggestion reads as typed', () => {
        assert.deepEqual(['align', 'check', 'programs/q1.align', '--rule', 'program-without-sponsor=off', '--config=a.json', 'user@host:x,y'].map(shellWord),
            ['align', 'check', 'programs/q1.align', '--rule', 'program-without-sponsor=off', '--config=a.json', 'user@host:x,y']);
    });

    it('every awkward word is read back by /bin/sh as exactly itself', () => {
        assert.deepEqual(wordsTheShellReads(AWKWARD.map(shellWord).join(' ')), AWKWARD);
        assert.equal(shellWord(''), "''", 'an empty word stays a word');
        assert.deepEqual(wordsTheShellReads(`a ${shellWord('')} b`), ['a', '', 'b']);
    });

    it('lines continued with a backslash fit the width and read back as the same words', () => {
        const words = ['align', 'check', '--rule', 'program-without-sponsor=off', '--write-baseline', "it's.json", ...AWKWARD];
        for (const width of [40, 50, 80]) {
            const lines = shellLines(words, width, '    ');
            assert.ok(lines.length > 1, `more than one line at ${width} columns`);
            for (const line of lines) assert.ok(line.length <= width, `${JSON.stringify(line)} fits ${width} columns`);
            assert.ok(lines.slice(0, -1).every(l => l.endsWith(' \\')) && !lines.at(-1)!.endsWith('\\'));
            assert.deepEqual(wordsTheShellReads(lines.join('\n')), words, `read back at ${width} columns`);
        }
    });

    it('a word longer than the line has a line of its own', () => {
        const long = 'programs/' + 'x'.repeat(60) + '.align';
        assert.deepEqual(shellLines(['align', 'check', long], 40, '  '), ['  align check \\', `  ${long}`]);
    });
});
