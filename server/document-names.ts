import type { Connection, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument, UriUtils } from 'langium';
import { rewriteStrings } from './uri-rewrite.js';

/**
 * The server's name for a file the client names `name` (a URI): `name`
 * itself, or the workspace's name for the same real file
 * (server/workspace-names.ts). A promise while it must be looked up.
 */
export type NameOf = (name: string) => string | Promise<string>;

type Handler = (...args: unknown[]) => unknown;

/** An editor the client has open on a file, under the name it opened it with, and the text it shows. */
interface Editor {
    readonly name: string;
    document: TextDocument;
}

/** Handlers that run at once, before any document is open: `initialized` starts the walk that lookups wait for. */
const UNORDERED = new Set(['onInitialize', 'onInitialized', 'onShutdown', 'onExit']);
const TEXT_SYNC = { onDidOpenTextDocument: 'open', onDidChangeTextDocument: 'change', onDidCloseTextDocument: 'close' } as const;
/** A string that may be a URI. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** The parts of the connection whose handlers and requests carry URIs (`languages.semanticTokens.on`, `workspace.applyEdit`). */
const PARTS = new Set(['languages', 'workspace', 'window', 'notebooks']);

/**
 * The connection, with each real file one document of the server under one
 * name, whatever path the client opens it by (docs/editors.md, "one
 * file, one document"). The workspace walk reads a file once,
 * under the name folder-walk.ts picks; the client may open it through a
 * link, by its real path, or through the link a workspace folder is. It
 * was then a second document beside the workspace's, and each of its
 * declarations was declared twice.
 *
 * Here a file opened under another name than the server's (`nameOf`) is
 * the server's document, opened with the client's text. What the server
 * sends about it (diagnostics, locations, edits, symbols) names it as the
 * client does, and what the client sends under that name reaches the
 * server's document; closing it leaves the workspace's document (read
 * again from disk, as any closed file). A file open in several editors
 * under several names follows the one last opened or edited (the others'
 * text is kept, and followed when that one closes); its diagnostics are
 * published under that editor's name only, and moved (the old name
 * cleared) when it changes.
 *
 * Messages are handled in the order they come: while a name is looked up
 * (before the workspace walk is over, or for a name the workspace does not
 * hold), the messages after it wait.
 */
export function namingEachFileOnce(base: Connection, nameOf: NameOf): Connection {
    return new DocumentNames(base, nameOf).connection;
}

class DocumentNames {
    readonly connection: Connection;
    /** The editors of each file the client has open, by the server's name; the last is the one the server follows. */
    private readonly editors = new Map<string, Editor[]>();
    /** The server's name of each name the client has open (normalized), when they differ. */
    private readonly serverNames = new Map<string, string>();
    /** The server's name of every name the client has open (normalized). */
    private readonly openNames = new Map<string, string>();
    /** The client's name of the server's names it has open under another. */
    private readonly clientNames = new Map<string, string>();
    /** The diagnostics last published for each of the server's names, and the name they were published under. */
    private readonly published = new Map<string, { params: PublishDiagnosticsParams; at: string }>();
    private readonly handlers: Partial<Record<'open' | 'change' | 'close', Handler>> = {};
    private readonly parts = new WeakMap<object, object>();
    /** The end of the messages waiting behind a lookup; undefined when none waits. */
    private chain: Promise<void> | undefined;
    private waiting = 0;

    constructor(private readonly base: Connection, private readonly nameOf: NameOf) {
        this.connection = this.proxied(base, true) as Connection;
    }

    private proxied(target: object, top: boolean): object {
        const known = this.parts.get(target);
        if (known) return known;
        const proxy = new Proxy(target, {
            get: (object, property, receiver) => {
                const value = Reflect.get(object, property, receiver) as unknown;
                if (typeof property !== 'string') return value;
                if (top && property === 'sendDiagnostics') return (params: PublishDiagnosticsParams) => this.sendDiagnostics(params);
                if (typeof value === 'function') return this.wrapped(object, property, value as Handler, top);
                if (typeof value === 'object' && value !== null && (!top || PARTS.has(property))) return this.proxied(value, false);
                return value;
            }
        });
        this.parts.set(target, proxy);
        return proxy;
    }

    /** A method of the connection, with the handlers it registers and what it sends in the client's names. */
    private wrapped(object: object, property: string, method: Handler, top: boolean): unknown {
        const sync = top ? TEXT_SYNC[property as keyof typeof TEXT_SYNC] : undefined;
        if (sync) {
            return (handler: Handler) => {
                this.handlers[sync] = handler;
                return method.call(object, (params: never) => this.inOrder(() => this[sync](params)));
            };
        }
        if (/^on([A-Z]|$)/.test(property) && !(top && UNORDERED.has(property))) {
            return (...args: unknown[]) => method.apply(object, args.map(arg => typeof arg === 'function' ? this.handling(arg as Handler) : arg));
        }
        if (property.startsWith('send') || property === 'applyEdit' || property === 'showDocument') {
            return (...args: unknown[]) => method.apply(object, args.map(arg => this.toClient(arg)));
        }
        return method;
    }

    /** A handler given the server's names, its answer in the client's, in the order messages come. */
    private handling(handler: Handler): Handler {
        return (...args: unknown[]) => this.inOrder(() => {
            const result = handler(...args.map(arg => this.toServer(arg)));
            return isThenable(result) ? result.then(value => this.toClient(value)) : this.toClient(result);
        });
    }

    /** Runs `task` now when no message waits behind a lookup, else after the messages before it. */
    private inOrder(task: () => unknown): unknown {
        if (!this.chain) return task();
        let result: unknown;
        const turn = this.queue(() => { result = task(); });
        return turn.then(() => result);
    }

