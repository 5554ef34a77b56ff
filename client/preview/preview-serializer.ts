import * as vscode from 'vscode';
import type { WebviewState } from '../../webview/protocol.js';
import { PREVIEW_VIEW_TYPE } from '../constants.js';
import { ImpactPreview, type PreviewDeps } from './impact-preview.js';

/** Restores the preview after a reload, with the focus the webview kept in its state. */
export function registerPreviewSerializer(deps: PreviewDeps): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
            const focus = (state as Partial<WebviewState> | undefined)?.focus;
            ImpactPreview.revive(panel, deps, typeof focus === 'string' ? focus : undefined);
        }
    });
}
