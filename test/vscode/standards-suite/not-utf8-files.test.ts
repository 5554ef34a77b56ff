/**
 * A `.align` file that is not UTF-8 inside VS Code for the Web: the web
 * client sends its bytes (client/web/workspace-mirror.ts), not the text a
 * loose decoder makes of them, and the web worker server reports the one
 * `syntax` finding the desktop server and `align check` give it. On the
 * standards workspace, the run without workspace-wide counts to keep:
 * scripts/vscode-test-web.mjs writes `latin-1.align` into it.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { LATIN1, LATIN1_FINDING } from '../../unit/helpers/encoded-sources.js';
import { activateAlign, diagnosticsOf, fileUri, keys, ruleOf } from '../suite/helpers.js';

const shape = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)} ${d.message}`);

suite('Extension on the web: an .align file that is not UTF-8', () => {
    suiteSetup(activateAlign);

    test('a Latin-1 file of the workspace gets the finding the desktop gives it', async () => {
        const found = await diagnosticsOf(fileUri('latin-1.align'), d => d.length > 0);
        assert.deepStrictEqual(shape(found), [`0:0 syntax ${LATIN1_FINDING}`]);
    });

    test('a Latin-1 file saved during the session too; saved as UTF-8, it is checked as Align text', async () => {
        const uri = fileUri('saved-latin-1.align');
        await vscode.workspace.fs.writeFile(uri, LATIN1);
        try {
            assert.deepStrictEqual(shape(await diagnosticsOf(uri, d => d.length > 0)), [`0:0 syntax ${LATIN1_FINDING}`]);
            await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('skill S "S"\n'));
            assert.deepStrictEqual(keys(await diagnosticsOf(uri, d => !d.some(x => ruleOf(x) === 'syntax'))), ['1:skill-enables-nothing']);
        } finally {
            await vscode.workspace.fs.delete(uri);
        }
    });
});
