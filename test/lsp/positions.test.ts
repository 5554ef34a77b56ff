import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, Location, Range } from 'vscode-languageserver-protocol';
import { positionOf, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const CHURN = 'churn-pilot.align';

/**
 * Positions at the end of a word, past the end of a line or of the text:
 * hover takes the word as go to definition does, and completion's edit
 * ranges stay inside the document.
 */
describe('language server: positions at and past the end of a line', function () {
    this.timeout(30000);
    let file: string;
    let lines: string[];

    const ws = withExamplesSession('positions', {
        prepare: root => {
            file = path.join(root, CHURN);
            lines = fs.readFileSync(file, 'utf-8').split('\n');
        },
        open: [CHURN]
    });

    const at = (position: { line: number; character: number }) => ({ textDocument: { uri: uriOf(file) }, position });

    it('hovers the word the cursor ends, or the last word of the line past its end, as go to definition finds it', async () => {
        const start = positionOf(file, 12, 'ReduceChurn');
        const end = start.character + 'ReduceChurn'.length;
        assert.equal(lines[11], '  serves ReduceChurn', 'fixture line 12');
        for (const character of [start.character, end - 1, end, end + 30]) {
            const position = { line: start.line, character };
            const definition = await ws.session.request<Location[] | Location | null>('textDocument/definition', at(position));
            assert.ok(definition && (!Array.isArray(definition) || definition.length > 0), `definition at ${character}`);
            const hover = await ws.session.request<Hover | null>('textDocument/hover', at(position));
            const value = (hover?.contents as { value?: string } | undefined)?.value ?? '';
            assert.ok(value.startsWith('**outcome** `ReduceChurn`'), `hover at ${character}: ${value}`);
        }
    });

    it('hovers nothing after a space that follows no word', async () => {
        const blank = lines.findIndex(l => l === '');
        assert.equal(await ws.session.request<Hover | null>('textDocument/hover', at({ line: blank, character: 5 })), null);
    });

    /** Every completion edit range of a request, as `line:from-to`. */
    async function editRanges(position: { line: number; character: number }): Promise<Range[]> {
        const result = await ws.session.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { ...at(position), context: { triggerKind: 1 } });
        const items = Array.isArray(result) ? result : result?.items ?? [];
        assert.ok(items.length > 0, `completion at ${JSON.stringify(position)}`);
        return items.map(i => i.textEdit && 'range' in i.textEdit ? i.textEdit.range : undefined).filter((r): r is Range => r !== undefined);
    }

    const inside = (r: Range): boolean => [r.start, r.end].every(p => p.line < lines.length && p.character <= lines[p.line]!.length);

    it('keeps completion edit ranges within the line when asked past its end', async () => {
        const line = lines.indexOf('  review monthly');
        for (const range of await editRanges({ line, character: lines[line]!.length + 30 })) {
            assert.ok(inside(range) && range.start.line === line, JSON.stringify(range));
        }
    });

    it('keeps completion edit ranges within the text when asked past its end', async () => {
        const ranges = await editRanges({ line: lines.length + 4, character: 0 });
        for (const range of ranges) assert.ok(inside(range), JSON.stringify(range));
    });
});
