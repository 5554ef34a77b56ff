/**
 * A `.align` file that starts with a UTF-8 byte order mark, not open in the
 * editor: the server reads it without the mark, as an editor loads it, so
 * the positions it gives in that file (rename edits, diagnostics,
 * definition targets, workspace symbols) are those the editor shows, and
 * stay the same once the editor opens the file (its text has no mark).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, LocationLink, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const GOALS = 'outcome Grow "Grow revenue"\n';
/** Where the editor shows `Grow` on line 0 of goals.align. */
const GROW: Range = { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } };

const notMeasurable = (diagnostics: readonly Diagnostic[]) => diagnostics.filter(d => d.code === 'outcome-not-measurable').map(d => d.range);

describe('language server: a file starting with a byte order mark, not open in the editor', function () {
    this.timeout(30000);
    const ws = withExamplesSession('lsp-bom', {
        prepare: root => {
            fs.writeFileSync(path.join(root, 'goals.align'), Buffer.concat([BOM, Buffer.from(GOALS)]));
            fs.writeFileSync(path.join(root, 'pilot.align'), 'program P "p" {\n  serves Grow\n}\n');
            fs.writeFileSync(path.join(root, 'twice.align'), Buffer.concat([BOM, BOM, Buffer.from('outcome Twice "Twice"\n')]));
        },
        waitFor: ['goals.align', 'twice.align'],
        open: ['pilot.align'],
        eachTest: true
    });
    const pilot = () => ({ uri: uriOf(ws.file('pilot.align')) });
    const renameGrow = async () => {
        const edit = await ws.session.request<WorkspaceEdit>('textDocument/rename', { textDocument: pilot(), position: { line: 1, character: 10 }, newName: 'Growth' });
        return edit.changes?.[uriOf(ws.file('goals.align'))] ?? [];
    };

    it('renames at the positions the editor shows, and so once the editor opens the file', async () => {
        const edits = await renameGrow();
        assert.deepEqual(edits.map(e => e.range), [GROW]);
        assert.equal(applyEdits(GOALS, edits), 'outcome Growth "Grow revenue"\n');
        await ws.session.open(ws.file('goals.align'), GOALS); // as VS Code sends it: without the mark
        assert.deepEqual((await renameGrow()).map(e => e.range), [GROW]);
    });

    it('gives diagnostics, definition targets and workspace symbols at the positions the editor shows', async () => {
        assert.deepEqual(notMeasurable(ws.session.diagnostics.get(uriOf(ws.file('goals.align')))!), [GROW]);
        const links = await ws.session.request<LocationLink[]>('textDocument/definition', { textDocument: pilot(), position: { line: 1, character: 10 } });
        assert.deepEqual(links.map(l => l.targetSelectionRange), [GROW]);
        const symbols = await ws.session.request<SymbolInformation[]>('workspace/symbol', { query: 'Grow' });
        assert.deepEqual(symbols.filter(s => s.name === 'Grow').map(s => s.location.range), [GROW]);
        const file = ws.file('goals.align');
        const publishes = ws.session.publishCount.get(uriOf(file)) ?? 0;
        await ws.session.open(file, GOALS);
        const opened = await ws.session.diagnosticsOf(file, () => (ws.session.publishCount.get(uriOf(file)) ?? 0) > publishes);
        assert.deepEqual(notMeasurable(opened), [GROW]);
    });

    it('closing the file unedited builds nothing again: its text is that on disk, the mark aside', async () => {
        const { session } = ws;
        const [goals, pilotFile] = [ws.file('goals.align'), ws.file('pilot.align')];
        await session.open(goals, GOALS);
        await session.until(() => session.diagnosticsVersion.get(uriOf(goals)) === 1, 'diagnostics of goals.align, version 1');
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(goals) } });
        // Then a document closed with an edit, built again: once it is, goals.align would have been too.
        await session.change(pilotFile, 'program P "p" {\n  serves Grow\n}\n\n');
        await session.until(() => session.diagnosticsVersion.get(uriOf(pilotFile)) === 2, 'diagnostics of the edit');
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(pilotFile) } });
        await session.until(() => session.diagnosticsVersion.has(uriOf(pilotFile)) && session.diagnosticsVersion.get(uriOf(pilotFile)) === undefined, 'pilot.align built again from disk');
        assert.equal(session.diagnosticsVersion.get(uriOf(goals)), 1, 'goals.align was not built again');
    });

    it('drops one mark only: a second one is a character the editor shows', async () => {
        const twice = ws.session.diagnostics.get(uriOf(ws.file('twice.align')))!;
        assert.deepEqual(notMeasurable(twice), [{ start: { line: 0, character: 9 }, end: { line: 0, character: 14 } }]);
    });
});
