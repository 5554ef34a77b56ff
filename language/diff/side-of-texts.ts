/**
 * One side of a comparison built from file texts: a fresh set of Align
 * services (its own documents and index, so the workspace the editor shows
 * is untouched) loads the texts, links them and builds the impact graph.
 * The language server uses it for the preview's comparison with the last
 * commit; the files' texts come from git through the client.
 */
import { URI } from 'langium';
import { createAlignServices, type AlignModuleContext } from '../align-module.js';
import { graphAttributes } from '../graph/node-attributes.js';
import type { WorkspaceFile } from '../protocol.js';
import type { DiffSide } from './types.js';

/**
 * The graph of `files` (`.align` texts by URI). `context` gives the file
 * system and host for CSV actuals (the live workspace's, so that actuals
 * read the same on both sides); `workspaceRoot` confines them as the live
 * workspace does. Findings are not compared: the preview marks elements.
 */
export async function diffSideOfTexts(files: readonly WorkspaceFile[], context: Omit<AlignModuleContext, 'connection'>, workspaceRoot: URI | undefined): Promise<DiffSide> {
    const services = createAlignServices(context).Align;
    services.align.Settings.workspaceRoot = workspaceRoot;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = files.map(file => {
        const document = factory.fromString(file.text, URI.parse(file.uri));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: false });
    const index = await services.align.Graph.getIndex();
    return { graph: index.graph, attributes: graphAttributes(index), findings: [] };
}
