import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location, LocationLink, Range, SymbolInformation, TextEdit, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { applyEdits, positionOf, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';



const EXTRA = `// Uses a member of ChurnPilot by its qualified name.
objective ReduceRepeats "Reduce repeat contacts" {
  kpi ChurnPilot.RepeatContactRate
  practice case "Ticket review"
}
`;

describe('language server: navigation and rename over LSP', function () {
    this.timeout(30000);
    const file = (name: string) => ws.file(name);
    const opened = new Set<string>();
    const open = async (target: string, text?: string) => {
        opened.add(target);
        await ws.session.open(target, text);
    };
    /** `file:line` (1-based) of an LSP location, relative to the workspace. */
    const where = (uri: string, range: Range) => `${path.relative(ws.root, fileURLToPath(uri))}:${range.start.line + 1}`;

    const ws = withExamplesSession('nav', { waitFor: ['churn-pilot.align'], eachTest: true });
    beforeEach(() => { opened.clear(); });

    const at = (name: string, line: number, needle: string, offset = 0) =>
        ({ textDocument: { uri: uriOf(file(name)) }, position: positionOf(file(name), line, needle, offset) });

    function rename(name: string, line: number, needle: string, newName: string, offset = 0): Promise<WorkspaceEdit> {
        return ws.session.request<WorkspaceEdit>('textDocument/rename', { ...at(name, line, needle, offset), newName });
    }

    /** Every edit as `file:line:text replaced->new`, sorted. */
    function describeEdits(edit: WorkspaceEdit): string[] {
        return Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => {
            const lines = fs.readFileSync(fileURLToPath(uri), 'utf-8').split('\n');
            return edits.map(e => `${where(uri, e.range)}:${lines[e.range.start.line]!.slice(e.range.start.character, e.range.end.character)}->${e.newText}`);
        }).sort();
    }

    /** Applies a workspace edit to the files on disk and in the server. */
    async function applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
        for (const [uri, edits] of Object.entries(edit.changes ?? {}) as Array<[string, TextEdit[]]>) {
            const target = fileURLToPath(uri);
            const text = applyEdits(fs.readFileSync(target, 'utf-8'), edits);
            fs.writeFileSync(target, text);
            if (opened.has(target)) await ws.session.change(target, text);
            else await open(target, text);
        }
    }

    async function addExtraFile(): Promise<void> {
        fs.writeFileSync(file('extra.align'), EXTRA);
        await open(file('extra.align'));
        await ws.session.diagnosticsOf(file('extra.align'), d => !d.some(x => x.code === 'unresolved-reference'));
    }

    it('goes to the definition of a global metric in another file', async () => {
        const result = await ws.session.request<Array<Location | LocationLink>>('textDocument/definition', at('churn-pilot.align', 4, 'ChurnRate', 2));
        assert.equal(result.length, 1);
        const target = result[0]!;
        const [uri, range] = 'targetUri' in target ? [target.targetUri, target.targetSelectionRange] : [target.uri, target.range];
        assert.equal(where(uri, range), 'catalog/metrics.align:3');
        assert.deepEqual(range, { start: { line: 2, character: 7 }, end: { line: 2, character: 16 } });
    });

    it('goes from the first segment of a qualified reference to the program, from the last to the member', async () => {
        await addExtraFile();
        const target = async (needle: string) => {
            const result = await ws.session.request<Array<Location | LocationLink>>('textDocument/definition', at('extra.align', 3, needle, 1));
            assert.equal(result.length, 1, needle);
            const link = result[0]!;
            const [uri, range] = 'targetUri' in link ? [link.targetUri, link.targetSelectionRange] : [link.uri, link.range];
            return where(uri, range);
        };
        assert.equal(await target('ChurnPilot'), 'churn-pilot.align:8');
        assert.equal(await target('RepeatContactRate'), 'churn-pilot.align:17');
        const highlights = await ws.session.request<Array<{ range: Range }>>('textDocument/documentHighlight', at('extra.align', 3, 'ChurnPilot', 1));
        assert.ok(highlights.some(h => h.range.start.line === 2 && h.range.start.character === 6), JSON.stringify(highlights));
    });

    it('lists the references of a metric across files', async () => {
        const refs = await ws.session.request<Location[]>('textDocument/references', { ...at('churn-pilot.align', 4, 'ChurnRate'), context: { includeDeclaration: true } });
        // In file order: by file, then by position (Langium gave the declaration first, then the references as indexed).
        assert.deepEqual(refs.map(r => `${where(r.uri, r.range)}:${r.range.start.character}`),
            ['catalog/metrics.align:3:7', 'catalog/metrics.align:36:9', 'churn-pilot.align:4:14', 'churn-pilot.align:26:11']);
        const without = await ws.session.request<Location[]>('textDocument/references', { ...at('catalog/metrics.align', 3, 'ChurnRate'), context: { includeDeclaration: false } });
        assert.deepEqual(without.map(r => where(r.uri, r.range)), ['catalog/metrics.align:36', 'churn-pilot.align:4', 'churn-pilot.align:26']);
        // In the declaring file, the declaration is highlighted as written, the reference as read.
        const highlights = await ws.session.request<Array<{ range: Range; kind?: number }>>('textDocument/documentHighlight', at('catalog/metrics.align', 3, 'ChurnRate'));
        assert.deepEqual(highlights.map(h => `${h.range.start.line + 1}:${h.kind}`).sort(), ['36:2', '3:3'], 'Write (3) on the declaration, Read (2) on the reference');
    });

    it('renames a program member at every reference, and only the last segment of qualified ones', async () => {
        const local = await rename('churn-pilot.align', 17, 'RepeatContactRate', 'RepeatContacts');
        assert.deepEqual(describeEdits(local), [17, 38, 44, 63, 67].map(l => `churn-pilot.align:${l}:RepeatContactRate->RepeatContacts`).sort());
        await addExtraFile();
        const edit = await rename('churn-pilot.align', 38, 'RepeatContactRate', 'RepeatContacts', 3);
        assert.deepEqual(describeEdits(edit), [
            ...[17, 38, 44, 63, 67].map(l => `churn-pilot.align:${l}:RepeatContactRate->RepeatContacts`),
            'extra.align:3:RepeatContactRate->RepeatContacts'
        ].sort());
        await applyWorkspaceEdit(edit);
        assert.ok(fs.readFileSync(file('extra.align'), 'utf-8').includes('  kpi ChurnPilot.RepeatContacts\n'));
        await ws.session.diagnosticsOf(file('extra.align'), d => !d.some(x => x.code === 'unresolved-reference'));
        const pilot = await ws.session.diagnosticsOf(file('churn-pilot.align'), d => !d.some(x => x.code === 'unresolved-reference'));
        assert.deepEqual(pilot, []);
    });

    it('renames from a qualified reference the same way', async () => {
        await addExtraFile();
        const edit = await rename('extra.align', 3, 'RepeatContactRate', 'RepeatContacts', 5);
        assert.ok(describeEdits(edit).includes('extra.align:3:RepeatContactRate->RepeatContacts'));
        assert.equal(describeEdits(edit).length, 6);
    });

    it('renames a program: its name and the first segment of every qualified reference', async () => {
        await addExtraFile();
        const expected = ['churn-pilot.align:8:ChurnPilot->Pilot2', 'extra.align:3:ChurnPilot->Pilot2'];
        assert.deepEqual(describeEdits(await rename('churn-pilot.align', 8, 'ChurnPilot', 'Pilot2')), expected);
        // On the first segment of a qualified reference, the program is renamed.
        const fromReference = await rename('extra.align', 3, 'ChurnPilot', 'Pilot2', 2);
        assert.deepEqual(describeEdits(fromReference), expected);
        await applyWorkspaceEdit(fromReference);
        assert.ok(fs.readFileSync(file('extra.align'), 'utf-8').includes('  kpi Pilot2.RepeatContactRate\n'));
        await ws.session.diagnosticsOf(file('extra.align'), d => !d.some(x => x.code === 'unresolved-reference'));
    });

    it('prepares a rename with the range of the name segment, and refuses elsewhere', async () => {
        await addExtraFile();
        const onDeclaration = await ws.session.request<Range | null>('textDocument/prepareRename', at('churn-pilot.align', 17, 'RepeatContactRate', 4));
        assert.deepEqual(onDeclaration, { start: { line: 16, character: 9 }, end: { line: 16, character: 26 } });
        const onQualified = await ws.session.request<Range | null>('textDocument/prepareRename', at('extra.align', 3, 'RepeatContactRate'));
        assert.deepEqual(onQualified, { start: { line: 2, character: 17 }, end: { line: 2, character: 34 } });
        const onProgramSegment = await ws.session.request<Range | null>('textDocument/prepareRename', at('extra.align', 3, 'ChurnPilot'));
        assert.deepEqual(onProgramSegment, { start: { line: 2, character: 6 }, end: { line: 2, character: 16 } });
        assert.equal(await ws.session.request<Range | null>('textDocument/prepareRename', at('churn-pilot.align', 18, 'kind')), null);
        await assert.rejects(rename('churn-pilot.align', 17, 'RepeatContactRate', 'not a name'), /not a valid Align name/);
    });

    it('finds workspace symbols by name, qualified for program members', async () => {
        const found = async (query: string) => (await ws.session.request<Array<SymbolInformation | WorkspaceSymbol>>('workspace/symbol', { query }))
            .map(s => `${s.name}@${'range' in s.location ? where(s.location.uri, s.location.range) : s.location.uri}`);
        assert.ok((await found('ChurnPilotRepeat')).includes('ChurnPilot.RepeatContactRate@churn-pilot.align:17'));
        const churn = await found('ChurnRate');
        assert.ok(churn.includes('ChurnRate@catalog/metrics.align:3'), churn.join());
        assert.ok(!churn.includes('WinRate@sales-win-rate.align:3'));
    });
});
