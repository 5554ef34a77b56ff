import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { URI } from 'langium';
import { createMessageConnection, PortMessageReader, PortMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { mirroredFile } from '../../language/files/mirrored-file.js';
import type { AlignInitializationOptions, MirroredFile } from '../../language/protocol.js';
import { BrowserFileSystem } from '../../server/browser-file-system.js';
import { LATIN1, LATIN1_FINDING, UTF16_FINDING, UTF16LE_NO_BOM } from '../unit/helpers/encoded-sources.js';

// The web worker language server (out/web/server-browser.js, built by
// `node esbuild.mjs`) run in a Node worker thread with a `self` shim: the
// files it gets from the client, cross-file checks, changes, and trust.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(repo, 'out/web/server-browser.js');
const EXAMPLES = join(repo, 'test/fixtures/examples');
const ROOT = 'vscode-test-web://mount';

/** The fixture workspace as the web client sends it. */
function fixtureFiles(): MirroredFile[] {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap(name => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : [full];
    });
    return walk(EXAMPLES).filter(f => /\.(align|csv)$/.test(f))
        .map(f => mirroredFile(`${ROOT}/${relative(EXAMPLES, f).split('\\').join('/')}`, readFileSync(f)));
}

/** Runs the bundle in a worker whose `self` talks to the parent port, as a browser worker would. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
globalThis.self = {
    addEventListener() {},
    set onmessage(listener) { parentPort.on('message', data => listener({ data })); },
    postMessage: message => parentPort.postMessage(message)
};
require(${JSON.stringify(BUNDLE)});
`;

class WebServer {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    private listeners: Array<() => void> = [];

    private constructor(readonly worker: Worker, readonly connection: MessageConnection) {
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
            this.diagnostics.set(p.uri, p.diagnostics);
            for (const l of this.listeners.splice(0)) l();
        });
        connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
        connection.onRequest('client/registerCapability', () => null);
    }

    static async start(options: AlignInitializationOptions): Promise<WebServer> {
        const worker = new Worker(WORKER_SOURCE, { eval: true });
        const connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
        const server = new WebServer(worker, connection);
        connection.listen();
        await connection.sendRequest('initialize', {
            processId: null, rootUri: `${ROOT}/`, workspaceFolders: [{ uri: `${ROOT}/`, name: 'mount' }],
            capabilities: { workspace: { configuration: true } }, initializationOptions: options
        });
        await connection.sendNotification('initialized', {});
        return server;
    }

    /** Waits until a file's diagnostics satisfy `predicate` (15 s at most). */
    async diagnosticsOf(file: string, predicate: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        const uri = `${ROOT}/${file}`;
        const deadline = Date.now() + 15000;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && predicate(current)) return current;
            if (Date.now() > deadline) throw new Error(`timed out waiting for diagnostics of ${file}: ${JSON.stringify(current?.map(d => d.code))}`);
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, deadline - Date.now());
                this.listeners.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    async stop(): Promise<void> {
        this.connection.dispose();
        await this.worker.terminate();
    }
}

const codes = (d: Diagnostic[]) => d.map(x => String(x.code)).sort();

