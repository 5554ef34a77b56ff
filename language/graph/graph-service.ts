import type { LangiumDocument, LangiumDocuments } from 'langium';
import { DocumentState } from 'langium';
import type { AlignServices } from '../align-module.js';
import { catalogMark } from '../catalogs/catalog-label.js';
import type { AlignCatalogRegistry, CatalogOrigin } from '../catalogs/catalog-registry.js';
import type { AlignCsvFiles } from '../files/csv-files.js';
import type { Actuals, Model } from '../generated/ast.js';
import { readCsvActuals, readInlineActuals, type ActualsRead, type CsvFileResult } from '../actuals/read-actuals.js';
import { parsePeriod } from '../dates.js';
import { actualsBlocks } from '../model-utils.js';
import type { GraphIndex } from './build-graph.js';
import { actualsUpTo } from './graph-as-of.js';
import { ImpactGraphState } from './graph-state.js';
import type { CatalogMark } from './types.js';

/**
 * Keeps the impact graph of the workspace: brought up to date after each
 * build (once the documents are linked), rebuilding only the parts of the
 * documents that changed. The CSV file an actuals block names is read once
 * per document and path, and parsed once (a block parsed again reuses both:
 * an edit of a large file does not read its CSV files again); `invalidate`
 * forgets everything (a CSV file or the settings changed). Rules, hover, code lens,
 * preview and the CLI all read this one graph.
 */
export class AlignGraphService {
    private readonly documents: LangiumDocuments;
    private readonly csvFiles: AlignCsvFiles;
    private readonly catalogs: AlignCatalogRegistry;
    /** One mark per catalog origin, so that an unchanged origin gives the same object. */
    private marks = new WeakMap<CatalogOrigin, CatalogMark>();
    private state = new ImpactGraphState();
    private csvRead = new WeakMap<Actuals, CsvFileResult>();
    /** What reading each file gave, by the naming document's URI and the path as written. */
    private csvByFile = new Map<string, CsvFileResult>();
    /** Each file's actuals, parsed from what reading it gave. */
    private csvParsed = new WeakMap<CsvFileResult, ActualsRead>();
    private pending: Promise<GraphIndex> | undefined;
    private built: GraphIndex | undefined;
    /** Raised by every change: a build started before it must not become `current`. */
    private generation = 0;

