import type { LexerResult } from 'langium';
import type { Comment, Item, Token } from './layout.js';
import { lineBreakCount, lineStart } from '../line-starts.js';

/** A hidden token of the lexer (a comment). */
export type LexerComment = LexerResult['hidden'][number];

/**
 * Where the line holding an offset starts, looking back along that line only, and no further back than the offset
 * asked before: offsets asked in order cost their distance, not their line's length each (thousands of comments on
 * one line).
 */
function lineStartFinder(text: string): (offset: number) => number {
    let knownAt = 0;
    let knownStart = 0;
    return offset => {
        if (offset < knownAt) knownAt = knownStart = 0;
        let start = lineStart(text, offset, knownAt);
        if (start === knownAt) start = knownStart;
        knownAt = offset;
        knownStart = start;
        return start;
    };
}

/** Whether a comment is a doc comment (`/** ... *\/`): it documents the declaration right after it (`docComment` in graph/collect-nodes.ts). */
export const isDocComment = (comment: Comment): boolean => comment.text.startsWith('/**');

/**
 * Attaches each comment to a token: after the previous token when it starts
 * on that token's line, before the next token otherwise. Returns the comments
 * after the last token. Sets the blank-line flags of comments and tokens.
 */
export function attachComments(text: string, tokens: Token[], hidden: readonly LexerComment[]): Comment[] {
    const comments = [...hidden].sort((a, b) => a.startOffset - b.startOffset);
    const trailing: Comment[] = [];
    let t = 0;
    let lastEnd = 0;
    let previousComment: Comment | undefined;
    // Whether a line break lies between the previous token and `lastEnd` (in a gap or in a comment): kept as it goes,
    // not counted again from the token for every comment, which took minutes for 20,000 comments after the last token.
    let brokenSinceToken = false;
    const gapBreaks = (from: number, to: number) => lineBreakCount(text, from, to);
    const lineStartOf = lineStartFinder(text);
    for (const c of comments) {
        while (t < tokens.length && tokens[t]!.offset < c.startOffset) {
            const token = tokens[t]!;
            token.blankBefore = gapBreaks(lastEnd, token.offset) >= 2;
            if (previousComment) previousComment.breakAfter ||= gapBreaks(lastEnd, token.offset) > 0;
            previousComment = undefined;
            lastEnd = token.end;
            brokenSinceToken = false;
            t++;
        }
        const start = c.startOffset;
        const end = c.startOffset + c.image.length;
        const lineStart = lineStartOf(start);
        const gap = gapBreaks(lastEnd, start);
        const comment: Comment = {
            text: c.image, column: start - lineStart, lineComment: c.image.startsWith('//'),
            blankBefore: gap >= 2, breakAfter: c.image.startsWith('//')
        };
        if (previousComment) previousComment.breakAfter ||= gap > 0;
        const previousToken = t > 0 ? tokens[t - 1] : undefined;
        if (previousToken && !brokenSinceToken && gap === 0) previousToken.after.push(comment);
        else if (t < tokens.length) tokens[t]!.before.push(comment);
        else trailing.push(comment);
        previousComment = comment;
        brokenSinceToken ||= gap > 0 || lineBreakCount(c.image, 0, c.image.length) > 0;
        lastEnd = end;
    }
    for (; t < tokens.length; t++) {
        const token = tokens[t]!;
        token.blankBefore = gapBreaks(lastEnd, token.offset) >= 2;
        if (previousComment) previousComment.breakAfter ||= gapBreaks(lastEnd, token.offset) > 0;
        previousComment = undefined;
        lastEnd = token.end;
    }
    return trailing;
}

/**
 * `program P "T" // note` + `{` on the next line: the note moves after the
 * brace, which stays on the header line. A comment the brace had after it
 * (`{ // more`) cannot follow a line comment on that line: it goes on its
 * own line, first in the block.
 *
 * A doc comment last there (`program P "T" /** note *\/` + `{`) does not
 * move: after the brace it would document the block's first member. The
 * brace joins it on the header line instead (`program P "T" /** note *\/ {`).
 */
export function moveCommentsAfterOpeningBraces(items: Item[]): void {
    for (const item of items) {
        if (item.kind !== 'declaration') continue;
        const open = item.header[item.header.length - 1];
        const beforeOpen = item.header[item.header.length - 2];
        const last = beforeOpen?.after[beforeOpen.after.length - 1];
        if (open?.text === '{' && last && isDocComment(last)) {
            last.breakAfter = false;
        } else if (open?.text === '{' && beforeOpen && open.before.length === 0 && beforeOpen.after.some(c => c.breakAfter)) {
            const first = firstTokenOf(item.items[0]) ?? item.close;
            // Joined with `concat`, not `unshift(...)`: a spread passes each comment as an argument, too many for the stack.
            if (open.after.length > 0 && first) {
                first.before = open.after.map(c => ({ ...c, blankBefore: false })).concat(first.before);
                open.after = [];
            }
            open.after = beforeOpen.after.concat(open.after);
            beforeOpen.after = [];
        }
        moveCommentsAfterOpeningBraces(item.items);
    }
}

function firstTokenOf(item: Item | undefined): Token | undefined {
    return item?.kind === 'attribute' ? item.tokens[0] : item?.header[0];
}
