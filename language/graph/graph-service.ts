import type { FileSystemProvider, LangiumDocument, LangiumDocuments, URI } from 'langium';
import { DocumentState, UriUtils } from 'langium';
import type { AlignServices } from '../align-module.js';
import type { AlignSettingsService } from '../config/align-settings.js';
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
    private readonly fileSystem: FileSystemProvider;
    private readonly settings: AlignSettingsService;
    private pending: Promise<GraphIndex> | undefined;
    private built: GraphIndex | undefined;
    /** Raised by every `invalidate`: a build started before it must not become `current`. */
    private generation = 0;

    /**
     * Where a file really is, symbolic links resolved (node: `fs.promises.realpath`).
     * Set by the node entry points (CLI, language server); without it (the
     * browser, tests in memory) paths are taken as they are. A CSV file whose
     * real path is outside the real workspace folder is refused.
     */
    realPath: ((uri: URI) => Promise<URI>) | undefined;

    constructor(services: AlignServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.settings = services.align.Settings;
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
            for (const { doc, actuals } of unread) files.set(actuals, await this.readCsv(doc.uri, actuals.file!));
        }
    }

    private linkedDocuments(): LangiumDocument[] {
        return this.documents.all
            .filter(d => d.state >= DocumentState.Linked && isModel(d))
            .toArray()
            .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    }

    private async readCsv(documentUri: URI, path: string): Promise<CsvFileResult> {
        if (!this.settings.allowFileReads) return { error: 'was not read: CSV files are not read in an untrusted workspace' };
        if (path.trim() === '') return { error: 'is an empty path' };
        let uri = UriUtils.resolvePath(UriUtils.dirname(documentUri), path);
        const root = this.settings.workspaceRoot;
        if (root && !UriUtils.contains(root, uri)) return { error: 'is outside the workspace folder and is not read' };
        try {
            if (root && this.realPath) {
                // A symbolic link inside the workspace may point outside it: compare where both really are.
                const [realFile, realRoot] = [await this.realPath(uri), await this.realPath(root).catch(() => root)];
                if (!UriUtils.contains(realRoot, realFile)) return { error: 'leads, through a symbolic link, outside the workspace folder and is not read' };
                uri = realFile;
            }
            const text = await this.fileSystem.readFile(uri);
            return text.includes('\uFFFD') ? { error: 'is not UTF-8 text' } : { text };
        } catch (error) {
            return { error: describeReadError(error) };
        }
    }
}

function isModel(doc: LangiumDocument): boolean {
    return doc.parseResult.value.$type === 'Model';
}

function describeReadError(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (code === 'ENOENT') return 'is missing';
    if (code === 'EISDIR') return 'is a folder, not a CSV file';
    if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
    return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}
