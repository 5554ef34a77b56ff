import type { FileSystemProvider, LangiumDocument } from 'langium';
import { GrammarUtils, UriUtils } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import type { AlignCsvFiles } from '../../language/files/csv-files.js';
import type { Actuals, Model } from '../../language/generated/ast.js';
import { actualsBlocks } from '../../language/model-utils.js';
import { escapeUnseen } from '../../language/present/index.js';

/**
 * The CSV file of `actuals M from "data/m.csv"` as a link (Ctrl+click opens
 * it), where `align check` would read it: relative to the document, inside
 * the workspace folder (also once symbolic links are followed), and there.
 * A missing file or one outside the workspace has its finding
 * (`actuals-invalid`) instead.
 */
export class AlignDocumentLinkProvider implements DocumentLinkProvider {
    private readonly csvFiles: AlignCsvFiles;
    private readonly fileSystem: FileSystemProvider;

    constructor(services: AlignServices) {
        this.csvFiles = services.align.CsvFiles;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
    }

    async getDocumentLinks(document: LangiumDocument): Promise<DocumentLink[]> {
        const links: DocumentLink[] = [];
        for (const actuals of actualsBlocks(document.parseResult.value as Model)) {
            const link = await this.linkOf(document, actuals);
            if (link) links.push(link);
        }
        return links;
    }

    private async linkOf(document: LangiumDocument, actuals: Actuals): Promise<DocumentLink | undefined> {
        const path = actuals.file;
        const string = actuals.$cstNode && GrammarUtils.findNodeForProperty(actuals.$cstNode, 'file');
        if (!path?.trim() || !string) return undefined;
        const uri = UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
        // Where align check reads it (inside the workspace folder, also through symbolic links), and there.
        if (!(await this.fileSystem.exists(uri)) || 'error' in await this.csvFiles.locate(document.uri, path)) return undefined;
        const { start, end } = string.range;
        // The path between the quotes, where the string is on one line.
        const range = start.line === end.line && end.character - start.character >= 2
            ? { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } }
            : string.range;
        return { range, target: uri.toString(), tooltip: `Open ${escapeUnseen(path)}` };
    }
}
