import type { LangiumDocument, LangiumDocuments, ValidationAcceptor } from 'langium';
import { DocumentState, getDiagnosticRange, toDiagnosticSeverity } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AlignServices } from '../align-module.js';
import type { AlignSettingsService } from '../config/align-settings.js';
import type { GraphIndex } from '../graph/build-graph.js';
import type { AlignGraphService } from '../graph/graph-service.js';
import type { Model } from '../generated/ast.js';
import type { AlignSnapshotService } from '../pull/snapshot-service.js';
import { graphFaultFinding } from './internal-error.js';
import { ruleContext } from './rule-context.js';
import { runWorkspaceRules } from './workspace-rules.js';

/** A build of the impact graph that threw: what it threw. */
export interface GraphFault {
    readonly fault: unknown;
}

const isFault = (index: GraphIndex | GraphFault): index is GraphFault => 'fault' in index;

interface DocumentFindings {
    readonly model: Model;
    readonly diagnostics: Diagnostic[];
    /** The findings as text, to tell whether they changed. */
    readonly key: string;
}

/**
 * The findings of the workspace rules (those that read the impact graph),
 * per document, for the graph of the current workspace state. After each
 * update of the graph they are computed again for the documents the graph
 * says may have changed, and compared with the previous findings:
 * `takeChanged` says which documents' findings changed, so that only those
 * are published again.
 */
export class AlignWorkspaceFindings {
    private readonly documents: LangiumDocuments;
    private readonly settings: AlignSettingsService;
    private readonly graph: AlignGraphService;
    private readonly snapshots: AlignSnapshotService;
    private readonly byUri = new Map<string, DocumentFindings>();
    private readonly changed = new Set<string>();
    private computedFor: GraphIndex | undefined;
    /** The fault of the last graph build that failed, logged once. */
    private logged: unknown;
    /** The documents given the fault instead of their workspace findings: shown again once a build succeeds. */
    private readonly faulted = new Set<string>();

    constructor(services: AlignServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.settings = services.align.Settings;
        this.graph = services.align.Graph;
        this.snapshots = services.align.Snapshots;
    }

    /**
     * The graph of the current workspace state, once the snapshots' standing
     * (read by `snapshot-drift`) is known too; or the fault of its build (a
     * bug in Align: logged once, and `of` gives each document one
     * `internal-error` instead of the workspace rules' findings).
     */
    async ready(): Promise<GraphIndex | GraphFault> {
        let index: GraphIndex;
        try {
            index = await this.graph.getIndex();
        } catch (error) {
            if (error !== this.logged) console.error('Align: the impact graph could not be built, so the rules that read it did not run:', error);
            this.logged = error;
            return { fault: error };
        }
        await this.snapshots.getStatuses();
        return index;
    }

    /** The findings of one document for this graph (for a fault of its build: that fault). */
    of(document: LangiumDocument, index: GraphIndex | GraphFault): Diagnostic[] {
        if (isFault(index)) {
            this.faulted.add(document.uri.toString());
            return [graphFaultFinding(index.fault)];
        }
        this.update(index);
        const found = this.byUri.get(document.uri.toString());
        return found && found.model === document.parseResult.value ? found.diagnostics : this.compute(document, index).diagnostics;
    }

    /**
     * Brings the findings of the linked documents up to date with this graph
     * (nothing when they are already). A document whose findings were never
     * computed is left to its validation (`of`): at start-up the first
     * documents validated need not wait for the workspace rules of all.
     */
    update(index: GraphIndex | GraphFault): void {
        if (isFault(index) || this.computedFor === index) return;
        this.computedFor = index;
        for (const uri of this.faulted) this.changed.add(uri);
        this.faulted.clear();
        const changed = this.graph.takeChangedDocuments();
        const seen = new Set<string>();
        for (const document of this.documents.all) {
            if (document.state < DocumentState.Linked || document.parseResult.value.$type !== 'Model') continue;
            const uri = document.uri.toString();
            seen.add(uri);
            const before = this.byUri.get(uri);
            // Never computed: the document is being validated, which computes (and publishes) its findings when it comes to it.
            if (!before) continue;
            if (changed !== 'all' && !changed.has(uri) && before.model === document.parseResult.value) continue;
            const after = this.compute(document, index);
            if (before?.key !== after.key) this.changed.add(uri);
        }
        for (const uri of this.byUri.keys()) if (!seen.has(uri)) this.byUri.delete(uri);
    }

    /** The URIs whose findings changed since the last call. */
    takeChanged(): string[] {
        const uris = [...this.changed];
        this.changed.clear();
        return uris;
    }

    private compute(document: LangiumDocument, index: GraphIndex): DocumentFindings {
        const diagnostics: Diagnostic[] = [];
        const accept: ValidationAcceptor = (severity, message, info) => {
            diagnostics.push({ message, range: getDiagnosticRange(info), severity: toDiagnosticSeverity(severity), code: info.code, data: info.data });
        };
        const model = document.parseResult.value as Model;
        runWorkspaceRules(model, ruleContext(index, this.settings, accept, this.snapshots.current), accept);
        const found = { model, diagnostics, key: diagnostics.map(keyOf).join('\n') };
        this.byUri.set(document.uri.toString(), found);
        return found;
    }
}

function keyOf(d: Diagnostic): string {
    const { start, end } = d.range;
    return `${start.line}:${start.character}-${end.line}:${end.character} ${d.severity} ${String(d.code)} ${String(d.message)}`;
}
