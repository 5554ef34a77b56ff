import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentHighlight, Location } from 'vscode-languageserver-protocol';
import { positionOf, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const CHURN = 'churn-pilot.align';
const EXTRA = 'extra.align';
/** Names ChurnPilot twice, in qualified references to two of its members. */
const EXTRA_TEXT = `objective ReduceRepeats "Reduce repeat contacts" {
  builds ChurnPilot.ActiveListening
  kpi ChurnPilot.RepeatContactRate
  practice case "Ticket review"
}
`;

/**
 * A program is named by the first segment of every qualified reference to
 * one of its members: find references and document highlights of the
 * program list them, as rename edits them.
 */
describe('language server: references and highlights of a program', function () {
    this.timeout(30000);
    const file = (name: string) => ws.file(name);

    const ws = withExamplesSession('program-refs', { prepare: root => fs.writeFileSync(path.join(root, EXTRA), EXTRA_TEXT), waitFor: [EXTRA, CHURN] });

    const at = (name: string, line: number, needle: string) => ({ textDocument: { uri: uriOf(file(name)) }, position: positionOf(file(name), line, needle, 1) });
    /** `file:line:column-column` (1-based line, 0-based columns) and the text there. */
    const located = (uri: string, range: Location['range']) => {
        const line = fs.readFileSync(fileURLToPath(uri), 'utf-8').split('\n')[range.start.line]!;
        return `${path.relative(ws.root, fileURLToPath(uri))}:${range.start.line + 1}:${line.slice(range.start.character, range.end.character)}`;
    };

    it('lists the first segment of each qualified member reference among the references of the program', async () => {
        const refs = await ws.session.request<Location[]>('textDocument/references', { ...at(CHURN, 8, 'ChurnPilot'), context: { includeDeclaration: true } });
        assert.deepEqual(refs.map(r => located(r.uri, r.range)).sort(), [
            'churn-pilot.align:8:ChurnPilot',
            'extra.align:2:ChurnPilot',
            'extra.align:3:ChurnPilot'
        ]);
        const withoutDeclaration = await ws.session.request<Location[]>('textDocument/references', { ...at(CHURN, 8, 'ChurnPilot'), context: { includeDeclaration: false } });
        assert.deepEqual(withoutDeclaration.map(r => located(r.uri, r.range)).sort(), ['extra.align:2:ChurnPilot', 'extra.align:3:ChurnPilot']);
    });

    it('still lists a member\'s references as the whole qualified name', async () => {
        const refs = await ws.session.request<Location[]>('textDocument/references', { ...at(EXTRA, 3, 'RepeatContactRate'), context: { includeDeclaration: false } });
        assert.ok(refs.map(r => located(r.uri, r.range)).includes('extra.align:3:ChurnPilot.RepeatContactRate'));
    });

    it('highlights a member\'s qualified reference at the member\'s name, the range rename edits', async () => {
        const highlights = await ws.session.request<DocumentHighlight[]>('textDocument/documentHighlight', at(EXTRA, 3, 'RepeatContactRate'));
        assert.deepEqual(highlights.map(h => `${located(uriOf(file(EXTRA)), h.range)} ${h.kind}`), ['extra.align:3:RepeatContactRate 2']);
    });

    it('highlights the program\'s name where the file names it in a qualified reference', async () => {
        const text = `${fs.readFileSync(file(CHURN), 'utf-8')}\nobjective Outside "o" {\n  kpi ChurnPilot.RepeatContactRate\n  practice case "c"\n}\n`;
        fs.writeFileSync(file(CHURN), text);
        await ws.session.open(file(CHURN), text);
        const line = text.split('\n').findIndex(l => l.includes('kpi ChurnPilot.')) + 1;
        await ws.session.diagnosticsOf(file(CHURN), d => d.some(x => x.range.start.line === line - 1));
        const highlights = await ws.session.request<DocumentHighlight[]>('textDocument/documentHighlight', at(CHURN, 8, 'ChurnPilot'));
        assert.deepEqual(highlights.map(h => `${located(uriOf(file(CHURN)), h.range)} ${h.kind}`).sort(), [`churn-pilot.align:${line}:ChurnPilot 2`, 'churn-pilot.align:8:ChurnPilot 3']);
    });
});
