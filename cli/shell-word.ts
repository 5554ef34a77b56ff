/**
 * Commands the CLI suggests (`Next: ... run align check FILE`) are meant to
 * be pasted into a POSIX shell: each word is quoted when the shell would
 * split it or read a character of it specially.
 */
import { CONTROLS, SEPARATORS_AND_BIDI, unicodeEscape } from '../language/present/controls.js';

/** Characters a POSIX shell reads as themselves in an unquoted word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Characters that must not reach a terminal as they are, in a file's name:
 * C0 and C1 controls and DEL (an escape sequence would drive the terminal, a
 * line break or `\r` would cut the command), and those that change how the
 * rest of the line shows (language/present/controls.ts: U+202E would show a name
 * backwards).
 */
const UNSHOWABLE = new RegExp(`${CONTROLS.source}|${SEPARATORS_AND_BIDI.source}`);

/** Escapes of `$'...'` that read better than their code. */
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\\': '\\\\', "'": "\\'" };

/**
 * `word` as one shell word: as it is when plain, else in single quotes (a
 * `'` inside as `'\''`); a word with a character of {@link UNSHOWABLE} in
 * ANSI-C quotes, `$'...'` (bash, zsh, ksh, POSIX.1-2024), each such
 * character as `\n`, `\xHH` or `\uHHHH`, so that the line shows no control
 * character and the shell reads back the real name.
 */
export function shellWord(word: string): string {
    if (PLAIN.test(word) && !word.startsWith('~')) return word;
    if (UNSHOWABLE.test(word)) return `$'${[...word].map(ansiC).join('')}'`;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** One character inside `$'...'`. */
function ansiC(c: string): string {
    if (NAMED[c] !== undefined) return NAMED[c];
    if (!UNSHOWABLE.test(c)) return c;
    const code = c.charCodeAt(0);
    // `\xHH` is a byte: a character past ASCII is written `\uHHHH`, which the shell encodes as the locale does.
    return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : unicodeEscape(c);
}

/** `words` as a command line for a POSIX shell. */
export function shellCommand(words: readonly string[]): string {
    return words.map(shellWord).join(' ');
}

/**
 * `words` as a command to paste, in lines of at most `width` columns that
 * begin with `indent` and end with ` \` where the command goes on (a word
 * longer than a line has a line of its own). Widths count UTF-16 units:
 * the words are paths and options.
 */
export function shellLines(words: readonly string[], width: number, indent: string): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of words.map(shellWord)) {
        // Room for the ` \` that ends a line the command goes on from.
        if (line !== '' && indent.length + line.length + 1 + word.length + 2 > width) {
            lines.push(`${indent}${line} \\`);
            line = word;
        } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(`${indent}${line}`);
    return lines;
}
