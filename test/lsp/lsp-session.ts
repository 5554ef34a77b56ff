import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeTempDir } from '../temp-dirs.js';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = path.join(repo, 'bin/align-language-server.cjs');
export const EXAMPLES = path.join(repo, 'test/fixtures/examples');

/** How the server is started: a program and its arguments, `--stdio` added (default: this Node on the built server). */
export interface ServerCommand {
    readonly file: string;
    readonly args: readonly string[];
}

/**
 * How the test client answers the server's requests (`workspace/configuration`,
 * `client/registerCapability`, `window/workDoneProgress/create`): by default
 * as VS Code does; the methods in `refuse` get an error (MethodNotFound, as
 * a strict client answers), those in `ignore` no answer at all.
 */
export interface ClientBehaviour {
    readonly refuse?: readonly string[];
    readonly ignore?: readonly string[];
}

/** A file URI for a path. */
export const uriOf = (file: string): string => pathToFileURL(file).href;

/**
 * The built language server started with `--stdio`, driven over real
 * JSON-RPC. Records published diagnostics; answers `workspace/configuration`
 * from `settings` (section `align`).
 */
export class LspSession {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** How many times diagnostics were published for each URI. */
    readonly publishCount = new Map<string, number>();
    /** The `version` of the last diagnostics published for each URI (undefined: none given). */
    readonly diagnosticsVersion = new Map<string, number | undefined>();
    readonly notifications: Array<{ method: string; params: unknown }> = [];
    /** The refresh requests the server sent (`workspace/codeLens/refresh`, `workspace/inlayHint/refresh`), in order. */
    readonly refreshes: string[] = [];
    settings: Record<string, unknown> = {};
    /** The requests the server sent to the client, in order, with their params. */
    readonly serverRequests: Array<{ method: string; params: unknown }> = [];
    /** What the server wrote to stderr. */
    stderr = '';
    /** The server's exit code, when it exits. */
    exited!: Promise<number | null>;
    private readonly waiters: Array<() => void> = [];
    private versions = new Map<string, number>();

    private constructor(readonly process: ChildProcess, readonly connection: MessageConnection, readonly root: string) { }

