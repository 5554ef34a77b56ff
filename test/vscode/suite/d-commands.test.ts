import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { AlignApi } from '../../../client/api.js';
import type { CheckSummary } from '../../../client/commands/check-workspace.js';
import type { DidChangeGraphParams } from '../../../language/protocol.js';
import { activateAlign, diagnosticsOf, EXTENSION_ID, expectedFindings, fileUri, keys, readText, until } from './helpers.js';

suite('Extension: commands', () => {
    let api: AlignApi;
    suiteSetup(async () => { api = await activateAlign(); });

    test('Check Workspace counts the findings of every file and opens the Problems view', async () => {
        const summary = await vscode.commands.executeCommand<CheckSummary>('align.checkWorkspace');
        // The 13 `// expect:` findings of the fixture: 4 errors, 5 warnings, 4 infos.
        assert.deepStrictEqual(summary, { files: 5, errors: 4, warnings: 5, infos: 4, aligned: 9, objectives: 11 });
    });

    test('New Program from Template creates a program that passes every rule', async () => {
        const uri = await vscode.commands.executeCommand<vscode.Uri>('align.newProgram', 'Escalations');
        try {
            assert.strictEqual(vscode.workspace.asRelativePath(uri, false), 'escalations.align');
            assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
            assert.match(vscode.window.activeTextEditor!.document.getText(), /^program Escalations "Escalations" \{$/m);
            // One more objective, aligned; and no diagnostic in the new file.
            await until(() => api.statusText() === '$(graph) Aligned 10/12', [api.onDidChangeGraph], () => `Aligned 10/12, now ${api.statusText()}`);
            assert.deepStrictEqual(await diagnosticsOf(uri, d => d.length === 0), []);
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
            await vscode.workspace.fs.delete(uri);
        }
        await until(() => api.statusText() === '$(graph) Aligned 9/11', [api.onDidChangeGraph], () => `Aligned 9/11 again, now ${api.statusText()}`);
    });

    test('Restart Language Server starts a new server, which publishes the findings again (not those of a file deleted since)', async () => {
        // A program opened, closed and deleted: VS Code keeps its document loaded, and the restarted client must not check it again.
        const ghost = await vscode.commands.executeCommand<vscode.Uri>('align.newProgram', 'Ghost');
        await until(() => api.statusText() === '$(graph) Aligned 10/12', [api.onDidChangeGraph], () => `Aligned 10/12 with Ghost, now ${api.statusText()}`);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(ghost);
        await until(() => api.statusText() === '$(graph) Aligned 9/11', [api.onDidChangeGraph], () => `Aligned 9/11 without Ghost, now ${api.statusText()}`);
        assert.ok(vscode.workspace.textDocuments.some(d => d.uri.toString() === ghost.toString()), 'the closed document is still loaded');
        const starts = api.serverStarts();
        assert.ok(starts >= 1, `the server started at activation (${starts})`);
        const firstGraph = new Promise<DidChangeGraphParams>(resolve => {
            const listener = api.onDidChangeGraph(params => { listener.dispose(); resolve(params); });
        });
        await vscode.commands.executeCommand('align.restartServer');
        assert.strictEqual(api.serverStarts(), starts + 1, 'one more start');
        assert.deepStrictEqual((await firstGraph).coverage, { aligned: 9, total: 11 }, 'the new server\'s first graph, without the deleted program');
        const uri = fileUri('onboarding.align');
        const expected = expectedFindings(await readText('onboarding.align'));
        assert.deepStrictEqual(keys(await diagnosticsOf(uri, d => d.length === expected.length)), expected);
        assert.deepStrictEqual(vscode.languages.getDiagnostics(ghost), []);
    });

    test('New Program from Template refuses a name the workspace already declares', async () => {
        const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('align.newProgram', 'ChurnPilot');
        assert.strictEqual(uri, undefined);
        assert.deepStrictEqual((await vscode.workspace.findFiles('churn-pilot-*.align')).length, 0);
    });

    test('Pull Actuals runs align pull in a terminal on the desktop, and does not exist on the web', async () => {
        const registered = (await vscode.commands.getCommands(true)).includes('align.pullActuals');
        if (vscode.env.uiKind === vscode.UIKind.Web) {
            assert.strictEqual(registered, false);
            return;
        }
        const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>('align.pullActuals', 'WinRate');
        try {
            assert.strictEqual(terminal?.name, 'Align: Pull Actuals');
        } finally {
            terminal?.dispose();
        }
    });

    test('Compare with Last Commit exists on the desktop only: the web has no git extension, and its title-bar button needs a context key only the desktop sets', async () => {
        const registered = await vscode.commands.getCommands(true);
        const compare = ['align.preview.compareWithLastCommit', 'align.preview.stopComparing'];
        const menus = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } }).contributes.menus;
        for (const item of Object.values(menus).flat().filter(m => compare.includes(m.command))) assert.match(item.when ?? '', /align\.canCompareWithCommit/, item.command);
        if (vscode.env.uiKind === vscode.UIKind.Web) {
            assert.strictEqual(vscode.extensions.getExtension('vscode.git'), undefined, 'no git extension on the web');
            assert.deepStrictEqual(compare.filter(c => registered.includes(c)), []);
            return;
        }
        assert.deepStrictEqual(compare.filter(c => !registered.includes(c)), []);
    });
});
