/**
 * Format Document on a doc comment whose continuation lines have no
 * leading `*`, in a 2-space file the editor asks to indent with 4 spaces
 * or with tabs: the comment moves with its declaration, and that is no
 * change of meaning (no refusal); hover shows the same doc before and after.
 */
import * as assert from 'node:assert/strict';
import type { FormattingOptions, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const lines = (...l: string[]) => l.join('\n') + '\n';
const TWO_SPACES = lines(
    'program DocPilot "Pilot" {',
    '  serves ReduceChurn',
    '',
    '  /** The behaviour managers coach hardest,',
    '      in weekly one-to-ones. */',
    '  behavior Probing "Asks open questions"',
    '}');
/** Where `Probing` is, in every layout below. */
const PROBING = { line: 5 };

describe('language server: formatting doc comments with another indentation', function () {
    this.timeout(30000);
    const ws = withExamplesSession('fmt-docs', { eachTest: true });

    const cases: Array<{ name: string; options: FormattingOptions; indent: string }> = [
        { name: 'four spaces', options: { tabSize: 4, insertSpaces: true }, indent: '    ' },
        { name: 'tabs', options: { tabSize: 4, insertSpaces: false }, indent: '\t' }
    ];
    for (const { name, options, indent } of cases) {
        it(`re-indents a doc comment without leading stars (${name}), and hover shows the same doc`, async () => {
            const file = ws.file('doc-pilot.align');
            const uri = await ws.session.open(file, TWO_SPACES);
            await ws.session.diagnosticsOf(file);
            const hover = async () => {
                const answer = await ws.session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: PROBING.line, character: indent.length + 12 } });
                return (answer.contents as MarkupContent).value;
            };
            const before = await hover();
            // The continuation line keeps its indentation beyond the comment's column.
            assert.match(before, /\nThe behaviour managers coach hardest,\n {4}in weekly one-to-ones\.\n/);
            const edits = await ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
            const formatted = applyEdits(TWO_SPACES, edits);
            assert.equal(formatted, lines(
                'program DocPilot "Pilot" {',
                `${indent}serves ReduceChurn`,
                '',
                `${indent}/** The behaviour managers coach hardest,`,
                `${indent}    in weekly one-to-ones. */`,
                `${indent}behavior Probing "Asks open questions"`,
                '}'));
            assert.ok(!ws.session.notifications.some(n => n.method === 'window/showMessage'), JSON.stringify(ws.session.notifications));
            await ws.session.change(file, formatted);
            assert.equal(await hover(), before);
        });
    }
});
