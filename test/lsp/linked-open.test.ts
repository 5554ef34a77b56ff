/**
 * A file the editor opens under another path than the one the workspace
 * walk read it under (a linked file, the real path of a file read through
 * a linked folder, a file of a workspace opened through a link) is the
 * same document (server/document-names.ts): the server opened it as a
 * second document beside the one the walk loaded, and every declaration
 * in it was "declared twice". Diagnostics, definitions, references,
 * rename and symbols answer with the path the editor opened; closing it
 * leaves the workspace's document, under the walk's path.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Location, LocationLink, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, positionOf, uriOf } from './lsp-session.js';

function write(root: string, file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
}

/** A metric without owner: its file has a finding (missing-owner), so that its diagnostics are never empty. */
const metric = (name: string) => `metric ${name} "${name}" {\n  kind lagging\n}\n`;
const PROGRAM = 'outcome Kept "Kept" { measured by M }\n';

const duplicates = (session: LspSession) => [...session.diagnostics.entries()]
    .flatMap(([uri, list]) => list.filter(d => d.code === 'duplicate-name').map(d => `${uri}: ${d.message}`));
const codes = (list: readonly Diagnostic[]) => list.map(d => String(d.code));
const unresolved = (list: readonly Diagnostic[]) => list.filter(d => d.code === 'unresolved-reference').map(d => d.message);

describe('language server: a file opened under another path than the workspace read it under', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });
    after(removeTempDirs);

    it('a linked file opened under the link is the walk\'s document: no duplicate names, answers under the link, closing it keeps the real one', async () => {
        const root = makeTempDir('lsp-linked-open-');
        write(root, 'a.align', PROGRAM);
        write(root, 'lib/m.align', metric('M'));
        fs.symlinkSync('lib/m.align', path.join(root, 'm.align'));
        const real = path.join(root, 'lib/m.align');
        const linked = path.join(root, 'm.align');
        ({ session } = await LspSession.start(root));
        const lsp = session;
        const onDisk = await lsp.diagnosticsOf(real, d => d.length > 0);
        assert.equal(unresolved(await lsp.diagnosticsOf(path.join(root, 'a.align'))).length, 0);

        await lsp.open(linked);
        const opened = await lsp.diagnosticsOf(linked, d => d.length > 0);
        assert.deepEqual(codes(opened), codes(onDisk), 'the findings of the file, once');
        assert.deepEqual(duplicates(lsp), [], 'nothing declared twice');
        await lsp.diagnosticsOf(real, d => d.length === 0);

        // Go to definition from a.align lands in the editor the client has open.
        const definition = await lsp.request<Array<Location | LocationLink>>('textDocument/definition', { textDocument: { uri: uriOf(path.join(root, 'a.align')) }, position: positionOf(path.join(root, 'a.align'), 1, 'M }') });
        assert.deepEqual(definition.map(l => 'targetUri' in l ? l.targetUri : l.uri), [uriOf(linked)]);
        const references = await lsp.request<Location[]>('textDocument/references', { textDocument: { uri: uriOf(linked) }, position: { line: 0, character: 7 }, context: { includeDeclaration: true } });
        assert.deepEqual([...new Set(references.map(l => l.uri))].sort(), [uriOf(path.join(root, 'a.align')), uriOf(linked)].sort());
        const edit = await lsp.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(linked) }, position: { line: 0, character: 7 }, newName: 'Renamed' });
        const edited = [...Object.keys(edit.changes ?? {}), ...(edit.documentChanges ?? []).map(c => ('textDocument' in c ? c.textDocument.uri : ''))];
        assert.deepEqual([...new Set(edited)].sort(), [uriOf(path.join(root, 'a.align')), uriOf(linked)].sort(), 'the rename edits the file once, under the name the editor has open');
        const symbols = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'M' });
        assert.deepEqual(symbols.filter(s => s.name === 'M').map(s => s.location.uri), [uriOf(linked)], 'one symbol, in the open editor');

        await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(linked) } });
        assert.deepEqual(codes(await lsp.diagnosticsOf(real, d => d.length > 0)), codes(onDisk), 'the workspace\'s document stays, under its own path');
        await lsp.diagnosticsOf(linked, d => d.length === 0);
        await lsp.request('textDocument/hover', { textDocument: { uri: uriOf(path.join(root, 'a.align')) }, position: { line: 0, character: 0 } });
        assert.deepEqual(unresolved(lsp.diagnostics.get(uriOf(path.join(root, 'a.align'))) ?? []), [], 'M is still declared');
        assert.deepEqual(duplicates(lsp), []);
    });

    it('the real path of a file the walk read through a linked folder, and a file of a workspace opened through a link', async () => {
        const root = makeTempDir('lsp-linked-folder-');
        write(root, 'a.align', PROGRAM);
        // A dot-folder is not walked: the walk reads m.align as lib/m.align, through the link.
        write(root, '.shared/lib/m.align', metric('M'));
        fs.symlinkSync('.shared/lib', path.join(root, 'lib'));
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'lib/m.align'), d => d.length > 0);
        await session.open(path.join(root, '.shared/lib/m.align'));
        await session.diagnosticsOf(path.join(root, '.shared/lib/m.align'), d => d.length > 0);
        assert.deepEqual(duplicates(session), []);
        await session.stop();

        const parent = makeTempDir('lsp-linked-root-');
        write(parent, 'real/a.align', PROGRAM);
        write(parent, 'real/m.align', metric('M'));
        fs.symlinkSync('real', path.join(parent, 'through'));
        ({ session } = await LspSession.start(path.join(parent, 'through')));
        await session.diagnosticsOf(path.join(parent, 'through/m.align'), d => d.length > 0);
        await session.open(path.join(parent, 'real/m.align'));
        await session.diagnosticsOf(path.join(parent, 'real/m.align'), d => d.length > 0);
        assert.deepEqual(duplicates(session), []);
    });

    it('a file open under both paths follows the editor last edited, and closing one follows the other', async () => {
        const root = makeTempDir('lsp-linked-both-');
        write(root, 'a.align', PROGRAM);
        write(root, 'lib/m.align', metric('M'));
        fs.symlinkSync('lib/m.align', path.join(root, 'm.align'));
        const real = path.join(root, 'lib/m.align');
        const linked = path.join(root, 'm.align');
        const program = path.join(root, 'a.align');
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(real, d => d.length > 0);
        await session.open(real);
        await session.open(linked);
        await session.change(linked, metric('N'));
        assert.deepEqual(unresolved(await session.diagnosticsOf(program, d => unresolved(d).length > 0)), ["Could not resolve reference to Metric named 'M'."]);
        assert.deepEqual(duplicates(session), []);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(linked) } });
        // The editor of lib/m.align still shows M.
        await session.diagnosticsOf(program, d => unresolved(d).length === 0);
        await session.diagnosticsOf(real, d => d.length > 0);
        await session.diagnosticsOf(linked, d => d.length === 0);
        assert.deepEqual(duplicates(session), []);
    });
});
