import type { TokenType, TokenVocabulary } from 'chevrotain';
import { DefaultTokenBuilder, type Grammar, type GrammarAST, type TokenBuilderOptions } from 'langium';
import { blockCommentMatcher } from './comment-token.js';
import { stringMatcher } from './string-token.js';
import { unlexableToken } from './unlexable-token.js';

/**
 * The grammar's tokens, with the STRING terminal read by `stringMatcher`
 * and the ML_COMMENT terminal by `blockCommentMatcher` instead of their
 * regular expressions (which they match exactly), and last the
 * `unlexableToken` that takes each run of characters no token matches.
 */
export class AlignTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options);
        if (!Array.isArray(tokens)) throw new Error('Langium no longer builds the tokens as a list');
        return [...tokens, unlexableToken(tokens as TokenType[])];
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'STRING') return { ...token, PATTERN: { exec: stringMatcher() }, START_CHARS_HINT: ['"'], LINE_BREAKS: false };
        if (terminal.name === 'ML_COMMENT') return { ...token, PATTERN: { exec: blockCommentMatcher() }, START_CHARS_HINT: ['/'], LINE_BREAKS: true };
        return token;
    }
}
