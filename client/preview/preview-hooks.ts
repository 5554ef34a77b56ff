import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../webview/protocol.js';

/** What crosses the webview boundary, for the extension API (tests) and logging. */
export class PreviewTraffic implements vscode.Disposable {
    private readonly received = new vscode.EventEmitter<WebviewMessage>();
    private readonly posted = new vscode.EventEmitter<HostMessage>();
    readonly onDidReceive = this.received.event;
    readonly onDidPost = this.posted.event;

    fireReceived(message: WebviewMessage): void { this.received.fire(message); }
    firePosted(message: HostMessage): void { this.posted.fire(message); }

    dispose(): void {
        this.received.dispose();
        this.posted.dispose();
    }
}
