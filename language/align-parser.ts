import { CstNodeBuilder, createLangiumParser, type AbstractCstNode, type CompositeCstNode, type CompositeCstNodeImpl, type CstNode, DefaultLexer, type AstNode, type LangiumCoreServices, type LangiumParser, type LexerResult, type ParseResult, type ParserOptions, type TokenizeOptions } from 'langium';
import { readableLexerErrors } from './align-parser-errors.js';
import { conflictMarkers, errorsOutside, withoutSpans } from './conflict-markers.js';
import { recoverTokens } from './lexer-recovery.js';
import { UNLEXABLE_GROUP, unlexableErrors } from './unlexable-token.js';
import type { IToken } from 'chevrotain';
import { recoverWords } from './lexer-words.js';
import { flattenRepetitionRecovery } from './repetition-recovery.js';
import { cacheNoViableAltPaths } from './no-viable-alt-paths.js';
import { capSyntaxErrors, MAX_SYNTAX_ERRORS } from './syntax-error-cap.js';

type HiddenTokens = Parameters<CstNodeBuilder['addHiddenNodes']>[0];

/**
 * Langium's CST builder, without its search for nothing. Before every token
 * the parser asks it to place the comments that precede the token; for the
 * first token of a new node it looks the node up among its parent's
 * children (`indexOf`) even when there is no comment to place. For
 * top-level declarations that search runs over the whole file so far: a
 * 20 MB file of 266,000 declarations spent 16 of its 47 s there. Placing no
 * nodes changes nothing, so the search is skipped.
 */
export class AlignCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: HiddenTokens): void {
        if (tokens.length > 0) super.addHiddenNodes(tokens);
    }

    /*
     * Langium adds the comments before a token with one `push(...nodes)` or
     * `splice(index, 0, ...nodes)`: each node is an argument of the call, and
     * some 130,000 comments in a row overflowed the call stack. These two add
     * them without spreading, into the same places.
     */
    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        const node = parent as CompositeCstNodeImpl;
        if (node.content.length === 0 || children.length <= SPREAD_LIMIT) {
            super.appendChildren(parent, children);
            return;
        }
        for (const child of children) {
            (child as AbstractCstNode).container = parent;
            node.content.push(child);
        }
    }

    /*
     * Langium removes a node that read nothing (a name that recovery left
     * out, as each of the names missing in `drives X......`) by searching
     * its parent's children from the first, but the node is among the last:
     * the names of a reference of 200,000 dots spent 7 of its 15 s there.
     * A node is in its parent once, so searching from the last finds it.
     */
    override removeNode(node: CstNode): void {
        const parent = node.container as CompositeCstNodeImpl | undefined;
        if (!parent) return;
        const index = parent.content.lastIndexOf(node);
        if (index >= 0) parent.content.splice(index, 1);
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        if (children.length <= SPREAD_LIMIT) {
            super.insertChildren(parent, index, children);
            return;
        }
        const node = parent as CompositeCstNodeImpl;
        for (const child of children) (child as AbstractCstNode).container = parent;
        node.content = node.content.slice(0, index).concat(children, node.content.slice(index));
    }
}

/** The most nodes Langium may pass as the arguments of one call: far below any engine's stack limit. */
const SPREAD_LIMIT = 1000;

/**
 * Langium's parser for the grammar, building its syntax trees with
 * `AlignCstNodeBuilder`, stopping at `maxErrors` syntax errors
 * (`capSyntaxErrors`; tests of the cap give fewer than `MAX_SYNTAX_ERRORS`).
 */
export function createAlignParser(services: LangiumCoreServices, maxErrors = MAX_SYNTAX_ERRORS): LangiumParser {
    const parser = createLangiumParser(services);
    // A private field of LangiumParser, set in its constructor; nothing has been parsed yet. The unit test checks that it is used.
    const fields = parser as unknown as { nodeBuilder: CstNodeBuilder };
    if (!(fields.nodeBuilder instanceof CstNodeBuilder)) throw new Error('Langium\'s parser no longer keeps its CST builder in `nodeBuilder`');
    fields.nodeBuilder = new AlignCstNodeBuilder();
    flattenRepetitionRecovery(parser);
    cacheNoViableAltPaths(parser);
    capSyntaxErrors(parser, maxErrors);
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        const result = parse<T>(input, options);
        // An unclosed `/*` comments out the rest (`recoverTokens`): the end of the file it reaches too early is no second error.
        if (result.lexerErrors.some(e => input.startsWith('/*', e.offset))) {
            result.parserErrors = result.parserErrors.filter(e => e.token.tokenType?.name !== 'EOF' && e.token.image !== '');
        }
        return result;
    };
    return parser;
}

/**
 * Langium's lexer with lexer errors in words and ranges that cover what they
 * name (an unclosed string to the end of its line), without the errors that
 * only follow from an earlier one (`readableLexerErrors`); `offset`, `line`
 * and `column` stay where chevrotain found the error. After an unclosed
 * string or comment the tokens are those the writer meant
 * (`recoverTokens`), so the parser reports nothing that only follows from it.
 * Merge-conflict markers are named as such, and the parser reads the first
 * side of each conflict only (`conflictMarkers`).
 * A run of characters no token matches is one error, as chevrotain reports
 * it, but read at once (`unlexableToken`).
 */
export class AlignLexer extends DefaultLexer {
    override tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        const result = this.lexed(text);
        if (result.errors.length === 0) return result;
        const conflicts = conflictMarkers(text, result.errors);
        const lexed = conflicts ? withoutSpans(result, conflicts.spans) : result;
        result.errors = readableLexerErrors(text, conflicts ? errorsOutside(result.errors, conflicts.spans) : result.errors);
        const string = this.tokenTypes['STRING'];
        if (!string) throw new Error('The grammar has no STRING terminal');
        const id = this.tokenTypes['ID'];
        if (!id) throw new Error('The grammar has no ID terminal');
        const { tokens, hidden } = recoverWords(text, recoverTokens(text, lexed, result.errors, string), result.errors, id);
        if (conflicts) result.errors = [...result.errors, ...conflicts.errors].sort((a, b) => a.offset - b.offset);
        return { ...result, tokens, hidden };
    }

    /** Langium's lexing, with the runs of characters no token matches (`unlexableToken`) as lexer errors. */
    private lexed(text: string): LexerResult {
        const lexed = this.chevrotainLexer.tokenize(text);
        const unlexable = lexed.groups[UNLEXABLE_GROUP] ?? [];
        const message = (t: IToken): string => this.errorMessageProvider.buildUnexpectedCharactersMessage(text, t.startOffset, t.image.length, t.startLine, t.startColumn);
        const errors = unlexable.length === 0 ? lexed.errors : [...lexed.errors, ...unlexableErrors(unlexable, message)].sort((a, b) => a.offset - b.offset);
        return { tokens: lexed.tokens, errors, hidden: lexed.groups['hidden'] ?? [], report: this.tokenBuilder.flushLexingReport?.(text) };
    }
}
