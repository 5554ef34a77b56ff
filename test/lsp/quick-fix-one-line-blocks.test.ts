import * as assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const ONE_LINE = 'program Short "Short" { serves ReduceChurn skill Inner "Inner" }\n';
const MULTI_LINE = 'program Long "Long" {\n  serves ReduceChurn\n\n  skill Inner2 "Inner"\n}\n';
const NO_ATTRIBUTES = 'program Bare "Bare" { skill Inner3 "Inner" }\n';

/**
 * An attribute fix on a program whose block is one line puts the attribute
 * where it goes in a block of several lines: after the program's
 * attributes, before its first member.
 */
describe('language server: attribute fixes in a one-line program block', function () {
    this.timeout(30000);

    const ws = withExamplesSession('quick-fix-one-line');

    /** The text of a file (opened with `text`) after the quick fix of `rule`. */
    async function fixed(name: string, text: string, rule: string): Promise<string> {
        const file = ws.file(name);
        await ws.session.open(file, text);
        const diagnostics = await ws.session.diagnosticsOf(file, d => d.some(x => x.code === rule));
        const diagnostic = diagnostics.find(x => x.code === rule)!;
        const actions = await ws.session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        const edits = actions.find(a => a.isPreferred)?.edit?.changes?.[uriOf(file)];
        assert.ok(edits, `${rule}: ${actions.map(a => a.title).join()}`);
        return applyEdits(text, edits);
    }

    /** The text after Format Document (the file's open text must be `text`). */
    async function formatted(name: string, text: string): Promise<string> {
        const file = ws.file(name);
        await ws.session.change(file, text);
        const edits = await ws.session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uriOf(file) }, options: { tabSize: 2, insertSpaces: true } });
        return applyEdits(text, edits);
    }

    it('adds `review monthly` after `serves`, before the member, as in a multi-line block', async () => {
        const one = await fixed('short.align', ONE_LINE, 'program-without-review');
        assert.equal(one, 'program Short "Short" { serves ReduceChurn review monthly skill Inner "Inner" }\n');
        const multi = await fixed('long.align', MULTI_LINE, 'program-without-review');
        assert.equal(multi, 'program Long "Long" {\n  serves ReduceChurn\n  review monthly\n\n  skill Inner2 "Inner"\n}\n');
        const canonical = await formatted('short.align', one);
        assert.equal(canonical, multi.replace(/Long/g, 'Short').replace('Inner2', 'Inner'));
        assert.equal(await formatted('short.align', canonical), canonical, 'formatting is stable');
    });

    it('adds an attribute right after `{` when the block holds only members', async () => {
        const bare = await fixed('bare.align', NO_ATTRIBUTES, 'program-without-sponsor');
        assert.match(bare, /^program Bare "Bare" \{ sponsor "[^"]+" skill Inner3 "Inner" \}\n$/);
    });
});
