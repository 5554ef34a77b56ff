import type { AstNode, LangiumCoreServices } from 'langium';
import { astShape, commentShape } from './ast-shape.js';

/** What Langium's parser returns. */
export type AlignParseResult = ReturnType<LangiumCoreServices['parser']['LangiumParser']['parse']>;

/** The first lexer or parser error of a parse as `line:column message` (1-based), if any. */
export function syntaxError(result: AlignParseResult): string | undefined {
    const lexer = result.lexerErrors[0];
    if (lexer) return `${where(lexer.line, lexer.column)} ${oneLine(lexer.message)}`;
    const parser = result.parserErrors[0];
    if (parser) return `${where(parser.token.startLine, parser.token.startColumn)} ${oneLine(parser.message)}`;
    return undefined;
}

const where = (line: number | undefined, column: number | undefined): string =>
    line !== undefined && line > 0 && column !== undefined && column > 0 ? `${line}:${column}` : 'end of file:';

const oneLine = (message: string): string => message.replace(/\s+/g, ' ').trim();

/** The parsed original text: its AST and its comments (hidden lexer tokens). */
export interface ParsedOriginal {
    readonly root: AstNode;
    readonly comments: ReadonlyArray<{ image: string }>;
}

/**
 * How `candidate` differs in meaning from the original: a syntax error, other
 * declarations or values, other comments. `undefined` when it means the same.
 */
export function changedMeaning(services: LangiumCoreServices, original: ParsedOriginal, candidate: string): string | undefined {
    const reparsed = services.parser.LangiumParser.parse(candidate);
    const error = syntaxError(reparsed);
    if (error) return `the result does not parse: ${error}`;
    if (JSON.stringify(astShape(original.root)) !== JSON.stringify(astShape(reparsed.value))) return 'the declarations differ';
    const comments = services.parser.Lexer.tokenize(candidate).hidden;
    if (JSON.stringify(commentShape(original.comments)) !== JSON.stringify(commentShape(comments))) return 'the comments differ';
    return undefined;
}
