import * as assert from 'node:assert/strict';
import { URI } from 'langium';
import type { AlignDocumentBuilder } from '../../language/align-document-builder.js';
import { checkWorkspace } from './helpers/check-workspace.js';

/**
 * A CSV or settings change validates every document again; a document
 * marked changed whose file was deleted before the deletion was announced
 * cannot be read. The server died of that (an unhandled rejection, seen as
 * a race of file events in the reliability suite): the document is deleted
 * as the announcement would, and the rest is validated.
 */
describe('validating every document again while a file is gone unannounced', () => {
    it('deletes the vanished document and validates the others, which no longer resolve into it', async () => {
        const files: Record<string, string> = {
            'kpis.align': 'metric Sales "Sales" { kind lagging }\n',
            'outcome.align': 'outcome Grow "Grow" { measured by Sales }\n'
        };
        const { services, findings } = await checkWorkspace(files);
        assert.ok(!findings.some(f => f.rule === 'unresolved-reference'), 'Sales resolves at first');
        const documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder as AlignDocumentBuilder;
        const kpis = URI.file('/ws/kpis.align');
        builder.markChanged(documents.getDocument(kpis)!);
        delete files['kpis.align'];
        await builder.revalidateAll();
        assert.equal(documents.hasDocument(kpis), false, 'the vanished document is deleted');
        const outcome = documents.getDocument(URI.file('/ws/outcome.align'))!;
        assert.deepEqual((outcome.diagnostics ?? []).map(d => d.code).filter(c => c === 'unresolved-reference'), ['unresolved-reference']);
    });

    it('still fails, as before, when no file is gone (the failure is not swallowed)', async () => {
        const { services } = await checkWorkspace({ 'a.align': 'skill A "a"\n' });
        const builder = services.shared.workspace.DocumentBuilder as AlignDocumentBuilder;
        const failing = new Error('a rule failed');
        services.shared.workspace.LangiumDocuments.all.forEach(d => builder.markChanged(d));
        const factory = services.shared.workspace.LangiumDocumentFactory;
        factory.update = async () => { throw failing; };
        await assert.rejects(builder.revalidateAll(), failing);
    });
});