    constructor(services: AlignServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.csvFiles = services.align.CsvFiles;
        this.catalogs = services.align.Catalogs;
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.markChanged());
        builder.onBuildPhase(DocumentState.Linked, () => this.markChanged());
    }

    /** The documents changed (edited, linked again): the next `getIndex` updates the graph. */
    markChanged(): void {
        this.generation++;
        this.pending = undefined;
        this.built = undefined;
    }

    /** Forgets the graph and the CSV files read; the next `getIndex` builds it anew. */
    invalidate(): void {
        this.state = new ImpactGraphState();
        this.csvRead = new WeakMap();
        this.csvByFile = new Map();
        this.csvParsed = new WeakMap();
        this.markChanged();
    }

    /** The graph of the current workspace state. */
    getIndex(): Promise<GraphIndex> {
        this.pending ??= this.build(this.generation);
        return this.pending;
    }

    /**
     * The graph for the editor's features that can answer without it (hover,
     * code lens, quick fixes): undefined when its build failed. That fault is
     * reported already, as an `internal-error` on every document and in the
     * log (AlignWorkspaceFindings); failing the request as well would make
     * the editor pop up an error at every hover and every code-lens refresh.
     */
    indexIfBuilt(): Promise<GraphIndex | undefined> {
        return this.getIndex().then(index => index, () => undefined);
    }

    /**
     * From now on the graph leaves out the actuals dated after `date`
     * (`YYYY-MM-DD`; undefined: none left out): `align report` and `align
     * graph --date` read the workspace as it stood that day, so that the
     * findings of the validation that builds it agree with its figures.
     */
    setAsOf(date: string | undefined): void {
        this.asOfDay = date === undefined ? undefined : parsePeriod(date)?.day;
        this.invalidate();
    }

    /** How many actuals the graph leaves out as of its date (each period of a metric once); 0 without a date. Call after `getIndex`. */
    laterActuals(): number {
        const day = this.asOfDay;
        if (day === undefined) return 0;
        const later = new Map<object, Set<string>>();
        for (const doc of this.linkedDocuments()) {
            for (const actuals of actualsBlocks(modelOf(doc))) {
                const metric = actuals.metric?.ref;
                if (!metric) continue; // not in the graph
                for (const entry of this.readActuals(actuals).entries) {
                    if (entry.period.day <= day) continue;
                    const periods = later.get(metric) ?? new Set<string>();
                    periods.add(entry.period.text);
                    later.set(metric, periods);
                }
            }
        }
        return [...later.values()].reduce((sum, periods) => sum + periods.size, 0);
    }

    /** The actuals of a block as the graph takes them: up to its date, if it has one. */
    private readAsOf(actuals: Actuals): ActualsRead {
        const read = this.readActuals(actuals);
        return this.asOfDay === undefined ? read : actualsUpTo(read, this.asOfDay);
    }

    private asOfDay: number | undefined;

    /** The documents whose workspace findings may have changed since the last call ('all' after a full build). */
    takeChangedDocuments(): Set<string> | 'all' {
        return this.state.takeChangedDocuments();
    }

    /** The graph last built, if it is still current (for synchronous readers such as validation checks). */
    get current(): GraphIndex | undefined {
        return this.built;
    }

    /**
     * Reads the CSV files of new actuals blocks first; then picks the linked
     * documents and updates the graph with no `await` in between, so that no
     * document changes state (an edit resets it at once) while the graph
     * reads its references.
     */
    private async build(generation: number): Promise<GraphIndex> {
        for (;;) {
            const docs = this.linkedDocuments();
            const unread = docs.flatMap(doc => this.state.knows(doc.uri.toString(), modelOf(doc), this.catalogMark(doc)) ? [] : actualsBlocks(modelOf(doc))
                .filter(actuals => actuals.file !== undefined && !this.csvRead.has(actuals) && !this.reuseRead(doc, actuals))
                .map(actuals => ({ doc, actuals })));
            if (unread.length === 0) {
                const state = this.state;
                let index: GraphIndex;
                try {
                    index = state.update(docs.map(d => ({ uri: d.uri.toString(), model: modelOf(d), references: d.references, catalog: this.catalogMark(d) })),
                        actuals => this.readAsOf(actuals));
                } catch (error) {
                    // A half-updated graph must not be built on: start afresh next time.
                    if (this.state === state) this.state = new ImpactGraphState();
                    throw error;
                }
                if (generation === this.generation) this.built = index;
                return index;
            }
            // All files at once: one `await` per file would wait for each read in turn.
            const reads = await Promise.all(unread.map(({ doc, actuals }) => this.csvFiles.read(doc.uri, actuals.file!)));
            unread.forEach(({ doc, actuals }, i) => {
                this.csvRead.set(actuals, reads[i]!);
                this.csvByFile.set(fileKey(doc, actuals), reads[i]!);
            });
        }
    }

    /** The catalog a document belongs to (AlignCatalogRegistry), as graph nodes carry it; undefined for a workspace file. */
    private catalogMark(doc: LangiumDocument): CatalogMark | undefined {
        const origin = this.catalogs.originOf(doc.uri);
        if (!origin) return undefined;
        let mark = this.marks.get(origin);
        if (!mark) {
            mark = catalogMark(origin);
            this.marks.set(origin, mark);
        }
        return mark;
    }

    /** True when the file the block names was read for its document before (the block was parsed again): that read is the block's. */
    private reuseRead(doc: LangiumDocument, actuals: Actuals): boolean {
        const read = this.csvByFile.get(fileKey(doc, actuals));
        if (read) this.csvRead.set(actuals, read);
        return read !== undefined;
    }

    private readActuals(actuals: Actuals): ActualsRead {
        if (actuals.file === undefined) return readInlineActuals(actuals);
        const file = this.csvRead.get(actuals);
        if (!file) return readCsvActuals({ error: 'was not read' }, actuals.file);
        let parsed = this.csvParsed.get(file);
        if (!parsed) {
            parsed = readCsvActuals(file, actuals.file);
            this.csvParsed.set(file, parsed);
        }
        return parsed;
    }

    /** The linked documents, sorted by URI (the order is kept while the set of URIs does not change). */
    private linkedDocuments(): LangiumDocument[] {
        const docs = this.documents.all.filter(d => d.state >= DocumentState.Linked && modelOf(d).$type === 'Model').toArray();
        const order = this.order;
        if (order.size !== docs.length || docs.some(d => !order.has(d.uri.toString()))) {
            docs.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
            this.order = new Map(docs.map((d, i) => [d.uri.toString(), i]));
            return docs;
        }
        return docs.sort((a, b) => order.get(a.uri.toString())! - order.get(b.uri.toString())!);
    }

    private order = new Map<string, number>();
}

function fileKey(doc: LangiumDocument, actuals: Actuals): string {
    return `${doc.uri.toString()}\u0000${actuals.file}`;
}

function modelOf(doc: LangiumDocument): Model {
    return doc.parseResult.value as Model;
}
