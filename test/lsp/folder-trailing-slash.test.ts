/**
 * Workspace folders given with a trailing `/` (eglot's `rootUri` and
 * workspace folders, `Url::from_directory_path` in Rust clients, a
 * `rootPath` of `/home/me/ws/`) are the same folders: the server's own
 * watcher (a client that does not watch files) sees the changes in them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from '../temp-dirs.js';
import { copyExamples, LspSession, uriOf } from './lsp-session.js';

const BOGUS = 'metric Fresh "fresh" { kind bogus }\n';

describe('language server: workspace folders with a trailing slash', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    let root: string;
    beforeEach(() => { root = copyExamples('slash'); });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
        fs.rmSync(root, { recursive: true, force: true });
    });

    const shapes: Array<[string, (root: string) => Record<string, unknown>]> = [
        ['rootUri', dir => ({ rootUri: `${uriOf(dir)}/` })],
        ['rootPath', dir => ({ rootUri: null, rootPath: `${dir}/` })],
        ['workspaceFolders', dir => ({ rootUri: null, workspaceFolders: [{ uri: `${uriOf(dir)}/`, name: `${path.basename(dir)}/` }] })]
    ];
    for (const [name, params] of shapes) {
        it(`sees files created at the top, in a folder and in a new folder when ${name} ends in /`, async () => {
            ({ session } = await LspSession.startWith(root, { ...params(root), capabilities: {} }));
            await session.diagnosticsOf(path.join(root, 'sales-win-rate.align'), d => d.length > 0);
            const files = [path.join(root, 'new.align'), path.join(root, 'catalog', 'more.align'), path.join(root, 'sub', 'deep.align')];
            fs.mkdirSync(path.join(root, 'sub'));
            for (const file of files) fs.writeFileSync(file, BOGUS);
            for (const file of files) assert.ok((await session.diagnosticsOf(file, d => d.length > 0)).length > 0);
            const symbols = await session.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: 'Fresh' });
            assert.equal(symbols.length, 3, JSON.stringify(symbols));
        });
    }

    it('sees files created at the top of a folder added with a trailing slash (workspace/didChangeWorkspaceFolders)', async () => {
        const added = makeTempDir('slash-added');
        try {
            ({ session } = await LspSession.startWith(root, { rootUri: uriOf(root), capabilities: { workspace: { workspaceFolders: true } } }));
            await session.diagnosticsOf(path.join(root, 'sales-win-rate.align'), d => d.length > 0);
            await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: `${uriOf(added)}/`, name: 'added' }], removed: [] } });
            const file = path.join(added, 'top.align');
            // The folder is empty when added: its file arrives later, seen by the server's own watcher only.
            await new Promise(resolve => setTimeout(resolve, 500));
            fs.writeFileSync(file, BOGUS);
            await session.diagnosticsOf(file, d => d.length > 0);
        } finally {
            fs.rmSync(added, { recursive: true, force: true });
        }
    });
});
