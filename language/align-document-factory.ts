import type { AstNode, Cancellation, LangiumDocument, Mutable, ParseResult, ParserOptions, URI } from 'langium';
import { DefaultLangiumDocumentFactory } from 'langium';
import { binarySource, firstNulLine, sourceProblemMessage } from './files/source-problems.js';
import { parseEdited } from './incremental-parse.js';

type CancellationToken = Cancellation.CancellationToken;

/**
 * Langium's document factory, parsing an edited document again only around
 * the change where `incremental-parse.ts` can; otherwise, and for new
 * documents, the whole text.
 */
export class AlignDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Parse results of the documents being updated, by URI, until their new text is parsed. */
    private readonly updating = new Map<string, ParseResult<AstNode>>();
    /** Updates parsed in part since the factory was made (read by the tests). */
    readonly parses = { partial: 0 };

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.updating.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
    }

    /**
     * The text of a document the editor has open (an untitled one included),
     * else the file's: a request that waits only for the workspace (document
     * highlights, references) may come for a document opened since the last
     * build, before the build that adds it, and must not read a file that is
     * not there (`ENOENT: Untitled-2`) or is older than the editor's text.
     */
    override async getInitialText(uri: URI, cancellationToken: CancellationToken): Promise<string> {
        const open = this.textDocuments?.get(uri.toString());
        return open ? open.getText() : super.getInitialText(uri, cancellationToken);
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return this.binary<T>(uri, text) ?? super.parse<T>(uri, text, options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const binary = this.binary<T>(uri, text);
        if (binary) return Promise.resolve(binary);
        const before = this.updating.get(uri.toString());
        if (before) {
            const parsed = parseEdited(this.serviceRegistry.getServices(uri).parser, before, text);
            if (parsed) {
                this.parses.partial++;
                return Promise.resolve(parsed as unknown as ParseResult<T>);
            }
        }
        return super.parseAsync(uri, text, cancellationToken);
    }

    /**
     * A text with a NUL character is a binary file, not Align source
     * (language/files/source-problems.ts): an empty model and one lexer
     * error at the start, the `syntax` finding `align check` gives it,
     * rather than a syntax error for every run of bytes.
     */
    private binary<T extends AstNode>(uri: URI, text: string): ParseResult<T> | undefined {
        const line = firstNulLine(text);
        if (line < 0) return undefined;
        const empty = super.parse<T>(uri, '');
        const message = sourceProblemMessage(binarySource(line));
        return { ...empty, lexerErrors: [{ offset: 0, line: 1, column: 1, length: 0, message }] };
    }
}
