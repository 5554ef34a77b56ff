import type { AstNode, Cancellation, LangiumDocument, Mutable, ParseResult, ParserOptions, TextDocument, URI } from 'langium';
import { DefaultLangiumDocumentFactory } from 'langium';
import { withoutBom } from './byte-order-mark.js';
import { describeCode } from './files/file-errors.js';
import { binarySource, firstNulLine, sourceProblemMessage, unreadableSource, type SourceProblem } from './files/source-problems.js';
import { parseEdited } from './incremental-parse.js';

type CancellationToken = Cancellation.CancellationToken;

/**
 * Langium's document factory, parsing an edited document again only around
 * the change where `incremental-parse.ts` can; otherwise, and for new
 * documents, the whole text. A file that is not Align source (binary, or
 * not readable: permission denied) is an empty model with one error at its
 * start, as `align check` reports it, not a failed workspace build. A file
 * read from disk loses a leading UTF-8 byte order mark, as an editor drops
 * it when it loads the file (and `align check` when it reads it): positions
 * in a file not open (rename edits, diagnostics, definitions, symbols) are
 * those the editor shows, and the same once it is opened.
 */
export class AlignDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Parse results of the documents being updated, by URI, until their new text is parsed. */
    private readonly updating = new Map<string, ParseResult<AstNode>>();
    /** Updates parsed in part since the factory was made (read by the tests). */
    readonly parses = { partial: 0 };
    /** Why each file that could not be read was not (`permission denied, EACCES`), by URI; its text is taken as empty. */
    private readonly unreadable = new Map<string, string>();

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        const wasUnreadable = this.unreadable.has(key);
        this.updating.set(key, document.parseResult);
        try {
            await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
        // Langium parses again only when the text changed: an unreadable file's text and an empty file's are both ''.
        if (wasUnreadable !== this.unreadable.has(key) && document.textDocument.getText() === '') {
            document.parseResult = await this.parseAsync<T>(document.uri, '', cancellationToken);
            (document.parseResult.value as Mutable<AstNode>).$document = document;
        }
        return document;
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
        if (!open) return this.readFile(uri, () => super.getInitialText(uri, cancellationToken));
        // The editor's text: whatever the file on disk was, it is read now.
        this.unreadable.delete(uri.toString());
        return open.getText();
    }

    protected override getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined, cancellationToken: CancellationToken): Promise<string> {
        if (!textDocument) return this.readFile(document.uri, () => super.getUpdatedText(document, undefined, cancellationToken));
        this.unreadable.delete(document.uri.toString());
        return super.getUpdatedText(document, textDocument, cancellationToken);
    }

    /** The file's text without a leading byte order mark; '' for a file there that the system would not read, with the reason kept for its parse. */
    private async readFile(uri: URI, read: () => Promise<string>): Promise<string> {
        const key = uri.toString();
        try {
            const text = withoutBom(await read());
            this.unreadable.delete(key);
            return text;
        } catch (error) {
            const code = (error as NodeJS.ErrnoException | undefined)?.code;
            // A file gone (ENOENT) is a deletion not announced yet: the builder deletes its document (align-document-builder.ts).
            if (typeof code !== 'string' || code === 'ENOENT') throw error;
            this.unreadable.set(key, describeCode(code, error));
            return '';
        }
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return this.notSource<T>(uri, text) ?? super.parse<T>(uri, text, options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const notSource = this.notSource<T>(uri, text);
        if (notSource) return Promise.resolve(notSource);
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
     * A file that could not be read, or a text with a NUL character (a
     * binary file), is not Align source (language/files/source-problems.ts):
     * an empty model and one lexer error at the start, the `syntax` finding
     * `align check` gives it, rather than a syntax error for every run of bytes.
     */
    private notSource<T extends AstNode>(uri: URI, text: string): ParseResult<T> | undefined {
        const reason = text === '' ? this.unreadable.get(uri.toString()) : undefined;
        const line = reason === undefined ? firstNulLine(text) : -1;
        const problem: SourceProblem | undefined = reason !== undefined ? unreadableSource(reason) : line >= 0 ? binarySource(line) : undefined;
        if (!problem) return undefined;
        const empty = super.parse<T>(uri, '');
        return { ...empty, lexerErrors: [{ offset: 0, line: 1, column: 1, length: 0, message: sourceProblemMessage(problem) }] };
    }
}
