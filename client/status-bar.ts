import * as vscode from 'vscode';
import type { DidChangeGraphParams } from '../language/protocol.js';
import { Commands } from './constants.js';
import type { GraphFeed } from './graph-feed.js';
import { graphStatus } from './status-text.js';

/** The status bar item with the alignment coverage of the workspace: "$(graph) Aligned 7/9" (client/status-text.ts). */
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

    private update(params: DidChangeGraphParams): void {
        const { text, tooltip, error } = graphStatus(params);
        this.item.text = text;
        this.item.tooltip = new vscode.MarkdownString(tooltip);
        this.item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
        this.item.show();
    }

    dispose(): void {
        this.subscription.dispose();
        this.item.dispose();
    }
}
