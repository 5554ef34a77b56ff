/**
 * The part of the built-in git extension's API (`vscode.git`, API version 1)
 * that the comparison with the last commit reads. See the extension's
 * `src/api/git.d.ts`; declared here so that nothing of it is bundled.
 */
import * as vscode from 'vscode';

/** `GitErrorCodes.UnknownPath`: `getObjectDetails` on a path the tree does not have. */
export const UNKNOWN_PATH = 'UnknownPath';

export interface GitChange {
    readonly uri: vscode.Uri;
    readonly originalUri: vscode.Uri;
}

export interface GitRepository {
    readonly rootUri: vscode.Uri;
    readonly state: {
        readonly HEAD: { readonly commit?: string } | undefined;
        readonly indexChanges: readonly GitChange[];
        readonly workingTreeChanges: readonly GitChange[];
        readonly onDidChange: vscode.Event<void>;
    };
    getObjectDetails(treeish: string, path: string): Promise<{ mode: string; object: string; size: number }>;
    show(ref: string, path: string): Promise<string>;
}

export interface GitApi {
    readonly repositories: readonly GitRepository[];
    readonly onDidOpenRepository: vscode.Event<GitRepository>;
    /** A URI that opens a file as it is at `ref` (read-only). Absent in old versions. */
    toGitUri?(uri: vscode.Uri, ref: string): vscode.Uri;
}

interface GitExtension {
    readonly enabled: boolean;
    getAPI(version: 1): GitApi;
}

/** The git extension's API, or undefined where there is none (the web) or it is disabled (`git.enabled: false`). */
export async function gitApi(): Promise<GitApi | undefined> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
}
