import type { LangiumDocument, LangiumDocuments } from 'langium';
import { DocumentState } from 'langium';
import type { AlignServices } from '../align-module.js';
import type { AlignCsvFiles } from '../files/csv-files.js';
import type { Actuals, Model } from '../generated/ast.js';
import { readCsvActuals, readInlineActuals, type CsvFileResult } from '../actuals/read-actuals.js';
import { actualsBlocks } from '../model-utils.js';
import { buildImpactGraph, type GraphIndex } from './build-graph.js';

/**
 * Keeps the impact graph of the workspace: built once per workspace state
 * (after linking), with the actuals CSV files read beforehand. Rules, hover,
 * code lens, preview and the CLI all read this one graph.
 */
export class AlignGraphService {
    private readonly documents: LangiumDocuments;
    private readonly csvFiles: AlignCsvFiles;
    private pending: Promise<GraphIndex> | undefined;
    private built: GraphIndex | undefined;
    /** Raised by every `invalidate`: a build started before it must not become `current`. */
    private generation = 0;

    constructor(services: AlignServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.csvFiles = services.align.CsvFiles;
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.invalidate());
        builder.onBuildPhase(DocumentState.Linked, () => this.invalidate());
    }

    /** Forgets the graph; the next `getIndex` builds it anew. */
    invalidate(): void {
        this.generation++;
        this.pending = undefined;
        this.built = undefined;
    }

    /** The graph of the current workspace state. */
    getIndex(): Promise<GraphIndex> {
        this.pending ??= this.build(this.generation);
        return this.pending;
    }

    /** The graph last built, if it is still current (for synchronous readers such as validation checks). */
    get current(): GraphIndex | undefined {
        return this.built;
    }

    /**
     * Reads the CSV files first; then picks the linked documents and builds
     * the graph with no `await` in between, so that no document changes state
     * (an edit resets it at once) while the graph reads its references.
     */
    private async build(generation: number): Promise<GraphIndex> {
        const files = new Map<Actuals, CsvFileResult>();
        for (;;) {
            const docs = this.linkedDocuments();
            const unread = docs.flatMap(doc => actualsBlocks(doc.parseResult.value as Model)
                .filter(actuals => actuals.file !== undefined && !files.has(actuals))
                .map(actuals => ({ doc, actuals })));
            if (unread.length === 0) {
                const index = buildImpactGraph({
                    documents: docs.map(d => ({ uri: d.uri.toString(), model: d.parseResult.value as Model })),
                    readActuals: actuals => actuals.file === undefined
                        ? readInlineActuals(actuals)
                        : readCsvActuals(files.get(actuals) ?? { error: 'was not read' }, actuals.file)
                });
                if (generation === this.generation) this.built = index;
                return index;
            }
            for (const { doc, actuals } of unread) files.set(actuals, await this.csvFiles.read(doc.uri, actuals.file!));
        }
    }

    private linkedDocuments(): LangiumDocument[] {
        return this.documents.all
            .filter(d => d.state >= DocumentState.Linked && isModel(d))
            .toArray()
            .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    }

}

function isModel(doc: LangiumDocument): boolean {
    return doc.parseResult.value.$type === 'Model';
}
