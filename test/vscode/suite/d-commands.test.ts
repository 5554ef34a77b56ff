import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { AlignApi } from '../../../client/api.js';
import type { CheckSummary } from '../../../client/commands/check-workspace.js';
import { activateAlign, diagnosticsOf, until } from './helpers.js';

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
});
