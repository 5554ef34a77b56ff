import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const twoSpaces = { tabSize: 2, insertSpaces: true };
/** No line of it is canonical, so the whole file's formatting is one change. */
const MESSY = 'metric A "A" { kind activity unit count }\nmetric B "B" {   kind activity\n      unit count }\nmetric C "C" { kind activity unit count }\n'
    + 'program P "P" { serves ReduceChurn\n  skill S "S" { assessed by "x" }\n    skill T\n}\n';
const LINES = MESSY.split('\n');
const block = (name: string) => `metric ${name} "${name}" {\n  kind activity\n  unit count\n}\n`;

describe('language server: range formatting changes the lines the range touches', function () {
    this.timeout(30000);
    let uri: string;

    const ws = withExamplesSession('rfmt');
    before(async () => {
        const file = ws.file('messy.align');
        fs.writeFileSync(file, MESSY);
        uri = await ws.session.open(file);
        await ws.session.diagnosticsOf(file);
    });

    const format = (start: [number, number], end: [number, number]) => ws.session.request<TextEdit[]>('textDocument/rangeFormatting', {
        textDocument: { uri }, options: twoSpaces, range: { start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } }
    });
    /** The lines of the text that `edits` leave as they were. */
    const untouched = (edits: TextEdit[]) => LINES.filter((_, i) => !edits.some(e => e.range.start.line <= i && i < Math.max(e.range.end.line, e.range.start.line + 1)));

    it('a selection of metric B reformats B alone', async () => {
        const edits = await format([1, 0], [2, 20]);
        assert.equal(applyEdits(MESSY, edits), MESSY.replace(LINES.slice(1, 3).join('\n') + '\n', block('B')));
        assert.deepEqual(untouched(edits), [LINES[0], LINES[3], ...LINES.slice(4)]);
    });

    it('an empty range inside metric C formats C alone', async () => {
        const edits = await format([3, 20], [3, 20]);
        assert.equal(applyEdits(MESSY, edits), MESSY.replace(LINES[3] + '\n', block('C')));
    });

    it('a whole-line selection ending at the next line start does not reach the next declaration', async () => {
        const edits = await format([0, 0], [1, 0]);
        assert.equal(applyEdits(MESSY, edits), MESSY.replace(LINES[0] + '\n', block('A')));
    });

    it('a member line of a badly formatted program changes that line alone', async () => {
        const edits = await format([6, 4], [6, 11]);
        assert.equal(applyEdits(MESSY, edits), MESSY.replace('\n    skill T\n', '\n  skill T\n'));
        assert.deepEqual(untouched(edits), LINES.filter((_, i) => i !== 6));
    });

    it('two member lines of it change as the whole file formatting changes them, and no other line', async () => {
        const edits = await format([5, 2], [6, 11]);
        const whole = applyEdits(MESSY, await ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces }));
        const members = '  skill S "S" {\n    assessed by "x"\n  }\n  skill T\n';
        assert.ok(whole.includes(members), whole);
        assert.equal(applyEdits(MESSY, edits), MESSY.replace(LINES.slice(5, 7).join('\n') + '\n', members));
        assert.deepEqual(untouched(edits), LINES.filter((_, i) => i !== 5 && i !== 6));
    });

    it('the program header line splits alone, its members left as they are', async () => {
        const edits = await format([4, 0], [4, 5]);
        assert.equal(applyEdits(MESSY, edits), MESSY.replace(LINES[4] + '\n', 'program P "P" {\n  serves ReduceChurn\n'));
    });
});
