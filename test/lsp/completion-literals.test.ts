import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { positionAt, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/**
 * Completion offers nothing inside a string or a block comment the writer
 * has not closed yet (the parser does not see them as one), as inside
 * closed ones; right after a closed one it offers as before.
 */
describe('language server: completion in unclosed strings and comments', function () {
    this.timeout(30000);
    let opened = false;

    const ws = withExamplesSession('completion-literals', { waitFor: ['churn-pilot.align'] });

    /** The labels completion offers at `|` in `marked`, invoked (Ctrl+Space) and on the trigger space. */
    async function labelsAt(marked: string): Promise<{ invoked: string[]; space: string[] }> {
        const file = ws.file('literals.align');
        const text = marked.replace('|', '');
        if (opened) await ws.session.change(file, text);
        else await ws.session.open(file, text);
        opened = true;
        const position = positionAt(text, marked.indexOf('|'));
        const labels = async (context: unknown): Promise<string[]> => {
            const result = await ws.session.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position, context });
            return (Array.isArray(result) ? result : result?.items ?? []).map(i => i.label);
        };
        return { invoked: await labels({ triggerKind: 1 }), space: await labels({ triggerKind: 2, triggerCharacter: ' ' }) };
    }

    it('offers nothing inside an unterminated string, in a block or at the top level', async () => {
        for (const marked of [
            'metric M {\n  source "Sales |\n}\n',
            'metric M {\n  source "Sales |',
            'metric M "abc |',
            'metric M "abc |\nmetric N "n"\n',
            'program P "Reduce chu|\n',
            'metric M {\n  owner "Rev |\n  kind lagging\n}\n'
        ]) assert.deepEqual(await labelsAt(marked), { invoked: [], space: [] }, marked);
    });

    it('offers nothing inside an unclosed block comment, however far it runs', async () => {
        for (const marked of ['metric M {\n  /* note |', 'metric M {\n  /* note\n  still |\n}\n', '/** doc |\nmetric M "m"\n']) {
            assert.deepEqual(await labelsAt(marked), { invoked: [], space: [] }, marked);
        }
    });

    it('offers nothing inside a closed string, escaped quotes included', async () => {
        assert.deepEqual((await labelsAt('metric M "a \\" b |"\n')).invoked, []);
        assert.deepEqual((await labelsAt('metric M {\n  source "x \\\\" |\n}\n')).invoked.includes('kind'), true, 'after "x \\\\" the string is closed');
    });

    it('offers as before right after a closed string or comment', async () => {
        assert.ok((await labelsAt('metric M "abc" {\n  |\n}\n')).invoked.includes('kind'));
        assert.ok((await labelsAt('metric M {\n  source "Sales" |\n}\n')).invoked.includes('kind'));
        assert.ok((await labelsAt('metric M {\n  /* note */ |\n}\n')).invoked.includes('kind'));
        assert.ok((await labelsAt('metric M "m" {\n  kind lagging\n}\n/* a */\n|')).invoked.includes('program'));
    });
});
