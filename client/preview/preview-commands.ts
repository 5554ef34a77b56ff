import * as vscode from 'vscode';
import { PreviewCommands } from '../constants.js';
import { ImpactPreview } from './impact-preview.js';

/** Registers the title bar's commands: they act on the open preview, if any. */
export function registerPreviewCommands(): vscode.Disposable[] {
    const onPreview = (action: (preview: ImpactPreview) => void) => () => {
        const preview = ImpactPreview.currentPanel;
        if (preview) action(preview);
    };
    return [
        vscode.commands.registerCommand(PreviewCommands.layoutDown, onPreview(p => p.setDirection('down'))),
        vscode.commands.registerCommand(PreviewCommands.layoutRight, onPreview(p => p.setDirection('right'))),
        vscode.commands.registerCommand(PreviewCommands.layoutAuto, onPreview(p => p.setDirection('auto'))),
        vscode.commands.registerCommand(PreviewCommands.hideLearningMetrics, onPreview(p => p.setLearningMetricsHidden(true))),
        vscode.commands.registerCommand(PreviewCommands.showLearningMetrics, onPreview(p => p.setLearningMetricsHidden(false))),
        vscode.commands.registerCommand(PreviewCommands.toggleLearningMetrics, onPreview(p => p.toggleLearningMetrics()))
    ];
}
