/**
 * Help texts fitted to the terminal: a line longer than the width is broken
 * at spaces, its continuation lines indented to where its description
 * starts (the last gap of two or more spaces in the line's first half: after
 * an option, a command or a rule's id and severity), or to the line's own
 * indent when it has no such gap.
 */
import { outputWidth, wrapWords } from './wrap.js';

/** Help is never wider than this, even in a wide terminal. */
export const HELP_WIDTH = 80;

/** The width help is fitted to on `stream`: its columns when it is a terminal narrower than 80 (but at least 40), else 80. */
export function helpWidth(stream: { isTTY?: boolean; columns?: number }): number {
    return Math.max(40, Math.min(HELP_WIDTH, outputWidth(stream)));
}

/** `text` with every line at most `width` characters where its words allow. */
export function fitHelp(text: string, width: number): string {
    return text.split('\n').map(line => line.length <= width ? line : fitLine(line, width).join('\n')).join('\n');
}

function fitLine(line: string, width: number): string[] {
    const column = descriptionColumn(line, width);
    return wrapWords(line.slice(column), Math.max(column + 1, width), { first: line.slice(0, column), rest: ' '.repeat(column) });
}

/** Where the line's wrapped part starts: the end of its last wide gap within the first half (plus 8), else its indent. */
function descriptionColumn(line: string, width: number): number {
    const half = Math.floor(width / 2) + 8;
    let column = line.length - line.trimStart().length;
    for (const gap of line.matchAll(/\S( {2,})(?=\S)/g)) {
        const end = gap.index + 1 + gap[1]!.length;
        if (end <= half) column = end;
    }
    return column;
}
