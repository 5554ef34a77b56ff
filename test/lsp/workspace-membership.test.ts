import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const CATALOG = 'metric Attrition "Attrition" {\n  kind lagging\n}\n';
const MAIN = 'outcome KeepPeople "Keep people" {\n  measured by Attrition\n}\nmetric WinRate "Win rate" {\n  kind lagging\n}\n';
const SHADOW = 'metric WinRate "shadow"\n';

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map(d => String(d.code)).sort();
const unresolved = (diagnostics: readonly Diagnostic[]) => diagnostics.filter(d => d.code === 'unresolved-reference');
const duplicates = (diagnostics: readonly Diagnostic[]) => diagnostics.filter(d => d.code === 'duplicate-name');
const settle = () => new Promise(resolve => setTimeout(resolve, 1200));

/**
 * Which files the workspace holds, as the files change under the server:
 * a folder catalog changed on disk, `.align` files the client reports
 * created in folders the start-up walk skips, and a file outside the
 * workspace that the editor opened and closed. In each case the
 * diagnostics end as a server started afresh on the same files gives them.
 */
describe('language server: the files the workspace holds as they change', function () {
    this.timeout(60000);
    let root: string;
    let outside: string;
    let session: LspSession;
    /** The findings of main.align at start-up, which every change undone gives again. */
    let initial: string[];
    const file = (name: string) => path.join(root, name);
    const main = () => file('main.align');

    before(async () => {
        root = makeTempDir('align-membership-');
        outside = makeTempDir('align-membership-outside-');
        fs.mkdirSync(file('lib'));
        fs.writeFileSync(file('align.config.json'), JSON.stringify({ catalogs: ['./lib'] }));
        fs.writeFileSync(file('lib/rates.align'), CATALOG);
        fs.writeFileSync(main(), MAIN);
        ({ session } = await LspSession.start(root));
        initial = codes(await session.diagnosticsOf(main()));
        assert.deepEqual(unresolved(session.diagnostics.get(uriOf(main()))!), [], 'the catalog\'s metric resolves');
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
        fs.rmSync(outside, { recursive: true, force: true });
    });

    /** What a client watching every file (`**\/*`) sends: 1 created, 2 changed, 3 deleted. */
    const reportChanged = (name: string, type: 1 | 2 | 3) =>
        session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file(name)), type }] });

    it('refreshes the files that use a catalog declaration when the catalog file changes on disk', async () => {
        fs.writeFileSync(file('lib/rates.align'), CATALOG.replace('Attrition', 'Attr2'));
        await reportChanged('lib/rates.align', 2);
        const broken = await session.diagnosticsOf(main(), d => unresolved(d).length > 0);
        assert.match(String(unresolved(broken)[0]!.message), /Attrition/);
        fs.writeFileSync(file('lib/rates.align'), CATALOG);
        await reportChanged('lib/rates.align', 2);
        const mended = await session.diagnosticsOf(main(), d => unresolved(d).length === 0);
        assert.deepEqual(codes(mended), initial);
    });

    it('answers code actions in an open catalog file (with none: it is never edited from the workspace)', async () => {
        const uri = await session.open(file('lib/rates.align'));
        const actions = await session.request('textDocument/codeAction', {
            textDocument: { uri }, range: { start: { line: 0, character: 7 }, end: { line: 0, character: 16 } }, context: { diagnostics: [] }
        });
        assert.deepEqual(actions, []);
        assert.equal(session.diagnostics.get(uri), undefined, 'nothing is published for a catalog file');
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    it('leaves out .align files created in folders the start-up walk skips, and takes one created elsewhere', async () => {
        for (const folder of ['node_modules/x', 'out', 'dist', '.history']) {
            fs.mkdirSync(file(folder), { recursive: true });
            fs.writeFileSync(file(`${folder}/shadow.align`), SHADOW);
            await reportChanged(`${folder}/shadow.align`, 1);
        }
        await reportChanged('node_modules', 1);
        await settle();
        assert.deepEqual(duplicates(await session.diagnosticsOf(main())), [], 'no duplicate from a skipped folder');
        assert.deepEqual(await session.symbolFiles(), ['lib/rates.align', 'main.align']);
        // The control: the same file in an ordinary folder is part of the workspace.
        fs.mkdirSync(file('more'));
        fs.writeFileSync(file('more/shadow.align'), SHADOW);
        await reportChanged('more/shadow.align', 1);
        const clash = await session.diagnosticsOf(main(), d => duplicates(d).length > 0);
        assert.match(String(duplicates(clash)[0]!.message), /more\/shadow\.align/);
        fs.rmSync(file('more'), { recursive: true });
        await reportChanged('more', 3);
        await session.diagnosticsOf(main(), d => duplicates(d).length === 0);
    });

    it('drops a file outside the workspace when the editor closes it: its diagnostics and what it declared', async () => {
        const stray = path.join(outside, 'stray.align');
        fs.writeFileSync(stray, SHADOW);
        const uri = await session.open(stray);
        await session.diagnosticsOf(main(), d => duplicates(d).length > 0);
        assert.deepEqual(codes(await session.diagnosticsOf(stray)), ['duplicate-name', 'metric-unused']);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await session.diagnosticsOf(main(), d => duplicates(d).length === 0);
        await session.diagnosticsOf(stray, d => d.length === 0);
        assert.deepEqual(await session.symbolFiles(), ['lib/rates.align', 'main.align']);
    });
});
