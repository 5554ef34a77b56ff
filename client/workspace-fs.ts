import * as vscode from 'vscode';

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

/** The text of a file, as UTF-8. */
export async function readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
