import type { LangiumSharedServices } from 'langium/lsp';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import { ErrorCodes, MessageType, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphNode } from '../../language/graph/types.js';
import { plural } from '../../language/present/index.js';
import { maximalPaths, pathText } from './hover-format.js';

/**
 * The server's command behind a code lens in clients other than the Align
 * extension (which reveals the node in its preview with its own
 * `align.showImpactChain`). Arguments: `[nodeId]`. It shows the chain paths
 * through the node as a message and answers them as text.
 */
export const SERVER_IMPACT_CHAIN_COMMAND = 'align.server.showImpactChain';

/** `workspace/executeCommand` of the server's commands. */
export class AlignCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    /** An unknown command is an error naming it and the server's commands (Langium answered `null`). */
    override async executeCommand(name: string, args: unknown[], cancelToken?: CancellationToken): Promise<unknown> {
        if (!this.commands.includes(name)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${JSON.stringify(name)}: the Align server runs ${this.commands.join(', ')}.`);
        }
        return super.executeCommand(name, args, cancelToken);
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        acceptor(SERVER_IMPACT_CHAIN_COMMAND, async ([nodeId]: unknown[]) => {
            if (typeof nodeId !== 'string') {
                const given = nodeId === undefined ? 'none was given' : `got ${JSON.stringify(nodeId)}`;
                throw new ResponseError(ErrorCodes.InvalidParams, `${SERVER_IMPACT_CHAIN_COMMAND} takes an element's id as its argument (its code lens gives it); ${given}.`);
            }
            const align = this.shared.ServiceRegistry.all[0] as AlignServices;
            const index = await align.align.Graph.getIndex();
            const node = index.node(nodeId);
            const text = node ? impactChainText(index, node) : `No element ${JSON.stringify(nodeId)} in the workspace: ask for the code lenses again.`;
            void this.shared.lsp.Connection?.sendNotification('window/showMessage', { type: node ? MessageType.Info : MessageType.Warning, message: text });
            return text;
        });
    }
}

/**
 * The chain paths (objective to KPI) through an element, one a line:
 * an objective's own, a program's or an outcome's objectives', else those
 * the element is on.
 */
export function impactChainText(index: GraphIndex, node: GraphNode): string {
    const through = (objective: GraphNode, path: readonly string[]): boolean =>
        node.kind === 'program' ? objective.program === node.id || (node.programFigures?.chain.includes(objective.id) ?? false)
        : node.kind === 'outcome' ? objective.objective!.outcomes.includes(node.id)
        : path.includes(node.id);
    const lines = [...new Set(index.graph.nodes.filter(n => n.objective)
        .flatMap(objective => maximalPaths(objective.objective!.paths).filter(p => through(objective, p)).map(p => pathText(index, p))))];
    const head = `${node.kind} ${node.qualifiedName}`;
    return lines.length === 0 ? `${head} is on no chain path from an objective to a KPI.`
        : [`Impact chain of ${head} (${plural(lines.length, 'path')}):`, ...lines].join('\n');
}
