import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateAlign, EXTENSION_ID, fileUri, open, until } from './helpers.js';

suite('Extension: activation, commands, status bar', () => {
    test('activates on a .align file and starts the language server', async () => {
        await open('churn-pilot.align');
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        await activateAlign();
        assert.strictEqual(extension.isActive, true);
        assert.strictEqual(vscode.window.activeTextEditor?.document.languageId, 'align');
    });

    test('registers every contributed command', async () => {
        await activateAlign();
        const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string }> } })
            .contributes.commands.map(c => c.command);
        assert.deepStrictEqual([...contributed].sort(), [
            'align.checkWorkspace', 'align.exportPng', 'align.exportSvg', 'align.newProgram',
            'align.openPreview', 'align.openPreviewToSide', 'align.preview.compareWithLastCommit', 'align.preview.hideLearningMetrics', 'align.preview.layoutAuto', 'align.preview.layoutDown', 'align.preview.layoutRight',
            'align.preview.showLearningMetrics', 'align.preview.stopComparing', 'align.preview.toggleLearningMetrics', 'align.pullActuals', 'align.restartServer', 'align.showImpactChain'
        ]);
        const registered = new Set(await vscode.commands.getCommands(true));
        // Pull Actuals runs the CLI in a terminal, the comparison reads git: desktop only (d-commands checks both sides).
        const desktopOnly = vscode.env.uiKind === vscode.UIKind.Web ? ['align.pullActuals', 'align.preview.compareWithLastCommit', 'align.preview.stopComparing'] : [];
        assert.deepStrictEqual(contributed.filter(c => !registered.has(c) && !desktopOnly.includes(c)), []);
    });

    test('shows the alignment coverage of the workspace in the status bar', async () => {
        const api = await activateAlign();
        // 11 objectives in the fixture; KnowTheProduct (no link) and CompleteModules (activity only) are not aligned.
        const text = await until(() => api.statusText() === '$(graph) Aligned 9/11' && api.statusText(), [api.onDidChangeGraph],
            () => `status bar text "$(graph) Aligned 9/11", now "${api.statusText()}"; diagnostics: ${JSON.stringify(vscode.languages.getDiagnostics().map(([u, d]) => [u.toString(), d.length]))}`);
        assert.strictEqual(text, '$(graph) Aligned 9/11');
    });

    test('opens an align.config.json as JSON with comments, as Align reads it', async () => {
        // In a subfolder: only the root's config is read, so the workspace's findings stay as they are.
        const uri = fileUri('config-language/align.config.json');
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{\n  // comments are allowed\n  "maxPilotDays": 60\n}\n'));
        try {
            const document = await vscode.workspace.openTextDocument(uri);
            assert.strictEqual(document.languageId, 'jsonc');
        } finally {
            await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
        }
    });
});
