import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** A program whose fixes create declarations (unresolved `Missing1`, `Nope`) and add attributes. */
const PROGRAM = `program Fx "Fx" {
  serves ReduceChurn
  behavior B "B" {
    moves Missing1
  }
  objective O1 "O1" {
    builds Nope
  }
}
`;
const CRLF = PROGRAM.replace(/\n/g, '\r\n');
/** Besides, top-level declarations: a skill created after a global objective, a behavior without a block. */
const TABS = `${PROGRAM}objective G "G" {\n  builds Nope2\n}\nbehavior H "H"\n`.replace(/^((?: {2})+)/gm, m => '\t'.repeat(m.length / 2));

/**
 * Quick fixes write in the document's style: its line breaks (CRLF stays
 * CRLF) and its unit of indentation (a tab-indented file gets tabs only).
 */
describe('language server: quick fixes keep the line breaks and indentation of the file', function () {
    this.timeout(30000);

    const ws = withExamplesSession('quick-fix-style');

    /** Every quick fix with an edit for the diagnostics of a file, as `[title, new text of the file]`. */
    async function fixedTexts(name: string, text: string): Promise<Array<[string, string]>> {
        const file = ws.file(name);
        const uri = uriOf(file);
        await ws.session.open(file, text);
        const diagnostics = await ws.session.diagnosticsOf(file, d => ['unresolved-reference', 'behavior-not-reinforced', 'objective-without-practice'].every(code => d.some(x => x.code === code)));
        const results: Array<[string, string]> = [];
        for (const diagnostic of diagnostics as Diagnostic[]) {
            const actions = await ws.session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
            for (const action of actions) {
                const edits = action.edit?.changes?.[uri];
                if (edits) results.push([action.title, applyEdits(text, edits)]);
            }
        }
        assert.ok(results.some(([title]) => title === 'Create metric Missing1'), results.map(r => r[0]).join('\n'));
        assert.ok(results.some(([title]) => title.startsWith('Add `observed by')), results.map(r => r[0]).join('\n'));
        return results;
    }

    it('inserts CRLF line breaks, never a bare LF, into a CRLF file', async () => {
        for (const [title, text] of await fixedTexts('crlf.align', CRLF)) {
            assert.ok(!/(?<!\r)\n/.test(text), `${title}: ${JSON.stringify(text)}`);
            assert.ok(text.split('\r\n').length > CRLF.split('\r\n').length, `${title} adds lines`);
        }
    });

    it('indents with tabs only in a tab-indented file, one tab a level', async () => {
        const results = await fixedTexts('tabs.align', TABS);
        for (const [title, text] of results) {
            assert.ok(!/^\t* /m.test(text), `${title}: ${JSON.stringify(text)}`);
        }
        const created = results.find(([title]) => title === 'Create metric Missing1')![1];
        assert.match(created, /\n\tmetric Missing1 "Missing1" \{\n\t\tkind leading\n\t\tunit count\n/);
        assert.match(created, /\n\t\tcadence monthly\n\t\}\n\}\n/);
        const skill = results.find(([title]) => title === 'Create skill Nope2')![1];
        assert.match(skill, /\n\}\n\nskill Nope2 "Nope2" \{\n\tassessed by "[^"]*"\n\}\n/);
        const observed = results.find(([title]) => title === 'Add `observed by manager weekly` to H')![1];
        assert.match(observed, /\nbehavior H "H" \{\n\tobserved by manager weekly\n\}\n$/);
    });
});
