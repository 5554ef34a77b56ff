import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/**
 * `textDocument/publishDiagnostics` carries the version of the open
 * document the diagnostics were computed for (clients that announce
 * `versionSupport` drop those of an older text), and no version for a file
 * the editor does not have open.
 */
describe('language server: versions of published diagnostics', function () {
    this.timeout(30000);
    const ws = withExamplesSession('versions', { waitFor: ['churn-pilot.align', 'sales-win-rate.align'] });

    it('gives an open document\'s diagnostics its version, and none to files only on disk', async () => {
        const { session } = ws;
        const churn = ws.file('churn-pilot.align');
        const sales = uriOf(ws.file('sales-win-rate.align'));
        assert.equal(session.diagnosticsVersion.get(sales), undefined, 'not open: no version');
        assert.ok(session.diagnosticsVersion.has(sales));
        await session.open(churn);
        await session.until(() => session.diagnosticsVersion.get(uriOf(churn)) === 1, 'diagnostics of version 1');
        const text = fs.readFileSync(churn, 'utf-8');
        await session.change(churn, `${text}\nmetric Stray "Stray" {\n  kind lagging\n}\n`);
        await session.change(churn, `${text}\nmetric Stray "Stray" {\n  kind lagging\n  unit percent\n}\n`);
        await session.until(() => session.diagnosticsVersion.get(uriOf(churn)) === 3, 'diagnostics of version 3');
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(churn) } });
        // Closed with its edits unsaved: checked again as on disk, a file only on disk.
        await session.until(() => session.diagnosticsVersion.has(uriOf(churn)) && session.diagnosticsVersion.get(uriOf(churn)) === undefined, 'diagnostics without a version');
    });
});
