/**
 * Inlay hints over LSP: the last day of a `pilot N days from D`, and what
 * the CSV file of `actuals M from "file.csv"` holds; none for a file that
 * cannot be read (its finding says why). And the refresh requests that
 * make an editor ask again for code lenses and inlay hints when another
 * file, or a CSV file on disk, changed them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeLens, InlayHint } from 'vscode-languageserver-protocol';
import { uriOf, type LspSession } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const PROGRAM = [
    'metric Sales "Sales" { kind lagging unit currency USD direction up baseline 100 target 120 by 2026-H2 source "CRM" }',
    'program P "P" {',
    '  sponsor "VP" owner "Academy" review monthly',
    '  pilot 90 days from 2026-01-05',
    '  actuals Sales from "data/sales.csv"',
    '}',
    'actuals Sales from "data/missing.csv"',
    'actuals Sales from "data/empty.csv"',
    ''
].join('\n');

/** The hints of a file as `line:character label`, 0-based, sorted by position. */
async function hintsOf(session: LspSession, file: string, lines = 1000): Promise<string[]> {
    const hints = await session.request<InlayHint[] | null>('textDocument/inlayHint', {
        textDocument: { uri: uriOf(file) }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }
    });
    return (hints ?? []).map(h => `${h.position.line}:${h.position.character} ${String(h.label)}`).sort();
}

const endOf = (line: string, needle: string): number => line.indexOf(needle) + needle.length;

describe('language server: inlay hints', function () {
    this.timeout(30000);
    const ws = withExamplesSession('inlay-hints', {
        prepare: root => {
            fs.mkdirSync(`${root}/data`, { recursive: true });
            fs.writeFileSync(`${root}/data/sales.csv`, 'period,value\n2026-02,104\n2026-01,101\n2026-03,110\n');
            fs.writeFileSync(`${root}/data/empty.csv`, 'period,value\n');
            // 20 rows with bad cells (the period, the value, both in turn: 26 problems) between two good rows.
            const bad = Array.from({ length: 20 }, (_, i) => [`2020-13,${i}`, `2020-01,x${i}`, `p${i},v`][i % 3]!);
            fs.writeFileSync(`${root}/data/bad.csv`, `period,value\n2020-01,5\n${bad.join('\n')}\n2020-02,7\n`);
            fs.writeFileSync(`${root}/hints.align`, PROGRAM);
        },
        waitFor: ['hints.align', 'churn-pilot.align'],
        open: ['hints.align']
    });
    const lines = PROGRAM.split('\n');

    it('announces inlay hints; gives the pilot\'s last day and each readable CSV file\'s rows and periods', async () => {
        assert.ok(ws.init.capabilities.inlayHintProvider, 'inlayHintProvider in the capabilities');
        assert.deepEqual(await hintsOf(ws.session, ws.file('hints.align')), [
            `3:${endOf(lines[3]!, '2026-01-05')} to 2026-04-05`,
            `4:${endOf(lines[4]!, '"data/sales.csv"')} 3 rows, 2026-01 to 2026-03`,
            // data/missing.csv: its `actuals-invalid` finding instead.
            `7:${endOf(lines[7]!, '"data/empty.csv"')} no rows`
        ]);
    });

    it('says the latest value with its unit and the file\'s problems in the tooltip, and the pilot\'s window', async () => {
        const hints = await ws.session.request<InlayHint[]>('textDocument/inlayHint', {
            textDocument: { uri: uriOf(ws.file('hints.align')) }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }
        });
        assert.deepEqual(hints.map(h => h.tooltip), [
            'The pilot runs 2026-01-05 to 2026-04-05, both days included.',
            // 2026-01 after 2026-02: `actuals-invalid` on the file.
            'What align check reads from data/sales.csv: 3 rows. The latest, 2026-03, is 110 USD. 1 problem in the file: see its finding.'
        ]);
    });

    it('counts every problem of a file of many bad rows in the tooltip, those past the listed rows too', async () => {
        const file = ws.file('bad-rows.align');
        await ws.session.open(file, 'actuals Sales from "data/bad.csv"\n');
        await ws.session.diagnosticsOf(file);
        const hints = await ws.session.request<InlayHint[]>('textDocument/inlayHint', {
            textDocument: { uri: uriOf(file) }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }
        });
        assert.deepEqual(hints.map(h => `${String(h.label)}: ${h.tooltip}`), [
            '2 rows, 2020-01 to 2020-02: What align check reads from data/bad.csv: 2 rows. The latest, 2020-02, is 7 USD. 26 problems in the file: see the findings.'
        ]);
    });

    it('gives only the hints inside the range asked for', async () => {
        assert.deepEqual(await hintsOf(ws.session, ws.file('hints.align'), 4), [`3:${endOf(lines[3]!, '2026-01-05')} to 2026-04-05`]);
    });

    it('asks the editor to refresh code lenses and hints once another file changed them; the lens then counts it', async () => {
        const lens = async (): Promise<string[]> => ((await ws.session.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri: uriOf(ws.file('hints.align')) } })) ?? [])
            .map(l => `${l.range.start.line}:${l.command?.title}`);
        assert.deepEqual(await lens(), ['0:moved by 0 behaviors, reached by 0 objectives']);
        const before = ws.session.refreshes.length;
        const other = ws.file('moves-sales.align');
        await ws.session.open(other, 'behavior Upsell "Offers the upgrade" { moves Sales }\n');
        await ws.session.diagnosticsOf(other);
        await ws.session.until(() => ws.session.refreshes.length >= before + 2, 'two refresh requests');
        assert.deepEqual(ws.session.refreshes.slice(before).sort(), ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']);
        assert.deepEqual(await lens(), ['0:moved by 1 behavior, reached by 0 objectives']);
    });

    it('sends one refresh after a burst of edits, not one per edit', async () => {
        const file = ws.file('hints.align');
        await new Promise(resolve => setTimeout(resolve, 500));
        const before = ws.session.refreshes.length;
        for (let i = 0; i < 5; i++) await ws.session.change(file, PROGRAM.replace('"Sales"', `"Sales ${i}"`));
        await ws.session.until(() => ws.session.refreshes.length >= before + 2, 'refresh requests');
        await new Promise(resolve => setTimeout(resolve, 800));
        assert.equal(ws.session.refreshes.length - before, 2, ws.session.refreshes.slice(before).join(', '));
    });

    it('shows the rows of a CSV file changed on disk, after a refresh', async () => {
        const before = ws.session.refreshes.length;
        fs.writeFileSync(ws.file('data/sales.csv'), 'period,value\n2026-01,101\n2026-02,104\n2026-03,110\n2026-04,115\n');
        await ws.session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.file('data/sales.csv')), type: 2 }] });
        await ws.session.until(() => ws.session.refreshes.slice(before).includes('workspace/inlayHint/refresh'), 'an inlay hint refresh');
        assert.ok((await hintsOf(ws.session, ws.file('hints.align'))).includes(`4:${endOf(lines[4]!, '"data/sales.csv"')} 4 rows, 2026-01 to 2026-04`));
    });
});
