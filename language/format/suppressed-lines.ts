import { suppressedLines } from '../validation/suppressions.js';
import { declarationTokens, type Declaration, type Item, type Layout } from './layout.js';
import { lineOfOffset, lineStarts } from '../line-starts.js';

/**
 * `// align-disable-next-line` suppresses findings by line: the formatter
 * must leave the same text on the line after each such comment, or a
 * finding it hid would show (or one it did not hide would be hidden).
 *
 * - A block written on one line right after such a comment stays on one line
 *   (`keepSuppressedBlocksOnOneLine`): expanded, its attributes would leave
 *   the suppressed line.
 * - Every other case is checked (`suppressedLineChange`): the result must
 *   put the same tokens on the lines after the same comments.
 */

/** A lexer token as far as lines go. */
export interface LineToken {
    readonly image: string;
    /** 1-based, as Chevrotain counts. */
    readonly startLine?: number;
}

/** Marks the declarations (with a block) that start on a suppressed line and lie on it whole: they are printed on one line. */
export function keepSuppressedBlocksOnOneLine(layout: Layout, text: string): void {
    const suppressed = suppressedLines(text);
    if (suppressed.size === 0) return;
    const starts = lineStarts(text);
    const lineOf = (offset: number): number => lineOfOffset(starts, offset);
    const visit = (items: readonly Item[]): void => {
        for (const item of items) {
            if (item.kind !== 'declaration') continue;
            const first = item.header[0];
            if (item.close && first && suppressed.has(lineOf(first.offset)) && lineOf(first.offset) === lineOf(item.close.offset) && !hasInnerComments(item)) {
                item.oneLine = true;
            } else visit(item.items);
        }
    };
    visit(layout.items);
}


/** Comments between the first and the last token (those before it and after it stay where they are). */
function hasInnerComments(declaration: Declaration): boolean {
    const tokens = declarationTokens(declaration);
    return tokens.some((t, i) => (i > 0 && t.before.length > 0) || (i < tokens.length - 1 && t.after.length > 0));
}

/**
 * What the suppressions of a text cover: for each suppressed line (a line
 * after an `align-disable-next-line` comment), the rule ids and the tokens
 * that start on it (significant and hidden, in the order given: tokens are
 * in text order per list), as one key; the keys sorted.
 */
export function suppressedLineKeys(text: string, ...tokenLists: ReadonlyArray<readonly LineToken[]>): SuppressedLineKey[] {
    const suppressed = suppressedLines(text);
    if (suppressed.size === 0) return [];
    const onLine = new Map<number, string[]>();
    for (const token of tokenLists.flat()) {
        const line = (token.startLine ?? 0) - 1;
        if (!suppressed.has(line)) continue;
        const list = onLine.get(line);
        if (list) list.push(token.image);
        else onLine.set(line, [token.image]);
    }
    return [...suppressed].map(([line, ids]) => ({
        line,
        key: `${ids === 'all' ? '*' : [...ids].sort().join(',')}\u0000${(onLine.get(line) ?? []).join(' ')}`
    })).sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : a.line - b.line);
}

export interface SuppressedLineKey {
    /** 0-based line after the comment. */
    readonly line: number;
    readonly key: string;
}

/**
 * Why `after` does not cover the same text as `before` (keys of
 * `suppressedLineKeys`), naming the first line of `before` (1-based) whose
 * text would change; undefined when they agree.
 */
export function suppressedLineChange(before: readonly SuppressedLineKey[], after: readonly SuppressedLineKey[]): string | undefined {
    const left = new Map<string, number>();
    for (const { key } of after) left.set(key, (left.get(key) ?? 0) + 1);
    const lost = before.filter(({ key }) => {
        const n = left.get(key) ?? 0;
        if (n === 0) return true;
        left.set(key, n - 1);
        return false;
    });
    const gained = [...left.values()].some(n => n > 0);
    if (lost.length === 0 && !gained) return undefined;
    const line = lost.length > 0 ? lost.reduce((first, k) => Math.min(first, k.line), Infinity) + 1 : undefined;
    return `${line !== undefined ? `line ${line}` : 'a line'} follows an \`align-disable-next-line\` comment, and the canonical layout would put other text on it, so that findings it hides would show or others would be hidden`;
}
