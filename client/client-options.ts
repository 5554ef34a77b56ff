import * as vscode from 'vscode';
import type { DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import type { AlignInitializationOptions } from '../language/protocol.js';
import type { CatalogDocuments } from './catalog-documents.js';
import { CATALOG_SCHEME, CONFIG_SECTION, LANGUAGE_ID } from './constants.js';

/**
 * The client options both hosts share. `schemes` are the URI schemes of the
 * documents the server checks: local files on the desktop, also virtual file
 * systems on the web. Other schemes (a git diff's left side...) would add
 * every declaration a second time. `catalogs` maps catalog files to their
 * read-only views and back.
 */
export function clientOptions(schemes: readonly string[], initializationOptions: () => AlignInitializationOptions,
    catalogs: CatalogDocuments): LanguageClientOptions {
    // Read-only views of catalog files too: hover and go to definition work in them (the server sees the original URI).
    const documentSelector: DocumentSelector = [...schemes, CATALOG_SCHEME].map(scheme => ({ scheme, language: LANGUAGE_ID }));
    return {
        documentSelector,
        uriConverters: catalogs.uriConverters,
        synchronize: { configurationSection: CONFIG_SECTION },
        // A function: evaluated again when the client restarts (after trust is granted). The status bar and preview read `align/didChangeGraph`.
        initializationOptions: () => ({ ...initializationOptions(), graphNotifications: true }),
        outputChannelName: 'Align Language Server',
        diagnosticCollectionName: 'align',
        middleware: {
            // VS Code keeps a closed editor's document loaded for a while; when the server (re)starts, the
            // client opens every loaded document again, and a file deleted meanwhile would be checked again.
            didOpen: async (document, next) => {
                if (!await isDeletedFile(document)) await next(document);
            }
        }
    };
}

/** A saved document whose file no longer exists (untitled, modified and catalog documents are never deleted files). */
async function isDeletedFile(document: vscode.TextDocument): Promise<boolean> {
    if (document.isUntitled || document.isDirty || document.uri.scheme === CATALOG_SCHEME) return false;
    try {
        await vscode.workspace.fs.stat(document.uri);
        return false;
    } catch (error) {
        // Only "not found" means deleted; a file system that cannot say (another error) keeps the document checked.
        return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
    }
}

/** `trusted: false` in an untrusted workspace: the server then reads no CSV file. */
export function trustOptions(): AlignInitializationOptions {
    return { trusted: vscode.workspace.isTrusted };
}
