import type { AstNode, LangiumCoreServices } from 'langium';
import type { Model } from '../generated/ast.js';
import { docComment } from '../graph/collect-nodes.js';
import { astShape, commentShape } from './ast-shape.js';
import { suppressedLineChange, suppressedLineKeys, type SuppressedLineKey } from './suppressed-lines.js';

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

/** The parsed original text: its AST, its comments (hidden lexer tokens), its declarations' doc comments, and what its `align-disable-next-line` comments cover. */
export interface ParsedOriginal {
    readonly root: AstNode;
    readonly comments: ReadonlyArray<{ image: string }>;
    readonly docs: readonly DeclarationDoc[];
    readonly suppressed: readonly SuppressedLineKey[];
}

/** A declaration's doc comment as the graph reads it (`undefined`: none). */
export interface DeclarationDoc {
    /** E.g. `skill P.S`. */
    readonly name: string;
    readonly doc: string | undefined;
}

/**
 * The doc comment of each declaration that the graph reads one for (top
 * level and program members, in document order), as it reads it: the
 * `/** ... *\/` comment right before the declaration (`docComment`). Which
 * comment that is depends on what follows each comment, which the sorted
 * comments of `commentShape` do not tell.
 */
function declarationDocs(root: AstNode): DeclarationDoc[] {
    const docs: DeclarationDoc[] = [];
    for (const element of (root as Model).elements) {
        if (element.$type === 'Actuals') continue;
        docs.push({ name: `${element.$type.toLowerCase()} ${element.name}`, doc: docComment(element) });
        if (element.$type !== 'Program') continue;
        for (const member of element.members) {
            if (member.$type !== 'Actuals') docs.push({ name: `${member.$type.toLowerCase()} ${element.name}.${member.name}`, doc: docComment(member) });
        }
    }
    return docs;
}

/** The original as `changedMeaning` compares it (from its parse and lexing when the caller has them). */
export function parsedOriginal(services: LangiumCoreServices, text: string, parsed?: AstNode, lexed = services.parser.Lexer.tokenize(text)): ParsedOriginal {
    const root = parsed ?? services.parser.LangiumParser.parse(text).value;
    return {
        root,
        comments: lexed.hidden,
        docs: declarationDocs(root),
        suppressed: suppressedLineKeys(text, lexed.tokens, lexed.hidden)
    };
}

/**
 * How `candidate` differs in meaning from the original: a syntax error, other
 * declarations or values, other comments, another doc comment on a
 * declaration, other text on a line an `align-disable-next-line` comment
 * suppresses (then `suppression` is true: the layout is at fault, not the
 * formatter). `undefined` when it means the same.
 */
export function changedMeaning(services: LangiumCoreServices, original: ParsedOriginal, candidate: string): MeaningChange | undefined {
    const reparsed = services.parser.LangiumParser.parse(candidate);
    const error = syntaxError(reparsed);
    if (error) return { reason: `the result does not parse: ${error}` };
    if (JSON.stringify(astShape(original.root)) !== JSON.stringify(astShape(reparsed.value))) return { reason: 'the declarations differ' };
    const lexed = services.parser.Lexer.tokenize(candidate);
    if (JSON.stringify(commentShape(original.comments)) !== JSON.stringify(commentShape(lexed.hidden))) return { reason: 'the comments differ' };
    // The shapes are equal: the same declarations, in the same order.
    const docs = declarationDocs(reparsed.value);
    // Compared as read, leading white space included: a doc comment's lines keep their indentation beyond its column
    // wherever it moves (`ownLineComment`, `trailingCommentText`), which is what its reading keeps (`docText`).
    const moved = original.docs.findIndex((d, i) => d.doc !== docs[i]?.doc);
    if (moved >= 0 || docs.length !== original.docs.length) return { reason: `the documentation of ${original.docs[moved]?.name ?? 'a declaration'} differs` };
    const suppression = suppressedLineChange(original.suppressed, suppressedLineKeys(candidate, lexed.tokens, lexed.hidden));
    if (suppression) return { reason: suppression, suppression: true };
    return undefined;
}

export interface MeaningChange {
    readonly reason: string;
    /** The change is to what a line after `align-disable-next-line` holds. */
    readonly suppression?: boolean;
}
