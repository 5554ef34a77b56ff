import type { IToken, TokenType } from 'chevrotain';
import type { LexerError } from './align-parser-errors.js';

/** What the lexer made of a text: the tokens the parser reads and the hidden ones (comments). */
export interface LexedTokens {
    tokens: IToken[];
    hidden: IToken[];
}

/**
 * The tokens as the writer meant them after an unclosed string or comment,
 * so that the parser does not stumble on the pieces chevrotain made of the
 * rest (`Expected end of file, but found kpi`, a reference that no longer
 * resolves):
 * - an unclosed `/*` comments out the rest of the text, as editors show it;
 * - an unterminated string is a string to the end of its line, or up to a
 *   `{` that ends the line after a space (`kpi K "Title {`); a string with
 *   an invalid escape is a string to its closing quote.
 * `errors` are the readable lexer errors (`readableLexerErrors`), in order.
 * The errors themselves stay: this only spares the findings that follow
 * from them.
 */
export function recoverTokens(text: string, lexed: LexedTokens, errors: readonly LexerError[], stringType: TokenType): LexedTokens {
    // Linear in the tokens: the strings' spans do not overlap and come in order, so each token is looked at a bounded number of times.
    const strings: IToken[] = [];
    let cut = Infinity;
    for (const error of errors) {
        if (text.startsWith('/*', error.offset)) {
            cut = error.offset;
            break;
        }
        if (text[error.offset] !== '"' || error.line === undefined || error.column === undefined) continue;
        const end = stringEnd(text, error.offset);
        // A comment opened inside the string may run past its line: then the pieces are left as they are.
        const runsOn = (t: IToken): boolean => (t.endOffset ?? t.startOffset) >= end && (t.endLine ?? 0) > error.line!;
        if (within(lexed.tokens, error.offset, end).some(runsOn) || within(lexed.hidden, error.offset, end).some(runsOn)) continue;
        strings.push(stringToken(text, error.offset, end, error.line, error.column, stringType));
    }
    if (strings.length === 0 && cut === Infinity) return lexed;
    return { tokens: merged(lexed.tokens, strings, cut), hidden: merged(lexed.hidden, [], cut, strings) };
}

/** The tokens (sorted by offset) that start in `[start, end)`, found by binary search. */
function within(tokens: readonly IToken[], start: number, end: number): IToken[] {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (tokens[middle]!.startOffset < start) low = middle + 1;
        else high = middle;
    }
    const result: IToken[] = [];
    for (let i = low; i < tokens.length && tokens[i]!.startOffset < end; i++) result.push(tokens[i]!);
    return result;
}

/**
 * `tokens` before `cut`, without those inside a recovered string (`strings`,
 * or `spans` when the strings are not to be added), with `strings` in their
 * places; one pass over both sorted lists.
 */
function merged(tokens: readonly IToken[], strings: readonly IToken[], cut: number, spans: readonly IToken[] = strings): IToken[] {
    const result: IToken[] = [];
    let next = 0;
    for (const token of tokens) {
        if (token.startOffset >= cut) break;
        while (next < spans.length && spans[next]!.endOffset! < token.startOffset) {
            if (spans === strings) result.push(strings[next]!);
            next++;
        }
        const span = spans[next];
        if (span && token.startOffset >= span.startOffset && token.startOffset <= span.endOffset!) continue;
        result.push(token);
    }
    if (spans === strings) for (; next < strings.length && strings[next]!.startOffset < cut; next++) result.push(strings[next]!);
    return result;
}

/** Where a string that starts at `start` ends (exclusive): its closing quote, else its line less a final ` {` and trailing spaces. */
function stringEnd(text: string, start: number): number {
    let i = start + 1;
    for (; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) {
        if (text[i] === '\\') {
            if (text[i + 1] === '\n' || text[i + 1] === '\r') break;
            i++;
        } else if (text[i] === '"') return i + 1;
    }
    let end = Math.min(i, text.length);
    while (end > start + 1 && /[ \t]/.test(text[end - 1]!)) end--;
    if (text[end - 1] === '{' && end - 2 > start && /[ \t]/.test(text[end - 2]!)) {
        end--;
        while (end > start + 1 && /[ \t]/.test(text[end - 1]!)) end--;
    }
    return end;
}

/** A STRING token over `text[start, end)`, on one line, as chevrotain makes one (columns from 1, ends inclusive). */
function stringToken(text: string, start: number, end: number, line: number, column: number, type: TokenType): IToken {
    return {
        image: text.slice(start, end), startOffset: start, endOffset: end - 1,
        startLine: line, endLine: line, startColumn: column, endColumn: column + end - start - 1,
        tokenTypeIdx: type.tokenTypeIdx!, tokenType: type
    };
}

/** Whether a STRING token's text ends with a quote that closes it (one the lexer recovered may not). */
export function isClosedString(image: string): boolean {
    for (let i = 1; i < image.length; i++) {
        if (image[i] === '\\') i++;
        else if (image[i] === '"') return i === image.length - 1;
    }
    return false;
}
