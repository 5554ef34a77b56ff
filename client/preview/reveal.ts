import * as vscode from 'vscode';
import type { GraphRange } from '../../language/graph/types.js';
import { catalogUriOf, type CatalogDocuments } from '../catalog-documents.js';
import { LANGUAGE_ID } from '../constants.js';

/**
 * Opens a declaration the webview asked for. Only files inside a workspace
 * folder are opened: the request comes from the webview, so a URI elsewhere
 * (or a malformed one) is ignored; a `git:` URI (an element removed since
 * the last commit, shown as HEAD has it) must stand for a file inside one.
 * A catalog file (one the server named) opens read-only, wherever it is;
 * an `.align` document open in VS Code (an untitled one, a file opened
 * without its folder) is shown too: the graph has its declarations.
 * Returns whether it opened the file.
 */
export async function revealDeclaration(uriText: string, range: GraphRange, column: vscode.ViewColumn, catalogs?: CatalogDocuments): Promise<boolean> {
    const parsed = parseUri(uriText);
    if (!parsed) return false;
    const uri = catalogs?.catalogOf(parsed) ? catalogUriOf(parsed) : parsed;
    if (uri === parsed && !vscode.workspace.getWorkspaceFolder(uri.scheme === 'git' ? uri.with({ scheme: 'file', query: '' }) : uri) && !isOpenAlignDocument(uri)) return false;
    const position = (p: GraphRange['start']) => new vscode.Position(Math.max(0, p.line), Math.max(0, p.character));
    const start = position(range.start);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(start, start) });
    editor.revealRange(new vscode.Range(start, position(range.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
}

/** True when `uri` is an `.align` document open in VS Code (untitled, or outside every workspace folder). */
function isOpenAlignDocument(uri: vscode.Uri): boolean {
    const text = uri.toString();
    return vscode.workspace.textDocuments.some(d => d.languageId === LANGUAGE_ID && d.uri.toString() === text);
}

/** The URI, or undefined when the text is not a valid URI with a scheme. */
function parseUri(text: string): vscode.Uri | undefined {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return undefined;
    try {
        return vscode.Uri.parse(text, true);
    } catch (error) {
        console.warn(`Align preview: ignored a reveal request with an invalid URI (${String(error)})`);
        return undefined;
    }
}
