import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { messageText } from '../../language/findings.js';
import { applyEdits, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** Two references written again in their list: after the first, and on a line of its own in mid-list; a name of a `moves` given twice is no repeat. */
const TEXT = `skill Sx "Sx"
behavior Bx "Bx" {
  enabled by Sx, Sx
  moves Typo,
    Typo, ChurnRate
  observed by manager
  moves ChurnRate, RenewalRate
}
`;

/**
 * A reference written again in one list is a `syntax` error on the second,
 * and its quick fix removes it with its comma (a second `moves` is its
 * keyword's `syntax` error, which has no fix).
 */
describe('language server: a reference repeated in a list', function () {
    this.timeout(30000);

    const ws = withExamplesSession('quick-fix-repeats');

    it('is a syntax error on the repeat, whose quick fix removes it with its comma, and then the error is gone', async () => {
        const file = ws.file('repeats.align');
        const uri = uriOf(file);
        await ws.session.open(file, TEXT);
        const repeats = (d: Diagnostic[]) => d.filter(x => x.code === 'syntax' && / twice in `/.test(messageText(x)));
        const all = await ws.session.diagnosticsOf(file, d => repeats(d).length === 2 && d.some(x => messageText(x).includes('`moves` twice')));
        const actionsFor = async (diagnostic: Diagnostic) => (await ws.session.request<CodeAction[]>('textDocument/codeAction',
            { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })).filter(a => !a.title.startsWith('Disable '));
        assert.deepEqual(await actionsFor(all.find(x => messageText(x).includes('`moves` twice'))!), []);
        const fixes: Array<[number, string, string]> = [];
        for (const diagnostic of repeats(all)) {
            const own = await actionsFor(diagnostic);
            assert.equal(own.length, 1, own.map(a => a.title).join('\n'));
            const [action] = own;
            assert.deepEqual([action!.kind, action!.isPreferred, action!.diagnostics], ['quickfix', true, [diagnostic]]);
            fixes.push([diagnostic.range.start.line + 1, action!.title, applyEdits(TEXT, action!.edit!.changes![uri]!)]);
        }
        assert.deepEqual(fixes.sort((a, b) => a[0] - b[0]), [
            [3, 'Remove the repeated `Sx`', TEXT.replace('Sx, Sx', 'Sx')],
            [5, 'Remove the repeated `Typo`', TEXT.replace('Typo,\n    Typo, ChurnRate', 'Typo, ChurnRate')]
        ]);
        await ws.session.change(file, fixes[0]![2]);
        const after = await ws.session.diagnosticsOf(file, d => repeats(d).length === 1);
        assert.deepEqual(repeats(after).map(d => d.range.start.line + 1), [5]);
    });

    it('is so for a declaration named again by another name (`Mx, Px.Mx` in program Px), whose quick fix removes the later name', async () => {
        const text = 'program Px "Px" {\n  sponsor "s"\n  review monthly\n  serves Ox\n'
            + '  metric Mx "Mx" { kind lagging unit count direction up }\n  outcome Ox "Ox" { measured by Mx, Px.Mx }\n}\n';
        const file = ws.file('other-names.align');
        const uri = uriOf(file);
        await ws.session.open(file, text);
        const repeats = (d: Diagnostic[]) => d.filter(x => x.code === 'syntax' && / twice/.test(messageText(x)));
        const [diagnostic] = repeats(await ws.session.diagnosticsOf(file, d => repeats(d).length === 1));
        assert.equal(messageText(diagnostic!), '\'Ox\' names metric `Mx` twice, the second time as `Px.Mx`, in `measured by`. Name each once: remove this `Px.Mx`.');
        assert.deepEqual(diagnostic!.range.start, { line: 5, character: text.split('\n')[5]!.indexOf('Px.Mx') });
        const actions = (await ws.session.request<CodeAction[]>('textDocument/codeAction',
            { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } })).filter(a => !a.title.startsWith('Disable '));
        assert.deepEqual(actions.map(a => [a.title, a.isPreferred]), [['Remove the repeated `Px.Mx`', true]]);
        const fixed = applyEdits(text, actions[0]!.edit!.changes![uri]!);
        assert.equal(fixed, text.replace('Mx, Px.Mx', 'Mx'));
        await ws.session.change(file, fixed);
        assert.deepEqual(repeats(await ws.session.diagnosticsOf(file, d => repeats(d).length === 0)), []);
    });
});