    /**
     * Starts the server on a workspace folder and completes `initialize`/`initialized`, as the
     * Align extension does: `initializationOptions` asks for `align/didChangeGraph`, with the given ones added.
     */
    static async start(root: string, settings: Record<string, unknown> = {}, initializationOptions?: object, command: ServerCommand = { file: process.execPath, args: [SERVER] }): Promise<{ session: LspSession; init: InitializeResult }> {
        const session = LspSession.launch(root, command);
        session.settings = settings;
        const connection = session.connection;
        for (const method of ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
            connection.onRequest(method, () => { session.refreshes.push(method); session.wake(); return null; });
        }
        const init = await connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid, rootUri: uriOf(root), workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
            initializationOptions: { graphNotifications: true, ...initializationOptions },
            capabilities: {
                // As VS Code: the client watches the files (the tests announce changes on disk themselves), so the server does not.
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
                textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }, hover: { contentFormat: ['markdown', 'plaintext'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, completion: { completionItem: { snippetSupport: true } } }
            }
        });
        await connection.sendNotification('initialized', {});
        return { session, init };
    }

    /**
     * Starts the server and sends `initialize` with exactly `params` (plus
     * `processId`), as editors other than VS Code send it: only `rootUri`,
     * only `rootPath` or no root, other capabilities. Completes `initialized`.
     * `client` says which of the server's requests get an error or no answer.
     */
    static async startWith(root: string, params: Record<string, unknown>, client: ClientBehaviour = {}): Promise<{ session: LspSession; init: InitializeResult }> {
        const session = LspSession.launch(root, { file: process.execPath, args: [SERVER] }, client);
        const init = await session.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, ...params });
        await session.connection.sendNotification('initialized', {});
        return { session, init };
    }

    /** Spawns the server and listens: diagnostics and notifications recorded, the server's requests answered as `client` says. */
    private static launch(root: string, command: ServerCommand, client: ClientBehaviour = {}): LspSession {
        const child = spawn(command.file, [...command.args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const session = new LspSession(child, connection, root);
        child.stderr!.on('data', (d: Buffer) => { session.stderr += d.toString(); process.stderr.write(`[server] ${d}`); });
        session.exited = new Promise(resolve => child.once('exit', code => { resolve(code); session.wake(); }));
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
            session.diagnostics.set(p.uri, p.diagnostics);
            session.diagnosticsVersion.set(p.uri, p.version);
            session.publishCount.set(p.uri, (session.publishCount.get(p.uri) ?? 0) + 1);
            session.wake();
        });
        connection.onNotification((method, p) => { session.notifications.push({ method, params: p }); session.wake(); });
        const answer = (method: string, result: (params: unknown) => unknown) => connection.onRequest(method, (params: unknown) => {
            session.serverRequests.push({ method, params });
            session.wake();
            if (client.refuse?.includes(method)) return new ResponseError(ErrorCodes.MethodNotFound, `test client: refuses ${method}`);
            if (client.ignore?.includes(method)) return new Promise(() => { /* never answered */ });
            return result(params);
        });
        answer('workspace/configuration', p => (p as { items: Array<{ section?: string }> }).items.map(i => i.section === 'align' ? session.settings : null));
        answer('client/registerCapability', () => null);
        answer('window/workDoneProgress/create', () => null);
        connection.listen();
        return session;
    }

    /** Writes bytes to the server's stdin as they are, unframed (a broken frame, a body that is not JSON). */
    writeRaw(bytes: string | Buffer): Promise<void> {
        return new Promise((resolve, reject) => this.process.stdin!.write(bytes, error => error ? reject(error) : resolve()));
    }

    /** The lines the server logged to the client (window/logMessage) that include `text`. */
    logged(text: string): string[] {
        return this.notifications.filter(n => n.method === 'window/logMessage').map(n => String((n.params as { message: string }).message)).filter(m => m.includes(text));
    }

    private wake(): void {
        for (const w of this.waiters.splice(0)) w();
    }

    /** Resolves when `predicate` holds, checked after every notification; rejects after `ms`. */
    async until<T>(predicate: () => T | undefined | false, what: string, ms = 15000): Promise<T> {
        const deadline = Date.now() + ms;
        for (;;) {
            const value = predicate();
            if (value) return value;
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`timed out waiting for ${what}`);
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, left);
                this.waiters.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    /** Waits for diagnostics of a file that satisfy `predicate`. */
    diagnosticsOf(file: string, predicate: (d: Diagnostic[]) => boolean = () => true, ms?: number): Promise<Diagnostic[]> {
        const uri = uriOf(file);
        return this.until(() => { const d = this.diagnostics.get(uri); return d && predicate(d) ? d : undefined; }, `diagnostics of ${path.basename(file)}`, ms);
    }

    /** Opens a file of the workspace with its text on disk (or `text`). */
    async open(file: string, text = fs.readFileSync(file, 'utf-8')): Promise<string> {
        const uri = uriOf(file);
        this.versions.set(uri, 1);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'align', version: 1, text } });
        return uri;
    }

    /** Replaces an open document's whole text. */
    async change(file: string, text: string): Promise<void> {
        const uri = uriOf(file);
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** The files that `workspace/symbol` (every symbol) lists, as paths from the session's root, sorted. */
    async symbolFiles(): Promise<string[]> {
        const symbols = await this.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: '' });
        return [...new Set(symbols.map(s => path.relative(this.root, fileURLToPath(s.location.uri))))].sort();
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest<R>(method, params);
    }

    async stop(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
            await this.connection.sendNotification('exit');
        } finally {
            this.connection.dispose();
            this.process.kill();
        }
    }
}

/** A position as LSP wants it, from a 1-based line and the column of the first occurrence of `needle` on it (+ offset). */
export function positionOf(file: string, line: number, needle: string, offset = 0): { line: number; character: number } {
    const text = fs.readFileSync(file, 'utf-8').split(/\r?\n/)[line - 1] ?? '';
    const character = text.indexOf(needle);
    if (character < 0) throw new Error(`'${needle}' not on line ${line} of ${file}`);
    return { line: line - 1, character: character + offset };
}

/** The LSP position of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** A fresh copy of the fixture workspace in a temp folder (tests edit and delete files in it). */
export function copyExamples(prefix: string): string {
    const dir = makeTempDir(`align-${prefix}-`);
    fs.cpSync(EXAMPLES, dir, { recursive: true });
    return dir;
}

/** Applies LSP text edits to a text, as a client does (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
    return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
        .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
