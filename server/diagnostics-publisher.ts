import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * The connection, with `sendDiagnostics` giving each document's diagnostics
 * the `version` of the text they were computed for (`versionOf`; none for a
 * file only on disk), and sending them only when they differ from those
 * last sent, or are for another version (after an edit the client waits for
 * the diagnostics of its text, changed or not). An edit thus publishes the
 * edited document, and any other document only if its findings changed.
 */
export function publishingChangesOnly(base: Connection, versionOf: (uri: string) => number | undefined): Connection {
    const sent = new Map<string, { key: string; version: number | undefined }>();
    const sendDiagnostics = (params: PublishDiagnosticsParams): Promise<void> => {
        const key = JSON.stringify(params.diagnostics);
        const version = versionOf(params.uri);
        const last = sent.get(params.uri);
        if (last && last.key === key && last.version === version) return Promise.resolve();
        sent.set(params.uri, { key, version });
        return base.sendDiagnostics(version === undefined ? params : { ...params, version });
    };
    return new Proxy(base, {
        get(target, property, receiver) {
            if (property === 'sendDiagnostics') return sendDiagnostics;
            return Reflect.get(target, property, receiver) as unknown;
        }
    });
}

/**
 * The version of the open document that a document's diagnostics were
 * computed for: the version its text had when it was last parsed (the
 * editor may have a newer one by the time they are sent); undefined while
 * the editor does not have the document open. Call `listen` once the
 * services exist.
 */
export class DiagnosedVersions {
    private readonly parsed = new WeakMap<LangiumDocument, number | undefined>();
    private shared: LangiumSharedServices | undefined;

    listen(shared: LangiumSharedServices): void {
        this.shared = shared;
        // Parsing is synchronous for an open document: no edit arrives between reading its text and this phase.
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Parsed, document => {
            this.parsed.set(document, shared.workspace.TextDocuments.get(document.uri.toString())?.version);
        });
    }

    /** Records that `document`, opened at `version` with the text it was built from, has its diagnostics for that version. */
    opened(document: LangiumDocument, version: number): void {
        this.parsed.set(document, version);
    }

    of(uri: string): number | undefined {
        const workspace = this.shared?.workspace;
        const open = workspace?.TextDocuments.get(uri);
        const document = open && workspace?.LangiumDocuments.getDocument(URI.parse(uri));
        if (!open || !document) return undefined;
        if (this.parsed.has(document)) return this.parsed.get(document);
        // Read in the first build of the workspace (no parse phase): the editor's version if it is the text read.
        return document.parseResult.value.$cstNode?.root.fullText === open.getText() ? open.version : undefined;
    }
}
