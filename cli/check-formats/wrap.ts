/**
 * Word wrapping for the terminal formats: lines of at most `width`
 * characters, broken at spaces. A word longer than the width (a long name,
 * a URL) stays whole on a line of its own.
 */

/** `text` in lines of at most `width` characters where its words allow. */
export function wrapWords(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ').filter(w => w !== '')) {
        if (line === '') line = word;
        else if (line.length + 1 + word.length <= width) line += ` ${word}`;
        else {
            lines.push(line);
            line = word;
        }
    }
    return [...lines, line];
}

/** The width to fit: the terminal's columns when standard output is one, else 80. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
    return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : 80;
}
