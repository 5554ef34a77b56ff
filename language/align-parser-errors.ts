import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name', STRING: 'a "quoted string"', NUMBER: 'a number', PERCENT: 'a percentage such as 12%',
    DATE: 'a date such as 2026-06-30', MONTH: 'a month such as 2026-06', QUARTER: 'a quarter such as 2026-Q2', HALF: 'a half such as 2026-H2'
};

/** Past this many choices the message names the kinds of thing expected, not every keyword. */
const MAX_LISTED = 6;

/**
 * Parser errors in words: "Expected a number or a percentage such as 12%,
 * but found `}`." instead of chevrotain's list of token sequences; where a
 * name may stand, the keywords that may also serve as names are not listed.
 */
export class AlignParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return `Expected ${describe([options.expected])}, but found ${found(options.actual)}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const first = options.expectedPathsPerAlt.flat().map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return `Expected ${describe(first)}, but found ${found(options.actual[0])}.`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const first = options.expectedIterationPaths.map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return `Expected at least one ${describe(first)}, but found ${found(options.actual[0])}.`;
    }
}

function describe(tokens: readonly TokenType[]): string {
    const names = [...new Set(tokens.map(t => t.name))];
    const isKeyword = (n: string): boolean => !(n in TOKEN_WORDS);
    // Where a name may stand, the attribute words that may also be names are noise.
    const words = names.filter(n => !isKeyword(n) || !names.includes('ID'))
        .map(n => isKeyword(n) ? `\`${n}\`` : TOKEN_WORDS[n]!);
    const shown = words.length > MAX_LISTED ? [...words.slice(0, MAX_LISTED), 'another keyword'] : words;
    return shown.length <= 1 ? shown[0] ?? 'something else' : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === '') return 'the end of the file';
    return `\`${token.image}\``;
}
