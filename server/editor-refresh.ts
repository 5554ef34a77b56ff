import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, InlayHintRefreshRequest, type Connection } from 'vscode-languageserver';

/** How long the workspace must stay unchanged before the editor is asked again: one request after a burst of typing, not one per keystroke. */
export const REFRESH_DELAY_MS = 300;

/**
 * Code lenses and inlay hints read the whole workspace ("moved by 4
 * behaviors", a CSV file's rows), but an editor asks for them again only
 * when its own document changes. So, once the workspace has been validated
 * and stayed unchanged for REFRESH_DELAY_MS, the server asks the client to
 * refresh both (`workspace/codeLens/refresh`, `workspace/inlayHint/refresh`),
 * where the client says it can: an editor beside the one typed in, or one
 * whose CSV file changed on disk, then shows the new figures.
 */
export function refreshingLensesAndHints(connection: Connection, shared: LangiumSharedServices): void {
    const methods: string[] = [];
    shared.lsp.LanguageServer.onInitialize(params => {
        const workspace = params.capabilities.workspace;
        if (workspace?.codeLens?.refreshSupport) methods.push(CodeLensRefreshRequest.method);
        if (workspace?.inlayHint?.refreshSupport) methods.push(InlayHintRefreshRequest.method);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = (): void => {
        timer = undefined;
        for (const method of methods) {
            connection.sendRequest(method).catch((error: unknown) => connection.console.warn(`${method} failed: ${error instanceof Error ? error.message : String(error)}`));
        }
    };
    shared.workspace.DocumentBuilder.onUpdate(() => clearTimeout(timer));
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        if (methods.length === 0) return;
        clearTimeout(timer);
        timer = setTimeout(refresh, REFRESH_DELAY_MS);
    });
}
