import * as assert from 'node:assert/strict';
import { UriUtils } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { TEST_ROOT } from './helpers/check-workspace.js';
import { MemoryFileSystem } from './helpers/memory-file-system.js';

const program = (title: string) => `metric K "${title}" { kind lagging unit count direction up baseline 1 target 9 by 2026-12-31 }\nactuals K from "data/k.csv"\n`;

describe('the impact graph reads the CSV file of an actuals block once per document and path', () => {
    it('an edit of the document reuses the read; a change of the file, once invalidated, is read', async () => {
        const files: Record<string, string> = { 'a.align': program('k'), 'data/k.csv': 'period,value\n2026-06,4\n' };
        const fileSystem = new MemoryFileSystem(TEST_ROOT, files);
        const services = createAlignServices({ fileSystemProvider: () => fileSystem, host: HOST_WITHOUT_LINKS }).Align;
        services.align.Settings.workspaceRoot = TEST_ROOT;
        const workspace = services.shared.workspace;
        const uri = UriUtils.joinPath(TEST_ROOT, 'a.align');
        const document = workspace.LangiumDocumentFactory.fromString(files['a.align']!, uri);
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], { validation: true });
        const csv = UriUtils.joinPath(TEST_ROOT, 'data/k.csv').path;
        const csvReads = () => fileSystem.reads.filter(read => read === csv).length;
        const latest = async () => (await services.align.Graph.getIndex()).node('K')!.metric!.latest?.value;
        assert.equal(await latest(), 4);
        assert.equal(csvReads(), 1);

        files['a.align'] = program('k, retitled');
        await workspace.DocumentBuilder.update([uri], []);
        assert.equal((await services.align.Graph.getIndex()).node('K')!.title, 'k, retitled', 'the edit reached the graph');
        assert.equal(await latest(), 4);
        assert.equal(csvReads(), 1, 'the block parsed again reuses the read');

        files['data/k.csv'] = 'period,value\n2026-06,4\n2026-07,6\n';
        services.align.Graph.invalidate();
        assert.equal(await latest(), 6);
        assert.equal(csvReads(), 2, 'read again once the graph is invalidated (the server does so when a CSV file changes)');
    });
});
