/**
 * Format Selection over blank lines: a line of white space only stays a
 * blank line (its white space removed), even where the whole file's
 * formatting changes the line after it, and nothing outside the range
 * changes. Over the whole file, it gives what Format Document gives.
 */
import * as assert from 'node:assert/strict';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const twoSpaces = { tabSize: 2, insertSpaces: true };
const range = (from: [number, number], to: [number, number]): Range => ({ start: { line: from[0], character: from[1] }, end: { line: to[0], character: to[1] } });

describe('language server: range formatting over blank lines', function () {
    this.timeout(30000);
    const ws = withExamplesSession('rfmt-blank');

    /** Opens `name` with `text`; formats ranges of it (or, without one, the whole document). */
    const opened = async (name: string, text: string) => {
        const file = ws.file(name);
        const uri = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        return (selection?: Range) => selection
            ? ws.session.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, options: twoSpaces, range: selection })
            : ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: twoSpaces });
    };
    const assertOnLine = (edits: readonly TextEdit[], line: number) => {
        assert.ok(edits.length > 0, 'some edit');
        for (const e of edits) assert.ok(e.range.start.line >= line && e.range.end.line <= line + 1, `${JSON.stringify(e.range)} stays on line ${line}`);
    };

    it('empties a white-space line between a comment and a declaration the file formatting changes, and keeps it', async () => {
        const text = '// Header: who owns this file\n  \noutcome   Grow "Grow revenue"\n';
        const format = await opened('header.align', text);
        const edits = await format(range([1, 0], [1, 2]));
        assertOnLine(edits, 1);
        assert.equal(applyEdits(text, edits), '// Header: who owns this file\n\noutcome   Grow "Grow revenue"\n');
    });

    it('never joins the declarations a white-space line separates (CRLF kept)', async () => {
        for (const [name, eol] of [['skills.align', '\n'], ['skills-crlf.align', '\r\n']] as const) {
            const text = ['skill A "a"', '   ', 'skill   B "b"', ''].join(eol);
            const format = await opened(name, text);
            const expected = ['skill A "a"', '', 'skill   B "b"', ''].join(eol);
            for (const selection of [range([1, 0], [1, 3]), range([1, 0], [2, 0]), range([1, 1], [1, 1])]) {
                const edits = await format(selection);
                assertOnLine(edits, 1);
                assert.equal(applyEdits(text, edits), expected, `${name} ${JSON.stringify(selection)}`);
            }
        }
    });

    it('keeps a white-space line blank when the lines it selects are formatted on their own (a comment whose change runs into the next declaration)', async () => {
        const text = 'skill A "a"\n   \n  // c\nskill   B "b"\n';
        const format = await opened('comment.align', text);
        const edits = await format(range([1, 0], [2, 6]));
        for (const e of edits) assert.ok(e.range.start.line >= 1 && e.range.end.line <= 3, JSON.stringify(e.range));
        assert.equal(applyEdits(text, edits), 'skill A "a"\n\n// c\nskill   B "b"\n');
    });

    it('over the whole file, removes the blank lines at its start and end as Format Document does', async () => {
        const text = '\n  \nskill   A "a"\n\n   \n';
        const format = await opened('edges.align', text);
        assert.equal(applyEdits(text, await format()), 'skill A "a"\n');
        assert.equal(applyEdits(text, await format(range([0, 0], [5, 0]))), 'skill A "a"\n');
    });
});