describe('web worker language server (out/web/server-browser.js)', function () {
    this.timeout(30000);
    let server: WebServer | undefined;
    before(() => { assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build`); });
    afterEach(async () => { await server?.stop(); server = undefined; });

    it('checks the files the client hands over, across files, with the CSV actuals', async () => {
        server = await WebServer.start({ trusted: true, files: fixtureFiles() });
        const sales = await server.diagnosticsOf('sales-win-rate.align', d => d.length > 0);
        assert.deepEqual(codes(sales), ['activity-only-link', 'actuals-off-track', 'objective-without-kpi', 'objective-without-practice',
            'skill-enables-nothing', 'unexplained-kpi-link']);
        assert.deepEqual(await server.diagnosticsOf('catalog/metrics.align', () => true), []);
    });

    it('reads no CSV file in an untrusted workspace', async () => {
        server = await WebServer.start({ trusted: false, files: fixtureFiles() });
        const catalog = await server.diagnosticsOf('catalog/metrics.align', d => d.length > 0);
        assert.deepEqual(codes(catalog), ['actuals-invalid']);
        assert.match(String(catalog[0]!.message), /not read in an untrusted workspace/);
    });

    it('takes changed and deleted files, CSV included, from align/didChangeWorkspaceFiles', async () => {
        server = await WebServer.start({ files: fixtureFiles() });
        const change = (changed: MirroredFile[], deleted: string[] = []) =>
            server!.connection.sendNotification('align/didChangeWorkspaceFiles', { changed, deleted });
        await server.diagnosticsOf('sales-win-rate.align', d => d.some(x => x.code === 'activity-only-link'));
        // NPS falls behind its trajectory in the CSV file.
        await change([{ uri: `${ROOT}/catalog/data/nps.csv`, text: 'period,value\n2026-01,31\n2026-02,30\n2026-03,29\n' }]);
        await server.diagnosticsOf('catalog/metrics.align', d => d.some(x => x.code === 'actuals-off-track'));
        // CompletionRate becomes a KPI in the catalog: the objective in another file is no longer activity-only.
        const catalog = fixtureFiles().find(f => f.uri.endsWith('catalog/metrics.align'))!;
        await change([{ uri: catalog.uri, text: catalog.text!.replace('kind activity', 'kind leading\n  baseline 1\n  target 2 by 2026-06-30\n  drives ChurnRate') }]);
        await server.diagnosticsOf('sales-win-rate.align', d => !d.some(x => x.code === 'activity-only-link'));
        // Without the catalog, churn-pilot's references to it do not resolve.
        await change([], [catalog.uri]);
        await server.diagnosticsOf('churn-pilot.align', d => d.some(x => x.code === 'unresolved-reference'));
    });

    it('reports a file that is not UTF-8, or is saved as UTF-16, as the desktop server does, from the bytes the client sends', async () => {
        const latin = mirroredFile(`${ROOT}/latin.align`, LATIN1);
        server = await WebServer.start({ files: [...fixtureFiles(), latin, mirroredFile(`${ROOT}/utf16.align`, UTF16LE_NO_BOM)] });
        const syntax = (d: Diagnostic[]) => d.map(x => `${x.range.start.line}:${x.range.start.character} ${String(x.code)} ${x.message}`);
        assert.deepEqual(syntax(await server.diagnosticsOf('latin.align', d => d.length > 0)), [`0:0 syntax ${LATIN1_FINDING}`]);
        assert.deepEqual(syntax(await server.diagnosticsOf('utf16.align', d => d.length > 0)), [`0:0 syntax ${UTF16_FINDING}`]);
        // Saved as UTF-8: Align text, checked as such.
        await server.connection.sendNotification('align/didChangeWorkspaceFiles', { changed: [mirroredFile(latin.uri, Buffer.from('skill S "S"\n'))], deleted: [] });
        assert.deepEqual(codes(await server.diagnosticsOf('latin.align', d => !d.some(x => x.code === 'syntax'))), ['skill-enables-nothing']);
    });
});

describe('BrowserFileSystem (the web worker server\'s files)', () => {
    const uri = (path: string) => URI.parse(`${ROOT}/${path}`);
    const fileSystem = () => {
        const fs = new BrowserFileSystem();
        fs.setAll([{ uri: `${ROOT}/a.align`, text: 'A' }, { uri: `${ROOT}/catalog/b.align`, text: 'B' }, { uri: `${ROOT}/catalog/data/c.csv`, text: 'C' }]);
        return fs;
    };

    it('lists the files and folders directly inside a folder, as Langium walks them', async () => {
        const fs = fileSystem();
        const root = (await fs.readDirectory(URI.parse(`${ROOT}/`))).map(e => [e.uri.toString(), e.isFile, e.isDirectory]);
        assert.deepEqual(root, [[`${ROOT}/a.align`, true, false], [`${ROOT}/catalog`, false, true]]);
        const catalog = (await fs.readDirectory(uri('catalog'))).map(e => e.uri.toString());
        assert.deepEqual(catalog, [`${ROOT}/catalog/b.align`, `${ROOT}/catalog/data`]);
        assert.deepEqual(await fs.readDirectory(uri('nowhere')), []);
    });

    it('reads files, reports missing ones as ENOENT and folders as EISDIR', async () => {
        const fs = fileSystem();
        assert.equal(await fs.readFile(uri('catalog/b.align')), 'B');
        assert.equal(await fs.exists(uri('catalog')), true);
        assert.equal(fs.statSync(uri('catalog')).isDirectory, true);
        await assert.rejects(fs.readFile(uri('missing.csv')), { code: 'ENOENT' });
        await assert.rejects(fs.readFile(uri('catalog')), { code: 'EISDIR' });
    });

    it('applies changes and deletions', async () => {
        const fs = fileSystem();
        fs.apply({ changed: [{ uri: `${ROOT}/a.align`, text: 'A2' }, { uri: `${ROOT}/new.csv`, text: 'N' }], deleted: [`${ROOT}/catalog/b.align`] });
        assert.equal(await fs.readFile(uri('a.align')), 'A2');
        assert.equal(await fs.readFile(uri('new.csv')), 'N');
        assert.equal(await fs.exists(uri('catalog/b.align')), false);
        assert.equal(await fs.exists(uri('catalog')), true, 'data/c.csv is still in it');
    });
});
