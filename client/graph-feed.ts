import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    CompareGraphRequest, DidChangeGraphNotification, ImpactGraphRequest, ProgramTemplatesRequest, WorkspaceFilesRequest,
    type ChainComparison, type CompareGraphParams, type DidChangeGraphParams, type ImpactGraphResult, type ProgramTemplatesResult, type WorkspaceFilesResult
} from '../language/protocol.js';

/**
 * The impact graph as the extension sees it: `align/didChangeGraph` after
 * every validation of the workspace, and `align/impactGraph` on request;
 * besides, the program templates (`align/programTemplates`) and the
 * workspace's files (`align/workspaceFiles`).
 */
export class GraphFeed implements vscode.Disposable {
    private readonly emitter = new vscode.EventEmitter<DidChangeGraphParams>();
    /** Fires after every validation of the workspace. */
    readonly onDidChange = this.emitter.event;
    /** The last notification, if one arrived. */
    latest: DidChangeGraphParams | undefined;
    private readonly subscription: vscode.Disposable;

    constructor(private readonly client: BaseLanguageClient, private started: Promise<void>) {
        // By method name: the client bundles its own copy of vscode-jsonrpc, whose message types do not match ours.
        this.subscription = client.onNotification(DidChangeGraphNotification.method, (params: DidChangeGraphParams) => {
            this.latest = params;
            this.emitter.fire(params);
        });
    }

    /** A restart's start, which requests wait on from now on (the first may have failed). */
    restarted(start: Promise<void>): void {
        // Handled here: the restart command reports a failure; requests made meanwhile see it.
        start.catch(() => undefined);
        this.started = start;
    }

    /** The graph once the workspace is validated; `focus` limits it to one program's or outcome's chain. */
    async request(focus?: string): Promise<ImpactGraphResult> {
        await this.started;
        return this.client.sendRequest(ImpactGraphRequest.method, { focus }) as Promise<ImpactGraphResult>;
    }

    /** The workspace's graph compared with a base built from the given files (`align/compareGraph`). */
    async compare(params: CompareGraphParams): Promise<ChainComparison> {
        await this.started;
        return this.client.sendRequest(CompareGraphRequest.method, params) as Promise<ChainComparison>;
    }

    /** The program templates: the built-in one, then those `templates` of `align.config.json` names. */
    async programTemplates(): Promise<ProgramTemplatesResult> {
        await this.started;
        return this.client.sendRequest(ProgramTemplatesRequest.method, {}) as Promise<ProgramTemplatesResult>;
    }

    /** The workspace's `.align` files as the server walks them, and which of `uris` that walk reaches (`align/workspaceFiles`). */
    async workspaceFiles(uris: readonly string[] = []): Promise<WorkspaceFilesResult> {
        await this.started;
        return this.client.sendRequest(WorkspaceFilesRequest.method, { uris }) as Promise<WorkspaceFilesResult>;
    }

    dispose(): void {
        this.subscription.dispose();
        this.emitter.dispose();
    }
}

/** JSON-RPC's InternalError: the server's handler failed (`align/impactGraph`: the graph could not be built). */
const INTERNAL_ERROR = -32603;

/**
 * The server's message when a request failed because the graph could not
 * be built, or any other fault of its handler (a bug in Align, which the
 * preview shows); undefined for another failure (the connection closing
 * at a restart, a cancellation), which is not the graph's.
 */
export function graphFaultOf(error: unknown): string | undefined {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    return code === INTERNAL_ERROR && typeof message === 'string' ? message : undefined;
}
