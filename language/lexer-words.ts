import type { IToken, TokenType } from 'chevrotain';
import type { LexerError } from './align-parser-errors.js';
import type { LexedTokens } from './lexer-recovery.js';

/** A character of a word as a writer sees it: ASCII identifier characters, and any letter, mark or digit. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
/** Where a name may start (the ID terminal: a letter or `_`). */
const WORD_START = /[\p{L}_]/u;

/**
 * A name with a character the ID terminal does not take (`Café`, `Ünit`):
 * chevrotain reads `Caf`, fails on `é` and goes on, so that rules would
 * name a metric `Caf` and a reference `Café` would not resolve. The word is
 * made one ID token as written; the lexer error stays, and says which
 * character is not allowed. A word is merged only when every token in it
 * is an identifier or a keyword (the pieces of one word).
 */
export function recoverWords(text: string, lexed: LexedTokens, errors: readonly LexerError[], idType: TokenType): LexedTokens {
    const words: Array<{ start: number; end: number }> = [];
    for (const error of errors) {
        if (!WORD_CHAR.test(charAt(text, error.offset))) continue;
        let start = error.offset;
        while (start > 0 && WORD_CHAR.test(charBefore(text, start))) start -= charBefore(text, start).length;
        let end = error.offset;
        while (end < text.length && WORD_CHAR.test(charAt(text, end))) end += charAt(text, end).length;
        const last = words.at(-1);
        if (last && start < last.end) continue;
        if (WORD_START.test(charAt(text, start))) words.push({ start, end });
    }
    if (words.length === 0) return lexed;
    const result: IToken[] = [];
    let w = 0;
    for (let i = 0; i < lexed.tokens.length; i++) {
        const token = lexed.tokens[i]!;
        while (w < words.length && words[w]!.end <= token.startOffset) w++;
        const word = words[w];
        if (!word || token.startOffset < word.start) { result.push(token); continue; }
        // The tokens of the word: identifiers and keywords only, else it is left as it was.
        let j = i;
        while (j < lexed.tokens.length && lexed.tokens[j]!.startOffset < word.end) j++;
        const pieces = lexed.tokens.slice(i, j);
        if (pieces.every(p => /^[A-Za-z0-9_]+$/.test(p.image))) result.push(wordToken(text, word.start, word.end, lexed.tokens[i]!, idType));
        else for (const piece of pieces) result.push(piece); // not `push(...pieces)`: a long word is too many arguments
        i = j - 1;
        w++;
    }
    return { tokens: result, hidden: lexed.hidden };
}

function charAt(text: string, offset: number): string {
    return String.fromCodePoint(text.codePointAt(offset) ?? 0);
}

function charBefore(text: string, offset: number): string {
    const code = text.charCodeAt(offset - 1);
    return code >= 0xdc00 && code <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text.slice(offset - 1, offset);
}

/** An ID token over `text[start, end)`, on the line of the first piece (a word has no line break). */
function wordToken(text: string, start: number, end: number, first: IToken, type: TokenType): IToken {
    const column = (first.startColumn ?? 1) - (first.startOffset - start);
    return {
        image: text.slice(start, end), startOffset: start, endOffset: end - 1,
        startLine: first.startLine, endLine: first.startLine, startColumn: column, endColumn: column + end - start - 1,
        tokenTypeIdx: type.tokenTypeIdx!, tokenType: type
    };
}
