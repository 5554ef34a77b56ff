/**
 * Commands the CLI suggests (`Next: ... run align check FILE`) are meant to
 * be pasted into a POSIX shell: each word is quoted when the shell would
 * split it or read a character of it specially.
 */

/** Characters a POSIX shell reads as themselves in an unquoted word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `word` as one POSIX shell word: as it is when plain, else in single quotes (a `'` inside as `'\''`). */
export function shellWord(word: string): string {
    if (PLAIN.test(word) && !word.startsWith('~')) return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
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
