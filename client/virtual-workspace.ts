/**
 * Virtual workspaces (a GitHub repository opened with vscode-vfs...), as
 * VS Code tells them apart for its `virtualWorkspace` context key: a folder
 * is on disk when it is a local file or a remote window's file. Pure: no
 * `vscode`, so the rule is tested under Node.
 */
import { Commands } from './constants.js';

/** The part of a URI this needs. */
interface HasScheme {
    readonly scheme: string;
}

/** A resource neither on this machine's disk nor on a remote window's (`vscode-remote`): no terminal or process can reach it. */
export function isVirtualResource(uri: HasScheme): boolean {
    return uri.scheme !== 'file' && uri.scheme !== 'vscode-remote';
}

/** Every workspace folder is virtual (no folder: not virtual; Pull Actuals then asks for one). */
export function isVirtualWorkspace(folders: readonly { readonly uri: HasScheme }[] | undefined): boolean {
    return folders !== undefined && folders.length > 0 && folders.every(folder => isVirtualResource(folder.uri));
}

/**
 * The client commands the desktop extension lets the server's lenses and
 * quick fixes name: Pull Actuals runs `align pull` in a terminal, which a
 * virtual workspace cannot give, so there the server offers no pull.
 */
export function desktopClientCommands(folders: readonly { readonly uri: HasScheme }[] | undefined): string[] {
    return isVirtualWorkspace(folders) ? [Commands.showImpactChain] : [Commands.showImpactChain, Commands.pullActuals];
}
