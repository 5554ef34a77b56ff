import type { AstNode, Cancellation, LangiumDocument, Mutable, ParseResult, ParserOptions, TextDocument, URI } from 'langium';
import { DefaultLangiumDocumentFactory } from 'langium';
import { decodeSource } from './files/decode-source.js';
import { describeCode } from './files/file-errors.js';
import { binarySource, firstNulLine, sourceProblemMessage, unreadableSource, type SourceProblem } from './files/source-problems.js';
import { parseEdited } from './incremental-parse.js';

type CancellationToken = Cancellation.CancellationToken;

/**
 * Langium's document factory, parsing an edited document again only around
 * the change where `incremental-parse.ts` can; otherwise, and for new
 * documents, the whole text. A file that is not Align source (binary,
 * saved as UTF-16, not UTF-8, or not readable: permission denied) is an
 * empty model with one error at its start, as `align check` reports it,
 * not a failed workspace build: a file read from disk is judged by its
 * bytes as `align check` judges them (decode-source.ts), a document open
 * in the editor by its text, which the editor decoded (a NUL character
 * makes it binary; docs/reliability.md). A file
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
    /** Why each file read from disk is not Align source (unreadable, binary, UTF-16, not UTF-8), by URI; its text is taken as empty. */
    private readonly notSourceFiles = new Map<string, SourceProblem>();

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        const before = this.problemMessage(key);
        this.updating.set(key, document.parseResult);
        try {
            await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
        // Langium parses again only when the text changed: the text of a file that is not source and an empty file's are all ''.
        if (before !== this.problemMessage(key) && document.textDocument.getText() === '') {
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
    override async getInitialText(uri: URI, _cancellationToken: CancellationToken): Promise<string> {
        const open = this.textDocuments?.get(uri.toString());
        if (!open) return this.readFile(uri);
        // The editor's text: whatever the file on disk was, it is read now.
        this.notSourceFiles.delete(uri.toString());
        return open.getText();
    }

    protected override getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined, cancellationToken: CancellationToken): Promise<string> {
        if (!textDocument) return this.readFile(document.uri);
        this.notSourceFiles.delete(document.uri.toString());
        return super.getUpdatedText(document, textDocument, cancellationToken);
    }

    /**
     * The file's text without a leading byte order mark; '' for a file there
     * that the system would not read or that is not Align source by its
     * bytes (binary, UTF-16, not UTF-8), with the problem kept for its parse.
     */
    private async readFile(uri: URI): Promise<string> {
        const key = uri.toString();
        let bytes: Uint8Array;
        try {
            bytes = await this.fileSystemProvider.readBinary(uri);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException | undefined)?.code;
            // A file gone (ENOENT) is a deletion not announced yet: the builder deletes its document (align-document-builder.ts).
            if (typeof code !== 'string' || code === 'ENOENT') throw error;
            this.notSourceFiles.set(key, unreadableSource(describeCode(code, error)));
            return '';
        }
        const decoded = decodeSource(bytes);
        if ('problem' in decoded) {
            this.notSourceFiles.set(key, decoded.problem);
            return '';
        }
        this.notSourceFiles.delete(key);
        return decoded.text;
    }

    /** The finding's message of a file read from disk that is not Align source, by URI: a change of problem parses its '' again. */
    private problemMessage(key: string): string | undefined {
        const problem = this.notSourceFiles.get(key);
        return problem && sourceProblemMessage(problem);
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
     * A file read from disk that is not Align source, or a text with a NUL
     * character (a binary file open in the editor), is not Align source
     * (language/files/source-problems.ts): an empty model and one lexer
     * error at the start, the `syntax` finding `align check` gives it,
     * rather than a syntax error for every run of bytes.
     */
    private notSource<T extends AstNode>(uri: URI, text: string): ParseResult<T> | undefined {
        const onDisk = text === '' ? this.notSourceFiles.get(uri.toString()) : undefined;
        const line = onDisk === undefined ? firstNulLine(text) : -1;
        const problem: SourceProblem | undefined = onDisk ?? (line >= 0 ? binarySource(line) : undefined);
        if (!problem) return undefined;
        const empty = super.parse<T>(uri, '');
        return { ...empty, lexerErrors: [{ offset: 0, line: 1, column: 1, length: 0, message: sourceProblemMessage(problem) }] };
    }
}
