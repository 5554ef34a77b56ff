import * as assert from 'node:assert/strict';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';

/** A workspace of `count` files (`f0.align`...), each declaring one skill and one objective building it. */
function workspace(count: number) {
    const { shared } = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS });
    const documents = Array.from({ length: count }, (_, i) => {
        const text = `skill S${i} "Skill ${i}"\nobjective O${i} "Objective ${i}" {\n  builds S${i}\n}\n`;
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/f${i}.align`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    return { shared, documents };
}

describe('build order: the documents open in the editor first', () => {
    it('validates (and so publishes) the open documents before the others, the rest in their order', async () => {
        const { shared, documents } = workspace(6);
        for (const i of [4, 2]) {
            const d = documents[i]!;
            shared.workspace.TextDocuments!.set(TextDocument.create(d.uri.toString(), 'align', 1, d.textDocument.getText()));
        }
        const order: string[] = [];
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, d => { order.push(d.uri.path.split('/').pop()!); });
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        assert.deepEqual(order, ['f2.align', 'f4.align', 'f0.align', 'f1.align', 'f3.align', 'f5.align']);
    });

    it('gives every document the same diagnostics whatever is open', async () => {
        const diagnosticsOf = async (open: number[]) => {
            const { shared, documents } = workspace(4);
            for (const i of open) {
                const d = documents[i]!;
                shared.workspace.TextDocuments!.set(TextDocument.create(d.uri.toString(), 'align', 1, d.textDocument.getText()));
            }
            await shared.workspace.DocumentBuilder.build(documents, { validation: true });
            return documents.map(d => (d.diagnostics ?? []).map(x => `${String(x.code)} ${x.range.start.line}`));
        };
        const none = await diagnosticsOf([]);
        assert.ok(none.some(d => d.length > 0), 'the workspace has findings to compare');
        assert.deepEqual(await diagnosticsOf([3, 1]), none);
    });
});
