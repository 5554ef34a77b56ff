import type { BuildOptions, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { Cancellation, DefaultDocumentBuilder, Disposable, DocumentState, OperationCancelled, URI, UriUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AlignServices } from './align-module.js';
import type { AlignIndexManager } from './scope/align-index-manager.js';
import type { AlignDocumentValidator } from './validation/align-document-validator.js';
import { PartialRelinker } from './scope/partial-relinker.js';

/**
 * Builds only what an edit changes: Langium parses, links and validates the
 * changed documents; in the other documents only the references that may
 * now resolve differently are resolved again (`PartialRelinker`), and the
 * rules that read the workspace run over the impact graph, which is updated
 * incrementally. At the end of each build, the documents whose workspace
 * findings or links changed get their diagnostics again without being
 * validated again, and `onDiagnosticsChanged` tells who publishes them.
 */
export class AlignDocumentBuilder extends DefaultDocumentBuilder {
    private readonly diagnosticsListeners: Array<(document: LangiumDocument) => void> = [];
    private readonly relinker: PartialRelinker;
    /** Documents whose references were resolved again since the last refresh. */
    private readonly relinked = new Set<string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.relinker = new PartialRelinker(this.langiumDocuments, services.workspace.IndexManager as AlignIndexManager, this.serviceRegistry);
        this.onDocumentPhase(DocumentState.Linked, document => this.relinker.noteLinks(document));
        this.onBuildPhase(DocumentState.IndexedContent, async () => {
            for (const document of await this.relinker.relink()) this.relinked.add(document.uri.toString());
        });
        this.onDocumentPhase(DocumentState.Validated, document => { this.validatedNow.add(document); });
        this.onBuildPhase(DocumentState.Validated, () => this.refreshChanged());
    }

    /**
     * Langium tells a build phase's listeners only when a document went
     * through that phase. A build in which no document is parsed (a document
     * deleted, nothing else changed) would neither resolve again the
     * references into the deleted document nor refresh the diagnostics that
     * change with it, nor tell that the graph changed: all are done here then.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        documents = this.openFirst(documents);
        const parses = documents.some(d => d.state < DocumentState.IndexedContent);
        if (!parses) for (const document of await this.relinker.relink()) this.relinked.add(document.uri.toString());
        await super.buildDocuments(documents, options, cancelToken);
        if (!parses && !documents.some(d => this.validatedNow.has(d))) {
            // Tell every listener of the phase (the diagnostics refresh, the graph's change notification), as a build that validated would.
            const validated = this.langiumDocuments.all.filter(d => d.state >= DocumentState.Validated).toArray();
            if (validated.length > 0) await this.notifyBuildPhase(validated, DocumentState.Validated, cancelToken);
            else await this.refreshChanged();
        }
        this.validatedNow = new WeakSet();
    }

    /**
     * The documents open in the editor first, the others after them, each
     * group in its order: every phase, validation and publication included,
     * reaches the documents the user sees first (at start-up too, where
     * Langium's own ordering does not apply).
     */
    private openFirst(documents: LangiumDocument[]): LangiumDocument[] {
        const isOpen = (d: LangiumDocument) => this.textDocuments?.get(d.uri) !== undefined;
        const open = documents.filter(isOpen);
        return open.length === 0 || open.length === documents.length ? documents : [...open, ...documents.filter(d => !isOpen(d))];
    }

    /** Documents validated by the build under way. */
    private validatedNow = new WeakSet<LangiumDocument>();

    /** No document is linked again as a whole because another changed: `PartialRelinker` resolves again what may have changed. */
    protected override shouldRelink(): boolean {
        return false;
    }

    override resetToState<T extends LangiumDocument>(document: T, state: DocumentState): void {
        if (state < DocumentState.IndexedContent) this.relinker.remember(document.uri);
        super.resetToState(document, state);
    }

    protected override cleanUpDeleted(document: LangiumDocument): void {
        this.relinker.remember(document.uri);
        this.relinker.forgetLinks(document.uri.toString());
        super.cleanUpDeleted(document);
    }

    /** Called with each validated document whose diagnostics changed after a build, without its being validated again. */
    onDiagnosticsChanged(listener: (document: LangiumDocument) => void): Disposable {
        this.diagnosticsListeners.push(listener);
        return Disposable.create(() => this.diagnosticsListeners.splice(this.diagnosticsListeners.indexOf(listener), 1));
    }

    /**
     * Marks a document changed at once, before the queued update runs, so
     * that requests arriving meanwhile wait for the build of its new text.
     */
    markChanged(document: LangiumDocument): void {
        // Only the state is lowered here: the queued update resets the document under the workspace
        // lock, so a request already walking it (semantic tokens) keeps its links meanwhile.
        if (document.state > DocumentState.Changed) document.state = DocumentState.Changed;
        this.currentState = DocumentState.Changed;
    }

    /**
     * Langium skips the listeners of a document phase once the build is
     * cancelled, among them the waiters of requests (`waitUntil(state, uri)`):
     * the document has reached the phase and will not reach it again, so the
     * request would wait for ever. The listeners run whatever happens to the
     * build; the build itself still stops at its next check.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.notifyDocumentPhase(document, state, Cancellation.CancellationToken.None);
    }

    /** Requests waiting for the workspace to reach a state (`waitUntil(state)`), each with its resolve. */
    private readonly stateWaiters = new Set<{ state: DocumentState; reached(): void }>();

    /**
     * Langium answers a request waiting for the workspace as one more
     * listener of the phase, but tells a phase only to the listeners it had
     * when the phase began, and marks the workspace as past it only after
     * they ran. The graph's listeners of the Validated phase await (the
     * graph is built then): a request that came in meanwhile (the preview's
     * graph, Check Workspace, right after an edit) waited for the next
     * build, which may never come. It is answered when the phase has ended
     * (`runCancelable`, through which every phase of every build goes).
     */
    protected override awaitBuilderState(state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (this.currentState >= state || cancelToken.isCancellationRequested) return super.awaitBuilderState(state, cancelToken);
        return new Promise<void>((resolve, reject) => {
            const waiter = { state, reached: () => { cancel.dispose(); this.stateWaiters.delete(waiter); resolve(); } };
            const cancel = cancelToken.onCancellationRequested(() => { cancel.dispose(); this.stateWaiters.delete(waiter); reject(OperationCancelled); });
            this.stateWaiters.add(waiter);
        });
    }

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => unknown): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        for (const waiter of [...this.stateWaiters]) if (this.currentState >= waiter.state) waiter.reached();
    }

    /** URIs (files or folders) named by updates queued or under way, with how many such updates. */
    private readonly announced = new Map<string, number>();
    private readonly announcedListeners = new Set<() => void>();

    /**
     * Notes that an update of `uris` is about to be queued behind the
     * workspace lock; the returned function is called once that update has
     * run, was cancelled or failed. A document opened while another build
     * runs is created only when its update runs: until then requests on it
     * wait (see `awaitDocumentState`) instead of failing.
     */
    announce(uris: URI[]): () => void {
        const keys = uris.map(u => u.toString());
        for (const key of keys) this.announced.set(key, (this.announced.get(key) ?? 0) + 1);
        let done = false;
        return () => {
            if (done) return;
            done = true;
            for (const key of keys) {
                const left = (this.announced.get(key) ?? 1) - 1;
                if (left > 0) this.announced.set(key, left);
                else this.announced.delete(key);
            }
            for (const listener of [...this.announcedListeners]) listener();
        };
    }

    /** Whether no build is under way or announced: the last one ran to its end. */
    get idle(): boolean {
        return this.currentState >= DocumentState.Validated && this.announced.size === 0;
    }

    /** Whether an update naming the document (or a folder holding it) is queued or under way. */
    isAnnounced(uri: URI): boolean {
        const key = uri.toString();
        for (const announced of this.announced.keys()) if (key === announced || key.startsWith(announced.endsWith('/') ? announced : announced + '/')) return true;
        return false;
    }

    /**
     * Langium rejects a request on a document its builder does not have yet
     * (opened while another build runs: its update waits behind that build),
     * or has not built although the workspace is past the state asked for.
     * While an update naming the document is queued or under way, wait until
     * that update has started on it (then Langium waits for the phase), or is
     * over; cancellation is honoured. Nothing waits for a document no update
     * names, so no request waits for ever.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        const document = this.langiumDocuments.getDocument(uri);
        const notQueuedYet = !document || (document.state < state && this.currentState >= state);
        if (!notQueuedYet || !this.isAnnounced(uri) || cancelToken.isCancellationRequested) return super.awaitDocumentState(state, uri, cancelToken);
        return new Promise<URI>((resolve, reject) => {
            const stop = () => {
                updates.dispose();
                cancel.dispose();
                this.announcedListeners.delete(finished);
            };
            const settle = () => {
                stop();
                super.awaitDocumentState(state, uri, cancelToken).then(resolve, reject);
            };
            const finished = () => { if (!this.isAnnounced(uri)) settle(); };
            const updates = this.onUpdate(changed => { if (changed.some(c => UriUtils.equals(c, uri))) settle(); });
            const cancel = cancelToken.onCancellationRequested(() => { stop(); reject(OperationCancelled); });
            this.announcedListeners.add(finished);
        });
    }

    /**
     * Catalog files (a library) are never validated: no rule finding is
     * reported inside them. They still pass through the validation phase,
     * with no diagnostics (so nothing is published for them): requests that
     * wait for a validated document (code actions) are answered in them, and
     * a build in which only a catalog file changed ends as every build does,
     * with the diagnostics of the documents whose references changed
     * refreshed. A catalog file open in the editor shows its syntax errors
     * (one breaks every reference into the file); they are cleared once fixed
     * or once it is closed (`AlignDocumentUpdateHandler` builds it again then).
     */
    protected override async validate(document: LangiumDocument, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const key = document.uri.toString();
        if (!this.isCatalog(document)) {
            this.validatedAsWorkspace.add(key);
            return super.validate(document, cancelToken);
        }
        const validator = this.serviceRegistry.getServices(document.uri).validation.DocumentValidator as AlignDocumentValidator;
        const errors = this.textDocuments?.get(key) ? validator.syntaxErrors(document) : [];
        // Published when there are errors, or to clear those shown before (as a catalog file's, or as a workspace file's
        // before its folder became a catalog).
        const shown = this.catalogsWithErrors.delete(key);
        if (errors.length > 0 || shown || this.validatedAsWorkspace.delete(key)) document.diagnostics = errors;
        if (errors.length > 0) this.catalogsWithErrors.add(key);
    }

    /** Documents last validated as workspace files: their findings were published. */
    private readonly validatedAsWorkspace = new Set<string>();

    /** Catalog files whose syntax errors are shown (they were open in the editor). */
    private readonly catalogsWithErrors = new Set<string>();

    private isCatalog(document: LangiumDocument): boolean {
        const catalogs = (this.serviceRegistry.getServices(document.uri) as Partial<AlignServices>).align?.Catalogs;
        return catalogs?.isCatalog(document.uri) ?? false;
    }

    /**
     * A build reads from disk every document not open in the editor. A file
     * deleted before its deletion is announced (closed in the editor after
     * it was deleted while an update of it waited, or announced as changed
     * by a watcher event that came late) is not there: Langium's build
     * failed on it (ENOENT), the other documents were left unbuilt and the
     * deletion was never applied. Such documents are deleted instead, as the
     * announcement will do (their diagnostics cleared, what they declared
     * gone), and the update runs again; the announcement then finds nothing
     * left to delete. Any other failure is the update's.
     */
    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        let gone: URI[] = [];
        for (;;) {
            try {
                return await super.update(changed, [...deleted, ...gone], cancelToken);
            } catch (error) {
                if (!isFileGone(error)) throw error;
                const known = new Set(gone.map(uri => uri.toString()));
                const vanished = (await this.vanishedDocuments()).filter(uri => !known.has(uri.toString()));
                // Each attempt deletes at least one more document: the loop ends.
                if (vanished.length === 0) throw error;
                gone = [...gone, ...vanished];
            }
        }
    }

    /**
     * Validates every document again (settings or a CSV file changed). A
     * document whose file was deleted before the deletion was announced
     * cannot be read again: when the build fails, such documents are deleted
     * (as the announcement will do) and the build runs once more.
     */
    async revalidateAll(): Promise<void> {
        try {
            await this.validateAllAgain();
        } catch (error) {
            const vanished = await this.vanishedDocuments();
            if (vanished.length === 0) throw error;
            await this.update([], vanished);
            await this.validateAllAgain();
        }
    }

    private async validateAllAgain(): Promise<void> {
        for (const document of this.langiumDocuments.all) {
            if (document.state > DocumentState.IndexedReferences) this.resetToState(document, DocumentState.IndexedReferences);
        }
        await this.build(this.langiumDocuments.all.toArray(), { validation: true });
    }

    /** Documents not open in the editor whose file no longer exists. */
    private async vanishedDocuments(): Promise<URI[]> {
        const documents = this.langiumDocuments.all.filter(d => !this.textDocuments?.get(d.uri.toString())).toArray();
        const gone = await Promise.all(documents.map(async d => !await this.fileSystemProvider.exists(d.uri)));
        return documents.filter((_, i) => gone[i]).map(d => d.uri);
    }

    /** Gives the validated documents whose workspace findings changed their new diagnostics, and tells the listeners. */
    private async refreshChanged(): Promise<void> {
        const align = this.serviceRegistry.all.find((s): s is AlignServices => 'align' in s);
        if (!align) return;
        align.align.WorkspaceFindings.update(await align.align.WorkspaceFindings.ready());
        const validator = align.validation.DocumentValidator as unknown as { refresh(document: LangiumDocument): Promise<Diagnostic[] | undefined> };
        const uris = new Set([...align.align.WorkspaceFindings.takeChanged(), ...this.relinked]);
        this.relinked.clear();
        for (const uri of uris) {
            const document = this.langiumDocuments.getDocument(URI.parse(uri));
            if (!document || document.state < DocumentState.Validated || this.isCatalog(document)) continue;
            const diagnostics = await validator.refresh(document);
            if (!diagnostics || JSON.stringify(diagnostics) === JSON.stringify(document.diagnostics)) continue;
            document.diagnostics = diagnostics;
            for (const listener of this.diagnosticsListeners) listener(document);
        }
    }
}

/** Whether a failed read says the file is not there (a deletion not announced yet), or a folder of its path is a file now. */
export function isFileGone(error: unknown): boolean {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
