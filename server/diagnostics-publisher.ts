import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * The connection, with `sendDiagnostics` sending a document's diagnostics
 * only when they differ from those last sent, or when the client has a new
 * version of the document (after an edit the client waits for the
 * diagnostics of its text, changed or not). An edit thus publishes the
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
        return base.sendDiagnostics(params);
    };
    return new Proxy(base, {
        get(target, property, receiver) {
            if (property === 'sendDiagnostics') return sendDiagnostics;
            return Reflect.get(target, property, receiver) as unknown;
        }
    });
}
