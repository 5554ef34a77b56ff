import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { DidChangeWorkspaceFilesNotification, type AlignInitializationOptions } from '../language/protocol.js';
import { Lifecycle } from './lifecycle.js';
import { BrowserFileSystem } from './browser-file-system.js';
import { startAlignServer } from './start-server.js';

// The language server in a web worker (VS Code for the Web). It cannot read
// files: the client sends the workspace's files at `initialize` and, with
// their new text, on every change (`align/didChangeWorkspaceFiles`).
const worker = self as unknown as Worker;
const lifecycle = new Lifecycle();
const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker), lifecycle.options);
lifecycle.listen(connection);
const files = new BrowserFileSystem();
const align = startAlignServer(withoutWatchedFileEvents(connection), { fileSystemProvider: () => files, realPath: null });

align.shared.lsp.LanguageServer.onInitialize(params => {
    files.setAll((params.initializationOptions as AlignInitializationOptions | undefined)?.files ?? []);
});

// The new text is stored first, then the change is handled as a watched-file
// change: `.align` files are rebuilt, CSV and `align.config.json` changes
// make the workspace be validated again.
connection.onNotification(DidChangeWorkspaceFilesNotification, params => {
    files.apply(params);
    const changes: FileEvent[] = [
        ...params.changed.map((f): FileEvent => ({ uri: f.uri, type: FileChangeType.Changed })),
        ...params.deleted.map((uri): FileEvent => ({ uri, type: FileChangeType.Deleted }))
    ];
    align.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
});

/**
 * The connection with plain `workspace/didChangeWatchedFiles` events dropped:
 * they carry no text, and would make Langium read a file before its new
 * text has arrived here.
 */
function withoutWatchedFileEvents(base: Connection): Connection {
    return new Proxy(base, {
        get(target, property, receiver) {
            if (property === 'onDidChangeWatchedFiles') return () => ({ dispose: () => undefined });
            return Reflect.get(target, property, receiver) as unknown;
        }
    });
}
