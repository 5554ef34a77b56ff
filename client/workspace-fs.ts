import * as vscode from 'vscode';
import { mirroredFile } from '../language/files/mirrored-file.js';
import type { MirroredFile } from '../language/protocol.js';

/** True when `uri` exists, read through `vscode.workspace.fs` (any file system, the web's included). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
        throw error;
    }
}

/** A file for the web worker server: its text when it is UTF-8, else its bytes (language/files/mirrored-file.ts). */
export async function readMirrored(uri: vscode.Uri): Promise<MirroredFile> {
    return mirroredFile(uri.toString(), await vscode.workspace.fs.readFile(uri));
}