    /** Queues `step` after the messages waiting; the messages after it wait for it to end. */
    private queue(step: () => void | Promise<void>): Promise<void> {
        this.waiting++;
        const turn = (this.chain ?? Promise.resolve()).then(step)
            .catch((error: unknown) => console.error('Align: handling a document message failed:', error))
            .finally(() => { if (--this.waiting === 0) this.chain = undefined; });
        this.chain = turn;
        return turn;
    }

    private open(params: DidOpenTextDocumentParams): void {
        const found = this.nameOf(params.textDocument.uri);
        if (!this.chain && typeof found === 'string') return this.opened(params, found);
        // Messages after this one wait for the lookup (a change, a request on the document, its close).
        void this.queue(async () => this.opened(params, await Promise.resolve(found).catch((error: unknown) => {
            console.error(`Align: the workspace's name for ${params.textDocument.uri} could not be looked up; it is opened under its own:`, error);
            return params.textDocument.uri;
        })));
    }

    private opened({ textDocument }: DidOpenTextDocumentParams, serverName: string): void {
        const key = normalized(textDocument.uri);
        const before = this.openNames.get(key);
        if (before !== undefined) this.forget(key, before); // opened again without a close
        this.openNames.set(key, serverName);
        if (key !== serverName) this.serverNames.set(key, serverName);
        const editors = this.editors.get(serverName) ?? [];
        this.editors.set(serverName, editors);
        editors.push({ name: textDocument.uri, document: TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text) });
        this.follow(serverName);
    }

    private change(params: DidChangeTextDocumentParams): unknown {
        const key = normalized(params.textDocument.uri);
        const serverName = this.openNames.get(key);
        const editors = serverName === undefined ? undefined : this.editors.get(serverName);
        const editor = editors?.find(e => normalized(e.name) === key);
        if (serverName === undefined || !editors || !editor) return this.handlers.change?.(this.toServer(params));
        editor.document = TextDocument.update(editor.document, params.contentChanges, params.textDocument.version);
        if (editors.at(-1) === editor) return this.handlers.change?.({ ...params, textDocument: { ...params.textDocument, uri: serverName } });
        // Edited in another editor than the one followed: that one is followed now.
        editors.splice(editors.indexOf(editor), 1);
        editors.push(editor);
        this.follow(serverName);
        return undefined;
    }

    private close(params: DidCloseTextDocumentParams): unknown {
        const key = normalized(params.textDocument.uri);
        const serverName = this.openNames.get(key);
        if (serverName === undefined) return this.handlers.close?.(this.toServer(params));
        const followed = this.editors.get(serverName)?.at(-1);
        this.forget(key, serverName);
        const left = this.editors.get(serverName);
        if (!left) {
            this.clientNames.delete(serverName);
            this.handlers.close?.({ textDocument: { uri: serverName } });
            this.moveDiagnostics(serverName);
        } else if (followed !== left.at(-1)) {
            this.follow(serverName);
        }
        return undefined;
    }

    /** Forgets the editor of `key` (a normalized name) on `serverName`. */
    private forget(key: string, serverName: string): void {
        this.openNames.delete(key);
        this.serverNames.delete(key);
        const editors = this.editors.get(serverName)?.filter(e => normalized(e.name) !== key) ?? [];
        if (editors.length > 0) this.editors.set(serverName, editors);
        else this.editors.delete(serverName);
    }

    /** The server's document of `serverName` takes the text and version of the editor last opened or edited, and its name. */
    private follow(serverName: string): void {
        const editor = this.editors.get(serverName)?.at(-1);
        if (!editor) return;
        if (normalized(editor.name) === serverName) this.clientNames.delete(serverName);
        else this.clientNames.set(serverName, editor.name);
        const { languageId, version } = editor.document;
        this.handlers.open?.({ textDocument: { uri: serverName, languageId, version, text: editor.document.getText() } });
        this.moveDiagnostics(serverName);
    }

    /** Publishes under the client's name, and clears the name they were published under before when it was another. */
    private sendDiagnostics(params: PublishDiagnosticsParams): Promise<void> {
        const at = this.clientNames.get(params.uri) ?? params.uri;
        const before = this.published.get(params.uri)?.at;
        this.published.set(params.uri, { params, at });
        if (before !== undefined && before !== at) void this.base.sendDiagnostics({ uri: before, diagnostics: [] });
        return this.base.sendDiagnostics(this.toClient(params));
    }

    /** After the client's name of `serverName` changed: its last diagnostics (for no version: the server publishes those of the new text next) under the new one. */
    private moveDiagnostics(serverName: string): void {
        const last = this.published.get(serverName);
        const at = this.clientNames.get(serverName) ?? serverName;
        if (!last || last.at === at) return;
        void this.sendDiagnostics({ uri: serverName, diagnostics: last.params.diagnostics });
    }

    /** `value` with the client's names of the server's documents it has open under another name. */
    private toClient<T>(value: T): T {
        if (this.clientNames.size === 0) return value;
        return rewriteStrings(value, text => this.clientNames.get(text));
    }

    /** `value` with the server's names of the names the client has open under another. */
    private toServer<T>(value: T): T {
        if (this.serverNames.size === 0) return value;
        return rewriteStrings(value, text => this.serverNames.get(text) ?? (SCHEME.test(text) ? this.serverNames.get(normalized(text)) : undefined));
    }
}

/** A URI as Langium writes it (`file:///c%3A/x.align`), so that the client's spelling of a name matches the server's. */
function normalized(uri: string): string {
    return UriUtils.normalize(uri);
}

function isThenable(value: unknown): value is Promise<unknown> {
    return typeof (value as { then?: unknown } | null)?.then === 'function';
}
