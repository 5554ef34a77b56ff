import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspSession, positionOf, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const metric = (name: string, kind: string, extra = '') => `metric ${name} "${name}" {\n  kind ${kind}\n${extra}}\n`;
/** The workspace's file: a metric two catalog files drive, one no catalog names, a program whose member a catalog drives. */
const WS = metric('WsKpi', 'lagging') + metric('Other', 'lagging')
    + 'outcome O "o" {\n  measured by WsKpi, Other\n}\n'
    + 'program Pilot "P" {\n  metric Inner "Inner" {\n    kind lagging\n  }\n}\n';

/**
 * Rename never edits a catalog (language.md, "Configuration"), so renaming
 * a workspace declaration that a catalog file refers to (`drives WsKpi`)
 * is refused, before the editor asks for the new name, with the catalog
 * and its files: the catalog's references would no longer resolve, and no
 * finding in a catalog would say so.
 */
describe('language server: rename refusal for a workspace declaration that a catalog refers to', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession;
    const ws = () => path.join(root, 'ws.align');

    before(async () => {
        root = makeTempDir('align-rename-catalog-referrers-');
        fs.mkdirSync(path.join(root, 'kpis'));
        fs.writeFileSync(path.join(root, 'align.config.json'), JSON.stringify({ catalogs: ['./kpis'] }));
        fs.writeFileSync(path.join(root, 'kpis/m.align'), metric('CatLead', 'leading', '  drives WsKpi\n'));
        fs.writeFileSync(path.join(root, 'kpis/n.align'), metric('CatLead2', 'leading', '  drives WsKpi, Pilot.Inner\n'));
        fs.writeFileSync(ws(), WS);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(ws());
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    const at = (line: number, needle: string) => ({ textDocument: { uri: uriOf(ws()) }, position: positionOf(ws(), line, needle, 1) });

    it('finds the references in the catalog files (what the rename would leave behind)', async () => {
        const refs = await session.request<{ uri: string }[]>('textDocument/references', { ...at(1, 'WsKpi'), context: { includeDeclaration: true } });
        assert.deepEqual(refs.map(r => path.relative(root, new URL(r.uri).pathname)).sort(), ['kpis/m.align', 'kpis/n.align', 'ws.align', 'ws.align']);
    });

    it('refuses prepareRename and rename, on the declaration and on a reference, naming the catalog and its files', async () => {
        const message = '\'WsKpi\' cannot be renamed: catalog ./kpis (kpis/m.align, kpis/n.align) refers to it, and the workspace does not edit catalogs, '
            + 'so its references would no longer resolve. Write the new name in the catalog first, then rename it in the workspace.';
        for (const position of [at(1, 'WsKpi'), at(8, 'WsKpi')]) {
            for (const method of ['textDocument/prepareRename', 'textDocument/rename']) {
                const error = await session.request(method, { ...position, newName: 'WsKpi2' }).then(() => undefined, (e: Error) => e);
                assert.ok(error, `${method} at ${position.position.line + 1}`);
                assert.equal(error.message, message);
            }
        }
    });

    it('refuses renaming a program whose member a catalog names (Pilot.Inner)', async () => {
        await assert.rejects(session.request('textDocument/rename', { ...at(10, 'Pilot'), newName: 'Pilot2' }),
            { message: '\'Pilot\' cannot be renamed: catalog ./kpis (kpis/n.align) refers to it, and the workspace does not edit catalogs, so its references would no longer resolve. Write the new name in the catalog first, then rename it in the workspace.' });
    });

    it('still renames a declaration that no catalog names, in the workspace only', async () => {
        const range = await session.request('textDocument/prepareRename', at(4, 'Other'));
        assert.ok(range);
        const edit = await session.request<WorkspaceEdit>('textDocument/rename', { ...at(4, 'Other'), newName: 'Other2' });
        assert.deepEqual(Object.keys(edit.changes ?? {}), [uriOf(ws())]);
        assert.deepEqual(edit.changes![uriOf(ws())]!.map(e => `${e.range.start.line + 1}:${e.newText}`), ['4:Other2', '8:Other2']);
    });
});
