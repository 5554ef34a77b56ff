import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { AlignGraphService } from '../../language/graph/graph-service.js';
import type { GraphNode } from '../../language/graph/types.js';
import { attributionLenses } from './code-lens-attribution.js';
import { metricsWithoutKind, plural } from '../../language/present/index.js';
import { ClientCommands } from './client-commands.js';
import { SERVER_IMPACT_CHAIN_COMMAND } from './impact-chain-command.js';

/** The command a lens runs in VS Code: the Align extension reveals the node's impact chain. Arguments: `[nodeId]`. */
export const SHOW_IMPACT_CHAIN_COMMAND = 'align.showImpactChain';

/**
 * Code lenses over the impact graph, on the declaration's name:
 * on an objective "2 KPIs via 3 behaviors", "1 KPI (direct)" or "no KPI link";
 * on a metric "moved by 2 behaviors, reached by 3 objectives"; on a program
 * its ROI and on each `isolate` the KPI's attributed change (see code-lens-attribution.ts).
 */
export class AlignCodeLensProvider implements CodeLensProvider {
    private readonly graph: AlignGraphService;
    private readonly client: ClientCommands;

    constructor(services: AlignServices) {
        this.graph = services.align.Graph;
        this.client = new ClientCommands(services.shared.lsp.LanguageServer);
    }

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams): Promise<CodeLens[]> {
        const index = await this.graph.indexIfBuilt();
        if (!index) return [];
        const uri = document.uri.toString();
        const reached = reachCounts(index);
        // Other clients run the server's command (workspace/executeCommand), which shows the chain as text.
        const command = this.client.showImpactChain ? SHOW_IMPACT_CHAIN_COMMAND : SERVER_IMPACT_CHAIN_COMMAND;
        const lenses: CodeLens[] = [];
        for (const node of index.graph.nodes) {
            if (node.uri !== uri) continue;
            const title = node.kind === 'objective' ? objectiveLensTitle(index, node)
                : node.kind === 'metric' ? metricLensTitle(index, node, reached.get(node.id) ?? 0)
                : undefined;
            if (title === undefined) continue;
            lenses.push({ range: node.nameRange, command: { title, command, arguments: [node.id] } });
        }
        return [...lenses, ...attributionLenses(index, document, command)];
    }
}

/**
 * "2 KPIs via 1 behavior", "1 KPI (direct)", "no KPI link", "no KPI link
 * (activity/learning only)" or "no KPI link (metrics without kind)", as the
 * hover tells the last two apart.
 */
export function objectiveLensTitle(index: GraphIndex, node: GraphNode): string | undefined {
    const links = node.objective;
    if (!links) return undefined;
    if (links.kpis.length === 0) {
        if (links.metrics.length === 0) return 'no KPI link';
        const kindless = metricsWithoutKind(links.metrics, id => index.node(id)?.metric?.kind);
        return kindless.length > 0 ? 'no KPI link (metrics without kind)' : 'no KPI link (activity/learning only)';
    }
    const kpis = plural(links.kpis.length, 'KPI');
    return links.via.length === 0 ? `${kpis} (direct)` : `${kpis} via ${plural(links.via.length, 'behavior')}`;
}

/** "moved by 2 behaviors, reached by 3 objectives". */
export function metricLensTitle(index: GraphIndex, node: GraphNode, reachedBy: number): string {
    const movedBy = new Set(index.adjacency.sources(node.id, 'moves')).size;
    return `moved by ${plural(movedBy, 'behavior')}, reached by ${plural(reachedBy, 'objective')}`;
}

/** For each metric id: how many objectives reach it (their `objective.metrics` include it). */
function reachCounts(index: GraphIndex): Map<string, number> {
    const counts = new Map<string, number>();
    for (const node of index.graph.nodes) {
        for (const metric of node.objective?.metrics ?? []) counts.set(metric, (counts.get(metric) ?? 0) + 1);
    }
    return counts;
}
