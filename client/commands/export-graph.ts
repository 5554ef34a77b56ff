import * as vscode from 'vscode';
import { ImpactPreview, type PreviewDeps } from '../preview/impact-preview.js';
import { exportFileName, type ExportScope } from './export-name.js';
import { fromBase64 } from '../../language/files/base64.js';

export type ExportFormat = 'svg' | 'png';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = { svg: { 'SVG image': ['svg'] }, png: { 'PNG image': ['png'] } };

/**
 * `Align: Export Impact Chain as SVG/PNG`: opens the preview if needed, asks
 * the webview to export what it shows, then saves the file where the user
 * says (or at `target`, a URI given as the command's argument).
 * Returns the saved file's URI, or undefined if cancelled.
 */
export async function exportImpactChain(deps: PreviewDeps, format: ExportFormat, target?: unknown): Promise<vscode.Uri | undefined> {
    const preview = ImpactPreview.createOrShow(deps, true);
    const data = await preview.exportGraph(format);
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : pngBytes(data);
    const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
        title: `Export Impact Chain as ${format.toUpperCase()}`,
        saveLabel: 'Export',
        defaultUri: defaultExportUri(format, preview.followedDocument, preview.view),
        filters: FILTERS[format]
    });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, bytes);
    void vscode.window.showInformationMessage(`Impact chain exported to ${vscode.workspace.asRelativePath(uri)}.`);
    return uri;
}

/**
 * Where the save dialog starts: in the workspace folder of the `.align`
 * document the preview follows (with two folders, the one being worked on),
 * else beside that document when it is a local file outside every folder,
 * else in the first workspace folder; the file named after what the preview shows
 * (`impact-chain-<program title>.svg`). Undefined when there is no place
 * (no folder, an untitled document): the dialog starts where VS Code likes.
 */
export function defaultExportUri(format: ExportFormat, document: vscode.TextDocument | undefined, shown: ExportScope | undefined): vscode.Uri | undefined {
    const documentFolder = document ? vscode.workspace.getWorkspaceFolder(document.uri)?.uri : undefined;
    const beside = document?.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : undefined;
    const folder = documentFolder ?? beside ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, exportFileName(format, shown)) : undefined;
}

/** The bytes of a `data:image/png;base64,...` URL. */
function pngBytes(dataUrl: string): Uint8Array {
    const prefix = 'data:image/png;base64,';
    if (!dataUrl.startsWith(prefix)) throw new Error('The preview sent a PNG export that is not a base64 PNG data URL.');
    return fromBase64(dataUrl.slice(prefix.length));
}
