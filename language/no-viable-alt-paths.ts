import type { LangiumParser } from 'langium';
import { getLookaheadPaths, NoViableAltException, type IParserErrorMessageProvider, type IToken, type Rule, type TokenType } from 'chevrotain';

interface Engine {
    raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never;
    getCurrRuleFullName(): string;
    getGAstProductions(): Record<string, Rule>;
    LA(howMuch: number): IToken;
    SAVE_ERROR(error: Error): Error;
    readonly maxLookahead: number;
    readonly errorMessageProvider: IParserErrorMessageProvider;
}

/**
 * Chevrotain works out, for every "no viable alternative" error, the token
 * sequences each alternative of that choice could start with, from the
 * grammar (`getLookaheadPathsForOr`), to put them in the message. That
 * depends only on the rule and the choice, yet costs milliseconds each
 * time: a file of 5,000 stray `metric` words took 7 s to check (4.4 s of
 * it there), and kept the language server from answering anything else.
 *
 * This computes them once per rule and choice. The exception, its message
 * and the recovery after it are those chevrotain makes.
 */
export function cacheNoViableAltPaths(parser: LangiumParser): void {
    // A private field of LangiumParser (its chevrotain parser), set in its constructor. The unit test checks that it is used.
    const wrapper = (parser as unknown as { wrapper?: Partial<Engine> }).wrapper;
    if (typeof wrapper?.raiseNoAltException !== 'function' || typeof wrapper.getGAstProductions !== 'function') {
        throw new Error('Langium\'s parser no longer keeps a chevrotain parser with raiseNoAltException in `wrapper`');
    }
    const paths = new Map<string, TokenType[][][]>();
    (wrapper as Engine).raiseNoAltException = function (this: Engine, occurrence: number, errMsgTypes: string | undefined): never {
        const ruleName = this.getCurrRuleFullName();
        const key = `${ruleName}#${occurrence}`;
        let expectedPathsPerAlt = paths.get(key);
        if (!expectedPathsPerAlt) {
            const rule = this.getGAstProductions()[ruleName]!;
            expectedPathsPerAlt = getLookaheadPaths({ occurrence, rule, prodType: 'Alternation', maxLookahead: this.maxLookahead });
            paths.set(key, expectedPathsPerAlt);
        }
        const actual: IToken[] = [];
        for (let i = 1; i <= this.maxLookahead; i++) actual.push(this.LA(i));
        const previous = this.LA(0);
        const message = this.errorMessageProvider.buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, customUserDescription: errMsgTypes, ruleName });
        throw this.SAVE_ERROR(new NoViableAltException(message, this.LA(1), previous));
    };
}
