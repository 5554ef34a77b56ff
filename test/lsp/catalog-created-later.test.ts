/**
 * What `catalogs` or `templates` names by path, created after the
 * configuration named it, in a folder that already existed (or with the
 * client reporting only the file, not the folder made for it): the server
 * reads the configuration again on the file's Created event alone
 * (workspace/didChangeWatchedFiles), as `align check` reads it afterwards:
 * a catalog file, no workspace file, and no `config-invalid` left.
 * test/lsp/config-follows.test.ts has the case of the folder reported too.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, uriOf } from './lsp-session.js';

const CREATED = 1;
const USES = 'outcome UsesExtra "u" {\n  measured by Extra\n}\n';
const EXTRA = 'metric Extra "E" {\n  kind lagging\n}\n';
const TEMPLATE = 'program ${name} "${title}" {\n  owner "L&D team"\n}\n';

describe('language server: a catalog or templates path created after the configuration named it', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    let root: string;
    const file = (name: string) => path.join(root, name);
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(file(name)), { recursive: true });
        fs.writeFileSync(file(name), text);
    };
    const created = (name: string) => session!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file(name)), type: CREATED }] });
    const workspaceFiles = async () => (await session!.request<{ files: string[] }>('align/workspaceFiles', { uris: [] })).files;

    beforeEach(() => { root = makeTempDir('lsp-catalog-later-'); });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });
    after(removeTempDirs);

    /** Starts the server on the workspace, which reports the missing path in align.config.json. */
    async function start(): Promise<LspSession> {
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file('align.config.json'), d => d.some(x => /no file or folder/.test(String(x.message))));
        return session;
    }

    /** The file is a catalog file now: the config is valid, references resolve into it, and it has no findings. */
    async function assertCatalogFile(lsp: LspSession, name: string): Promise<void> {
        await lsp.diagnosticsOf(file('align.config.json'), d => d.length === 0);
        await lsp.diagnosticsOf(file('uses.align'), d => !d.some(x => x.code === 'unresolved-reference'));
        await new Promise(resolve => setTimeout(resolve, 1500));
        assert.deepEqual(lsp.diagnostics.get(uriOf(file(name))) ?? [], [], 'no finding in a catalog file');
        const files = await workspaceFiles();
        assert.ok(!files.some(uri => uri.endsWith(`/${name}`)), files.join('\n'));
    }

    it('a catalog file, in a folder that existed', async () => {
        write('align.config.json', '{ "catalogs": ["./kpis/people.align"] }\n');
        write('kpis/README.md', 'kpis\n');
        write('uses.align', USES);
        const lsp = await start();
        write('kpis/people.align', EXTRA);
        await created('kpis/people.align');
        await assertCatalogFile(lsp, 'kpis/people.align');
    });

    it('a catalog folder, the client reporting only the file in it', async () => {
        write('align.config.json', '{ "catalogs": ["./kpis"] }\n');
        write('uses.align', USES);
        const lsp = await start();
        write('kpis/more/people.align', EXTRA);
        await created('kpis/more/people.align');
        await assertCatalogFile(lsp, 'kpis/more/people.align');
    });

    it('a templates folder, the client reporting only the template in it: the template is not checked', async () => {
        write('align.config.json', '{ "templates": "./tpl" }\n');
        write('uses.align', USES);
        const lsp = await start();
        write('tpl/onboarding.align', TEMPLATE);
        await created('tpl/onboarding.align');
        await lsp.diagnosticsOf(file('align.config.json'), d => d.length === 0);
        await new Promise(resolve => setTimeout(resolve, 1500));
        assert.deepEqual(lsp.diagnostics.get(uriOf(file('tpl/onboarding.align'))) ?? [], [], 'the template is not checked');
        const files = await workspaceFiles();
        assert.ok(!files.some(uri => uri.includes('/tpl/')), files.join('\n'));
    });
});
