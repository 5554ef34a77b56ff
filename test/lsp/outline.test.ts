import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { withExamplesSession } from './examples-session.js';

/** `name — detail` of a symbol and its children, indented. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(s => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

/** The outline says what each declaration is (its title) and lists the actuals blocks, which have no name. */
describe('language server: outline details and actuals', function () {
    this.timeout(30000);

    const ws = withExamplesSession('outline', { waitFor: ['churn-pilot.align'] });

    it('shows each declaration\'s title as its detail, and each actuals block with its rows or file', async () => {
        const file = ws.file('outline.align');
        const text = 'metric Plain\n\nmetric Titled "Titled metric" { kind lagging }\n\nactuals Titled from "data/titled.csv"\n\n'
            + 'program Pilot "The pilot" {\n  skill Listening "Active listening"\n  actuals Titled {\n    2026-01: 1\n    2026-02: 2\n  }\n}\n';
        const uri = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        const symbols = await ws.session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.deepEqual(outline(symbols), [
            'Plain',
            'Titled — Titled metric',
            'actuals Titled — from "data/titled.csv"',
            'Pilot — The pilot',
            '  Listening — Active listening',
            '  actuals Titled — 2 rows'
        ]);
        const inPilot = symbols.find(s => s.name === 'Pilot')!.children!.find(s => s.name === 'actuals Titled')!;
        assert.deepEqual(inPilot.selectionRange, { start: { line: 8, character: 10 }, end: { line: 8, character: 16 } });
        assert.deepEqual(inPilot.range, { start: { line: 8, character: 2 }, end: { line: 11, character: 3 } });
    });
});
