import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { AlignApi } from '../../../client/api.js';
import { activateAlign, ALIGN_FILES, diagnosticsOf, expectedFindings, fileUri, keys, readText, ruleOf } from './helpers.js';

suite('Extension: diagnostics of the fixture workspace', () => {
    let api: AlignApi;
    suiteSetup(async () => { api = await activateAlign(); });

    test('finds every .align file of the workspace', async () => {
        const found = await vscode.workspace.findFiles('**/*.align');
        const relative = found.map(uri => vscode.workspace.asRelativePath(uri, false)).sort();
        assert.deepStrictEqual(relative, ALIGN_FILES);
    });

    for (const file of ALIGN_FILES) {
        test(`${file}: the diagnostics are exactly its // expect: comments`, async () => {
            const expected = expectedFindings(await readText(file));
            const uri = fileUri(file);
            // A clean file has no diagnostics before the server runs, too: it counts once the server
            // has validated the workspace (the graph notification follows every validation).
            const actual = await diagnosticsOf(uri, d => JSON.stringify(keys(d)) === JSON.stringify(expected)
                && (expected.length > 0 || api.statusText() !== ''));
            assert.deepStrictEqual(keys(actual), expected);
            for (const d of actual) assert.strictEqual(d.source, 'align');
        });
    }

    test('the CSV actuals of the catalog are read (no actuals-invalid)', () => {
        const all = vscode.languages.getDiagnostics().flatMap(([, d]) => d);
        assert.ok(!all.some(d => ruleOf(d) === 'actuals-invalid'), 'nps.csv was read through the workspace file system');
    });
});
