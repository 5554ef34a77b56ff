import { DocumentState } from 'langium';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { AlignServices } from '../language/align-module.js';
import type { GraphIndex } from '../language/graph/build-graph.js';
import { focusGraph } from '../language/graph/focus-graph.js';
import { findingsByNode } from '../language/graph/node-findings.js';
import { graphFaultMessage } from '../language/validation/internal-error.js';
import { ruleIdOf } from '../language/findings.js';
import { DidChangeGraphNotification, ImpactGraphRequest, type AlignInitializationOptions, type ImpactGraphResult } from '../language/protocol.js';

/**
 * Answers `align/impactGraph` from the one impact graph and sends
 * `align/didChangeGraph` after each validation of the workspace to a client
 * that asks for it (`initializationOptions.graphNotifications`: the Align
 * extension); other editors would not read it.
 */
export function registerGraphProtocol(connection: Connection, services: AlignServices): void {
    const builder = services.shared.workspace.DocumentBuilder;
    let version = 0;
    let notify = false;
    services.shared.lsp.LanguageServer.onInitialize(params => {
        notify = (params.initializationOptions as AlignInitializationOptions | null | undefined)?.graphNotifications === true;
    });
    builder.onBuildPhase(DocumentState.Validated, async () => {
        version++;
        if (!notify) return;
        // A graph that could not be built (a bug, logged and reported as `internal-error` on every document): said as `fault`.
        const params = await services.align.Graph.getIndex()
            .then(index => ({ version, coverage: index.graph.coverage }), (error: unknown) => ({ version, fault: graphFaultMessage(error) }));
        void connection.sendNotification(DidChangeGraphNotification, params);
    });
    connection.onRequest(ImpactGraphRequest, async (params): Promise<ImpactGraphResult> => {
        const index = await validatedGraph(services);
        const graph = params.focus ? focusGraph(index.graph, params.focus) : index.graph;
        const documents = services.shared.workspace.LangiumDocuments.all.toArray();
        const diagnostics = documents
            .flatMap(doc => (doc.diagnostics ?? []).map(d => ({ uri: doc.uri.toString(), range: d.range, severity: d.severity })));
        const syntaxErrors = documents
            .map(doc => ({ uri: doc.uri.toString(), count: (doc.diagnostics ?? []).filter(d => ruleIdOf(d) === 'syntax').length }))
            .filter(doc => doc.count > 0);
        return {
            graph,
            findings: findingsByNode(graph.nodes, diagnostics),
            focusable: index.graph.nodes.filter(n => n.kind === 'program' || n.kind === 'outcome')
                .map(n => ({ id: n.id, kind: n.kind as 'program' | 'outcome', title: n.title })),
            version,
            syntaxErrors
        };
    });
}

/**
 * The graph of the validated workspace, for a request that cannot answer
 * without it: when its build failed (a bug, already logged and reported as
 * `internal-error` on every document), an InternalError whose message says
 * so, which the preview shows (`The impact graph could not be built: TypeError: ...`).
 */
export async function validatedGraph(services: AlignServices): Promise<GraphIndex> {
    await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    return services.align.Graph.getIndex().catch((error: unknown) => {
        throw new ResponseError(ErrorCodes.InternalError, graphFaultMessage(error));
    });
}
