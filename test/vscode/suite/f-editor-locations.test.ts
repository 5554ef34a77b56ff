import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { AlignApi } from '../../../client/api.js';
import { defaultExportUri } from '../../../client/commands/export-graph.js';
import { openProgram } from '../../../client/commands/new-program.js';
import { activateAlign, fileUri, open, root } from './helpers.js';

// Documents that are not files of the workspace folder (an untitled `.align`
// document), where exports and new programs go, and folding of regions.

/** Closes the active editor without saving (an untitled or edited document). */
async function discardActiveEditor(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('Extension: untitled documents, where exports and new programs go, region folding', () => {
    let api: AlignApi;
    suiteSetup(async () => { api = await activateAlign(); });
    teardown(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

    test('a node of an untitled .align document, clicked in the preview, opens that document at the declaration', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'align', content: 'metric ScratchRate "Scratch" {\n  kind lagging\n}\n' });
        await vscode.window.showTextDocument(document);
        try {
            await vscode.commands.executeCommand('align.openPreviewToSide');
            await open('safety.align');
            const range = { start: { line: 0, character: 7 }, end: { line: 0, character: 18 } };
            await api.preview.receive({ type: 'reveal', nodeId: 'ScratchRate', uri: document.uri.toString(), range });
            const editor = vscode.window.activeTextEditor;
            assert.strictEqual(editor?.document.uri.toString(), document.uri.toString(), 'the untitled document is the active editor');
            assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [0, 7]);
        } finally {
            await vscode.window.showTextDocument(document);
            await discardActiveEditor();
        }
    });

    test('with a folder, a new program never overwrites a file: escalations-2.align beside escalations.align', async () => {
        const existing = fileUri('escalations.align');
        await vscode.workspace.fs.writeFile(existing, new TextEncoder().encode('// kept\n'));
        let created: vscode.TextDocument | undefined;
        try {
            created = await openProgram(root(), 'escalations.align', 'program Escalations {\n}\n');
            assert.strictEqual(vscode.workspace.asRelativePath(created.uri, false), 'escalations-2.align');
            assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(existing)), '// kept\n');
        } finally {
            await vscode.workspace.fs.delete(existing);
            if (created) await vscode.workspace.fs.delete(created.uri);
        }
    });

    test('the export dialog starts in the folder of the document the preview follows, the file named after the program shown', async () => {
        const editor = await open('sales-win-rate.align');
        const program = { scope: { kind: 'cursor' }, scopeTitle: 'Consultative discovery bootcamp' };
        assert.strictEqual(defaultExportUri('svg', editor.document, program)?.toString(),
            fileUri('impact-chain-consultative-discovery-bootcamp.svg').toString());
        assert.strictEqual(defaultExportUri('png', editor.document, { scope: { kind: 'workspace' }, scopeTitle: 'Whole workspace' })?.toString(),
            fileUri('impact-chain.png').toString());
        // An untitled document has no folder of its own: the workspace folder.
        const untitled = await vscode.workspace.openTextDocument({ language: 'align', content: '' });
        assert.strictEqual(defaultExportUri('svg', untitled, undefined)?.toString(), fileUri('impact-chain.svg').toString());
    });

    test('// #region ... // #endregion folds, beside the blocks the language server folds', async () => {
        const text = '// #region Skills\nskill A "A" {\n  assessed by "Check"\n}\n// #endregion\nskill B "B" {\n  assessed by "Check"\n}\n';
        const document = await vscode.workspace.openTextDocument({ language: 'align', content: text });
        await vscode.window.showTextDocument(document);
        try {
            const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
            const shown = ranges.map(r => `${r.start}-${r.end}${r.kind === vscode.FoldingRangeKind.Region ? ' region' : ''}`).sort();
            assert.ok(shown.includes('0-4 region'), `the region folds: ${shown.join(', ')}`);
            assert.ok(shown.includes('5-6'), `the server still folds skill B's block: ${shown.join(', ')}`);
        } finally {
            await discardActiveEditor();
        }
    });
});
