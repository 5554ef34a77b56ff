/**
 * Word wrapping for the terminal formats: lines of at most `width`
 * terminal cells (cli/cell-width.ts), broken at spaces. A word longer than
 * the width (a long name, a URL) stays whole on a line of its own.
 */
import { cellWidth } from '../cell-width.js';

/** `text` in lines of at most `width` cells where its words allow. */
export function wrapWords(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of text.split(' ').filter(w => w !== '')) {
        const wordWidth = cellWidth(word);
        if (line === '') {
            line = word;
            lineWidth = wordWidth;
        } else if (lineWidth + 1 + wordWidth <= width) {
            line += ` ${word}`;
            lineWidth += 1 + wordWidth;
        } else {
            lines.push(line);
            line = word;
            lineWidth = wordWidth;
        }
    }
    return [...lines, line];
}

/** The width to fit: the terminal's columns when standard output is one, else 80. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
    return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : 80;
}
