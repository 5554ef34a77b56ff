/**
 * The commands the CLI suggests are pasted into a shell: each word quoted by
 * shellWord, and the lines of shellLines, read back by a real POSIX shell
 * (/bin/sh), give exactly the words they were made from; a word with a
 * control character, a bidirectional override or a line separator is in
 * `$'...'` quotes, which bash reads back and which show none of them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { shellLines, shellWord } from '../../cli/shell-word.js';

/** The words `shell` (/bin/sh) reads from `script` after `set --` (each printed and NUL-ended), in a UTF-8 locale. */
function wordsTheShellReads(script: string, shell = '/bin/sh'): string[] {
    const result = spawnSync(shell, ['-c', `set -- ${script}\nprintf '%s\\0' "$@"`], { encoding: 'utf-8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\0').slice(0, -1);
}

const AWKWARD = ['plain/path.align', 'my dir', "it's.json", '$HOME', '`id`', 'a;b', 'a|b', '*.align', '~/x', '"quoted"', 'back\\slash', 'été.align', '--rule=x', '!bang', '#hash', 'a b c'];

/** Words a terminal must not see raw: `\xHH` followed by a hex digit, a quote, a backslash and a C1 control among them. */
const UNSHOWABLE = ['tab\there', 'line\nbreak', 'esc\x1b[2J', 'cr\rx', 'bs\bx', 'hex\x01f', 'del\x7f', 'c1\u0085', 'rlo\u202ex', 'ls\u2028x', "it's\n", 'back\\slash\t', '-lead\n'];

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

    it('a word with a control character, an override or a line separator is in $\'...\' quotes, without them, and bash reads it back', () => {
        assert.equal(shellWord('a\nb\x1b[2J\u202e'), "$'a\\nb\\x1b[2J\\u202E'");
        for (const word of UNSHOWABLE) assert.doesNotMatch(shellWord(word), /[\u0000-\u001f\u007f-\u009f\u202e\u2028]/, JSON.stringify(word));
        assert.deepEqual(wordsTheShellReads(UNSHOWABLE.map(shellWord).join(' '), 'bash'), UNSHOWABLE);
    });

    it('lines continued with a backslash fit the width and read back as the same words', () => {
        const words = ['align', 'check', '--rule', 'program-without-sponsor=off', '--write-baseline', "it's.json", ...AWKWARD, ...UNSHOWABLE];
        for (const width of [40, 50, 80]) {
            const lines = shellLines(words, width, '    ');
            assert.ok(lines.length > 1, `more than one line at ${width} columns`);
            for (const line of lines) assert.ok(line.length <= width, `${JSON.stringify(line)} fits ${width} columns`);
            assert.ok(lines.slice(0, -1).every(l => l.endsWith(' \\')) && !lines.at(-1)!.endsWith('\\'));
            assert.deepEqual(wordsTheShellReads(lines.join('\n'), 'bash'), words, `read back at ${width} columns`);
        }
    });

    it('a word longer than the line has a line of its own', () => {
        const long = 'programs/' + 'x'.repeat(60) + '.align';
        assert.deepEqual(shellLines(['align', 'check', long], 40, '  '), ['  align check \\', `  ${long}`]);
    });
});
