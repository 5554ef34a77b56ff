import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { positionAt, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** Completion offers nothing inside a comment, and as before right outside one. */
describe('language server: completion in and around comments', function () {
    this.timeout(30000);
    let opened = false;

    const ws = withExamplesSession('completion-comments', { waitFor: ['churn-pilot.align'] });

    /** The labels completion offers at `|` in `marked` (invoked, as with Ctrl+Space). */
    async function labelsAt(marked: string): Promise<string[]> {
        const file = ws.file('comments.align');
        const text = marked.replace('|', '');
        if (opened) await ws.session.change(file, text);
        else await ws.session.open(file, text);
        opened = true;
        const position = positionAt(text, marked.indexOf('|'));
        const result = await ws.session.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position, context: { triggerKind: 1 } });
        return (Array.isArray(result) ? result : result?.items ?? []).map(i => i.label);
    }

    it('offers nothing inside a line comment, a block comment or a doc comment', async () => {
        assert.deepEqual(await labelsAt('metric X "t" {\n  // the so|urce moved\n}\n'), []);
        assert.deepEqual(await labelsAt('metric X "t" {\n  kind lagging // ends here|\n}\n'), []);
        assert.deepEqual(await labelsAt('behavior B {\n  /* x| */\n}\n'), []);
        assert.deepEqual(await labelsAt('/** doc| */\nmetric X "t"\n'), []);
        assert.deepEqual(await labelsAt('// top| comment\n'), []);
    });

    it('offers attributes and declarations right before and after a comment', async () => {
        assert.ok((await labelsAt('metric X "t" {\n  |// a comment\n}\n')).includes('source'));
        assert.ok((await labelsAt('behavior B {\n  /* x */ |\n}\n')).includes('moves'));
        assert.ok((await labelsAt('// a comment\n|\n')).includes('metric'));
    });
});
