import * as vscode from 'vscode';
import type { DidChangeGraphParams } from '../language/protocol.js';
import { Commands } from './constants.js';
import type { GraphFeed } from './graph-feed.js';

/** The status bar item with the alignment coverage of the workspace: "$(graph) Aligned 7/9". */
export class CoverageStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('align.coverage', vscode.StatusBarAlignment.Left, 100);
    private readonly subscription: vscode.Disposable;

    constructor(feed: GraphFeed) {
        this.item.name = 'Align Coverage';
        this.item.command = Commands.openPreview;
        this.subscription = feed.onDidChange(params => this.update(params));
        if (feed.latest) this.update(feed.latest);
    }

    /** The text shown ('' before the first graph). */
    get text(): string {
        return this.item.text;
    }

    private update({ coverage }: DidChangeGraphParams): void {
        this.item.text = `$(graph) Aligned ${coverage.aligned}/${coverage.total}`;
        const missing = coverage.total - coverage.aligned;
        this.item.tooltip = new vscode.MarkdownString(
            `**Alignment coverage**: ${coverage.aligned} of ${coverage.total} learning objectives reach a business KPI` +
            (missing > 0 ? ` (${missing} not aligned).` : '.') + '\n\nClick to open the impact chain preview.');
        this.item.show();
    }

    dispose(): void {
        this.subscription.dispose();
        this.item.dispose();
    }
}
