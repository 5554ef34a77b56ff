import type { CustomPatternMatcherFunc, IToken, TokenType } from 'chevrotain';
import type { LexerError } from './align-parser-errors.js';

/** The group of the tokens that `unlexableToken` makes: they are lexer errors, not tokens the parser reads. */
export const UNLEXABLE_GROUP = 'unlexable';

/**
 * A token for a run of characters that no other token matches, to come
 * last (chevrotain tries it only when every other one fails). Chevrotain's
 * own recovery tries every token at every following character until one
 * matches: some 5 µs a character, 28 s for 5 MB of `%`. This one tries the
 * other tokens once per character, as one regular expression (and the
 * custom ones, as STRING, by their matchers), so the run ends exactly where
 * chevrotain's recovery would resume.
 */
export function unlexableToken(tokens: readonly TokenType[]): TokenType {
    const sources: string[] = [];
    const matchers: CustomPatternMatcherFunc[] = [];
    for (const token of tokens) {
        const pattern = token.PATTERN;
        if (typeof pattern === 'string') sources.push(pattern.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
        else if (pattern instanceof RegExp) {
            if (pattern.flags !== '') throw new Error(`The token ${token.name} has flags the lexer does not expect: ${pattern.flags}`);
            sources.push(pattern.source);
        } else if (typeof pattern === 'function') matchers.push(pattern);
        else if (pattern && typeof pattern === 'object' && 'exec' in pattern) matchers.push(pattern.exec);
    }
    const any = new RegExp(sources.map(s => `(?:${s})`).join('|'), 'y');
    const matches = (text: string, offset: number, tokens: IToken[], groups: { [groupName: string]: IToken[] }): boolean => {
        any.lastIndex = offset;
        return any.test(text) || matchers.some(m => m(text, offset, tokens, groups) !== null);
    };
    const exec: CustomPatternMatcherFunc = (text, offset, tokens, groups) => {
        let end = offset + 1;
        while (end < text.length && !matches(text, end, tokens, groups)) end++;
        return [text.slice(offset, end)] as unknown as RegExpExecArray;
    };
    return {
        name: 'UNLEXABLE', PATTERN: { exec }, GROUP: UNLEXABLE_GROUP, LINE_BREAKS: false,
        START_CHARS_HINT: Array.from({ length: 0x10000 }, (_, code) => code)
    };
}

/** The runs `unlexableToken` took, as the lexer errors chevrotain's recovery would have reported. */
export function unlexableErrors(tokens: readonly IToken[], message: (token: IToken) => string): LexerError[] {
    return tokens.map(token => ({
        offset: token.startOffset, line: token.startLine, column: token.startColumn, length: token.image.length, message: message(token)
    }));
}
