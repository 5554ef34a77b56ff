/**
 * VS Code for the Web with a language server whose impact graph cannot be
 * built (a bug in Align, injected by test/vscode/fault-server: the run of
 * this suite puts that server in the extension's place). What the user
 * meets: every file's diagnostics with one `internal-error`, a status bar
 * item that says there is no graph, and a preview that says why instead of
 * "Loading the impact chain…" for ever, Check Workspace that counts the
 * findings all the same, and New Program that checks its name all the
 * same. Typing FAULT_OFF ends the fault: the next build brings all of it
 * back.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CheckSummary } from '../../../client/commands/check-workspace.js';
import type { HostMessage } from '../../../webview/protocol.js';
import { FAULT_OFF } from '../fault-server/fault-marker.js';
import { activateAlign, diagnosticsOf, fileUri, open, ruleOf, until } from '../suite/helpers.js';

const REASON = 'The impact graph could not be built: TypeError: fault injected in the impact graph\'s build.';
const hasFault = (d: readonly vscode.Diagnostic[]) => d.some(x => ruleOf(x) === 'internal-error');

suite('Extension on the web: the impact graph cannot be built', () => {
    test('status bar, diagnostics and preview say so; the edit after which it builds brings the chain back', async () => {
        const api = await activateAlign();
        await until(() => api.statusText() === '$(error) Align: no graph', [api.onDidChangeGraph], () => `"no graph" in the status bar, now ${api.statusText()}`);
        const onboarding = fileUri('onboarding.align');
        const faulted = await diagnosticsOf(onboarding, hasFault);
        assert.strictEqual(faulted.find(d => ruleOf(d) === 'internal-error')!.message,
            `${REASON} This is a bug in Align, not in the file: please report it. The rules that read the graph did not run; the other rules ran.`);

        // Check Workspace counts the findings all the same, and says why there is no coverage.
        const summary = await vscode.commands.executeCommand<CheckSummary>('align.checkWorkspace');
        assert.ok('fault' in summary && summary.fault === REASON, JSON.stringify(summary));
        assert.strictEqual(summary.files, 5);
        assert.ok(summary.errors >= 5, `an internal-error in each file at least: ${JSON.stringify(summary)}`);

        // New Program from Template still refuses a name the workspace declares (from the workspace's symbols), and creates another.
        assert.strictEqual(await vscode.commands.executeCommand('align.newProgram', 'ChurnPilot'), undefined);
        const created = await vscode.commands.executeCommand<vscode.Uri>('align.newProgram', 'Escalations');
        assert.strictEqual(vscode.workspace.asRelativePath(created, false), 'escalations.align');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(created);

        const posted: HostMessage[] = [];
        const subscription = api.preview.onDidPostMessage(m => posted.push(m));
        const editor = await open('churn-pilot.align');
        try {
            await vscode.commands.executeCommand('align.openPreviewToSide');
            const fault = await until(() => posted.find(m => m.type === 'graph-fault'), [api.preview.onDidPostMessage],
                () => `a graph-fault posted to the webview; posted so far: ${JSON.stringify(posted.map(m => m.type))}`);
            assert.deepStrictEqual(fault, { type: 'graph-fault', message: REASON });
            assert.ok(!posted.some(m => m.type === 'graph'), 'no graph while it cannot be built');

            assert.ok(await editor.edit(edit => edit.insert(new vscode.Position(0, 0), `// ${FAULT_OFF}\n`)));
            await until(() => api.statusText() === '$(graph) Aligned 9/11', [api.onDidChangeGraph], () => `Aligned 9/11 after the fault, now ${api.statusText()}`);
            await until(() => posted.find(m => m.type === 'graph'), [api.preview.onDidPostMessage],
                () => `a graph posted once the fault is over; posted so far: ${JSON.stringify(posted.map(m => m.type))}`);
            // A file that was not edited gets its findings again, without the fault.
            await diagnosticsOf(onboarding, d => !hasFault(d) && d.length > 0);
        } finally {
            subscription.dispose();
            await vscode.window.showTextDocument(editor.document);
            await vscode.commands.executeCommand('workbench.action.files.revert');
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
    });
});
