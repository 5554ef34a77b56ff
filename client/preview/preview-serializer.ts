import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE } from '../constants.js';
import { ImpactPreview, type PreviewDeps } from './impact-preview.js';

/** Restores the preview after a reload; the webview restores its own choices (scope, direction, zoom) from its state. */
export function registerPreviewSerializer(deps: PreviewDeps): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
            ImpactPreview.revive(panel, deps);
        }
    });
}
