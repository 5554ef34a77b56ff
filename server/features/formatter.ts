import { UriUtils, type LangiumDocument } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver-protocol';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, FormattingOptions, TextEdit
} from 'vscode-languageserver-protocol';
import { formatAlignWith, type FormatResult } from '../../language/format/format-align.js';
import { formatAlignRangeWith } from '../../language/format/format-range.js';
import { lineHunks } from '../../language/format/line-diff.js';
import type { AlignServices } from '../../language/align-module.js';

/**
 * LSP formatting from the canonical formatter (`language/format`).
 * `textDocument/formatting` answers one edit per run of changed lines (none
 * when the text is already canonical); `textDocument/rangeFormatting`
 * answers the changes to the range's lines, and to a line the formatting
 * joins to them, only (`format-range.ts`). A file
 * with syntax errors is left alone
 * (no edits; the reason is logged) and the user is told once, by a
 * `window/showMessage` warning naming the file and the first error: a
 * Format Document that does nothing would otherwise look broken. The notice
 * comes again only after that file has been formatted (or found canonical)
 * once more, so that format-on-save of a file being mended does not repeat
 * it at each save. Indentation follows the editor's `tabSize`/`insertSpaces`.
 * No format-on-type.
 */
export class AlignFormatter implements Formatter {
    /** Documents whose refusal the user has been shown, until they format again. */
    private readonly told = new Set<string>();

    constructor(private readonly services: LangiumServices) { }

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        if (this.isCatalog(document)) return [];
        const text = document.textDocument.getText();
        const result = this.ok(document, formatAlignWith(this.services, text, indentation(params.options)));
        return result === undefined ? [] : lineEdits(document, text, result);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        if (this.isCatalog(document)) return [];
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const range = { start: textDocument.offsetAt(params.range.start), end: textDocument.offsetAt(params.range.end) };
        const result = this.ok(document, formatAlignRangeWith(this.services, text, range, indentation(params.options)));
        return result === undefined ? [] : lineEdits(document, text, result);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** A catalog file is never formatted from the workspace (logged). */
    private isCatalog(document: LangiumDocument): boolean {
        const isCatalog = (this.services as AlignServices).align.Catalogs.isCatalog(document.uri);
        if (isCatalog) this.services.shared.lsp.Connection?.console.info(`${document.uri.path}: a catalog file, not formatted from the workspace`);
        return isCatalog;
    }

    /** The new text, or `undefined` when unchanged or refused (logged). */
    private ok(document: LangiumDocument, result: FormatResult): string | undefined {
        const key = document.uri.toString();
        const connection = this.services.shared.lsp.Connection;
        if ('error' in result) {
            connection?.console.info(`${document.uri.path}: ${result.error}`);
            if (!this.told.has(key)) {
                this.told.add(key);
                void connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${UriUtils.basename(document.uri)} was not formatted: ${reasonOf(result.error)}` });
            }
            return undefined;
        }
        this.told.delete(key);
        return result.changed ? result.text : undefined;
    }
}

/**
 * The edits that turn `text` into `formatted`, one per run of changed lines
 * (language/format/line-diff.ts): unchanged lines are never replaced, so
 * that a client keeps its marks, folds and cursor on them.
 */
function lineEdits(document: LangiumDocument, text: string, formatted: string): TextEdit[] {
    const textDocument = document.textDocument;
    return lineHunks(text, formatted).map(h => ({
        range: { start: textDocument.positionAt(h.start), end: textDocument.positionAt(h.end) },
        newText: h.text
    }));
}

/** The formatter's refusal without its `Not formatted: ` lead, to follow `X was not formatted: `. */
function reasonOf(error: string): string {
    return error.replace(/^Not formatted: /, '');
}

function indentation(options: FormattingOptions): { tabSize: number; insertSpaces: boolean } {
    return { tabSize: options.tabSize, insertSpaces: options.insertSpaces };
}
